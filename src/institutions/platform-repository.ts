// All SQL about platforms. Rows never leave this file: it returns Platform values.
import type { Db, PlatformRow } from '../db/schema.ts'
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts'
import { offsetOf, type Page } from '../shared/pagination.ts'
import { findInstitution } from './institution-repository.ts'
import { PlatformSoftware, type Platform, type PlatformCreate, type PlatformUpdate } from './platform.ts'

export interface PlatformFilter {
  software?: string | undefined
  institution?: string | undefined
}

export async function listPlatforms(
  db: Db,
  filter: PlatformFilter,
  page: Page,
): Promise<{ items: Platform[]; total: number }> {
  let query = db.selectFrom('platforms')
  if (filter.software) query = query.where('software', '=', filter.software)
  if (filter.institution) query = query.where('institution_id', '=', filter.institution)
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const rows = await query.selectAll().orderBy('id').limit(page.perPage).offset(offsetOf(page)).execute()
  return { items: rows.map(toPlatform), total: Number(total) }
}

export async function findPlatform(db: Db, id: string): Promise<Platform | undefined> {
  const row = await db.selectFrom('platforms').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toPlatform(row) : undefined
}

export async function getPlatform(db: Db, id: string): Promise<Platform> {
  const found = await findPlatform(db, id)
  if (!found) throw new NotFoundError('platform', id)
  return found
}

export async function createPlatform(db: Db, input: PlatformCreate, now: string): Promise<Platform> {
  if (await findPlatform(db, input.id)) {
    throw new ConflictError(`A platform with id "${input.id}" already exists.`, 'body.id')
  }
  await assertInstitution(db, input.institutionId)
  await db
    .insertInto('platforms')
    .values({
      id: input.id,
      name: input.name,
      software: input.software,
      base_url: input.baseUrl,
      institution_id: input.institutionId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  return getPlatform(db, input.id)
}

export async function updatePlatform(
  db: Db,
  id: string,
  patch: PlatformUpdate,
  now: string,
): Promise<Platform> {
  await getPlatform(db, id)
  await assertInstitution(db, patch.institutionId)
  await db
    .updateTable('platforms')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.software !== undefined && { software: patch.software }),
      ...(patch.baseUrl !== undefined && { base_url: patch.baseUrl }),
      ...(patch.institutionId !== undefined && { institution_id: patch.institutionId }),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute()
  return getPlatform(db, id)
}

async function assertInstitution(db: Db, id: string | null | undefined): Promise<void> {
  if (!id) return
  if (!(await findInstitution(db, id))) {
    throw new ValidationError([{ field: 'body.institutionId', message: `no institution with id "${id}"` }])
  }
}

function toPlatform(row: PlatformRow): Platform {
  return {
    id: row.id,
    name: row.name,
    software: PlatformSoftware.parse(row.software),
    baseUrl: row.base_url,
    institutionId: row.institution_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
