// Formats search benchmark measurements as markdown: per catalog size, one latency table (build
// time, memory and disk per course, p50/p95/p99 per query class) and one table of zero-result rates.
import type { ClassStats, Measurement } from './measure.ts'

export interface Row {
  engine: string
  size: number
  result: Measurement | string
}

export function formatTables(rows: readonly Row[]): string {
  const sizes = [...new Set(rows.map((r) => r.size))]
  return sizes
    .map((size) =>
      tablesFor(
        size,
        rows.filter((r) => r.size === size),
      ),
    )
    .join('\n')
}

function tablesFor(size: number, rows: readonly Row[]): string {
  const classes = [
    ...new Set(rows.flatMap((r) => (typeof r.result === 'string' ? [] : Object.keys(r.result.classes)))),
  ]
  const latency = [
    ['engine', 'build s', 'RSS B/course', 'disk B/course', ...classes.map((c) => `${c} p50/p95/p99 ms`)],
  ]
  const misses = [['engine', ...classes.map((c) => `${c} zero-result %`)]]
  for (const { engine, result } of rows) {
    if (typeof result === 'string') {
      latency.push([engine, result])
      continue
    }
    const stats = (c: string): ClassStats | undefined => result.classes[c]
    latency.push([
      engine,
      result.buildSeconds.toFixed(1),
      Math.round(result.rssBytesPerCourse).toLocaleString('en'),
      result.diskBytesPerCourse === null ? '–' : Math.round(result.diskBytesPerCourse).toLocaleString('en'),
      ...classes.map((c) => cell(stats(c))),
    ])
    misses.push([engine, ...classes.map((c) => ((stats(c)?.zeroRate ?? NaN) * 100).toFixed(0))])
  }
  return [
    `\n### ${size.toLocaleString('en')} courses\n`,
    markdown(latency),
    '\nQueries that found nothing (a miss where the catalog has matches shows weak analysis or no typo tolerance):\n',
    markdown(misses),
  ].join('\n')
}

function cell(stats: ClassStats | undefined): string {
  if (!stats) return '–'
  const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2))
  const capped = stats.n < 20 ? ` (n=${stats.n})` : ''
  return `${ms(stats.p50)} / ${ms(stats.p95)} / ${ms(stats.p99)}${capped}`
}

function markdown(table: readonly string[][]): string {
  const width = Math.max(...table.map((r) => r.length))
  const lines = table.map((r) => `| ${[...r, ...Array<string>(width - r.length).fill('')].join(' | ')} |`)
  const rule = `|${Array.from({ length: width }, (_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`
  return [lines[0], rule, ...lines.slice(1)].join('\n')
}
