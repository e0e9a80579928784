// A fake OAI-PMH 2.0 repository serving ListRecords in oai_dc and IEEE LOM from a mutable list of
// real-shaped resources: resumption tokens that can expire, sets, from/until, deleted records, errors in a 200.
import { startFakeHttpServer, type FakeHandler, type FakeHttpServer } from '../fake-http-server.ts'

export interface OaiResource {
  /** `oai:repo.example:course/42` */
  identifier: string
  /** UTC, seconds granularity: `2026-03-01T10:00:00Z`. */
  datestamp: string
  sets: string[]
  /** Served as `<header status="deleted">` without metadata (deletedRecord policy `persistent`). */
  deleted: boolean
  /** Language tag as the repository writes it → title; the first is the resource's own language. */
  titles: Record<string, string>
  descriptions: Record<string, string>
  /** As written upstream: `en_US`, `ru`, `rus`. */
  language: string | null
  /** ISCED-F codes, or subject texts in oai_dc. */
  subjects: string[]
  /** vCard ORG of the LOM publisher, dc:creator in oai_dc. */
  organization: string | null
  url: string | null
  /** LOM educational/typicalLearningTime/duration, e.g. `P8W`. */
  typicalLearningTime: string | null
  learningTimeNote: string | null
  /** LOM rights/cost (`no`, `yes`, or anything, for hostile tests); null leaves `<cost>` out. oai_dc has no cost. */
  cost: string | null
  /** Replaces the rendered `<metadata>` content, for odd and hostile records. */
  metadataXml?: string
}

export interface FakeOaiPmh extends FakeHttpServer {
  /** The OAI endpoint: `${url}/oai`. */
  endpoint: string
  /** The resources served, deleted ones included; change it between harvests. */
  resources: OaiResource[]
  pageSize: number
  /** Every token issued so far becomes invalid (`badResumptionToken`), as on expiry or restart. */
  expireTokens: () => void
  override: (handler: FakeHandler | undefined) => void
  /** The repository's own handler, for overrides that misbehave only sometimes. */
  serve: FakeHandler
}

const TOPICS = ['Open Science', 'Linear Algebra', 'Marine Biology', 'Data Literacy', 'Russian Literature']

export function oaiResource(n: number, overrides: Partial<OaiResource> = {}): OaiResource {
  const topic = TOPICS[n % TOPICS.length] ?? 'Course'
  return {
    identifier: `oai:oer.example.org:course/${n}`,
    datestamp: `2026-0${1 + (n % 9)}-1${n % 10}T08:30:00Z`,
    sets: ['courses'],
    deleted: false,
    titles: { en: `${topic} ${n}`, ru: `Курс ${n}` },
    descriptions: {
      en: `<p>An open course on ${topic} &amp; its methods.</p>`,
      ru: `<p>Открытый курс ${n}.</p>`,
    },
    language: 'en_US',
    subjects: ['0611'],
    organization: 'SPbU',
    url: `https://oer.example.org/courses/${n}`,
    typicalLearningTime: 'P6W',
    learningTimeNote: '3-4 hours per week',
    cost: 'no',
    ...overrides,
  }
}

export async function startFakeOaiPmh(resources: OaiResource[] = []): Promise<FakeOaiPmh> {
  const state = { resources, pageSize: 100, generation: 1 }
  let override: FakeHandler | undefined
  const serve: FakeHandler = (_req, res, recorded) => {
    const params = new URL(recorded.url, 'http://x').searchParams
    const body = listRecords(params, state, `${server.url}/oai`)
    return res.writeHead(200, { 'content-type': 'text/xml; charset=UTF-8' }).end(body)
  }
  const server = await startFakeHttpServer({
    '/oai': (req, res, recorded) => (override ?? serve)(req, res, recorded),
  })
  return {
    ...server,
    endpoint: `${server.url}/oai`,
    get resources() {
      return state.resources
    },
    set resources(value: OaiResource[]) {
      state.resources = value
    },
    get pageSize() {
      return state.pageSize
    },
    set pageSize(value: number) {
      state.pageSize = value
    },
    expireTokens: () => {
      state.generation++
    },
    override: (handler) => {
      override = handler
    },
    serve,
  }
}

