// The OAI-PMH protocol through HTTP: verbs, arguments, tokens, dates, sets, deletions and every error code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeCourse, makeListing } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { encodeToken } from './token.ts'

let t: TestApp
let clock = new Date('2026-11-29T12:00:00Z')
beforeEach(async () => {
  clock = new Date()
  t = await createTestApp({ app: { now: () => clock, oaiPageSize: 2 } })
  for (let i = 0; i < 5; i++) await makeListing(t.deps, (await makeCourse(t.deps, { id: `oai-${i}` })).id)
})
afterEach(async () => t.close())

async function oai(query: string): Promise<string> {
  const response = await t.app.request(`/oai?${query}`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8')
  return response.text()
}
const codes = (xml: string) => [...xml.matchAll(/<error code="(\w+)"/g)].map((m) => m[1])
const ids = (xml: string) =>
  [...xml.matchAll(/<identifier>oai:moocx\.test:([^<]+)<\/identifier>/g)].map((m) => m[1])
const token = (xml: string) => /<resumptionToken[^>]*>([^<]*)<\/resumptionToken>/.exec(xml)?.[1]

describe('OAI-PMH verbs', () => {
  it('identifies itself with second granularity, persistent deletions and its identifier scheme', async () => {
    const xml = await oai('verb=Identify')
    expect(xml).toContain('<baseURL>http://moocx.test/oai</baseURL>')
    expect(xml).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>')
    expect(xml).toContain('<deletedRecord>persistent</deletedRecord>')
    expect(xml).toContain('<repositoryIdentifier>moocx.test</repositoryIdentifier>')
    expect(xml).toMatch(/<earliestDatestamp>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/earliestDatestamp>/)
    expect(xml).toContain('<request verb="Identify">http://moocx.test/oai</request>')
  })

  it('pages a list with tokens that carry completeListSize and cursor, ending with an empty token', async () => {
    let xml = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc')
    const seen = [...ids(xml)]
    expect(xml).toMatch(/completeListSize="5" cursor="0"/)
    expect(xml).toMatch(/expirationDate="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/)
    while (token(xml)) {
      xml = await oai(`verb=ListIdentifiers&resumptionToken=${token(xml)}`)
      seen.push(...ids(xml))
    }
    expect(xml).toMatch(/<resumptionToken completeListSize="5" cursor="4"\/>/)
    expect(seen.sort()).toEqual(['oai-0', 'oai-1', 'oai-2', 'oai-3', 'oai-4'])
  })

  it('gives one record in both formats, and a withdrawn course as a deleted header that persists', async () => {
    const dc = await oai('verb=GetRecord&identifier=oai:moocx.test:oai-1&metadataPrefix=oai_dc')
    expect(dc).toContain('<dc:title xml:lang="en">Course number')
    const lom = await oai('verb=GetRecord&identifier=oai:moocx.test:oai-1&metadataPrefix=lom')
    expect(lom).toMatch(/<title><string language="en">Course number/)
    await t.db.updateTable('listings').set({ status: 'withdrawn' }).where('course_id', '=', 'oai-1').execute()
    expect(await oai('verb=GetRecord&identifier=oai:moocx.test:oai-1&metadataPrefix=oai_dc')).toMatch(
      /<header status="deleted"><identifier>oai:moocx.test:oai-1<\/identifier>.*<\/header><\/record>/,
    )
    await t.db.deleteFrom('courses').where('id', '=', 'oai-1').execute()
    const gone = await oai('verb=ListIdentifiers&metadataPrefix=lom&from=2000-01-01')
    const all = [gone, ...(await rest(gone))].join('')
    expect(all).toContain('<header status="deleted"><identifier>oai:moocx.test:oai-1</identifier>')
  })

  it('selects by from and until at both granularities, and by set', async () => {
    const at = (await oai('verb=Identify')).match(/<earliestDatestamp>([^<]+)</)?.[1] ?? ''
    expect(ids(await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&from=${at}`))).toHaveLength(2)
    expect(codes(await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01'))).toEqual([
      'noRecordsMatch',
    ])
    expect(codes(await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&from=2999-01-01T00:00:00Z'))).toEqual([
      'noRecordsMatch',
    ])
    const c = await makeCourse(t.deps, { id: 'in-set', institutions: ['tsinghua'] })
    await makeListing(t.deps, c.id)
    expect(ids(await oai('verb=ListRecords&metadataPrefix=oai_dc&set=institution:tsinghua'))).toEqual([
      'in-set',
    ])
    expect(await oai('verb=ListSets')).toContain('<setSpec>institution:tsinghua</setSpec>')
  })

  it('lists its formats, for the repository and for one record', async () => {
    const xml = await oai('verb=ListMetadataFormats&identifier=oai:moocx.test:oai-2')
    expect(xml).toContain('<metadataPrefix>oai_dc</metadataPrefix>')
    expect(xml).toContain('<metadataNamespace>http://ltsc.ieee.org/xsd/LOM</metadataNamespace>')
  })

  it('takes its arguments from a POST form as from a query', async () => {
    const response = await t.app.request('/oai', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'verb=GetRecord&identifier=oai%3Amoocx.test%3Aoai-3&metadataPrefix=oai_dc',
    })
    expect(await response.text()).toContain('<identifier>oai:moocx.test:oai-3</identifier>')
    const json = await t.app.request('/oai', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(json.status).toBe(415)
  })

  it('escapes hostile text and drops characters XML forbids', async () => {
    await makeListing(
      t.deps,
      (await makeCourse(t.deps, { id: 'evil', title: 'A <b>&"bold"\u0001 </title> course' })).id,
    )
    const xml = await oai('verb=GetRecord&identifier=oai:moocx.test:evil&metadataPrefix=oai_dc')
    expect(xml).toContain(
      '<dc:title xml:lang="en">A &lt;b&gt;&amp;&quot;bold&quot; &lt;/title&gt; course</dc:title>',
    )
  })
})

describe('OAI-PMH errors', () => {
  it.each([
    ['', 'badVerb'],
    ['verb=Dance', 'badVerb'],
    ['verb=Identify&verb=Identify', 'badVerb'],
    ['verb=Identify&extra=1', 'badArgument'],
    ['verb=ListRecords', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=lom', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-30', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01T00:00:00.5Z', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01T10:00:00+01:00', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-01-02T00:00:00Z', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-01&until=2026-01-01', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc', 'badArgument'],
    ['verb=GetRecord&identifier=oai:moocx.test:oai-0', 'badArgument'],
    ['verb=ListRecords&resumptionToken=not-a-token', 'badResumptionToken'],
    ['verb=ListSets&resumptionToken=x', 'badResumptionToken'],
    ['verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
    ['verb=GetRecord&identifier=oai:moocx.test:oai-0&metadataPrefix=mods', 'cannotDisseminateFormat'],
    ['verb=GetRecord&identifier=oai:elsewhere.org:oai-0&metadataPrefix=oai_dc', 'idDoesNotExist'],
    ['verb=GetRecord&identifier=oai:moocx.test:nothing&metadataPrefix=oai_dc', 'idDoesNotExist'],
    ['verb=ListMetadataFormats&identifier=oai:moocx.test:nothing', 'idDoesNotExist'],
    ['verb=ListRecords&metadataPrefix=oai_dc&set=platform:nowhere', 'noRecordsMatch'],
    ['verb=ListIdentifiers&metadataPrefix=lom&set=not a set', 'noRecordsMatch'],
  ])('%s → %s', async (query, code) => {
    const xml = await oai(query)
    expect(codes(xml)).toContain(code)
    const echoed = /<request([^>]*)>/.exec(xml)?.[1] ?? ''
    expect(echoed === '').toBe(code === 'badVerb' || code === 'badArgument')
  })

  it('reports every bad argument at once', async () => {
    expect(codes(await oai('verb=ListRecords&from=x&until=y&foo=1'))).toEqual([
      'badArgument',
      'badArgument',
      'badArgument',
      'badArgument',
    ])
  })

  it('refuses an expired token, one for another verb, and one altered', async () => {
    const first = await oai('verb=ListRecords&metadataPrefix=oai_dc')
    const issued = token(first) ?? ''
    expect(codes(await oai(`verb=ListIdentifiers&resumptionToken=${issued}`))).toEqual(['badResumptionToken'])
    const state = JSON.parse(Buffer.from(issued, 'base64url').toString('utf8'))
    const altered = encodeToken({ ...state, cursor: -1 })
    expect(codes(await oai(`verb=ListRecords&resumptionToken=${altered}`))).toEqual(['badResumptionToken'])
    clock = new Date(clock.getTime() + 2 * 60 * 60 * 1000)
    const expired = await oai(`verb=ListRecords&resumptionToken=${issued}`)
    expect(codes(expired)).toEqual(['badResumptionToken'])
    expect(expired).toContain('expired')
  })

  it('answers noMetadataFormats for a deleted record and noSetHierarchy when there is nothing to group', async () => {
    await t.db.updateTable('listings').set({ status: 'withdrawn' }).where('course_id', '=', 'oai-4').execute()
    expect(codes(await oai('verb=ListMetadataFormats&identifier=oai:moocx.test:oai-4'))).toEqual([
      'noMetadataFormats',
    ])
    await t.db.deleteFrom('courses').execute()
    expect(codes(await oai('verb=ListSets'))).toEqual(['noSetHierarchy'])
  })
})

async function rest(xml: string): Promise<string[]> {
  const pages: string[] = []
  let current = xml
  while (token(current)) {
    current = await oai(`verb=ListIdentifiers&resumptionToken=${token(current)}`)
    pages.push(current)
  }
  return pages
}
