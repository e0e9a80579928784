import { describe, expect, it } from 'vitest'
import { ftsMatch } from './fts5-best.ts'
import { matchExpression } from './fts5-naive.ts'
import { percentile } from './measure.ts'
import { tsqueryText } from './postgres-fts.ts'
import { formatTables } from './report.ts'

describe('search benchmark helpers', () => {
  it('quotes FTS5 and tsquery terms so no input becomes query syntax', () => {
    expect(
      ftsMatch([
        { alternatives: ['a"b', 'c'], prefix: true },
        { alternatives: ['d'], prefix: false },
      ]),
    ).toBe('("a""b"* OR "c"*) AND "d"')
    expect(ftsMatch([{ alternatives: [''], prefix: false }])).toBe('')
    expect(
      tsqueryText([
        { alternatives: ["o'k", 'a\\b'], prefix: false },
        { alternatives: ['x'], prefix: true },
      ]),
    ).toBe("('o''k' | 'a\\\\b') & 'x':*")
    expect(matchExpression({ text: 'machine "learn', lastIsPrefix: true })).toBe('"machine" "learn"*')
    expect(matchExpression({ text: ' :: -- ', lastIsPrefix: false })).toBe('')
  })

  it('takes nearest-rank percentiles', () => {
    const times = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(times, 50)).toBe(50)
    expect(percentile(times, 95)).toBe(95)
    expect(percentile(times, 99)).toBe(99)
    expect(percentile([], 50)).toBeNaN()
  })

  it('prints one latency table and one miss table per size, with engines that did not run', () => {
    const stats = { n: 200, p50: 0.5, p95: 12.34, p99: 150, zeroRate: 0.1 }
    const text = formatTables([
      { engine: 'moocx', size: 1000, result: 'not run: bench/search/moocx.ts is not written yet' },
      {
        engine: 'fts5-naive',
        size: 1000,
        result: {
          engine: 'fts5-naive',
          size: 1000,
          buildSeconds: 1.25,
          rssBytesPerCourse: 1234.5,
          diskBytesPerCourse: null,
          classes: { 'one-word': stats, 'prefix+facets': { ...stats, n: 7 } },
        },
      },
    ])
    expect(text).toContain('### 1,000 courses')
    expect(text).toContain('| moocx | not run: bench/search/moocx.ts is not written yet |')
    expect(text).toContain('| fts5-naive | 1.3 | 1,235 | – | 0.50 / 12.3 / 150 | 0.50 / 12.3 / 150 (n=7) |')
    expect(text).toContain('| fts5-naive | 10 | 10 |')
  })
})
