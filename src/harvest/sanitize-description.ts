// Makes upstream course descriptions safe to show: simple formatting from an allow-list, links only to
// http(s) and mail, no scripts, styles or embeds, tidy whitespace, capped length; and plain text for titles.
import sanitizeHtml from 'sanitize-html'
import { absoluteUrl } from './absolute-url.ts'

/** Longest sanitized description, in UTF-16 code units; longer ones are cut and end with "…". */
export const MAX_DESCRIPTION_LENGTH = 20_000
/**
 * Input beyond this many characters or tags is not read: no description needs that much, and the HTML
 * parser's time grows with the square of the nesting depth (80,000 unclosed tags take seconds).
 */
export const MAX_INPUT_LENGTH = 1_000_000
export const MAX_INPUT_TAGS = 20_000

// prettier-ignore
const ALLOWED_TAGS = ['p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'a', 'h3', 'h4', 'blockquote', 'code', 'pre']
/** Elements that start a new block: outside the allow-list they become line breaks, so texts stay apart. */
// prettier-ignore
const BREAKING_TAGS = [
  'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'figcaption', 'address',
  'center', 'details', 'summary', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt',
  'dd', 'hr', 'form', 'fieldset', 'legend',
]
/** Code, styles, embedded documents, media and form widgets: dropped together with their content. */
// prettier-ignore
const DROPPED_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'select', 'button', 'xmp', 'noscript', 'iframe', 'frame',
  'frameset', 'noembed', 'noframes', 'template', 'object', 'embed', 'applet', 'svg', 'math', 'head', 'title',
  'canvas', 'audio', 'video',
]
/** Elements that separate words in plain text. */
const TEXT_BREAKING_TAGS = [
  ...BREAKING_TAGS,
  ...['p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
]
/**
 * Breaking elements are renamed to this placeholder, which marks where they open and close (a `br` would
 * mark only the opening); tidy turns the marks into at most one line break and never outputs them.
 */
const BLOCK_MARK = 'moocx-block'
const BLOCK_TAG = /^<\/?(?:p|ul|ol|li|h3|h4|blockquote|pre)>$/
const LINK_REL = 'nofollow noopener'
/** Bidi embeddings, overrides and isolates that could reorder the page around the text, and BOMs. */
const UNSAFE_FORMAT_CHARACTERS = /[\u202a-\u202e\u2066-\u2069\ufeff]/gu

/**
 * Safe HTML from an upstream description: only p, br, ul, ol, li, strong, b, em, i, h3, h4, blockquote,
 * code, pre and links (`href` to http, https or mailto; relative ones resolved against `baseUrl`, dropped
 * without it; `rel="nofollow noopener"`). Other headings become h3/h4, other blocks line breaks.
 */
export function sanitizeDescription(html: string, baseUrl?: string): string {
  const options = descriptionOptions(baseUrl)
  const safe = tidy(sanitizeHtml(boundedInput(html), options))
  return safe.length <= MAX_DESCRIPTION_LENGTH ? safe : truncate(safe, options)
}

/** Plain text from HTML or entity-encoded text (`Schön &amp; Ebner` → `Schön & Ebner`), single-spaced. */
export function htmlToText(html: string): string {
  const input = boundedInput(html)
  // Most titles and summaries are plain text: no markup, no entities, nothing for the parser to do.
  if (!input.includes('<') && !input.includes('&')) return input.replace(/\s+/g, ' ').trim()
  const marked = sanitizeHtml(input, {
    allowedTags: [BLOCK_MARK, 'br'],
    allowedAttributes: {},
    nonTextTags: DROPPED_WITH_CONTENT,
    transformTags: Object.fromEntries(TEXT_BREAKING_TAGS.map((tag) => [tag, BLOCK_MARK])),
  })
  // Escaped in text, `<` and `>` occur in the output only in the two tags allowed.
  return marked
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'lt' ? '<' : name === 'gt' ? '>' : '&'))
    .replace(/\s+/g, ' ')
    .trim()
}

