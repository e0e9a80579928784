// Federation over MOOChub: node B registers node A's /api/moochub as a source. B's catalog then equals
// A's in every field MOOChub v3 carries (runs and offers included); a change on A reaches B on its
// next pass, and a course withdrawn on A is withdrawn on B (MOOChub has no deletions: a full pass
// withdraws what it no longer sees).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addSource, harvestedCourses, liveCourses, startNodes, type Nodes } from '../../test/federation.ts'
import type { Course } from '../catalog/course.ts'
import { updateCourse } from '../catalog/course-repository.ts'
import { harvestSource } from '../harvest/harvest-source.ts'
import { moochubId } from './moochub/moochub-values.ts'

let nodes: Nodes
beforeAll(async () => {
  nodes = await startNodes()
}, 60_000)
afterAll(async () => nodes?.close())

/** What MOOChub v3 carries of a course, as moocx writes and reads it. */
function moochubFields(course: Course, paired: boolean) {
  const first = course.listings[0]
  return {
    title: course.title,
    language: course.language,
    summary: course.summary,
    description: course.description,
    courseNumber: course.courseNumber,
    level: course.level,
    institutions: [...course.institutions].sort(),
    subjects: [...course.subjects].sort(),
    weeks: course.weeks,
    effortHoursPerWeek: course.effortHoursPerWeek,
    instructors: course.instructors,
    license: course.license,
    url: first?.url,
    offer: first && { access: first.access, certificate: first.certificate, price: first.price },
    // One record per course: the runs of every platform it is offered on, as a list of start dates and
    // a list of end dates, paired by position when every run has both.
    starts: dates(course, 'startsOn'),
    // When some runs have no end date, or two start on the same day, the ends cannot say whose they are.
    runs: paired ? runPairs(course) : 'ends not carried',
  }
}

function runPairs(course: Course): string[] {
  return [...new Set(course.listings.flatMap((l) => l.runs.map((r) => `${r.startsOn} → ${r.endsOn}`)))].sort()
}

function pairable(course: Course): boolean {
  const runs = course.listings.flatMap((l) => l.runs)
  return (
    runs.every((r) => r.startsOn && r.endsOn) && dates(course, 'startsOn').length === runPairs(course).length
  )
}

function dates(course: Course, field: 'startsOn' | 'endsOn'): string[] {
  return [...new Set(course.listings.flatMap((l) => l.runs.flatMap((r) => r[field] ?? [])))].sort()
}

describe('one moocx node harvesting another over MOOChub', () => {
  it('copies the catalog with runs and offers, then follows a change and a withdrawal', async () => {
    const { a, b, deps, served } = nodes
    const source = await addSource(nodes, 'node-a-moochub', 'moochub', `${served.url}/api/moochub`)
    const first = await harvestSource(deps, source.id)
    expect(first).toMatchObject({ status: 'succeeded', complete: true, rejected: 0 })

    // MOOChub ids are UUIDs: A names each course by the UUID of its page's URL.
    const onA = new Map([...(await liveCourses(a.db))].map(([id, c]) => [moochubId(id, served.url), c]))
    const onB = await harvestedCourses(b.db, source.id)
    expect([...onB.keys()].sort()).toEqual([...onA.keys()].sort())
    // MOOChub needs a licence: one nobody stated goes out as "proprietary" (no rights granted).
    for (const [id, course] of onA)
      expect(moochubFields(onB.get(id) ?? course, pairable(course)), id).toEqual({
        ...moochubFields(course, pairable(course)),
        license: course.license ?? 'proprietary',
      })

    const [changed = '', withdrawn = ''] = [...(await liveCourses(a.db)).keys()]
    const key = (id: string) => moochubId(id, served.url)
    await updateCourse(a.deps, changed, { title: 'Renamed on node A', weeks: 9 }, '2026-11-29')
    await a.db
      .updateTable('listings')
      .set({ status: 'withdrawn' })
      .where('course_id', '=', withdrawn)
      .execute()
    const second = await harvestSource(deps, source.id)
    expect(second).toMatchObject({ status: 'succeeded', complete: true, updated: 1, withdrawn: 1 })

    const after = await harvestedCourses(b.db, source.id)
    expect(after.get(key(changed))).toMatchObject({ title: 'Renamed on node A', weeks: 9, status: 'active' })
    expect(after.get(key(withdrawn))?.status).toBe('withdrawn')
  }, 120_000)
})