/** An OAI-PMH response: the envelope around `inner` (a verb element or an `<error>`). */
export function oaiResponse(
  inner: string,
  request = '<request verb="ListRecords">https://oer.example.org/oai</request>',
) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">
  <responseDate>2026-11-29T12:00:00Z</responseDate>
  ${request}
  ${inner}
</OAI-PMH>
`
}

export function oaiError(code: string, message: string): string {
  return oaiResponse(`<error code="${code}">${escape(message)}</error>`)
}

interface Query {
  prefix: string
  set: string | null
  from: string | null
  until: string | null
  offset: number
  generation: number
}

function listRecords(
  params: URLSearchParams,
  state: { resources: OaiResource[]; pageSize: number; generation: number },
  endpoint: string,
): string {
  const verb = params.get('verb')
  if (verb !== 'ListRecords') return oaiError('badVerb', `Illegal OAI verb: ${verb ?? '(none)'}`)
  const query = readQuery(params, state.generation)
  if (typeof query === 'string') return query
  const request = `<request ${[...params].map(([k, v]) => `${k}="${escape(v)}"`).join(' ')}>${endpoint}</request>`
  const from = query.from && instant(query.from, '00:00:00')
  const until = query.until && instant(query.until, '23:59:59')
  const matching = state.resources.filter(
    (r) =>
      (!query.set || r.sets.includes(query.set)) &&
      (!from || r.datestamp >= from) &&
      (!until || r.datestamp <= until),
  )
  if (matching.length === 0)
    return oaiError(
      'noRecordsMatch',
      'The combination of the values of the from, until, set and metadataPrefix arguments results in an empty list.',
    )
  const page = matching.slice(query.offset, query.offset + state.pageSize)
  const end = query.offset + page.length
  const size = `completeListSize="${matching.length}" cursor="${query.offset}"`
  const token =
    end < matching.length
      ? `<resumptionToken ${size} expirationDate="2026-11-29T13:00:00Z">${escape(encodeToken({ ...query, offset: end }))}</resumptionToken>`
      : query.offset > 0
        ? `<resumptionToken ${size}/>`
        : ''
  const records = page.map((r) => renderRecord(r, query.prefix)).join('\n')
  return oaiResponse(`<ListRecords>\n${records}\n${token}\n</ListRecords>`, request)
}

/** The query of a first request or of a resumption token, or an error response. */
function readQuery(params: URLSearchParams, generation: number): Query | string {
  const token = params.get('resumptionToken')
  if (token !== null) {
    if ([...params.keys()].some((k) => k !== 'verb' && k !== 'resumptionToken'))
      return oaiError('badArgument', 'resumptionToken is an exclusive argument.')
    const query = decodeToken(token)
    if (!query || encodeToken(query) !== token || query.generation !== generation)
      return oaiError(
        'badResumptionToken',
        `The value of the resumptionToken argument is invalid or expired: ${token}`,
      )
    return query
  }
  const prefix = params.get('metadataPrefix')
  if (!prefix) return oaiError('badArgument', 'Missing required argument metadataPrefix.')
  if (prefix !== 'oai_dc' && prefix !== 'lom')
    return oaiError(
      'cannotDisseminateFormat',
      `The metadata format '${prefix}' is not supported by this repository.`,
    )
  return {
    prefix,
    set: params.get('set'),
    from: params.get('from'),
    until: params.get('until'),
    offset: 0,
    generation,
  }
}

/** Real tokens are opaque; these carry `+`, `/` and `=`, which break unless the harvester URL-encodes them. */
function encodeToken(query: Query): string {
  return `g${query.generation}+o${query.offset}/${Buffer.from(JSON.stringify(query)).toString('base64')}`
}

function decodeToken(token: string): Query | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token.split('/')[1] ?? '', 'base64').toString('utf8'))
    if (typeof value !== 'object' || value === null || !('offset' in value)) return undefined
    return value as Query
  } catch {
    return undefined
  }
}

function instant(value: string, time: string): string {
  return value.length === 10 ? `${value}T${time}Z` : value
}

function renderRecord(r: OaiResource, prefix: string): string {
  const sets = r.sets.map((s) => `<setSpec>${escape(s)}</setSpec>`).join('')
  const header = `<header${r.deleted ? ' status="deleted"' : ''}><identifier>${escape(r.identifier)}</identifier><datestamp>${r.datestamp}</datestamp>${sets}</header>`
  if (r.deleted) return `<record>${header}</record>`
  const metadata = r.metadataXml ?? (prefix === 'lom' ? renderLom(r) : renderDc(r))
  return `<record>${header}<metadata>${metadata}</metadata></record>`
}

function renderDc(r: OaiResource): string {
  const el = (name: string, value: string, lang?: string) =>
    `<dc:${name}${lang ? ` xml:lang="${lang}"` : ''}>${escape(value)}</dc:${name}>`
  return `
      <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
        ${Object.entries(r.titles)
          .map(([lang, t]) => el('title', t, lang))
          .join('\n        ')}
        ${r.organization ? el('creator', 'Ivanova, Maria') + el('creator', r.organization) : ''}
        ${r.subjects.map((s) => el('subject', s)).join('')}
        ${Object.entries(r.descriptions)
          .map(([lang, d]) => el('description', d, lang))
          .join('\n        ')}
        ${el('publisher', 'Open Education Repository')}
        ${el('date', r.datestamp.slice(0, 10))}
        ${el('type', 'Course')}${el('format', 'text/html')}
        ${el('identifier', `doi:10.5555/oer.${r.identifier.split('/').pop() ?? ''}`)}
        ${r.url ? el('identifier', r.url) : ''}
        ${r.language ? el('language', r.language) : ''}
        ${el('rights', 'CC BY 4.0')}
      </oai_dc:dc>`
}

function renderLom(r: OaiResource): string {
  const strings = (texts: Record<string, string>) =>
    Object.entries(texts)
      .map(([lang, t]) => `<string language="${lang}">${escape(t)}</string>`)
      .join('')
  const vcard = r.organization
    ? `<contribute><role><source>LOMv1.0</source><value>publisher</value></role><entity><![CDATA[BEGIN:VCARD
VERSION:3.0
FN:${r.organization} University
ORG:${r.organization};Faculty of Open Learning
END:VCARD]]></entity><date><dateTime>2025-09-01</dateTime></date></contribute>`
    : ''
  const taxa = r.subjects
    .map(
      (code) =>
        `<taxon><id>${escape(code)}</id><entry><string language="en">ISCED-F ${escape(code)}</string></entry></taxon>`,
    )
    .join('')
  const learningTime = r.typicalLearningTime
    ? `<typicalLearningTime><duration>${r.typicalLearningTime}</duration>${r.learningTimeNote ? `<description><string language="en">${escape(r.learningTimeNote)}</string></description>` : ''}</typicalLearningTime>`
    : ''
  return `
      <lom xmlns="http://ltsc.ieee.org/xsd/LOM" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
           xsi:schemaLocation="http://ltsc.ieee.org/xsd/LOM http://ltsc.ieee.org/xsd/lomv1.0/lom.xsd">
        <general>
          <identifier><catalog>oer.example.org</catalog><entry>${escape(r.identifier)}</entry></identifier>
          <title>${strings(r.titles)}</title>
          ${r.language ? `<language>${r.language}</language>` : ''}
          <description>${strings(r.descriptions)}</description>
          <keyword><string language="en">open education</string></keyword>
          <aggregationLevel><source>LOMv1.0</source><value>4</value></aggregationLevel>
        </general>
        <lifeCycle><status><source>LOMv1.0</source><value>final</value></status>${vcard}</lifeCycle>
        <technical><format>text/html</format>${r.url ? `<location>${escape(r.url)}</location>` : ''}</technical>
        <educational>
          <learningResourceType><source>LOMv1.0</source><value>lecture</value></learningResourceType>
          ${learningTime}
          <language>ru</language>
        </educational>
        <rights>${r.cost === null ? '' : `<cost><source>LOMv1.0</source><value>${escape(r.cost)}</value></cost>`}
          <copyrightAndOtherRestrictions><source>LOMv1.0</source><value>yes</value></copyrightAndOtherRestrictions>
          <description><string language="en">CC BY-SA 4.0</string></description></rights>
        <classification>
          <purpose><source>LOMv1.0</source><value>discipline</value></purpose>
          <taxonPath><source><string language="en">ISCED-F 2013</string></source>${taxa}</taxonPath>
        </classification>
      </lom>`
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
