// Where a licence is described: the SPDX page of an identifier; none for `proprietary`.

export function licenseUrl(license: string): string | null {
  return license === 'proprietary' ? null : `https://spdx.org/licenses/${encodeURIComponent(license)}.html`
}
