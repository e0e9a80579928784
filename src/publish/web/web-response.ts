// How discovery documents are answered: their media type, an hour in shared caches, and Last-Modified
// from the newest published change (conditional requests are answered by the HTTP middleware).
import { lastModifiedHeader } from '../../http/http-date.ts'

export const XML_TYPE = 'application/xml; charset=utf-8'
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8'
export const TEXT_TYPE = 'text/plain; charset=utf-8'

/** Headers of a discovery document; Last-Modified only when the catalog has a change to date it by. */
export function discoveryHeaders(contentType: string, lastModified: string | null): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Cache-Control': 'public, max-age=3600',
    ...(lastModified && { 'Last-Modified': lastModifiedHeader(lastModified) }),
  }
}

/** The latest of some ISO instants, or null when none is known. */
export function latest(...instants: (string | null | undefined)[]): string | null {
  return instants.reduce<string | null>((max, t) => (t && (!max || t > max) ? t : max), null)
}
