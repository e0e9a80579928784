// robots.txt: every public page may be crawled; the console and the administrators' API resources
// (harvest sources and runs, subject mappings: all need a key) may not. Writes to the API share their
// paths with public reads, and crawlers only read, so the rest of the API stays open.

const DISALLOWED = ['/console', '/api/v1/sources', '/api/v1/harvest-runs', '/api/v1/subject-mappings']

export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...DISALLOWED.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n')
}
