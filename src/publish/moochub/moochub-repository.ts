// The SQL MOOChub paging needs beyond the publishing core: which records are live (a course with an
// active listing), how many, and where the last page starts. Same (changed_at, course id) order.
import type { Db } from '../../db/schema.ts'
import { afterPosition, courseChanges } from '../record-repository.ts'
import type { RecordPosition } from '../record.ts'

/** How many records are live: what a full walk of the MOOChub list shows. */
export async function countLiveRecords(db: Db): Promise<number> {
  const { n } = await liveRefs(db)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}

/** Whether a live record comes after `after` in the walk's order. */
export async function hasLiveAfter(db: Db, after: RecordPosition): Promise<boolean> {
  const row = await liveRefs(db).select('course_id').where(afterPosition(after)).limit(1).executeTakeFirst()
  return row !== undefined
}

/**
 * The position the last page of `size` starts after, counting `total` live records from the first:
 * null when the last page is the first. The walk from the end reads at most one page of keys.
 */
export async function lastPageAfter(db: Db, total: number, size: number): Promise<RecordPosition | null> {
  if (total <= size) return null
  const onLast = total % size || size
  const row = await liveRefs(db)
    .select(['course_id', 'changed_at'])
    .orderBy('changed_at', 'desc')
    .orderBy('course_id', 'desc')
    .limit(1)
    .offset(onLast)
    .executeTakeFirst()
  return row ? { changedAt: row.changed_at, id: row.course_id } : null
}

function liveRefs(db: Db) {
  return courseChanges(db).where((eb) =>
    eb.exists(
      eb
        .selectFrom('listings')
        .select('listings.id')
        .whereRef('listings.course_id', '=', 'search_changes.course_id')
        .where('listings.status', '=', 'active'),
    ),
  )
}
