// Shared pieces of the OpenAPI-described JSON API: router factory, error schema, list parameters.
import { OpenAPIHono, z } from '@hono/zod-openapi'
import { ValidationError } from '../shared/errors.ts'
import { issuesToDetails } from '../shared/zod-issues.ts'
import type { AppEnv } from './env.ts'

/** A router whose validation failures become our ValidationError, naming the offending field. */
export function newApi() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw new ValidationError(
          issuesToDetails(result.target === 'json' ? 'body' : result.target, result.error.issues),
        )
    },
  })
}

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'validation_failed' }),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: 'Error' })

const errorContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
})

export const readErrors = {
  400: errorContent('Invalid parameters'),
  404: errorContent('Not found'),
} as const

export const writeErrors = {
  400: errorContent('Invalid body, malformed JSON or unknown field'),
  401: errorContent('Missing or wrong API key'),
  403: errorContent('The key may not change this data'),
  404: errorContent('Not found'),
  409: errorContent('Conflicts with existing data'),
  413: errorContent('Body too large'),
  415: errorContent('Body is not application/json'),
} as const

export const bearer = [{ bearerAuth: [] }]

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } }
}

/** A query parameter taking one or more values, comma-separated or repeated. */
export function listParam<T extends z.ZodType<unknown, string>>(item: T, description = '') {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50))
    .optional()
    .meta({
      description: `${description} Several values: comma-separated or repeated (OR-ed).`.trim(),
      param: { style: 'form', explode: true },
    })
}

export function listOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      meta: z.object({
        total: z.number().int(),
        page: z.number().int(),
        perPage: z.number().int(),
        pages: z.number().int(),
      }),
    })
    .meta({ id })
}

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .meta({ param: { name: 'id', in: 'path' } }),
})
