// One record as OAI-PMH writes it: the header (identifier, datestamp, sets, deleted status) and, for a
// live record, its metadata in oai_dc or LOM. Used by the provider's lists and by the bulk export.
import { datestamp, type Names, type PublishedRecord } from '../record.ts'
import { dcMetadata } from './dc-writer.ts'
import { lomMetadata } from './lom-writer.ts'
import { element, text } from './xml.ts'

/** `oai:moocx.example.org:<course id>`. */
export function oaiIdentifier(publicUrl: string, id: string): string {
  return `oai:${new URL(publicUrl).hostname}:${id}`
}

export function recordHeader(publicUrl: string, record: PublishedRecord): string {
  return element(
    'header',
    [
      text('identifier', oaiIdentifier(publicUrl, record.id)),
      text('datestamp', datestamp(record.changedAt)),
      ...record.sets.map((spec) => text('setSpec', spec)),
    ],
    record.course ? {} : { status: 'deleted' },
  )
}

export function recordXml(
  publicUrl: string,
  record: PublishedRecord,
  prefix: 'oai_dc' | 'lom',
  names: Names,
): string {
  const header = recordHeader(publicUrl, record)
  if (!record.course) return element('record', header)
  const page = `${publicUrl}/courses/${encodeURIComponent(record.id)}`
  const metadata =
    prefix === 'lom' ? lomMetadata(record.course, names, page) : dcMetadata(record.course, names, page)
  return element('record', [header, element('metadata', metadata)])
}
