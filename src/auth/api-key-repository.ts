// All SQL about API keys.
import type { Db } from '../db/schema.ts'
import type { Deps } from '../shared/deps.ts'
import { ValidationError } from '../shared/errors.ts'
import { generateKey, hashKey, Role, type Principal } from './api-key.ts'

export interface NewKey {
  name: string
  role: Role
  institutionId: string | null
}

/** Creates a key and returns it in clear text: the only time it is ever visible. */
export async function createApiKey(deps: Deps, input: NewKey): Promise<{ id: string; key: string }> {
  if (input.role === 'member-admin' && !input.institutionId) {
    throw new ValidationError([
      { field: 'institution', message: 'a member-admin key needs the institution it acts for' },
    ])
  }
  if (input.institutionId) {
    const found = await deps.db
      .selectFrom('institutions')
      .select('id')
      .where('id', '=', input.institutionId)
      .executeTakeFirst()
    if (!found)
      throw new ValidationError([
        { field: 'institution', message: `no institution with id "${input.institutionId}"` },
      ])
  }
  const key = generateKey()
  const id = deps.newId()
  await deps.db
    .insertInto('api_keys')
    .values({
      id,
      name: input.name,
      key_hash: hashKey(key),
      role: input.role,
      institution_id: input.role === 'member-admin' ? input.institutionId : null,
      created_at: deps.now().toISOString(),
      revoked_at: null,
    })
    .execute()
  return { id, key }
}

export async function principalOf(db: Db, key: string): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'role', 'institution_id'])
    .where('key_hash', '=', hashKey(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  return { keyId: row.id, name: row.name, role: Role.parse(row.role), institutionId: row.institution_id }
}

export async function revokeApiKey(deps: Deps, id: string): Promise<boolean> {
  const result = await deps.db
    .updateTable('api_keys')
    .set({ revoked_at: deps.now().toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
