// The OAI-PMH response document around a verb's answer or its errors. After badVerb or badArgument the
// request element carries no attributes, as the protocol requires.
import type { OaiError } from './errors.ts'
import { escapeXml, text } from './xml.ts'

const OAI_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/'

/**
 * The document in parts, the body's parts kept apart: a list is written a record at a time, so no
 * string is large enough for V8 to keep it with long-lived objects until a full collection.
 */
export function envelopeParts(
  responseDate: Date,
  baseUrl: string,
  args: Record<string, string>,
  body: readonly string[],
): string[] {
  const attrs = Object.entries(args)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('')
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<OAI-PMH xmlns="${OAI_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${OAI_NAMESPACE} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">`,
    text('responseDate', `${responseDate.toISOString().slice(0, 19)}Z`),
    `<request${attrs}>${escapeXml(baseUrl)}</request>`,
  ].join('')
  return [head, ...body, '</OAI-PMH>\n']
}

export function errorBody(errors: readonly OaiError[]): string {
  return errors.map((e) => text('error', e.message, { code: e.code })).join('')
}

/** Whether the request's arguments may be echoed (not after badVerb or badArgument). */
export function echoes(errors: readonly OaiError[]): boolean {
  return !errors.some((e) => e.code === 'badVerb' || e.code === 'badArgument')
}
