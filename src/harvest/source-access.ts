// Who may manage which sources: an alliance-admin every source, a member-admin the sources of
// platforms its own institution operates.
import { requireInstitution, type Principal } from '../auth/api-key.ts'
import type { Db } from '../db/schema.ts'
import { getPlatform, listPlatforms } from '../institutions/platform-repository.ts'

/** The platforms whose sources `principal` may manage; undefined means all of them. */
export async function manageablePlatforms(db: Db, principal: Principal): Promise<string[] | undefined> {
  if (principal.role === 'alliance-admin') return undefined
  if (!principal.institutionId) return []
  const { items } = await listPlatforms(
    db,
    { institution: principal.institutionId },
    { page: 1, perPage: 100 },
  )
  return items.map((p) => p.id)
}

export async function mayManagePlatform(
  db: Db,
  principal: Principal,
  platformId: string,
  field: string,
): Promise<void> {
  if (principal.role === 'alliance-admin') return
  const platform = await getPlatform(db, platformId)
  requireInstitution(principal, [platform.institutionId], field)
}
