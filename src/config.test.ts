import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'
import { AppError } from './shared/errors.ts'

function configError(env: Record<string, string>): AppError {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof AppError) return error
  }
  throw new Error('expected an AppError')
}

describe('loadConfig', () => {
  it('defaults to the embedded SQLite database under ./data on port 3000', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.database.kind).toBe('sqlite')
    expect(config.database.kind === 'sqlite' && config.database.file).toMatch(/data\/moocx\.sqlite$/)
    expect(config.publicUrl).toBe('http://localhost:3000')
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('uses PostgreSQL when DATABASE_URL is a postgres URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/moocx',
      PUBLIC_URL: 'https://moocx.example.org/',
    })
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/moocx' })
    expect(config.publicUrl).toBe('https://moocx.example.org')
  })

  it('names every bad variable with what is wrong', () => {
    const error = configError({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      PUBLIC_URL: 'ftp://x',
      MOOCX_SEED: 'maybe',
    })
    expect(error.code).toBe('invalid_config')
    expect(error.details.map((d) => d.field).sort()).toEqual([
      'env.DATABASE_URL',
      'env.LOG_LEVEL',
      'env.MOOCX_SEED',
      'env.PORT',
      'env.PUBLIC_URL',
    ])
    expect(error.message).toMatch(/PORT: must be a whole number between 1 and 65535/)
    expect(error.message).toMatch(/DATABASE_URL: must be a postgres/)
  })

  it('refuses ports out of range', () => {
    expect(configError({ PORT: '70000' }).details[0]?.field).toBe('env.PORT')
    expect(configError({ PORT: '3.5' }).details[0]?.field).toBe('env.PORT')
  })
})
