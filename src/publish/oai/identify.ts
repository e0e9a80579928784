// Identify (who the repository is, its granularity and deletion policy) and ListSets (institutions,
// platforms, ISCED-F fields and languages that have courses, named in English and described in every
// language an institution or field has a name in).
import { earliestChange, setValues } from '../record-repository.ts'
import { datestamp } from '../record.ts'
import { subjectSetSpec } from '../sets.ts'
import { OAI_DC } from './dc-writer.ts'
import { fail } from './errors.ts'
import type { OaiDeps } from './provider.ts'
import { element, text } from './xml.ts'

/** A repository identifier must be a domain name (oai-identifier.xsd); others are not described. */
const DOMAIN = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/

export async function identify(deps: OaiDeps): Promise<string> {
  const earliest = (await earliestChange(deps.db)) ?? deps.now().toISOString()
  const host = new URL(deps.publicUrl).hostname
  const description = DOMAIN.test(host)
    ? [
        element(
          'description',
          element(
            'oai-identifier',
            [
              text('scheme', 'oai'),
              text('repositoryIdentifier', host),
              text('delimiter', ':'),
              text('sampleIdentifier', `oai:${host}:spbu-philosophy`),
            ],
            {
              xmlns: 'http://www.openarchives.org/OAI/2.0/oai-identifier',
              'xsi:schemaLocation':
                'http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd',
            },
          ),
        ),
      ]
    : []
  return element('Identify', [
    text('repositoryName', 'moocx: the catalog of the Global MOOC Alliance'),
    text('baseURL', `${deps.publicUrl}/oai`),
    text('protocolVersion', '2.0'),
    text('adminEmail', deps.adminEmail),
    text('earliestDatestamp', datestamp(earliest)),
    text('deletedRecord', 'persistent'),
    text('granularity', 'YYYY-MM-DDThh:mm:ssZ'),
    ...description,
  ])
}

/** Every set in one response: there are a few hundred at most, so ListSets is not paged. */
export async function listSets(deps: OaiDeps, resumptionToken: string | undefined): Promise<string> {
  if (resumptionToken !== undefined)
    fail('badResumptionToken', 'ListSets is answered in one response; this repository issued no token for it')
  const values = await setValues(deps.db)
  if (Object.values(values).every((v) => v.length === 0))
    fail('noSetHierarchy', 'the repository has no courses yet, so it has no sets')
  const names = await deps.names()
  const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })
  const subjects = new Set(
    values.subject.flatMap((code) => [2, 3, 4].filter((n) => n <= code.length).map((n) => code.slice(0, n))),
  )
  const sets = [
    set('institution', 'Institutions'),
    ...values.institution.map((id) => {
      const own = names.institutions.get(id)?.names ?? {}
      return set(`institution:${id}`, own.en ?? Object.values(own)[0] ?? id, own)
    }),
    set('platform', 'Platforms'),
    ...values.platform.map((id) => set(`platform:${id}`, names.platforms.get(id)?.name ?? id)),
    set('subject', 'Subjects (ISCED-F 2013 fields of education and training)'),
    ...[...subjects].sort().map((code) => {
      const labels = names.subjects.get(code)?.labels ?? {}
      return set(subjectSetSpec(code), `${code} ${labels.en ?? ''}`.trim(), labels)
    }),
    set('language', 'Languages of instruction'),
    ...values.language.map((tag) => set(`language:${tag}`, safeName(english, tag))),
  ]
  return element('ListSets', sets)
}

function set(spec: string, name: string, names: Record<string, string> = {}): string {
  const titles = Object.entries(names).map(([tag, value]) => text('dc:title', value, { 'xml:lang': tag }))
  const description =
    titles.length > 1
      ? [
          element(
            'setDescription',
            element('oai_dc:dc', titles, {
              'xmlns:oai_dc': OAI_DC.namespace,
              'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
              'xsi:schemaLocation': `${OAI_DC.namespace} ${OAI_DC.schema}`,
            }),
          ),
        ]
      : []
  return element('set', [text('setSpec', spec), text('setName', name), ...description])
}

function safeName(names: Intl.DisplayNames, tag: string): string {
  try {
    return names.of(tag) ?? tag
  } catch {
    return tag
  }
}
