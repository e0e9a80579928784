// Merging two courses that are one course cross-listed on several platforms, and splitting a
// listing out into a course of its own. Each moved listing records why it moved.
import type { Db } from '../db/schema.ts'
import type { Deps } from '../shared/deps.ts'
import { ValidationError } from '../shared/errors.ts'
import { freeCourseIds } from './cross-listing-repository.ts'

/** Moves every listing of `fromId` into `intoId` and deletes the emptied course. */
export async function mergeCourses(
  deps: Deps,
  intoId: string,
  fromId: string,
  reason: string,
): Promise<void> {
  if (intoId === fromId)
    throw new ValidationError([{ field: 'body.courseId', message: 'a course cannot be merged into itself' }])
  const now = deps.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('listings as a')
      .innerJoin('listings as b', 'b.platform_id', 'a.platform_id')
      .select('a.platform_id')
      .where('a.course_id', '=', intoId)
      .where('b.course_id', '=', fromId)
      .executeTakeFirst()
    if (clash) {
      throw new ValidationError([
        {
          field: 'body.courseId',
          message: `both courses are listed on platform "${clash.platform_id}"; split one listing first`,
        },
      ])
    }
    await trx
      .updateTable('listings')
      .set({ course_id: intoId, group_reason: reason, updated_at: now })
      .where('course_id', '=', fromId)
      .execute()
    await deleteCourse(trx, fromId)
    await trx.updateTable('courses').set({ updated_at: now }).where('id', '=', intoId).execute()
  })
}

/** Gives a listing a course of its own, a copy of its current course; returns the new course id. */
export async function splitListing(deps: Deps, listingId: string, reason: string): Promise<string> {
  const now = deps.now().toISOString()
  return deps.db.transaction().execute(async (trx) => {
    const listing = await trx
      .selectFrom('listings')
      .select(['course_id', 'platform_id'])
      .where('id', '=', listingId)
      .executeTakeFirstOrThrow()
    const others = await trx
      .selectFrom('listings')
      .select('id')
      .where('course_id', '=', listing.course_id)
      .where('id', '!=', listingId)
      .execute()
    if (others.length === 0)
      throw new ValidationError([
        { field: 'param.id', message: 'the listing is already its course’s only listing' },
      ])
    const course = await trx
      .selectFrom('courses')
      .selectAll()
      .where('id', '=', listing.course_id)
      .executeTakeFirstOrThrow()
    const [id = `${course.id}-${listing.platform_id}`] = await freeCourseIds(trx, [
      `${course.id}-${listing.platform_id}`,
    ])
    await trx
      .insertInto('courses')
      .values({ ...course, id, created_at: now, updated_at: now })
      .execute()
    const links = await trx
      .selectFrom('course_institutions')
      .selectAll()
      .where('course_id', '=', course.id)
      .execute()
    if (links.length)
      await trx
        .insertInto('course_institutions')
        .values(links.map((l) => ({ ...l, course_id: id })))
        .execute()
    const subjects = await trx
      .selectFrom('course_subjects')
      .selectAll()
      .where('course_id', '=', course.id)
      .execute()
    if (subjects.length)
      await trx
        .insertInto('course_subjects')
        .values(subjects.map((s) => ({ ...s, course_id: id })))
        .execute()
    await trx
      .updateTable('listings')
      .set({ course_id: id, group_reason: reason, updated_at: now })
      .where('id', '=', listingId)
      .execute()
    return id
  })
}

async function deleteCourse(db: Db, id: string): Promise<void> {
  await db.deleteFrom('course_subjects').where('course_id', '=', id).execute()
  await db.deleteFrom('course_institutions').where('course_id', '=', id).execute()
  await db.deleteFrom('courses').where('id', '=', id).execute()
}
