// Writing XML as text: escaping (with the characters XML 1.0 forbids removed, so a hostile title
// cannot break a response) and small element builders used by the OAI-PMH writers.

/** Characters XML 1.0 does not allow anywhere, even escaped; lone surrogates included. */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

export type Attributes = Record<string, string | undefined>

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('')
}

/** `<name attrs>text</name>`, the text escaped. */
export function text(name: string, value: string, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXml(value)}</${name}>`
}

/** `<name attrs>children</name>`, children already XML; `<name/>` when there are none. */
export function element(name: string, children: string | readonly string[], attrs: Attributes = {}): string {
  const inner = typeof children === 'string' ? children : children.join('')
  return inner === '' ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${inner}</${name}>`
}
