// Cross-listing: finding the existing course a new harvested listing is the same course as, and
// choosing course ids for listings that bring a new course. Used inside the harvester's page transaction.
import type { Db } from '../db/schema.ts'
import type { HarvestRecord } from '../harvest/harvest-record.ts'
import { sameCourseNumber, titleKey } from './title-key.ts'

/**
 * Existing courses that records of a new listing are the same course as: same institution,
 * same title (by titleKey), same language, same course number (or none on either side), and no
 * listing yet on this platform. Demo courses never take real listings.
 */
export async function findCrossListed(
  db: Db,
  platformId: string,
  records: readonly HarvestRecord[],
): Promise<Map<string, { courseId: string; reason: string }>> {
  const keys = [...new Set(records.map((r) => titleKey(r.title)).filter(Boolean))]
  if (keys.length === 0) return new Map()
  const candidates = await db
    .selectFrom('courses as c')
    .innerJoin('course_institutions as ci', 'ci.course_id', 'c.id')
    .select(['c.id', 'c.title_key', 'c.language', 'c.course_number', 'ci.institution_id'])
    .where('c.title_key', 'in', keys)
    .where('c.origin', '!=', 'demo')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('listings as l')
            .select('l.id')
            .whereRef('l.course_id', '=', 'c.id')
            .where('l.platform_id', '=', platformId),
        ),
      ),
    )
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute()
  const found = new Map<string, { courseId: string; reason: string }>()
  for (const record of records) {
    const key = titleKey(record.title)
    const language = record.language.split('-')[0]
    const match = candidates.find(
      (c) =>
        c.title_key === key &&
        c.language.split('-')[0] === language &&
        record.institutions.includes(c.institution_id) &&
        sameCourseNumber(c.course_number, record.courseNumber),
    )
    if (!match) continue
    const number = record.courseNumber ? `, course number "${record.courseNumber}"` : ''
    found.set(record.listingKey, {
      courseId: match.id,
      reason: `same institution (${match.institution_id}), title, language${number} as course ${match.id}`,
    })
  }
  return found
}

/** Course ids derived from listing keys, unique among themselves and against every course. */
export async function freeCourseIds(db: Db, bases: readonly string[]): Promise<string[]> {
  const slugs = bases.map(slugOf)
  const taken = new Set(
    slugs.length
      ? (
          await db
            .selectFrom('courses')
            .select('id')
            .where('id', 'in', [...new Set(slugs)])
            .execute()
        ).map((r) => r.id)
      : [],
  )
  const chosen: string[] = []
  for (const slug of slugs) {
    const id = taken.has(slug) ? await freeCourseId(db, slug, taken) : slug
    taken.add(id)
    chosen.push(id)
  }
  return chosen
}

/** A course id derived from the listing key that no course has yet. */
async function freeCourseId(db: Db, base: string, alsoTaken: ReadonlySet<string>): Promise<string> {
  const slug = slugOf(base)
  const taken = new Set(
    (await db.selectFrom('courses').select('id').where('id', 'like', `${slug}%`).execute()).map((r) => r.id),
  )
  for (let n = 2; ; n++)
    if (!taken.has(`${slug}-${n}`) && !alsoTaken.has(`${slug}-${n}`)) return `${slug}-${n}`
}

function slugOf(base: string): string {
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 90) || 'course'
  )
}
