import { describe, expect, it } from 'vitest'
import { MAX_HOURS_PER_WEEK, parseDuration, parseEffort, parseWorkload } from './normalize-effort.ts'

describe('parseEffort', () => {
  it.each([
    ['04:00', 4],
    ['4:30', 4.5],
    ['00:45', 0.75],
    ['4:20', 4.33],
    ['10:00:00', 10],
    ['4', 4],
    ['2.5', 2.5],
    ['3-5', 4],
    [' 3 – 5 ', 4],
  ])('reads the Open edX value %j as %s hours per week', (input, hours) => {
    expect(parseEffort(input)).toEqual({ hoursPerWeek: hours })
  })

  it.each([
    ['3-5 hours/week', 4],
    ['3 - 5 Hours / Week', 4],
    ['4-8 hours/week', 6],
    ['3 to 5 hours per week', 4],
    ['2 hours per week', 2],
    ['5 hrs', 5],
    ['5h', 5],
    ['1 hour a week', 1],
    ['1 hour 30 min per week', 1.5],
    ['2 hours 30 minutes per week', 2.5],
    ['4h30 par semaine', 4.5],
    ['4:30 per week', 4.5],
    ['90 minutes per week', 1.5],
    ['2-3 ч/нед', 2.5],
    ['4 часа в неделю', 4],
    ['от 3 до 5 часов в неделю', 4],
    ['每周 3-4 小时', 3.5],
    ['每周3小时', 3],
    ['3小时/周', 3],
    ['３～４時間/週', 3.5],
    ['3-5 ชั่วโมง/สัปดาห์', 4],
    ['٣ ساعات في الأسبوع', 3],
    ['2,5 Stunden pro Woche', 2.5],
    ['2 Std./Woche', 2],
    ['3 à 5 heures par semaine', 4],
    ['de 3 a 5 horas por semana', 4],
  ])('reads the free text %j as %s hours per week', (input, hours) => {
    expect(parseEffort(input)).toEqual({ hoursPerWeek: hours })
  })

  it.each([
    ['1 hour a day', 7],
    ['45 min/day', 5.25],
    ['每天1小时', 7],
    ['10 hours per month', 2.3],
  ])('converts %j to %s hours per week', (input, hours) => {
    expect(parseEffort(input)).toEqual({ hoursPerWeek: hours })
  })

  it.each([
    ['PT4H', 4],
    ['PT4H30M', 4.5],
    ['pt90m', 1.5],
    ['PT2.5H', 2.5],
  ])('reads the ISO 8601 duration %j as %s hours per week', (input, hours) => {
    expect(parseEffort(input)).toEqual({ hoursPerWeek: hours })
  })

  it.each([
    [4, 4],
    [0.5, 0.5],
    [80, 80],
    [2.456, 2.46],
  ])('takes the number %s as %s hours per week', (input, hours) => {
    expect(parseEffort(input)).toEqual({ hoursPerWeek: hours })
  })

  it('also returns the weeks when the text gives them', () => {
    expect(parseEffort('6 weeks, 3-5 hours/week')).toEqual({ hoursPerWeek: 4, weeks: 6 })
    expect(parseEffort('2 hours per week for 6 weeks')).toEqual({ hoursPerWeek: 2, weeks: 6 })
    expect(parseEffort('Approximately 4 months to complete, at 3 hours a week')).toEqual({
      hoursPerWeek: 3,
      weeks: 17.4,
    })
  })

  it('spreads total hours over the weeks, and gives no weekly effort without them', () => {
    expect(parseEffort('6 weeks, 24 hours total')).toEqual({ hoursPerWeek: 4, weeks: 6 })
    expect(parseEffort('Approx. 19 hours to complete')).toEqual({})
  })

  it('reads a duration given as effort as weeks only', () => {
    expect(parseEffort('P1W')).toEqual({ weeks: 1 })
  })

  it.each([
    '',
    '   ',
    'TBD',
    'Self-paced',
    'varies',
    'Week 4',
    '0',
    '0:00',
    '00:00',
    '5-3 hours',
    '100 hours/week',
    '81',
    '99:00',
    'NaN',
    'Infinity',
    '-',
    'P',
    'PT',
    'course-v1:SPbU+PHILOS+spring_2026',
    '<script>alert(1)</script>',
    '😀 hours',
    '\u0000\u0007',
    '\ud800 hours',
    '4'.repeat(1000),
    'hours '.repeat(200_000),
  ])('finds no effort in %j', (input) => {
    expect(parseEffort(input)).toEqual({})
  })

  it.each([0, -1, 81, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, {}, [4], { hours: 4 }])(
    'finds no effort in the value %s',
    (input) => {
      expect(parseEffort(input)).toEqual({})
    },
  )

  it('never returns more than the maximum or less than nothing', () => {
    for (const input of ['80:00', '80:01', '79-81 hours', '0:01', '1 minute a week']) {
      const { hoursPerWeek } = parseEffort(input)
      if (hoursPerWeek !== undefined) {
        expect(hoursPerWeek).toBeGreaterThan(0)
        expect(hoursPerWeek).toBeLessThanOrEqual(MAX_HOURS_PER_WEEK)
      }
    }
  })

  it('reads emoji and mixed scripts around the number', () => {
    expect(parseEffort('📚 3-5 hours/week (每周)')).toEqual({ hoursPerWeek: 4 })
  })
})

