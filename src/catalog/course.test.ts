import { describe, expect, it } from 'vitest'
import { addDays, courseAvailability, runAvailability, runDateProblems } from './course.ts'

const today = '2026-11-29'

describe('runAvailability', () => {
  it.each([
    [{ pacing: 'instructor', startsOn: '2026-11-01', endsOn: '2026-12-31' }, 'current'],
    [{ pacing: 'instructor', startsOn: '2026-11-29', endsOn: '2026-11-29' }, 'current'],
    [{ pacing: 'self', startsOn: '2026-01-01', endsOn: null }, 'self-paced'],
    [{ pacing: 'self', startsOn: null, endsOn: null }, 'self-paced'],
    [{ pacing: 'instructor', startsOn: '2026-11-30', endsOn: null }, 'starting-soon'],
    [{ pacing: 'instructor', startsOn: '2026-12-29', endsOn: null }, 'starting-soon'],
    [{ pacing: 'instructor', startsOn: '2026-12-30', endsOn: null }, 'upcoming'],
    [{ pacing: 'self', startsOn: '2027-05-01', endsOn: null }, 'upcoming'],
    [{ pacing: 'instructor', startsOn: '2026-01-01', endsOn: '2026-11-28' }, 'archived'],
  ] as const)('%o is %s', (run, expected) => {
    expect(runAvailability(run, today)).toBe(expected)
  })
})

describe('courseAvailability', () => {
  it('is archived only when every run has ended', () => {
    const ended = { pacing: 'instructor', startsOn: '2025-01-01', endsOn: '2025-02-01' } as const
    const soon = { pacing: 'instructor', startsOn: '2026-12-05', endsOn: null } as const
    expect(courseAvailability([ended], today)).toEqual(['archived'])
    expect(courseAvailability([ended, soon], today)).toEqual(['starting-soon'])
    expect(courseAvailability([], today)).toEqual([])
  })
})

describe('dates', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('refuses runs that end before they start', () => {
    expect(runDateProblems({ pacing: 'self', startsOn: '2026-05-01', endsOn: '2026-04-01' })).toHaveLength(1)
    expect(
      runDateProblems({ enrollmentOpensOn: '2026-05-01', enrollmentClosesOn: '2026-04-01' })[0]?.field,
    ).toBe('enrollmentClosesOn')
  })
})
