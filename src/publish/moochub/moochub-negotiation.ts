// MOOChub version negotiation (moochub-versioning.md): which Accept headers v3 answers. A client that
// names no version, or accepts any JSON, gets v3; one that accepts only other versions is refused.
import { AppError } from '../../shared/errors.ts'
import { MOOCHUB_MEDIA_TYPE, MOOCHUB_VERSION } from './moochub-types.ts'

/** Media ranges a MOOChub answer satisfies. */
const SERVED = new Set(['application/vnd.api+json', 'application/json', 'application/*', '*/*'])
/** Longer Accept headers are not read further; no client needs more. */
const MAX_ACCEPT_LENGTH = 4_000

interface MediaRange {
  type: string
  params: Map<string, string>
  q: number
}

/** Throws 406 unless the Accept header lets a MOOChub v3 answer through. */
export function negotiateMoochub(accept: string | undefined): void {
  if (accept === undefined || accept.trim() === '') return
  const ranges = parseAccept(accept.slice(0, MAX_ACCEPT_LENGTH))
  if (ranges.length === 0 || ranges.some(acceptsV3)) return
  const message = `This endpoint serves MOOChub version ${MOOCHUB_VERSION} only: send "Accept: ${MOOCHUB_MEDIA_TYPE}".`
  throw new AppError('not_acceptable', 406, message, [{ field: 'header.accept', message }])
}

function acceptsV3(range: MediaRange): boolean {
  if (range.q <= 0 || !SERVED.has(range.type)) return false
  const version = range.params.get('moochub-version')
  return version === undefined || version.split('.')[0] === MOOCHUB_VERSION
}

/** `type/subtype; name=value; q=0.5, …`: names and types in any case, values quoted or not. */
export function parseAccept(header: string): MediaRange[] {
  return splitOutsideQuotes(header, ',').flatMap((part): MediaRange[] => {
    const [type = '', ...rest] = splitOutsideQuotes(part, ';').map((p) => p.trim())
    if (!/^[\w.+*-]+\/[\w.+*-]+$/.test(type)) return []
    const params = new Map<string, string>()
    for (const param of rest) {
      const eq = param.indexOf('=')
      if (eq <= 0) continue
      const value = param.slice(eq + 1).trim()
      params.set(
        param.slice(0, eq).trim().toLowerCase(),
        value.replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1'),
      )
    }
    const q = params.has('q') ? Number(params.get('q')) : 1
    params.delete('q')
    return [{ type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 }]
  })
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    if (ch === '\\' && quoted) {
      current += ch + text.charAt(++i)
      continue
    }
    if (ch === '"') quoted = !quoted
    if (ch === separator && !quoted) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts
}
