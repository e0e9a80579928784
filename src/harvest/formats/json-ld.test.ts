// Finding JSON-LD in HTML: script blocks however they are written, broken blocks skipped, @graph and
// nesting flattened, references resolved, schema.org type prefixes and @value texts read.
import { describe, expect, it } from 'vitest'
import { hasType, idOf, jsonLdGraph, jsonLdScripts, namesOf, objectsOf, textsOf, typesOf } from './json-ld.ts'

const BASE = 'https://courses.example.edu/c/open-science'

describe('jsonLdScripts', () => {
  it('finds every JSON-LD block whatever the case, quotes, spacing and media type parameters', () => {
    const html = `<html><head>
      <script type="application/ld+json">{"a":1}</script>
      <SCRIPT TYPE='Application/LD+JSON'>{"b":2}</SCRIPT >
      <script id="x"  type = application/ld+json >{"c":3}</script>
      <script type="application/ld+json; charset=utf-8" nonce="r>1">{"d":4}</script>
      <script>var x = '<script type="application/ld+json">'</script>
      <script type="text/javascript">{"not":"json-ld"}</script>
      <script data-type="application/ld+json">{"e":5}</script>
    </head></html>`
    expect(jsonLdScripts(html)).toEqual(['{"a":1}', '{"b":2}', '{"c":3}', '{"d":4}'])
  })

  it('unwraps comment and CDATA wrappers and skips blocks inside HTML comments', () => {
    const html = `
      <script type="application/ld+json"><!-- {"a":1} --></script>
      <script type="application/ld+json">
      //<![CDATA[
      {"b":2}
      //]]>
      </script>
      <script type="application/ld+json"><![CDATA[{"c":3}]]></script>
      <!-- <script type="application/ld+json">{"hidden":true}</script> -->`
    expect(jsonLdScripts(html)).toEqual(['{"a":1}', '{"b":2}', '{"c":3}'])
  })

  it('stops at an unclosed script or comment without scanning forever', () => {
    const many = '<script type="application/ld+json">'.repeat(50_000)
    const started = Date.now()
    expect(jsonLdScripts(`<script type="application/ld+json">{"a":1}</script>${many}`)).toEqual(['{"a":1}'])
    expect(jsonLdScripts('<!-- never closed <script type="application/ld+json">{}</script>')).toEqual([])
    expect(Date.now() - started).toBeLessThan(1000)
  })
})

describe('jsonLdGraph', () => {
  it('counts blocks that are not JSON and keeps the nodes of the others', () => {
    const html = `<script type="application/ld+json">{"@type": "WebPage",}</script>
      <script type="application/ld+json">{"@type":"Course","name":"A"}</script>`
    const graph = jsonLdGraph({ html }, BASE)
    expect(graph).toMatchObject({ blocks: 2, invalid: 1 })
    expect(graph.nodes.map((n) => n.name)).toEqual(['A'])
  })

  it('flattens arrays, @graph wrappers and nesting, top-level nodes first', () => {
    const value = [
      {
        '@context': 'https://schema.org',
        '@graph': [
          {
            '@type': 'Course',
            '@id': '#course',
            name: 'Top',
            hasPart: { '@type': 'Course', name: 'Nested' },
          },
          { '@type': 'Organization', '@id': '/#org', name: 'Uni' },
        ],
      },
      { '@type': 'WebSite', name: 'Site' },
    ]
    const graph = jsonLdGraph({ value }, BASE)
    expect(graph.nodes.filter((n) => hasType(n, 'Course')).map((n) => n.name)).toEqual(['Top', 'Nested'])
    expect([...graph.ids.keys()]).toEqual([`${BASE}#course`, 'https://courses.example.edu/#org'])
  })

  it('resolves bare references to the node that defines them, keeping unknown ones as written', () => {
    const graph = jsonLdGraph(
      {
        value: {
          '@graph': [
            { '@id': '/#org', '@type': 'Organization' },
            { '@id': '/#org', name: 'Uni' },
          ],
        },
      },
      BASE,
    )
    const provider = [{ '@id': 'https://courses.example.edu/#org' }, { '@id': '#missing' }, 'Plain text']
    expect(objectsOf(provider, graph)).toEqual([{ '@id': '/#org', name: 'Uni' }, { '@id': '#missing' }])
    expect(namesOf(provider, graph)).toEqual(['Plain text', 'Uni'])
  })
})

describe('JSON-LD values', () => {
  it('reads types with or without the schema.org prefix', () => {
    expect(
      typesOf({ '@type': ['http://schema.org/Course', 'schema:Product', 'https://schema.org/Thing', 3] }),
    ).toEqual(['Course', 'Product', 'Thing'])
    expect(hasType({ '@type': 'Course' }, 'Course')).toBe(true)
    expect(hasType({ type: 'Course' }, 'Course')).toBe(false)
  })

  it('reads texts from strings, numbers and @value objects, one or many', () => {
    expect(textsOf([' a ', 2, { '@value': 'b', '@language': 'en' }, '', null, { name: 'x' }, true])).toEqual([
      'a',
      '2',
      'b',
    ])
    expect(textsOf(undefined)).toEqual([])
  })

  it('makes ids absolute and leaves blank nodes out', () => {
    expect(idOf({ '@id': '#c' }, BASE)).toBe(`${BASE}#c`)
    expect(idOf({ '@id': 'urn:uuid:1234' }, BASE)).toBe('urn:uuid:1234')
    expect(idOf({ '@id': '_:b0' }, BASE)).toBeUndefined()
    expect(idOf({ '@id': 42 }, BASE)).toBeUndefined()
  })
})
