// The connector of each source format. Formats not built yet answer with a clear error.
import { AppError } from '../../shared/errors.ts'
import type { SourceFormat } from '../source.ts'
import type { Connector } from './connector.ts'
import { courseDiscovery } from './course-discovery.ts'
import { coursera } from './coursera.ts'
import { csv } from './csv.ts'
import { edxSearch } from './edx-search.ts'
import { moochub } from './moochub.ts'
import { oaiPmh } from './oai-pmh.ts'
import { openedxCourses } from './openedx-courses.ts'

const connectors: Partial<Record<SourceFormat, Connector>> = {
  'openedx-courses': openedxCourses,
  'edx-search': edxSearch,
  moochub,
  'oai-pmh': oaiPmh,
  coursera,
  'course-discovery': courseDiscovery,
  csv,
}

export const IMPLEMENTED_FORMATS = Object.keys(connectors)

export function connectorFor(format: SourceFormat): Connector {
  const connector = connectors[format]
  if (!connector) {
    throw new AppError('not_implemented', 501, `Harvesting the "${format}" format is not implemented yet.`, [
      { field: 'format', message: `implemented: ${IMPLEMENTED_FORMATS.join(', ')}` },
    ])
  }
  return connector
}
