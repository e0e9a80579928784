// OAI-PMH as others see it: Debian's HTTP::OAI harvester lists every record in both formats through
// every resumption token, and every response is valid against the schemas published with OAI-PMH 2.0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasHttpOai, hasXmllint, perlHarvest, toolsPresent, xmllint } from '../../../test/external-tools.ts'
import { serveApp, type ServedApp } from '../../../test/served-app.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { countRecords } from '../record-repository.ts'

let t: TestApp
let served: ServedApp
const run = toolsPresent(['xmllint', hasXmllint], ['HTTP::OAI', hasHttpOai])

beforeAll(async () => {
  t = await createTestApp({ demo: true, app: { now: () => new Date(), oaiPageSize: 23 } })
  const [withdrawn, gone] = await t.db.selectFrom('courses').select('id').orderBy('id').limit(2).execute()
  await t.db
    .updateTable('listings')
    .set({ status: 'withdrawn' })
    .where('course_id', '=', withdrawn?.id ?? '')
    .execute()
  await t.db
    .deleteFrom('courses')
    .where('id', '=', gone?.id ?? '')
    .execute()
  served = await serveApp(t.app)
}, 60_000)
afterAll(async () => {
  await served?.close()
  await t?.close()
})

async function oai(query: string): Promise<string> {
  return (await t.app.request(`/oai?${query}`)).text()
}

/** Every page of a list, following resumption tokens through the app. */
async function pages(verb: string, prefix: string): Promise<string[]> {
  const found = [await oai(`verb=${verb}&metadataPrefix=${prefix}`)]
  for (;;) {
    const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(found.at(-1) ?? '')?.[1]
    if (!token) return found
    found.push(await oai(`verb=${verb}&resumptionToken=${token}`))
  }
}

describe.runIf(run)('OAI-PMH conformance', () => {
  it.each(['oai_dc', 'lom'])(
    'HTTP::OAI harvests every %s record through every token',
    async (prefix) => {
      const lines = await perlHarvest(`${served.url}/oai`, prefix)
      const total = await countRecords(t.db, {})
      const records = lines.filter((l) => l.startsWith('record '))
      const deleted = lines.filter((l) => l.startsWith('deleted '))
      expect(lines[0]).toBe('granularity YYYY-MM-DDThh:mm:ssZ')
      expect(records.length + deleted.length).toBe(total)
      expect(deleted).toHaveLength(2)
      expect(new Set([...records, ...deleted].map((l) => l.split(' ')[1])).size).toBe(total)
      expect(lines.at(-1)).toBe(`pages ${Math.ceil(total / 23)}`)
      expect(lines.filter((l) => l.startsWith('token ')).every((l) => l.startsWith(`token ${total} `))).toBe(
        true,
      )
    },
    60_000,
  )

  it('answers every verb with XML valid against OAI-PMH.xsd and oai_dc.xsd', async () => {
    const id = /<identifier>([^<]+)<\/identifier>/.exec(
      await oai('verb=ListIdentifiers&metadataPrefix=oai_dc'),
    )?.[1]
    const responses = [
      ...(await pages('ListRecords', 'oai_dc')),
      ...(await pages('ListIdentifiers', 'oai_dc')),
      await oai('verb=Identify'),
      await oai('verb=ListMetadataFormats'),
      await oai(`verb=ListMetadataFormats&identifier=${id}`),
      await oai('verb=ListSets'),
      await oai(`verb=GetRecord&identifier=${id}&metadataPrefix=oai_dc`),
      await oai('verb=Bogus'),
      await oai('verb=ListRecords&metadataPrefix=marc21'),
      await oai('verb=ListRecords&metadataPrefix=oai_dc&from=2026-13-01'),
      await oai('verb=ListRecords&resumptionToken=nonsense'),
      await oai('verb=GetRecord&identifier=oai:moocx.test:nothing&metadataPrefix=oai_dc'),
      await oai('verb=ListRecords&metadataPrefix=oai_dc&set=institution:nobody'),
    ]
    for (const xml of responses) {
      const verdict = xmllint(xml, 'oai-pmh-with-dc.xsd')
      expect(verdict.output).toContain('validates')
    }
  }, 60_000)

  it('answers LOM lists with XML valid against the IEEE LOM binding, vocabularies checked', async () => {
    for (const xml of await pages('ListRecords', 'lom')) {
      expect(xmllint(xml, 'oai-pmh-with-lom-strict.xsd').output).toContain('validates')
    }
  }, 60_000)

  it('is checked by a validator that can fail: a broken datestamp is refused', async () => {
    const xml = (await oai('verb=Identify')).replace(
      /<earliestDatestamp>[^<]+/,
      '<earliestDatestamp>yesterday',
    )
    expect(xmllint(xml, 'oai-pmh-with-dc.xsd').ok).toBe(false)
  })
})
