// The three ways bench:publish reads the whole catalog over HTTP, as a harvester would, each counting
// the records it received: OAI-PMH ListRecords through every resumption token, MOOChub through every
// links.next, and the streamed JSON Lines export read as it arrives (the client holds no whole body).

export interface Walk {
  name: string
  run: (baseUrl: string) => Promise<number>
}

/** ListRecords in oai_dc, 100 records a response (the server's default), every token followed. */
async function oaiListRecords(baseUrl: string): Promise<number> {
  let query = 'verb=ListRecords&metadataPrefix=oai_dc'
  let records = 0
  for (;;) {
    const res = await fetch(`${baseUrl}/oai?${query}`)
    const xml = await res.text()
    if (res.status !== 200 || xml.includes('<error')) throw new Error(`OAI-PMH said: ${xml.slice(0, 300)}`)
    records += xml.split('<record>').length - 1
    const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1]
    if (!token) return records
    query = `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`
  }
}

/** /api/moochub/courses at its default page size, following links.next (rebased on the served origin). */
async function moochubPages(baseUrl: string): Promise<number> {
  let url: string | undefined = `${baseUrl}/api/moochub/courses`
  let records = 0
  while (url) {
    const res = await fetch(url, { headers: { accept: 'application/vnd.api+json; moochub-version=3' } })
    if (res.status !== 200) throw new Error(`MOOChub said ${res.status}: ${(await res.text()).slice(0, 300)}`)
    const page = (await res.json()) as { data: unknown[]; links: { next?: string | null } }
    records += page.data.length
    const next = page.links.next
    url = next ? `${baseUrl}${new URL(next).pathname}${new URL(next).search}` : undefined
  }
  return records
}

/** GET /api/v1/export?format=jsonl, counting lines in the bytes as they come. */
async function exportJsonl(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/export?format=jsonl`)
  if (res.status !== 200 || !res.body) throw new Error(`export said ${res.status}`)
  let lines = 0
  const reader = res.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return lines
    for (const byte of value) if (byte === 10) lines++
  }
}

export const WALKS: readonly Walk[] = [
  { name: 'OAI-PMH ListRecords oai_dc (100/page)', run: oaiListRecords },
  { name: 'MOOChub /api/moochub/courses (100/page)', run: moochubPages },
  { name: 'export jsonl (one stream)', run: exportJsonl },
]
