// Following a feed's own next-page link: only within the source's origin, so that a feed cannot send
// the harvester (and the token it carries) elsewhere.
import { absoluteUrl } from '../absolute-url.ts'
import type { PageRequest, Source } from '../source.ts'
import { PageError } from './connector.ts'

/** The next page a link names, resolved against the page it is on; throws PageError when it leaves the source. */
export function sameOriginNext(next: string, pageUrl: string, source: Source): PageRequest {
  const url = absoluteUrl(next, pageUrl)
  const origin = new URL(source.baseUrl).origin
  if (!url || new URL(url).origin !== origin) {
    throw new PageError(`the next-page link "${next.slice(0, 200)}" leaves ${origin}`)
  }
  return { url, method: 'GET' }
}
