// API keys: who may write. Keys are shown once, stored only as a SHA-256 hash, and carry a role.
import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { ForbiddenError } from '../shared/errors.ts'

export const Role = z.enum(['alliance-admin', 'member-admin'])
export type Role = z.infer<typeof Role>

export interface Principal {
  keyId: string
  name: string
  role: Role
  /** For member-admin: the institution whose data it may change. */
  institutionId: string | null
}

export function generateKey(): string {
  return `mx_${randomBytes(32).toString('base64url')}`
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

export function requireAllianceAdmin(principal: Principal): void {
  if (principal.role !== 'alliance-admin') {
    throw new ForbiddenError('Only an alliance-admin key may do this.')
  }
}

/** A member-admin may act only on data of its own institution; an alliance-admin on everything. */
export function requireInstitution(
  principal: Principal,
  institutionIds: readonly (string | null)[],
  field: string,
): void {
  if (principal.role === 'alliance-admin') return
  if (principal.institutionId && institutionIds.includes(principal.institutionId)) return
  throw new ForbiddenError(
    `This key may only change data of institution "${principal.institutionId ?? '-'}".`,
    field,
  )
}
