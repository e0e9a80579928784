// Reading OAI-PMH XML: DTDs refused unread, only predefined entities decoded, parser messages kept.
import { describe, expect, it } from 'vitest'
import { oaiResource, oaiResponse } from '../../../test/fakes/oai-pmh.ts'
import { PageError } from './connector.ts'
import { oaiPmh } from './oai-pmh.ts'
import { child, parseXml, path, type XmlElement } from './oai-pmh-xml.ts'

const URL_ = 'https://oer.example.org/oai'
const read = (xml: string) => parseXml(xml, URL_)
const refusal = /XML with a DOCTYPE is refused/

describe('parseXml', () => {
  it('decodes the five XML entities and character references, and nothing else', () => {
    const root = read(
      '<r a="&quot;x&quot; &amp; y"><t>caf&#233; &#x4E2D; &lt;b&gt; &amp;amp; &apos;q&apos; &nbsp; &unknown;</t></r>',
    )
    expect(root.attrs.a).toBe('"x" & y')
    expect(child(root, 't')?.text).toBe("café 中 <b> &amp; 'q' &nbsp; &unknown;")
  })

  it('keeps CDATA as written and drops namespace prefixes', () => {
    const root = read(
      '<oai_dc:dc xmlns:oai_dc="x" xmlns:dc="y"><dc:title xml:lang="ru"><![CDATA[<p>A &amp; B</p>]]></dc:title></oai_dc:dc>',
    )
    expect(root.name).toBe('dc')
    expect(root.children[0]).toEqual({
      name: 'title',
      attrs: { lang: 'ru' },
      text: '<p>A &amp; B</p>',
      children: [],
    })
  })

  it.each([
    ['an internal subset', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>'],
    ['an external DTD', '<!DOCTYPE r SYSTEM "http://127.0.0.1:1/evil.dtd"><r/>'],
    ['an external parameter entity', '<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><r/>'],
    ['a lower-case doctype', '<!doctype r><r/>'],
    ['a bare entity declaration', '<r><!ENTITY e "x"></r>'],
    [
      'a DOCTYPE after an attribute that looks like a comment',
      '<r t="<!--"><!DOCTYPE r [<!ENTITY e "x">]><s t="-->"/></r>',
    ],
    ['a DOCTYPE after an unterminated comment', '<!-- <r/> <!DOCTYPE r [<!ENTITY e "x">]>'],
  ])('refuses a document with %s before parsing it', (_, xml) => {
    expect(() => read(xml)).toThrow(PageError)
    expect(() => read(xml)).toThrow(refusal)
  })

  it('refuses the billion laughs at once', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)
    const started = Date.now()
    expect(() => read(`<!DOCTYPE r [<!ENTITY l0 "lol">${levels.join('')}]><r>&l9;</r>`)).toThrow(refusal)
    expect(Date.now() - started).toBeLessThan(100)
  })

  it('accepts a DOCTYPE that is text inside CDATA, a comment or an attribute', () => {
    const root = read(
      '<r note="&lt;!DOCTYPE"><!-- <!DOCTYPE r> --><d><![CDATA[<!DOCTYPE html><html><body>Hi</body></html>]]></d></r>',
    )
    expect(child(root, 'd')?.text).toBe('<!DOCTYPE html><html><body>Hi</body></html>')
  })

  it('accepts white space before the XML declaration', () => {
    expect(read('\n\n<?xml version="1.0" encoding="UTF-8"?>\n<r/>').name).toBe('r')
  })

  it.each([
    [
      'an unclosed element',
      '<r><a></r>',
      /not well-formed XML: Expected closing tag 'a' .* \(line 1, column \d+\)/,
    ],
    ['JSON', '{"results": []}', /not well-formed XML: char '\{' is not expected/],
    ['an empty body', '', /not well-formed XML: Start tag expected/],
    ['a bare ampersand', '<r>Q&A</r>', /not well-formed XML: char '&' is not expected/],
  ])("fails %s with the parser's message and the page URL", (_, xml, message) => {
    expect(() => read(xml)).toThrow(message)
    expect(() => read(xml)).toThrow(URL_)
  })

  it('fails nesting deeper than the parser allows instead of recursing without end', () => {
    expect(() => read(`${'<a>'.repeat(500)}${'</a>'.repeat(500)}`)).toThrow(
      /cannot be read as XML: .*nested/i,
    )
  })
})

describe('reading a huge ListRecords page', () => {
  it('splits 3,000 records (4 MB) in a few seconds at most', () => {
    const records = Array.from({ length: 3000 }, (_, i) => oaiResource(i))
      .map(
        (r) =>
          `<record><header><identifier>${r.identifier}</identifier><datestamp>${r.datestamp}</datestamp></header><metadata><oai_dc:dc xmlns:oai_dc="x" xmlns:dc="y"><dc:title>${r.titles.en ?? ''}</dc:title><dc:description>${'Long text. '.repeat(100)}</dc:description><dc:identifier>${r.url ?? ''}</dc:identifier></oai_dc:dc></metadata></record>`,
      )
      .join('\n')
    const text = oaiResponse(
      `<ListRecords>${records}<resumptionToken cursor="0">next</resumptionToken></ListRecords>`,
    )
    const started = Date.now()
    const page = oaiPmh.readPage({ url: URL_, text }, { baseUrl: URL_ } as never)
    expect(page.records).toHaveLength(3000)
    expect(page.next?.url).toBe(`${URL_}?verb=ListRecords&resumptionToken=next`)
    const first = page.records[0] as XmlElement
    expect(path(first, 'header', 'identifier')[0]?.text).toBe('oai:oer.example.org:course/0')
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
