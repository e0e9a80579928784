// The pages a feed's records link to (a sitemap's course pages), fetched four at a time. A page that
// fails alone (gone, too large, not UTF-8) becomes a rejection; any other failure ends the run.
import type { LinkedRecord } from './formats/connector.ts'
import type { Rejected } from './harvest-record.ts'
import { describe, failsPageAlone } from './harvest-failure.ts'
import type { PageRequest } from './source.ts'

/** One linked page: fetched, or rejected on its own. */
type Fetched = { record: LinkedRecord; rejected?: never } | { record?: never; rejected: Rejected }

export async function fetchLinked(
  links: unknown[],
  pageOf: (raw: unknown) => PageRequest,
  send: (request: PageRequest) => Promise<{ url: string; text: string }>,
): Promise<{ records: unknown[]; rejections: Rejected[] }> {
  const records: LinkedRecord[] = []
  const rejections: Rejected[] = []
  for (let i = 0; i < links.length; i += 4) {
    const batch = links.slice(i, i + 4).map(async (link): Promise<Fetched> => {
      const request = pageOf(link)
      try {
        const page = await send(request)
        return { record: { link, page: { url: page.url, text: page.text } } }
      } catch (error) {
        if (!failsPageAlone(error)) throw error
        return { rejected: { key: request.url, reason: describe(error) } }
      }
    })
    // Wait for the whole batch even when one fails, so no fetch outlives the run; results keep the
    // sitemap's order whichever page answered first.
    for (const settled of await Promise.allSettled(batch)) {
      if (settled.status === 'rejected') throw settled.reason
      const fetched = settled.value
      if (fetched.record) records.push(fetched.record)
      else rejections.push(fetched.rejected)
    }
  }
  return { records, rejections }
}
