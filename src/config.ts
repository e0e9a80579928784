// The only file that reads the environment: parses it with Zod into a frozen Config,
// with one clear message per bad value.
import path from 'node:path'
import { z } from 'zod'
import { AppError } from './shared/errors.ts'
import { issuesToDetails } from './shared/zod-issues.ts'

const LogLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent'])
export type LogLevel = z.infer<typeof LogLevel>

/** Per-client limits of the expensive read endpoints (src/http/rate-limit.ts), one per class of endpoint. */
export type RateLimitClass = 'oai' | 'moochub' | 'export' | 'search' | 'feeds'
export interface Rate {
  readonly perMinute: number
  readonly burst: number
}
export interface RateLimits {
  /** How many proxies in front of moocx append to X-Forwarded-For; 0 ignores the header. */
  readonly trustProxy: number
  /** null: the class is not limited. */
  readonly classes: Readonly<Record<RateLimitClass, Rate | null>>
}

const RATE_FORMAT =
  'must be "<requests per minute>:<burst>" such as 600:120, a number of requests per minute, or "off"'
const rateSpec = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((spec, ctx): Rate | null => {
      if (spec === 'off') return null
      const match = /^(\d{1,7})(?::(\d{1,6}))?$/.exec(spec)
      const perMinute = Number(match?.[1])
      const burst = match?.[2] === undefined ? Math.max(1, Math.ceil(perMinute / 5)) : Number(match[2])
      if (!match || perMinute < 1 || burst < 1) {
        ctx.addIssue({ code: 'custom', message: RATE_FORMAT })
        return z.NEVER
      }
      return { perMinute, burst }
    })

const RateLimitEnvSchema = z.object({
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d)$/, 'must be "false", "true" (one proxy) or the number of proxies (0–9)')
    .default('false')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v))),
  RATE_LIMIT_OAI: rateSpec('600:120'),
  RATE_LIMIT_MOOCHUB: rateSpec('600:120'),
  RATE_LIMIT_EXPORT: rateSpec('10:5'),
  RATE_LIMIT_SEARCH: rateSpec('1200:200'),
  RATE_LIMIT_FEEDS: rateSpec('300:60'),
})

function toRateLimits(e: z.infer<typeof RateLimitEnvSchema>): RateLimits {
  return Object.freeze({
    trustProxy: e.TRUST_PROXY,
    classes: Object.freeze({
      oai: e.RATE_LIMIT_OAI,
      moochub: e.RATE_LIMIT_MOOCHUB,
      export: e.RATE_LIMIT_EXPORT,
      search: e.RATE_LIMIT_SEARCH,
      feeds: e.RATE_LIMIT_FEEDS,
    }),
  })
}

/** The limits when nothing is configured (what tests and `createApp` without `rateLimits` get). */
export const DEFAULT_RATE_LIMITS: RateLimits = toRateLimits(RateLimitEnvSchema.parse({}))

const EnvSchema = z.object({
  ...RateLimitEnvSchema.shape,
  PORT: z.coerce
    .number({ error: 'must be a whole number between 1 and 65535' })
    .int('must be a whole number between 1 and 65535')
    .min(1, 'must be a whole number between 1 and 65535')
    .max(65535, 'must be a whole number between 1 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  MOOCX_DATA_DIR: z.string().min(1, 'must be a directory path').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite database)',
    )
    .optional(),
  LOG_LEVEL: LogLevel.default('info'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL such as https://moocx.example.org' })
    .optional(),
  MOOCX_SEED: z
    .enum(['auto', 'never'], { error: 'must be "auto" (seed an empty database) or "never"' })
    .default('auto'),
  ADMIN_EMAIL: z.email({ error: 'must be an email address such as catalog@moocx.example.org' }).optional(),
})

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly database:
    { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string }
  readonly logLevel: LogLevel
  readonly publicUrl: string
  readonly seed: 'auto' | 'never'
  readonly rateLimits: RateLimits
  /** Who answers for the catalog (OAI-PMH Identify): ADMIN_EMAIL, else admin@ the public host. */
  readonly adminEmail: string
}

/** Reads configuration from `env` (process.env by default); throws an AppError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = EnvSchema.safeParse(cleaned)
  if (!parsed.success) {
    const details = issuesToDetails('', parsed.error.issues).map((d) => ({
      field: `env.${d.field}`,
      message: d.message,
    }))
    const lines = details.map((d) => `  ${d.field.slice(4)}: ${d.message}`).join('\n')
    throw new AppError('invalid_config', 78, `Invalid configuration:\n${lines}`, details)
  }
  const e = parsed.data
  const dataDir = path.resolve(e.MOOCX_DATA_DIR)
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '')
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres' as const, url: e.DATABASE_URL }
      : { kind: 'sqlite' as const, file: path.join(dataDir, 'moocx.sqlite') },
    logLevel: e.LOG_LEVEL,
    publicUrl,
    seed: e.MOOCX_SEED,
    rateLimits: toRateLimits(e),
    adminEmail: e.ADMIN_EMAIL ?? defaultAdminEmail(publicUrl),
  })
}

/**
 * admin@ the public host; a host without a dot (localhost) gets `.localdomain`, because OAI-PMH wants
 * an address whose domain has one.
 */
export function defaultAdminEmail(publicUrl: string): string {
  const host = new URL(publicUrl).hostname
  return `admin@${/\.[a-z]/i.test(host) ? host : `${host.replace(/[^a-z0-9-]/gi, '') || 'localhost'}.localdomain`}`
}
