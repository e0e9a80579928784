// Resolves a URL found in upstream data (image, course page, next-page link) against the source's base
// into an absolute http(s) URL, or undefined: no `javascript:`, `data:` or other schemes get through.

/** Longer URLs are refused: no real course or image URL needs more, and some browsers cut them. */
export const MAX_URL_LENGTH = 2000

/**
 * `absoluteUrl('/asset-v1:X+Y+Z+type@asset+block@cover.jpg', 'https://lms.example')` →
 * `'https://lms.example/asset-v1:X+Y+Z+type@asset+block@cover.jpg'`. Non-strings, other schemes,
 * unparsable and over-long values give undefined. User names and passwords in the URL are removed.
 */
export function absoluteUrl(value: unknown, base: string): string | undefined {
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (text === '' || text.length > MAX_URL_LENGTH) return undefined
  const url = parse(text, base)
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined
  url.username = ''
  url.password = ''
  return url.href.length > MAX_URL_LENGTH ? undefined : url.href
}

/** Parses against the base when it is a usable http(s) URL, else only absolute values. */
function parse(text: string, base: string): URL | undefined {
  try {
    const baseUrl = new URL(base)
    if (baseUrl.protocol === 'http:' || baseUrl.protocol === 'https:') return new URL(text, baseUrl)
  } catch {
    // an unusable base: only absolute values can be resolved
  }
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}
