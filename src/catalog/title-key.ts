// The key under which two titles count as the same: Unicode-normalized, case-folded, punctuation
// and spacing collapsed ("Machine Learning!" and "machine  learning" agree).

export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim()
    .slice(0, 300)
}

/** Course numbers agree when both are missing or equal ignoring case and punctuation. */
export function sameCourseNumber(a: string | null, b: string | null): boolean {
  const norm = (s: string | null) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  return norm(a) === norm(b)
}
