// The one error model (AppError) in the JSON:API shape MOOChub clients read: `{"errors": [...]}`, one
// object per problem, naming the query parameter or header at fault.
import type { AppError } from '../../shared/errors.ts'

export interface JsonApiError {
  status: string
  code: string
  title: string
  detail: string
  source?: { parameter: string } | { header: string } | { pointer: string }
}

export interface JsonApiErrorDocument {
  errors: JsonApiError[]
}

/** The error as JSON:API errors, one per detail. */
export function jsonApiErrors(error: AppError): JsonApiErrorDocument {
  const details = error.details.length > 0 ? error.details : [{ field: '', message: error.message }]
  return {
    errors: details.map((d) => ({
      status: String(error.status),
      code: error.code,
      title: error.message,
      detail: d.message,
      ...sourceOf(d.field),
    })),
  }
}

/** `query.page[size]` → the parameter `page[size]`; `header.accept` → the header `Accept`. */
function sourceOf(field: string): Pick<JsonApiError, 'source'> {
  if (field.startsWith('query.')) return { source: { parameter: field.slice('query.'.length) } }
  if (field.startsWith('header.'))
    return { source: { header: field.slice('header.'.length).replace(/(^|-)\w/g, (s) => s.toUpperCase()) } }
  if (field.startsWith('path.')) return { source: { parameter: field.slice('path.'.length) } }
  return {}
}
