import { describe, expect, it } from 'vitest'
import { runsOf } from './moochub-runs.ts'

const base = { courseMode: [], keywords: [] }

describe('MOOChub runs', () => {
  it('pairs start and end dates by position when every start has an end, even when runs overlap', () => {
    const runs = runsOf({
      ...base,
      startDate: ['2027-06-21T00:00:00Z', '2026-10-26T00:00:00Z'],
      endDate: ['2027-08-16T23:59:59Z', '2027-10-26T23:59:59Z'],
    })
    expect(runs.map((r) => [r.startsOn, r.endsOn])).toEqual([
      ['2026-10-26', '2027-10-26'],
      ['2027-06-21', '2027-08-16'],
    ])
  })

  it('falls back to the first end before the next start when the lists cannot be paired', () => {
    const runs = runsOf({
      ...base,
      startDate: ['2026-01-10', '2026-03-01', '2026-05-01'],
      endDate: ['2026-02-20', '2026-04-10'],
    })
    expect(runs.map((r) => [r.startsOn, r.endsOn])).toEqual([
      ['2026-01-10', '2026-02-20'],
      ['2026-03-01', '2026-04-10'],
      ['2026-05-01', null],
    ])
  })

  it('does not pair an end before its start, nor repeated starts', () => {
    const backwards = runsOf({
      ...base,
      startDate: ['2026-05-01', '2026-01-01'],
      endDate: ['2026-02-01', '2026-06-01'],
    })
    expect(backwards.map((r) => [r.startsOn, r.endsOn])).toEqual([
      ['2026-01-01', '2026-02-01'],
      ['2026-05-01', '2026-06-01'],
    ])
    const repeated = runsOf({
      ...base,
      startDate: ['2026-01-01', '2026-01-01'],
      endDate: ['2026-02-01', '2026-03-01'],
    })
    expect(repeated).toHaveLength(1)
  })
})
