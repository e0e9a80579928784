// `moocx keys create|revoke`: manage API keys, including the first alliance-admin key.
import { z } from 'zod'
import { Role } from '../auth/api-key.ts'
import { createApiKey, revokeApiKey } from '../auth/api-key-repository.ts'
import type { Config } from '../config.ts'
import { migrateToLatest, openDatabase } from '../db/database.ts'
import { systemDeps } from '../shared/deps.ts'
import { ValidationError } from '../shared/errors.ts'
import { parseOptions } from './args.ts'

export async function keysCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    role: { type: 'string' },
    institution: { type: 'string' },
    name: { type: 'string' },
  })
  const [action, id] = positionals
  const db = openDatabase(config.database)
  try {
    await migrateToLatest(db, config.database)
    const deps = systemDeps(db)
    if (action === 'create') {
      const role = Role.safeParse(values.role)
      if (!role.success)
        throw new ValidationError([{ field: '--role', message: 'must be alliance-admin or member-admin' }])
      const name = z
        .string()
        .min(1)
        .max(200)
        .parse(values.name ?? `${role.data} key`)
      const created = await createApiKey(deps, {
        name,
        role: role.data,
        institutionId: values.institution ?? null,
      })
      process.stdout.write(`Key id: ${created.id}\nAPI key (shown once, store it safely):\n${created.key}\n`)
      return 0
    }
    if (action === 'revoke' && id) {
      const revoked = await revokeApiKey(deps, id)
      process.stdout.write(revoked ? `Revoked ${id}.\n` : `No active key with id ${id}.\n`)
      return revoked ? 0 : 1
    }
    throw new ValidationError([
      { field: 'argv', message: 'use "keys create --role <role>" or "keys revoke <key-id>"' },
    ])
  } finally {
    await db.destroy()
  }
}
