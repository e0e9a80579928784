// The people and organizations of a MOOChub course: instructors' names, and the institutions that
// another moocx node names by the URL of their page.
import { z } from 'zod'
import { htmlToText } from '../sanitize-description.ts'
import type { ParseContext } from './connector.ts'

const text = z.string().nullable().optional().catch(null)
/**
 * A v3 Person or Organization, a v2 instructor, partner institute or MOOC provider. `url` (the v3
 * schema) or `identifier` (the v3 API) may be a moocx institution page: another moocx node publishes
 * each institution with it, so it maps without an org map.
 */
export const Party = z.object({ name: z.string(), type: text, url: text, identifier: text })
export type Party = z.infer<typeof Party>

/**
 * The institution a party's `url` or `identifier` names when it is `…/institutions/<id>` on the
 * source's own host and `<id>` is an institution here: how a moocx node publishes its members. Another
 * host's page of that shape says nothing, lest a stranger's URL claim a member.
 */
export function moocxInstitutionId(party: Party, ctx: ParseContext): string | undefined {
  const origin = originOf(ctx.source.baseUrl)
  for (const value of [party.url, party.identifier]) {
    if (!value || value.length > 2_000 || !URL.canParse(value)) continue
    const url = new URL(value)
    const id = /\/institutions\/([a-z0-9-]{1,64})\/?$/.exec(url.pathname)?.[1]
    if (url.origin === origin && id && ctx.institutionIds.has(id)) return id
  }
  return undefined
}

/**
 * Names of the people teaching, entities decoded; organizations left out. One field naming two people
 * (`Sandra Schön &amp; Martin Ebner`) gives both.
 */
export function peopleOf(parties: Party[]): string[] {
  const names = parties
    .filter((p) => p.type !== 'Organization')
    .flatMap((p) => splitNames(htmlToText(p.name)))
    .map((name) => name.slice(0, 200))
  return [...new Set(names)].slice(0, 30)
}

function splitNames(name: string): string[] {
  return name
    .split(/\s*;\s*/)
    .flatMap((part) => {
      const people = part.split(/\s+(?:&|und|and)\s+/)
      // `Schön & Ebner` or `Müller und Sohn`: not two full names, so not split.
      return people.every((p) => /\S\s+\S/.test(p)) ? people : [part]
    })
    .filter((p) => p !== '')
}

function originOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).origin : undefined
}
