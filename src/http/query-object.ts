// A page's query parameters as an object for Zod: repeated ones become arrays, and `lang` (the
// interface language, handled by the locale middleware) is left out.
export function queryObject(url: string): Record<string, string | string[]> {
  const params = new URL(url).searchParams
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(params.keys())) {
    if (key === 'lang') continue
    const values = params.getAll(key)
    out[key] = values.length === 1 ? (values[0] ?? '') : values
  }
  return out
}
