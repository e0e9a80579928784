// The facets of search, on their own so the index's parts can share the list without importing
// the index.

/** Every facet, in the order pages show them: what a course is about first, then how it is taken. */
export const FACETS = [
  'subject',
  'language',
  'subtitle',
  'institution',
  'platform',
  'level',
  'availability',
  'access',
  'certificate',
] as const
export type FacetName = (typeof FACETS)[number]

/** Facets stored in rows (see facet-rows.ts): every facet but availability, which changes daily. */
export type RowFacet = Exclude<FacetName, 'availability'>
export const ROW_FACETS: readonly RowFacet[] = FACETS.filter((f): f is RowFacet => f !== 'availability')
