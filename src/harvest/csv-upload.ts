// Harvests a CSV catalog uploaded through the API instead of fetched from the source's baseUrl.
// harvestSource does the work, so runs, counts, rejections, withdrawals (an upload is a full pass)
// and the lease behave exactly as for a fetched file: it is given an HTTP client that answers the
// source's baseUrl with the uploaded text and refuses every other URL. (Cleaner would be for
// harvestSource to accept the first page itself; until it does, this keeps the runner untouched.)
import { ValidationError } from '../shared/errors.ts'
import type { HarvestDeps } from './harvest-source.ts'
import { harvestSource } from './harvest-source.ts'
import type { HarvestRun } from './source.ts'
import { getSource } from './source-repository.ts'

export async function harvestUploadedCsv(
  deps: HarvestDeps,
  sourceId: string,
  text: string,
): Promise<HarvestRun> {
  const source = await getSource(deps.db, sourceId)
  if (source.format !== 'csv') {
    throw new ValidationError([
      { field: 'param.id', message: `source "${source.id}" reads the ${source.format} format, not csv` },
    ])
  }
  const served = withoutFragment(source.baseUrl)
  const fetch: typeof globalThis.fetch = async (input) => {
    const url = input instanceof Request ? input.url : String(input)
    if (withoutFragment(url) !== served) {
      return new Response(`An uploaded file answers only ${served}`, { status: 404 })
    }
    return new Response(text, { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } })
  }
  return harvestSource({ ...deps, http: { ...deps.http, fetch } }, sourceId)
}

function withoutFragment(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.hash = ''
    return parsed.href
  } catch {
    return url
  }
}