describe('parseDuration', () => {
  it.each([
    ['P7W', 7],
    ['p7w', 7],
    ['P2M', 8.7],
    ['P30D', 4.3],
    ['P1Y', 52.2],
    ['P2W3D', 2.4],
    ['P1M2W', 6.3],
  ])('reads the ISO 8601 duration %j as %s weeks', (input, weeks) => {
    expect(parseDuration(input)).toEqual({ weeks })
  })

  it.each([
    ['6 weeks', 6],
    ['1 week', 1],
    ['6-8 weeks', 7],
    ['6 Wochen', 6],
    ['6 semaines', 6],
    ['4 semanas', 4],
    ['6 недель', 6],
    ['6 нед.', 6],
    ['8周', 8],
    ['8 周', 8],
    ['8週間', 8],
    ['8 สัปดาห์', 8],
    ['8 주', 8],
    ['3 months', 13],
    ['2 месяца', 8.7],
    ['3个月', 13],
    ['30 days', 4.3],
    ['30 дней', 4.3],
    ['30天', 4.3],
    ['2 hours per week for 6 weeks', 6],
  ])('reads the text %j as %s weeks', (input, weeks) => {
    expect(parseDuration(input)).toEqual({ weeks })
  })

  it.each([
    [7, 7],
    [6.25, 6.3],
    [520, 520],
  ])('takes the number %s as %s weeks', (input, weeks) => {
    expect(parseDuration(input)).toEqual({ weeks })
  })

  it.each([
    '',
    'nonsense',
    'P',
    'PT',
    'P0D',
    'P11Y',
    'PT19M21S',
    '3-5 hours/week',
    '每周 3-4 小时',
    '3月',
    'Starts 12 May',
    'weeks',
    'Week 7',
    '\u0000',
  ])('finds no duration in %j', (input) => {
    expect(parseDuration(input)).toEqual({})
  })

  it.each([0, -3, 521, Number.NaN, null, undefined, { weeks: 6 }])(
    'finds no duration in the value %s',
    (input) => {
      expect(parseDuration(input)).toEqual({})
    },
  )
})

describe('parseWorkload', () => {
  it.each([
    [{ timeValue: 5, timeUnit: 'h/week' }, 5],
    [{ timeValue: 10, timeUnit: 'h/month' }, 2.3],
    [{ timeValue: 1, timeUnit: 'h/day' }, 7],
    [{ timeValue: 30, timeUnit: 'min/day' }, 3.5],
    [{ timeValue: '2', timeUnit: 'H / Week' }, 2],
    [{ timeValue: 2, timeUnit: 'hours per week' }, 2],
  ])('reads the MOOChub v3 workload %j as %s hours per week', (input, hours) => {
    expect(parseWorkload(input)).toEqual({ hoursPerWeek: hours })
  })

  it.each([
    [5, 5],
    ['5', 5],
    ['PT4H', 4],
  ])('reads the MOOChub v2 or schema.org workload %j as %s hours per week', (input, hours) => {
    expect(parseWorkload(input)).toEqual({ hoursPerWeek: hours })
  })

  it.each([
    { timeValue: 0, timeUnit: 'h/week' },
    { timeValue: -2, timeUnit: 'h/week' },
    { timeValue: 12, timeUnit: 'h/day' },
    { timeValue: 5, timeUnit: 'parsec' },
    { timeValue: 5, timeUnit: 'h/fortnight' },
    { timeValue: 5 },
    { timeUnit: 'h/week' },
    { timeValue: 'five', timeUnit: 'h/week' },
    { timeValue: null, timeUnit: null },
    null,
    undefined,
    [],
    0,
    'P7W',
  ])('finds no workload in %j', (input) => {
    expect(parseWorkload(input)).toEqual({})
  })
})
