// Console sessions: a random token in an HttpOnly cookie stands for an API key's principal for a
// few hours. Only the token's hash is stored; revoking the key ends its sessions.
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/schema.ts'
import type { Deps } from '../shared/deps.ts'
import { hashKey, Role, type Principal } from './api-key.ts'
import { principalOf } from './api-key-repository.ts'

export const SESSION_HOURS = 8

/** Opens a session for a valid, unrevoked API key; undefined for anything else. */
export async function openSession(
  deps: Deps,
  apiKey: string,
): Promise<{ token: string; principal: Principal } | undefined> {
  const principal = await principalOf(deps.db, apiKey)
  if (!principal) return undefined
  const token = randomBytes(32).toString('base64url')
  const now = deps.now()
  await deps.db
    .insertInto('console_sessions')
    .values({
      token_hash: hashKey(token),
      api_key_id: principal.keyId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    })
    .execute()
  return { token, principal }
}

export async function sessionPrincipal(db: Db, token: string, now: string): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('console_sessions as s')
    .innerJoin('api_keys as k', 'k.id', 's.api_key_id')
    .select(['k.id', 'k.name', 'k.role', 'k.institution_id'])
    .where('s.token_hash', '=', hashKey(token))
    .where('s.expires_at', '>', now)
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst()
  return (
    row && { keyId: row.id, name: row.name, role: Role.parse(row.role), institutionId: row.institution_id }
  )
}

export async function closeSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('console_sessions').where('token_hash', '=', hashKey(token)).execute()
}
