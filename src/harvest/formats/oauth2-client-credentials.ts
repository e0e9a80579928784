// OAuth2 client-credentials grant for connectors whose API needs a token (Open edX services): one
// token request per pass, asking for a JWT; the client secret never appears in any message.
import { z } from 'zod'
import { UpstreamError } from '../fetcher.ts'
import type { Source } from '../source.ts'
import { joinUrl, PageError, type AuthorizeContext } from './connector.ts'

const text = z.string().nullable().optional().catch(null)
const Token = z.object({
  // Printable ASCII only: it goes into a header.
  access_token: z.string().regex(/^[\x21-\x7e]{1,8192}$/),
  token_type: text,
})

/**
 * OAuth2 client credentials at the LMS (`{baseUrl}/oauth2/access_token`, or `credentials.tokenUrl`
 * when the LMS is another host), asking for a JWT as Open edX services expect. The client secret
 * goes only into the form body: no message built here quotes it, nor any body the endpoint answers.
 */
export async function oauth2ClientCredentials({
  source,
  credentials,
  fetch,
}: AuthorizeContext): Promise<Record<string, string>> {
  const clientId = credentials.clientId?.trim() ?? ''
  const clientSecret = credentials.clientSecret ?? ''
  const missing = [clientId ? '' : 'clientId', clientSecret ? '' : 'clientSecret'].filter((m) => m !== '')
  if (missing.length > 0)
    throw new PageError(
      `the source's credentials have no ${missing.join(' and no ')}: the course-discovery API needs an OAuth2 client of the platform's LMS`,
    )
  const tokenUrl = tokenUrlOf(source, credentials.tokenUrl)
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
    token_type: 'jwt',
  }).toString()
  const headers = { 'content-type': 'application/x-www-form-urlencoded' }
  const answer = await fetch({ url: tokenUrl, method: 'POST', body, headers }).catch((error: unknown) => {
    throw tokenEndpointError(error, tokenUrl)
  })
  let json: unknown
  try {
    json = JSON.parse(answer.text)
  } catch {
    throw new PageError(`the OAuth2 token endpoint ${tokenUrl} did not answer JSON`)
  }
  const token = Token.safeParse(json)
  if (!token.success) {
    const code = z.object({ error: z.string().regex(/^[\w.-]{1,60}$/) }).safeParse(json).data?.error
    const said = code ? ` (it says "${code}")` : ''
    throw new PageError(`the OAuth2 token endpoint ${tokenUrl} answered without a usable access_token${said}`)
  }
  const { access_token: accessToken, token_type: tokenType } = token.data
  const scheme = schemeOf(tokenType, accessToken)
  if (!scheme)
    throw new PageError(`the OAuth2 token endpoint ${tokenUrl} gave a token that is neither JWT nor Bearer`)
  return { authorization: `${scheme} ${accessToken}` }
}

/** `JWT` or `Bearer` as the endpoint says; when it does not, a token shaped like a JWT is one. */
function schemeOf(tokenType: string | null | undefined, token: string): 'JWT' | 'Bearer' | undefined {
  if (!tokenType) return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token) ? 'JWT' : 'Bearer'
  if (/^jwt$/i.test(tokenType)) return 'JWT'
  return /^bearer$/i.test(tokenType) ? 'Bearer' : undefined
}

/** The token endpoint: the LMS beside the discovery service unless the credentials name another. */
function tokenUrlOf(source: Source, given: string | undefined): string {
  if (given === undefined || given.trim() === '') return joinUrl(source.baseUrl, 'oauth2/access_token')
  let url: URL | undefined
  try {
    url = new URL(given.trim())
  } catch {
    url = undefined
  }
  // Not quoted: a URL with a password in it would put the password in the run's error.
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password)
    throw new PageError(
      `the source's credentials.tokenUrl is not an http(s) URL without user name and password`,
    )
  return url.href
}

/** Says that the failure was the token request, and for 400/401/403 what to check. */
function tokenEndpointError(error: unknown, tokenUrl: string): unknown {
  if (!(error instanceof UpstreamError)) return error
  const refusal = error.reason === 'http_status' && [400, 401, 403].includes(error.status ?? 0)
  const message = refusal
    ? `the OAuth2 token endpoint ${tokenUrl} refused the client credentials; check the source's clientId and clientSecret`
    : `the OAuth2 token endpoint ${tokenUrl} failed: ${error.message}`
  return new UpstreamError(error.reason, message, error.url, error.status, {
    retryAfterMs: error.retryAfterMs,
    cause: error,
  })
}
