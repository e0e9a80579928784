// Sets of published records: by institution, platform, subject (ISCED-F, hierarchical: broad, then
// narrow, then detailed field) and language of instruction. A set spec is `kind:value`, the OAI-PMH
// setSpec syntax; a bare kind is every record that has one.
import type { Course } from '../catalog/course.ts'

export const SET_KINDS = ['institution', 'platform', 'subject', 'language'] as const
export type SetKind = (typeof SET_KINDS)[number]

export type SetSelector =
  | { kind: SetKind; value: null }
  | { kind: 'institution' | 'platform' | 'language'; value: string }
  | { kind: 'subject'; value: string }

const PART = /^[A-Za-z0-9\-_.!~*'()]+$/

/** The selector a set spec names, or undefined when it names no set moocx has. */
export function parseSetSpec(spec: string): SetSelector | undefined {
  const [kind, ...rest] = spec.split(':')
  const known = SET_KINDS.find((k) => k === kind)
  if (!known || !rest.every((p) => PART.test(p))) return undefined
  if (rest.length === 0) return { kind: known, value: null }
  if (known === 'subject') {
    // subject:06:061:0613 — each part extends its parent's code by one or two digits.
    const ok = rest.every(
      (code, i) => /^\d{2,4}$/.test(code) && (i === 0 || code.startsWith(rest[i - 1] ?? '')),
    )
    const last = rest.at(-1)
    return ok && last && rest.length === subjectDepth(last) ? { kind: 'subject', value: last } : undefined
  }
  return rest.length === 1 && rest[0] ? { kind: known, value: rest[0] } : undefined
}

/** `subject:06:061:0613` for 0613. */
export function subjectSetSpec(code: string): string {
  const path = [code.slice(0, 2), code.slice(0, 3), code.slice(0, 4)].slice(0, subjectDepth(code))
  return `subject:${path.join(':')}`
}

function subjectDepth(code: string): number {
  return code.length === 2 ? 1 : code.length === 3 ? 2 : code.length === 4 ? 3 : 0
}

/** The sets a course belongs to, every listing's platform included (a withdrawn one too). */
export function setsOf(course: Course): string[] {
  return [
    ...course.institutions.map((id) => `institution:${id}`),
    ...[...new Set(course.listings.map((l) => l.platformId))].map((id) => `platform:${id}`),
    ...course.subjects.filter((code) => subjectDepth(code) > 0).map(subjectSetSpec),
    `language:${course.language}`,
  ]
}
