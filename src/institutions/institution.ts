// Institution: a member organization of the alliance. Types, input schemas and pure rules.
import { z } from 'zod'
import { CalendarDate, CountryCode, HttpUrl, Slug, localizedText } from '../shared/vocab.ts'

export const InstitutionKind = z.enum(['university', 'platform-operator', 'organization'])
export const AllianceRole = z.enum(['founder', 'member'])
export const InstitutionStatus = z.enum(['applied', 'active', 'suspended'])
export type InstitutionKind = z.infer<typeof InstitutionKind>
export type AllianceRole = z.infer<typeof AllianceRole>
export type InstitutionStatus = z.infer<typeof InstitutionStatus>

export const Institution = z
  .object({
    id: Slug,
    kind: InstitutionKind,
    role: AllianceRole,
    status: InstitutionStatus,
    country: z.string().meta({ description: 'ISO 3166-1 alpha-2', example: 'RU' }),
    names: z.record(z.string(), z.string()).meta({ description: 'Name by BCP-47 language tag' }),
    website: z.string().nullable(),
    logoUrl: z.string().nullable(),
    joinedOn: z.string().nullable().meta({ description: 'Date the institution joined the alliance' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Institution' })
export type Institution = z.infer<typeof Institution>

export const InstitutionCreate = z
  .strictObject({
    id: Slug,
    kind: InstitutionKind,
    role: AllianceRole.default('member'),
    status: InstitutionStatus.default('applied'),
    country: CountryCode,
    names: localizedText(300),
    website: HttpUrl.nullable().optional(),
    logoUrl: HttpUrl.nullable().optional(),
    joinedOn: CalendarDate.nullable().optional(),
  })
  .meta({ id: 'InstitutionCreate' })
export type InstitutionCreate = z.infer<typeof InstitutionCreate>

export const InstitutionUpdate = InstitutionCreate.omit({ id: true })
  .partial()
  .meta({ id: 'InstitutionUpdate' })
export type InstitutionUpdate = z.infer<typeof InstitutionUpdate>

/** The name to show in `locale`: the exact tag, then its language, then English, then any. */
export function nameIn(names: Record<string, string>, locale: string): string {
  const language = locale.split('-')[0] ?? locale
  const fallback = Object.entries(names).find(([tag]) => tag.split('-')[0] === language)?.[1]
  return names[locale] ?? fallback ?? names.en ?? Object.values(names)[0] ?? ''
}

/** The language tag of the name shown by nameIn, so pages can mark it with `lang`. */
export function nameLanguage(names: Record<string, string>, locale: string): string {
  if (names[locale]) return locale
  const language = locale.split('-')[0] ?? locale
  const match = Object.keys(names).find((tag) => tag.split('-')[0] === language)
  return match ?? (names.en ? 'en' : (Object.keys(names)[0] ?? 'und'))
}
