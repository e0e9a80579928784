// Finds schema.org JSON-LD in an HTML page: every <script type="application/ld+json"> block, read
// leniently (a block that is not JSON is skipped), flattened through arrays, @graph and nesting into nodes.

export type JsonObject = Record<string, unknown>

/** The nodes of a page's JSON-LD and how its blocks fared, for a rejection reason. */
export interface JsonLdGraph {
  /** Every object, top-level ones (and those of @graph) before nested ones. */
  nodes: JsonObject[]
  /** Nodes that define an `@id` (more than a bare reference), by absolute id. */
  ids: Map<string, JsonObject>
  /** The URL relative `@id`s and URLs are resolved against. */
  base: string
  blocks: number
  invalid: number
}

/** Pages with more JSON-LD than this are read only up to it. */
const MAX_BLOCKS = 100
const MAX_BLOCK_LENGTH = 2_000_000
const MAX_NODES = 10_000

/** The text of every JSON-LD script block, without `<!-- -->` or CDATA wrappers; commented-out blocks skipped. */
export function jsonLdScripts(html: string): string[] {
  const scripts: string[] = []
  const start = /<!--|<script\b/gi
  const close = /<\/script/gi
  while (scripts.length < MAX_BLOCKS) {
    const found = start.exec(html)
    if (!found) break
    if (found[0] === '<!--') {
      const end = html.indexOf('-->', found.index + 4)
      if (end === -1) break
      start.lastIndex = end + 3
      continue
    }
    const tagEnd = endOfTag(html, found.index + 7)
    if (tagEnd === -1) break
    close.lastIndex = tagEnd
    const closing = close.exec(html)
    if (!closing) break
    if (isJsonLdType(html.slice(found.index + 7, tagEnd - 1)))
      scripts.push(unwrap(html.slice(tagEnd, closing.index)))
    start.lastIndex = closing.index + 8
  }
  return scripts
}

/** Every JSON-LD node of a page (or of one pushed JSON-LD value, `blocks` then 1). */
export function jsonLdGraph(source: { html: string } | { value: unknown }, base: string): JsonLdGraph {
  const values: unknown[] = []
  let blocks = 1
  let invalid = 0
  if ('html' in source) {
    const scripts = jsonLdScripts(source.html)
    blocks = scripts.length
    for (const script of scripts) {
      const value = script.length <= MAX_BLOCK_LENGTH ? parseJson(script) : undefined
      if (value === undefined) invalid++
      else values.push(value)
    }
  } else values.push(source.value)
  const nodes = nodesOf(values)
  const ids = new Map<string, JsonObject>()
  for (const node of nodes) {
    const id = idOf(node, base)
    if (id && !ids.has(id) && !isReference(node)) ids.set(id, node)
  }
  return { nodes, ids, base, blocks, invalid }
}

/** The node's types without the schema.org prefix: `https://schema.org/Course`, `schema:Course` → `Course`. */
export function typesOf(node: JsonObject): string[] {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']]
  return types
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.trim().replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, ''))
}

export function hasType(node: JsonObject, type: string): boolean {
  return typesOf(node).includes(type)
}

/** The node's `@id` made absolute; blank nodes (`_:b0`) and unusable ids give undefined. */
export function idOf(node: JsonObject, base: string): string | undefined {
  const id = node['@id']
  if (typeof id !== 'string' || id.trim() === '' || id.startsWith('_:')) return undefined
  return URL.canParse(id.trim(), base) ? new URL(id.trim(), base).href : id.trim()
}

/**
 * The objects a property holds (one or a list), a bare reference (`{"@id": "#org"}`) replaced by the
 * node of the page that defines it. Strings are left out.
 */
export function objectsOf(value: unknown, graph: JsonLdGraph): JsonObject[] {
  return listOf(value).flatMap((item): JsonObject[] => {
    if (!isObject(item)) return []
    const id = isReference(item) ? idOf(item, graph.base) : undefined
    return [(id && graph.ids.get(id)) || item]
  })
}

/** A text value: a string, a number, a `{"@value": …}`, or the first of a list of them. */
export function textOf(value: unknown): string | undefined {
  return textsOf(value)[0]
}

/** Every text of a value that may be one or a list, trimmed, empty ones left out. */
export function textsOf(value: unknown): string[] {
  return listOf(value).flatMap((item): string[] => {
    const plain = isObject(item) ? item['@value'] : item
    const text = typeof plain === 'number' && Number.isFinite(plain) ? String(plain) : plain
    return typeof text === 'string' && text.trim() !== '' ? [text.trim()] : []
  })
}

/** Names of things given as text or as objects with a `name` (references resolved). */
export function namesOf(value: unknown, graph: JsonLdGraph): string[] {
  const texts = textsOf(listOf(value).filter((v) => !isObject(v) || '@value' in v))
  const named = objectsOf(value, graph).flatMap((o) => textsOf(o.name).slice(0, 1))
  return [...texts, ...named]
}

export function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  return value === undefined || value === null ? [] : [value]
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A node that only points at another (`{"@id": "#org", "@type": "Organization"}`). */
function isReference(node: JsonObject): boolean {
  return Object.keys(node).every((k) => k === '@id' || k === '@type' || k === '@context')
}

/** Objects breadth first: a page's top-level nodes come before the ones nested in them. */
function nodesOf(values: unknown[]): JsonObject[] {
  const nodes: JsonObject[] = []
  const queue = [...values]
  for (let i = 0; i < queue.length && nodes.length < MAX_NODES; i++) {
    const value = queue[i]
    if (Array.isArray(value)) queue.push(...value)
    else if (isObject(value)) {
      if (!('@graph' in value) || Object.keys(value).some((k) => k !== '@graph' && k !== '@context'))
        nodes.push(value)
      for (const [key, inner] of Object.entries(value)) if (key !== '@context') queue.push(inner)
    }
  }
  return nodes
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Whether a script tag's attributes say `type="application/ld+json"` (any case, quotes or none). */
function isJsonLdType(attributes: string): boolean {
  const m = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes)
  const type = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim().toLowerCase()
  return type === 'application/ld+json' || type.startsWith('application/ld+json;')
}

/** `<!-- … -->`, `<![CDATA[ … ]]>` and `//<![CDATA[ … //]]>` around a block's JSON. */
function unwrap(script: string): string {
  return script
    .trim()
    .replace(/^(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)/, '')
    .replace(/(?:\/\/\s*)?(?:-->|\]\]>)$/, '')
    .trim()
}

/** The index after the `>` that ends a tag, skipping quoted attribute values, or -1. */
function endOfTag(text: string, from: number): number {
  const tag = /(?:[^>"']|"[^"]*"|'[^']*')*>/y
  tag.lastIndex = from
  return tag.test(text) ? tag.lastIndex : -1
}
