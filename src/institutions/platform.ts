// Platform: a learning platform where courses run (edX, XuetangX, a university's Open edX).
import { z } from 'zod'
import { HttpUrl, Slug } from '../shared/vocab.ts'

export const PlatformSoftware = z.enum(['open-edx', 'coursera', 'moodle', 'canvas', 'moocx', 'other'])
export type PlatformSoftware = z.infer<typeof PlatformSoftware>

export const Platform = z
  .object({
    id: Slug,
    name: z.string(),
    software: PlatformSoftware,
    baseUrl: z.string(),
    institutionId: z
      .string()
      .nullable()
      .meta({ description: 'The member institution that operates it, if any' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Platform' })
export type Platform = z.infer<typeof Platform>

export const PlatformCreate = z
  .strictObject({
    id: Slug,
    name: z.string().trim().min(1).max(200),
    software: PlatformSoftware,
    baseUrl: HttpUrl,
    institutionId: Slug.nullable().optional(),
  })
  .meta({ id: 'PlatformCreate' })
export type PlatformCreate = z.infer<typeof PlatformCreate>

export const PlatformUpdate = PlatformCreate.omit({ id: true }).partial().meta({ id: 'PlatformUpdate' })
export type PlatformUpdate = z.infer<typeof PlatformUpdate>
