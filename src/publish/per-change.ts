// A value worth keeping between requests while the catalog stands still: computed again only when
// the newest change in the change log is another. Walkers ask for such values on every page.

/** `load` again only when `latest` (the newest change, latestChange()) differs from the last call's. */
export function perChange<T>(load: () => Promise<T>): (latest: string | null) => Promise<T> {
  let cached: { latest: string | null; value: T } | undefined
  return async (latest) => {
    if (cached && cached.latest === latest) return cached.value
    const value = await load()
    cached = { latest, value }
    return value
  }
}
