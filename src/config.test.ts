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

describe('rate limits', () => {
  it('defaults to limits a harvester never reaches, and trusts no proxy', () => {
    const { rateLimits } = loadConfig({})
    expect(rateLimits.trustProxy).toBe(0)
    expect(rateLimits.classes.oai).toEqual({ perMinute: 600, burst: 120 })
    expect(rateLimits.classes.export).toEqual({ perMinute: 10, burst: 5 })
  })

  it('reads "<per minute>:<burst>", a bare rate (burst a fifth of it), "off" and TRUST_PROXY', () => {
    const { rateLimits } = loadConfig({
      RATE_LIMIT_OAI: '60:10',
      RATE_LIMIT_SEARCH: '100',
      RATE_LIMIT_FEEDS: 'off',
      TRUST_PROXY: 'true',
    })
    expect(rateLimits.classes.oai).toEqual({ perMinute: 60, burst: 10 })
    expect(rateLimits.classes.search).toEqual({ perMinute: 100, burst: 20 })
    expect(rateLimits.classes.feeds).toBeNull()
    expect(rateLimits.trustProxy).toBe(1)
    expect(loadConfig({ TRUST_PROXY: '2' }).rateLimits.trustProxy).toBe(2)
  })

  it.each([
    ['RATE_LIMIT_OAI', '0'],
    ['RATE_LIMIT_OAI', '60:0'],
    ['RATE_LIMIT_MOOCHUB', '-5'],
    ['RATE_LIMIT_EXPORT', '10/min'],
    ['RATE_LIMIT_SEARCH', '99999999'],
    ['TRUST_PROXY', 'yes'],
    ['TRUST_PROXY', '10'],
  ])('refuses %s=%s', (name, value) => {
    const error = configError({ [name]: value })
    expect(error.details.map((d) => d.field)).toEqual([`env.${name}`])
  })
})

describe('admin email', () => {
  it('takes ADMIN_EMAIL, else admin@ the public host, with .localdomain for a host without a dot', () => {
    expect(loadConfig({ ADMIN_EMAIL: 'catalog@alliance.example' }).adminEmail).toBe(
      'catalog@alliance.example',
    )
    expect(loadConfig({ PUBLIC_URL: 'https://moocx.example.org' }).adminEmail).toBe('admin@moocx.example.org')
    expect(loadConfig({}).adminEmail).toBe('admin@localhost.localdomain')
  })

  it('refuses an ADMIN_EMAIL that is not an address', () => {
    expect(configError({ ADMIN_EMAIL: 'nobody' }).details.map((d) => d.field)).toEqual(['env.ADMIN_EMAIL'])
  })
})
