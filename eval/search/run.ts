// npm run eval:search [-- --as-submitted] [-- --worst N]: the relevance evaluation of search
// (docs/search.md, "Relevance"). Exits 1 when a target is missed, so it can gate a change.
import { parseArgs } from 'node:util'
import { runEvaluation } from './evaluation.ts'
import { classMatrix, missedTargets, summaryTable, unanswerable, worstQueries } from './report.ts'

const { values } = parseArgs({
  options: {
    'as-submitted': { type: 'boolean', default: false },
    worst: { type: 'string', default: '15' },
  },
})
const worst = Number(values.worst)
if (!Number.isInteger(worst) || worst < 0) throw new Error('--worst takes a whole number')

const started = performance.now()
const { results, courses, dialect } = await runEvaluation({ asSubmitted: values['as-submitted'] })
const seconds = ((performance.now() - started) / 1000).toFixed(1)
const mode = values['as-submitted']
  ? 'every query sent as written (as a submitted search form)'
  : 'finished queries sent with a trailing space, prefix queries as typed'

console.log(
  `Search relevance: ${results.length} queries over ${courses.size} courses (${dialect}; ${mode}; ${seconds} s)\n`,
)
console.log(`By language\n\n${summaryTable(results, 'language')}\n`)
console.log(`By class\n\n${summaryTable(results, 'class')}\n`)
console.log(`nDCG@10 by language and class\n\n${classMatrix(results)}\n`)
console.log(`Queries no course is relevant to\n\n${unanswerable(results, courses)}\n`)
console.log(`The ${worst} worst queries (grade in brackets)\n\n${worstQueries(results, courses, worst)}\n`)

const missed = missedTargets(results)
if (missed.length === 0)
  console.log('Targets met: nDCG@10 ≥ 0.80 in every language, no empty answer when a course is relevant.')
else {
  console.log(`Targets missed:\n${missed.map((m) => `- ${m}`).join('\n')}`)
  process.exitCode = 1
}
