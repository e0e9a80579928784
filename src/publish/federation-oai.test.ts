// Federation over OAI-PMH: node B registers node A's /oai (IEEE LOM) as a source. B's catalog then
// equals A's in every field LOM carries; a change on A reaches B in an incremental pass that asks only
// for what changed since A's responseDate; a course withdrawn on A is withdrawn on B.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addSource,
  harvestedCourses,
  liveCourses,
  nextSecond,
  startNodes,
  type Nodes,
} from '../../test/federation.ts'
import type { Course } from '../catalog/course.ts'
import { updateCourse } from '../catalog/course-repository.ts'
import { harvestSource } from '../harvest/harvest-source.ts'

let nodes: Nodes
beforeAll(async () => {
  nodes = await startNodes()
}, 60_000)
afterAll(async () => nodes?.close())

/** What IEEE LOM carries of a course, as moocx writes and reads it. */
function lomFields(course: Course) {
  const access = course.listings.map((l) => l.access)
  return {
    title: course.title,
    language: course.language,
    description: course.description ?? course.summary,
    institutions: [...course.institutions].sort(),
    subjects: [...course.subjects].sort(),
    weeks: course.weeks,
    effortHoursPerWeek: course.effortHoursPerWeek,
    url: course.listings[0]?.url,
    access: access.includes('free') ? 'free' : access.includes('paid') ? 'paid' : null,
    license: course.license,
  }
}

describe('one moocx node harvesting another over OAI-PMH', () => {
  it('copies the catalog, then follows changes and withdrawals incrementally', async () => {
    const { a, b, deps, served } = nodes
    const source = await addSource(nodes, 'node-a-oai', 'oai-pmh', `${served.url}/oai?metadataPrefix=lom`)
    await nextSecond()
    const first = await harvestSource(deps, source.id)
    expect(first).toMatchObject({ status: 'succeeded', complete: true })
    expect(first.rejected).toBe(0)

    const onA = await liveCourses(a.db)
    const onB = await harvestedCourses(b.db, source.id)
    expect([...onB.keys()].sort()).toEqual([...onA.keys()].sort())
    for (const [id, course] of onA) expect(lomFields(onB.get(id) ?? course), id).toEqual(lomFields(course))

    const [changed, withdrawn] = [...onA.keys()]
    await nextSecond()
    await updateCourse(
      a.deps,
      changed ?? '',
      { title: 'A renamed course', license: 'CC-BY-4.0' },
      '2026-11-29',
    )
    await a.db
      .updateTable('listings')
      .set({ status: 'withdrawn' })
      .where('course_id', '=', withdrawn ?? '')
      .execute()
    deps.advance(60 * 60 * 1000)
    const second = await harvestSource(deps, source.id)
    expect(second).toMatchObject({ status: 'succeeded', complete: false })
    expect(second.seen).toBe(2)
    expect(served.url).toBeTruthy()

    const after = await harvestedCourses(b.db, source.id)
    expect(after.get(changed ?? '')).toMatchObject({
      title: 'A renamed course',
      license: 'CC-BY-4.0',
      status: 'active',
    })
    expect(after.get(withdrawn ?? '')?.status).toBe('withdrawn')
    expect([...after.values()].filter((c) => c.status === 'active')).toHaveLength(onA.size - 1)
  }, 120_000)
})
