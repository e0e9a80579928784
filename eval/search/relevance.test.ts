// The relevance targets as a test, so a change that makes search worse in any language fails the
// suite (on SQLite and on PostgreSQL): nDCG@10 ≥ 0.80 in every language, and no empty answer to a
// query some course is relevant to. `npm run eval:search` prints the whole report.
import { expect, it } from 'vitest'
import { runEvaluation } from './evaluation.ts'
import { missedTargets } from './report.ts'

it('meets the relevance targets in every language', async () => {
  const { results } = await runEvaluation()
  expect(results.length).toBeGreaterThanOrEqual(200)
  expect(missedTargets(results)).toEqual([])
}, 180_000)
