// Prints what the evaluation measured: Markdown tables per language and per class, the worst queries
// with what came back and what was expected, and whether the targets of the relevance issue are met.
import type { EvalCourse } from './eval-data.ts'
import { LANGUAGES, QUERY_CLASSES } from './eval-data.ts'
import type { QueryResult } from './evaluation.ts'
import { NDCG_K, RECALL_K, summarize, type GroupSummary } from './metrics.ts'

/** nDCG@10 every language must reach. */
export const NDCG_TARGET = 0.8

export function summaryTable(results: readonly QueryResult[], by: 'language' | 'class'): string {
  const groups: readonly string[] = by === 'language' ? LANGUAGES : QUERY_CLASSES
  const rows = groups.map((g) => [g, ...cells(summarize(scores(results.filter((r) => r.query[by] === g))))])
  rows.push(['**all**', ...cells(summarize(scores(results)))])
  return table(
    [by, 'queries', 'judged', `nDCG@${NDCG_K}`, `recall@${RECALL_K}`, 'zero-result', 'zero with relevant'],
    rows,
  )
}

/** nDCG@10 per language and class (judged queries only). */
export function classMatrix(results: readonly QueryResult[]): string {
  const rows = LANGUAGES.map((language) => [
    language,
    ...QUERY_CLASSES.map((cls) => {
      const s = summarize(
        scores(results.filter((r) => r.query.language === language && r.query.class === cls)),
      )
      return s.judged === 0 ? '–' : s.ndcg.toFixed(2)
    }),
  ])
  return table(['nDCG@10', ...QUERY_CLASSES], rows)
}

/** The `n` judged queries with the lowest nDCG@10 (then recall@20), with what came back and what was expected. */
export function worstQueries(
  results: readonly QueryResult[],
  courses: ReadonlyMap<string, EvalCourse>,
  n: number,
): string {
  const worst = results
    .filter((r) => r.score.ndcg !== null)
    .sort(
      (a, b) => (a.score.ndcg ?? 0) - (b.score.ndcg ?? 0) || (a.score.recall ?? 0) - (b.score.recall ?? 0),
    )
    .slice(0, n)
  const title = (id: string) => courses.get(id)?.title ?? '?'
  return worst
    .map((r) => {
      const q = r.query
      const notes = [
        q.understood.length > 0 ? `understood ${q.understood.join(',')}` : '',
        r.relaxed ? 'relaxed' : '',
        r.suggestion ? `did you mean "${r.suggestion}"` : '',
      ].filter(Boolean)
      const head =
        `${q.id} [${q.language}, ${q.class}] "${q.query}"${notes.length ? ` (${notes.join('; ')})` : ''}` +
        ` — nDCG@10 ${fixed(r.score.ndcg)}, recall@20 ${fixed(r.score.recall)}, ${r.total} found`
      const got = r.ranked
        .slice(0, NDCG_K)
        .map(
          (id, i) =>
            `    ${i + 1}. ${id} ${title(id)} [${q.judgments.get(id) ?? 0}]${r.crossLingual.has(id) ? ' (cross-lingual)' : ''}`,
        )
      const expected = [...q.judgments]
        .sort((a, b) => b[1] - a[1])
        .map(([id, grade]) => {
          const rank = r.ranked.indexOf(id)
          return `    ${id}:${grade} ${title(id)} — ${rank < 0 ? 'not in top 20' : `rank ${rank + 1}`}`
        })
      return [head, '  got:', ...(got.length ? got : ['    (nothing)']), '  expected:', ...expected].join(
        '\n',
      )
    })
    .join('\n\n')
}

/** Queries no course is relevant to: what they returned (ideally nothing, or nothing pretending to fit). */
export function unanswerable(
  results: readonly QueryResult[],
  courses: ReadonlyMap<string, EvalCourse>,
): string {
  return results
    .filter((r) => r.score.ndcg === null)
    .map((r) => {
      const top = r.ranked.slice(0, 3).map((id) => `${id} ${courses.get(id)?.title ?? '?'}`)
      return `${r.query.id} [${r.query.language}] "${r.query.query}": ${r.total} found${top.length ? ` — ${top.join('; ')}` : ''}`
    })
    .join('\n')
}

/** The targets of the relevance issue that were missed; empty when all are met. */
export function missedTargets(results: readonly QueryResult[]): string[] {
  const missed: string[] = []
  for (const language of LANGUAGES) {
    const s = summarize(scores(results.filter((r) => r.query.language === language)))
    if (s.ndcg < NDCG_TARGET) missed.push(`${language}: nDCG@10 ${s.ndcg.toFixed(3)} < ${NDCG_TARGET}`)
  }
  const zero = results.filter((r) => r.score.zero && r.score.ndcg !== null).map((r) => r.query.id)
  if (zero.length > 0) missed.push(`zero results although a course is relevant: ${zero.join(', ')}`)
  return missed
}

function scores(results: readonly QueryResult[]) {
  return results.map((r) => r.score)
}

function cells(s: GroupSummary): string[] {
  return [
    String(s.queries),
    String(s.judged),
    s.ndcg.toFixed(3),
    s.recall.toFixed(3),
    `${(100 * s.zeroRate).toFixed(1)}%`,
    String(s.zeroWithRelevant),
  ]
}

function fixed(value: number | null): string {
  return value === null ? '–' : value.toFixed(2)
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cols: string[]) => `| ${cols.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
