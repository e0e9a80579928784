// Schemas for the vocabularies moocx shares with the world: BCP-47 languages, ISO 3166 countries,
// calendar dates, URLs and ids. Everything from outside is parsed with these.
import { z } from 'zod'

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })

/** A BCP-47 language tag, returned in canonical case (`zh-hans-cn` → `zh-Hans-CN`). */
export const LanguageTag = z
  .string()
  .min(2)
  .max(35)
  .transform((tag, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag)
      if (canonical) return canonical
    } catch {
      // reported below
    }
    ctx.addIssue({
      code: 'custom',
      message: `"${tag}" is not a BCP-47 language tag (e.g. en, zh-Hans, pt-BR)`,
    })
    return z.NEVER
  })
  .meta({ description: 'BCP-47 language tag', example: 'ru' })

/** An ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as RU or CN')
  .transform((code) => code.toUpperCase())
  .refine((code) => regionNames.of(code) !== undefined, 'is not an ISO 3166-1 country code')
  .meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'TH' })

/** A calendar date, YYYY-MM-DD, that exists. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real calendar date')
  .meta({ description: 'Calendar date (YYYY-MM-DD)', example: '2026-09-01' })

export const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http or https URL' })
  .max(2000)
  .meta({ description: 'Absolute http(s) URL' })

/** Ids chosen by people (institutions, platforms, courses): lowercase ASCII words joined by hyphens. */
export const Slug = z
  .string()
  .min(2)
  .max(64)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be lowercase letters, digits and single hyphens, e.g. spbu-philosophy',
  )
  .meta({ example: 'spbu' })

/** Text in one or more languages: BCP-47 tag → text. */
export function localizedText(max: number) {
  return z
    .record(z.string(), z.string().trim().min(1).max(max))
    .superRefine((value, ctx) => {
      const keys = Object.keys(value)
      if (keys.length === 0) ctx.addIssue({ code: 'custom', message: 'needs at least one language' })
      for (const key of keys) {
        if (!LanguageTag.safeParse(key).success) {
          ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a BCP-47 language tag` })
        }
      }
    })
    .meta({
      description: 'Text by BCP-47 language tag',
      example: { en: 'Saint Petersburg State University' },
    })
}
