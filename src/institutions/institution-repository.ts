// All SQL about institutions. Rows never leave this file: it returns Institution values.
import { z } from 'zod'
import type { Db, InstitutionRow } from '../db/schema.ts'
import { ConflictError, NotFoundError } from '../shared/errors.ts'
import { offsetOf, type Page } from '../shared/pagination.ts'
import {
  AllianceRole,
  InstitutionKind,
  InstitutionStatus,
  type Institution,
  type InstitutionCreate,
  type InstitutionUpdate,
} from './institution.ts'

const Names = z.record(z.string(), z.string())

export interface InstitutionFilter {
  kind?: string | undefined
  role?: string | undefined
  status?: string | undefined
  country?: string | undefined
}

export async function listInstitutions(
  db: Db,
  filter: InstitutionFilter,
  page: Page,
): Promise<{ items: Institution[]; total: number }> {
  let query = db.selectFrom('institutions')
  if (filter.kind) query = query.where('kind', '=', filter.kind)
  if (filter.role) query = query.where('role', '=', filter.role)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.country) query = query.where('country', '=', filter.country)
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const rows = await query
    .selectAll()
    .orderBy('role')
    .orderBy('id')
    .limit(page.perPage)
    .offset(offsetOf(page))
    .execute()
  return { items: rows.map(toInstitution), total: Number(total) }
}

/** Every institution's id and names in every language, for reading organizations named in feeds. */
export async function institutionNames(db: Db): Promise<{ id: string; names: Record<string, string> }[]> {
  const rows = await db.selectFrom('institutions').select(['id', 'names']).execute()
  return rows.map((row) => ({ id: row.id, names: Names.parse(JSON.parse(row.names)) }))
}

export async function findInstitution(db: Db, id: string): Promise<Institution | undefined> {
  const row = await db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toInstitution(row) : undefined
}

export async function getInstitution(db: Db, id: string): Promise<Institution> {
  const found = await findInstitution(db, id)
  if (!found) throw new NotFoundError('institution', id)
  return found
}

export async function findInstitutions(db: Db, ids: readonly string[]): Promise<Map<string, Institution>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('institutions')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((row) => [row.id, toInstitution(row)]))
}

export async function createInstitution(db: Db, input: InstitutionCreate, now: string): Promise<Institution> {
  if (await findInstitution(db, input.id)) {
    throw new ConflictError(`An institution with id "${input.id}" already exists.`, 'body.id')
  }
  await db
    .insertInto('institutions')
    .values({
      id: input.id,
      kind: input.kind,
      role: input.role,
      status: input.status,
      country: input.country,
      names: JSON.stringify(input.names),
      website: input.website ?? null,
      logo_url: input.logoUrl ?? null,
      joined_on: input.joinedOn ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  return getInstitution(db, input.id)
}

export async function updateInstitution(
  db: Db,
  id: string,
  patch: InstitutionUpdate,
  now: string,
): Promise<Institution> {
  await getInstitution(db, id)
  await db
    .updateTable('institutions')
    .set({
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.status !== undefined && { status: patch.status }),
      ...(patch.country !== undefined && { country: patch.country }),
      ...(patch.names !== undefined && { names: JSON.stringify(patch.names) }),
      ...(patch.website !== undefined && { website: patch.website }),
      ...(patch.logoUrl !== undefined && { logo_url: patch.logoUrl }),
      ...(patch.joinedOn !== undefined && { joined_on: patch.joinedOn }),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute()
  return getInstitution(db, id)
}

export async function countInstitutions(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom('institutions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow()
  return Number(n)
}

function toInstitution(row: InstitutionRow): Institution {
  return {
    id: row.id,
    kind: InstitutionKind.parse(row.kind),
    role: AllianceRole.parse(row.role),
    status: InstitutionStatus.parse(row.status),
    country: row.country,
    names: Names.parse(JSON.parse(row.names)),
    website: row.website,
    logoUrl: row.logo_url,
    joinedOn: row.joined_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