function descriptionOptions(baseUrl: string | undefined): sanitizeHtml.IOptions {
  return {
    allowedTags: [...ALLOWED_TAGS, BLOCK_MARK],
    allowedAttributes: { a: ['href', 'rel'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED_WITH_CONTENT,
    nestingLimit: 40,
    transformTags: {
      ...Object.fromEntries(BREAKING_TAGS.map((tag) => [tag, BLOCK_MARK])),
      h1: 'h3',
      h2: 'h3',
      h5: 'h4',
      h6: 'h4',
      a: (_, attribs) => link(attribs.href, baseUrl),
    },
    // Text arrives escaped; whitespace is significant only in preformatted text.
    textFilter: (text, tagName) =>
      tagName === 'pre' || tagName === 'code' ? text : text.replace(/\s+/g, ' '),
  }
}

/** A link with a safe absolute target, or a bare `<a>` for tidy to remove. */
function link(href: string | undefined, baseUrl: string | undefined): sanitizeHtml.Tag {
  const target = href === undefined ? undefined : linkTarget(href.trim(), baseUrl)
  // Renaming the tag to a disallowed one would be simpler, but sanitize-html 2.17 then closes a later
  // link at the same depth with that name (`<a …>x</span>`): bare anchors are removed by tidy instead.
  return { tagName: 'a', attribs: target ? { href: target, rel: LINK_REL } : {} }
}

function linkTarget(href: string, baseUrl: string | undefined): string | undefined {
  if (!/^mailto:/i.test(href)) return absoluteUrl(href, baseUrl ?? '')
  try {
    const url = new URL(href)
    return url.href.length <= 2000 ? url.href : undefined
  } catch {
    return undefined
  }
}

/** The input up to the length and tag limits, with unsafe characters removed. */
function boundedInput(html: string): string {
  const text = html.length > MAX_INPUT_LENGTH ? html.slice(0, MAX_INPUT_LENGTH) : html
  let at = -1
  for (let tags = 0; tags < MAX_INPUT_TAGS; tags++) {
    at = text.indexOf('<', at + 1)
    if (at === -1) return cleanCharacters(text)
  }
  return cleanCharacters(text.slice(0, at))
}

/** Removes control and bidi-override characters; replaces lone surrogates, which cannot be encoded. */
function cleanCharacters(text: string): string {
  return text
    .replace(/\p{Cs}/gu, '\ufffd')
    .replace(/(?![\t\n\r])\p{Cc}/gu, '')
    .replace(UNSAFE_FORMAT_CHARACTERS, '')
}

interface TidyState {
  out: string[]
  breaks: number
  space: boolean
  pre: number
  /** For each open `<a>`: whether it was kept (it has a safe href). */
  anchors: boolean[]
}

/**
 * Drops line breaks and spaces next to blocks and at the ends, keeps at most two breaks in a row, drops
 * links without a safe target (keeping their text) and empty elements. One pass over tokens: sanitizeHtml
 * escapes `<` and `>` in text and attribute values, so every `<…>` in its output is a tag.
 */
function tidy(html: string): string {
  const state: TidyState = { out: [], breaks: 0, space: false, pre: 0, anchors: [] }
  for (const token of html.split(/(<[^>]*>)/)) {
    if (token === '') continue
    else if (token === '<a>' || token === '</a>' || token.startsWith('<a ')) addAnchor(state, token)
    else if (token === `<${BLOCK_MARK}>` || token === `</${BLOCK_MARK}>`) addBlockMark(state, token)
    else if (state.pre > 0 && token !== '</pre>') state.out.push(token)
    else if (!token.startsWith('<')) addText(state, token)
    else if (token === '<br />') state.breaks += 1
    else if (BLOCK_TAG.test(token)) addBlockTag(state, token)
    else addInlineTag(state, token)
  }
  return state.out.join('')
}

function addText(state: TidyState, token: string): void {
  const text = token.replace(/\s+/g, ' ')
  if (text.startsWith(' ')) state.space = true
  if (text.trim() !== '') {
    flush(state)
    state.out.push(text.trim())
  }
  if (text.endsWith(' ')) state.space = true
}

/** Where a block outside the allow-list opened or closed: one line break, however many meet. */
function addBlockMark(state: TidyState, token: string): void {
  if (state.pre === 0) state.breaks ||= 1
  else if (token.startsWith('</')) state.out.push('\n')
}

function addBlockTag(state: TidyState, token: string): void {
  state.breaks = 0
  state.space = false
  if (token === '<pre>') state.pre += 1
  if (token === '</pre>') state.pre = Math.max(0, state.pre - 1)
  closeOrPush(state.out, token)
}

function addInlineTag(state: TidyState, token: string): void {
  if (!token.startsWith('</')) flush(state)
  closeOrPush(state.out, token)
}

/** A bare `<a>` is a link whose target was refused: it goes, with its `</a>`, and its text stays. */
function addAnchor(state: TidyState, token: string): void {
  if (token === '</a>') {
    if (state.anchors.pop()) closeOrPush(state.out, token)
    return
  }
  const kept = token !== '<a>'
  state.anchors.push(kept)
  if (!kept) return
  flush(state)
  state.out.push(token)
}

/** Writes the pending line breaks (at most two) or space, unless at the start of a block. */
function flush(state: TidyState): void {
  const last = state.out[state.out.length - 1]
  const atBlockStart = last === undefined || BLOCK_TAG.test(last)
  if (state.pre === 0 && !atBlockStart) {
    if (state.breaks > 0) state.out.push('<br />'.repeat(Math.min(state.breaks, 2)))
    else if (state.space) state.out.push(' ')
  }
  state.breaks = 0
  state.space = false
}

/** Pushes a tag, but a closing tag right after its opening tag removes both: the element was empty. */
function closeOrPush(out: string[], token: string): void {
  const name = /^<\/([a-z0-9]+)>$/.exec(token)?.[1]
  const last = out[out.length - 1]
  if (name && last !== undefined && (last === `<${name}>` || last.startsWith(`<${name} `))) out.pop()
  else out.push(token)
}

/** Cuts at a word, outside tags and entities, and lets sanitizeHtml close the elements left open. */
function truncate(html: string, options: sanitizeHtml.IOptions): string {
  let budget = MAX_DESCRIPTION_LENGTH - 1
  while (budget > 0) {
    const cut = tidy(sanitizeHtml(`${safePrefix(html, budget)}…`, options))
    if (cut.length <= MAX_DESCRIPTION_LENGTH) return cut
    budget -= cut.length - MAX_DESCRIPTION_LENGTH
  }
  return ''
}

function safePrefix(html: string, length: number): string {
  let cut = html.slice(0, length)
  const space = cut.lastIndexOf(' ')
  if (space > length - 200) cut = cut.slice(0, space)
  const tagStart = cut.lastIndexOf('<')
  if (tagStart > cut.lastIndexOf('>')) cut = cut.slice(0, tagStart)
  const entityStart = cut.lastIndexOf('&')
  if (entityStart > cut.lastIndexOf(';')) cut = cut.slice(0, entityStart)
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut
}
