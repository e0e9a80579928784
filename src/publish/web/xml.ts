// Writing XML text safely: characters XML 1.0 forbids are dropped (they would make the whole
// document unreadable), and markup characters are escaped for text and attribute values alike.

/**
 * Everything outside XML 1.0's Char production: C0 controls other than tab, newline and carriage
 * return, lone surrogates, and U+FFFE/U+FFFF.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** `text` as XML character data or an attribute value (quoted with either quote). */
export function xml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}

/** An element with escaped text content and attributes; attributes whose value is undefined are left out. */
export function element(name: string, attributes: Record<string, string | undefined>, text?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xml(value)}"`)
    .join('')
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${xml(text)}</${name}>`
}
