// The connector of each source format.
import type { SourceFormat } from '../source.ts'
import type { Connector } from './connector.ts'
import { courseDiscovery } from './course-discovery.ts'
import { coursera } from './coursera.ts'
import { csv } from './csv.ts'
import { edxSearch } from './edx-search.ts'
import { jsonldSitemap } from './jsonld-sitemap.ts'
import { moochub } from './moochub.ts'
import { oaiPmh } from './oai-pmh.ts'
import { openedxCourses } from './openedx-courses.ts'

const connectors: Record<SourceFormat, Connector> = {
  'openedx-courses': openedxCourses,
  'edx-search': edxSearch,
  'course-discovery': courseDiscovery,
  moochub,
  'oai-pmh': oaiPmh,
  coursera,
  csv,
  'jsonld-sitemap': jsonldSitemap,
}

export function connectorFor(format: SourceFormat): Connector {
  return connectors[format]
}
