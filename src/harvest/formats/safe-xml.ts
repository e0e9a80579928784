// Reads XML from upstream feeds (OAI-PMH, sitemaps) safely into a small element tree with local names:
// documents with a DTD are refused unread, and only the five XML entities and character references are decoded.
import { XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser'
import { z } from 'zod'
import { PageError } from './connector.ts'

export interface XmlElement {
  /** Local name: namespace prefixes are dropped (`oai_dc:dc` → `dc`, `xml:lang` → `lang`). */
  name: string
  attrs: Record<string, string>
  /** The element's own text and CDATA, trimmed; the text of child elements is not included. */
  text: string
  children: XmlElement[]
}

export const XmlElement: z.ZodType<XmlElement> = z.lazy(() =>
  z.object({
    name: z.string(),
    attrs: z.record(z.string(), z.string()),
    text: z.string(),
    children: z.array(XmlElement),
  }),
)

/**
 * The root element of an XML document. Throws PageError for a document with a DTD (so external
 * entities and entity expansion never run) and for one that is not well-formed, with the parser's message.
 */
export function parseXml(raw: string, url: string): XmlElement {
  const text = raw.trimStart()
  if (hasMarkupDeclaration(text))
    throw new PageError(
      `XML with a DOCTYPE is refused (${url}): document type declarations and their entities are never read`,
    )
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    const { msg, line, col } = valid.err
    throw new PageError(`${url} is not well-formed XML: ${msg} (line ${line}${col ? `, column ${col}` : ''})`)
  }
  let items: unknown
  try {
    items = newParser().parse(text)
  } catch (error) {
    throw new PageError(
      `${url} cannot be read as XML: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const root = elementsOf(items)[0]
  if (!root) throw new PageError(`${url} has no root element`)
  return root
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name)
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name)
}

/** Every element at the end of a path of child names: `path(lom, 'general', 'title')`. */
export function path(element: XmlElement, ...names: string[]): XmlElement[] {
  return names.reduce<XmlElement[]>((found, name) => found.flatMap((e) => childrenNamed(e, name)), [element])
}

export function attr(element: XmlElement, name: string): string | undefined {
  return Object.hasOwn(element.attrs, name) ? element.attrs[name] : undefined
}

/** The non-empty texts of some elements. */
export function texts(elements: XmlElement[]): string[] {
  return elements.map((e) => e.text).filter((t) => t !== '')
}

/**
 * Whether the document declares anything (`<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT`...) outside comments,
 * CDATA sections, processing instructions and attribute values, read the way the parser reads them:
 * a `<!DOCTYPE html>` inside a CDATA description is text, not a declaration.
 */
function hasMarkupDeclaration(text: string): boolean {
  let at = text.indexOf('<')
  while (at !== -1) {
    let end: number
    if (text.startsWith('<!--', at)) end = indexAfter(text, '-->', at + 4)
    else if (text.startsWith('<![CDATA[', at)) end = indexAfter(text, ']]>', at + 9)
    else if (text.startsWith('<?', at)) end = indexAfter(text, '?>', at + 2)
    else if (text.startsWith('<!', at)) return true
    else end = endOfTag(text, at + 1)
    // Unterminated: malformed, but refuse a declaration in the rest rather than trust the validator.
    if (end === -1) return /<!(?:DOCTYPE|ENTITY)/i.test(text.slice(at + 1))
    at = text.indexOf('<', end)
  }
  return false
}

function indexAfter(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from)
  return found === -1 ? -1 : found + marker.length
}

/** The index after the `>` that ends a tag, skipping quoted attribute values, or -1. */
function endOfTag(text: string, from: number): number {
  const tag = /(?:[^>"']|"[^"]*"|'[^']*')*>/y
  tag.lastIndex = from
  return tag.test(text) ? tag.lastIndex : -1
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/**
 * Decodes the five predefined entities and character references; any other reference stays as
 * written. Entities a DTD declares are ignored even if one got this far.
 */
const entityDecoder: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (value) =>
    value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, ref: string) => {
      if (!ref.startsWith('#')) return PREDEFINED[ref] ?? whole
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      return valid ? String.fromCodePoint(code) : '\ufffd'
    }),
}

function newParser(): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    htmlEntities: false,
    entityDecoder,
  })
}

/** fast-xml-parser's ordered output (`[{name: [...children], ':@': {attrs}}, {'#text': '...'}]`) as elements. */
function elementsOf(items: unknown): XmlElement[] {
  if (!Array.isArray(items)) return []
  const elements: XmlElement[] = []
  for (const item of items) {
    if (!isObject(item)) continue
    const name = Object.keys(item).find((key) => key !== ':@' && key !== '#text')
    if (name === undefined) continue
    const content = item[name]
    const list: unknown[] = Array.isArray(content) ? content : []
    elements.push({ name, attrs: attributesOf(item[':@']), text: textOf(list), children: elementsOf(list) })
  }
  return elements
}

function textOf(items: unknown[]): string {
  let text = ''
  for (const item of items) {
    const value = isObject(item) ? item['#text'] : undefined
    if (typeof value === 'string') text += value
  }
  return text.trim()
}

function attributesOf(value: unknown): Record<string, string> {
  if (!isObject(value)) return {}
  return Object.fromEntries(
    Object.entries(value).flatMap(([k, v]): [string, string][] => (typeof v === 'string' ? [[k, v]] : [])),
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
