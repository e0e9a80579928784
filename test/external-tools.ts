// Tools from Debian that some tests run (`xmllint` from libxml2-utils, HTTP::OAI from
// libhttp-oai-perl); .ci/run installs them and sets MOOCX_REQUIRE_TOOLS=1, so there a missing tool
// fails the suite, while on a developer machine without them those tests are skipped and say why.
import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'

const required = process.env.MOOCX_REQUIRE_TOOLS === '1'

function works(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0
}

export const hasXmllint = works('xmllint', ['--version'])
export const hasHttpOai = works('perl', ['-MHTTP::OAI', '-e', '1'])

/** Throws (in CI) or returns false (elsewhere) when a tool is missing. */
export function toolsPresent(...tools: ['xmllint' | 'HTTP::OAI', boolean][]): boolean {
  const missing = tools.filter(([, present]) => !present).map(([name]) => name)
  if (missing.length === 0) return true
  const message = `missing ${missing.join(' and ')}: apt-get install libxml2-utils libhttp-oai-perl (bash .ci/run does)`
  if (required) throw new Error(message)
  console.warn(`skipped: ${message}`)
  return false
}

/** xmllint's verdict on `xml` against one of the schema wrappers in test/fixtures/oai-schemas. */
export function xmllint(xml: string, schema: string): { ok: boolean; output: string } {
  const result = spawnSync(
    'xmllint',
    ['--nonet', '--noout', '--schema', `test/fixtures/oai-schemas/${schema}`, '-'],
    { input: xml, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  return { ok: result.status === 0, output: `${result.stderr}`.slice(0, 4000) }
}

/** Runs the HTTP::OAI harvester script on `baseUrl` (served by this process, so not blocking it). */
export async function perlHarvest(baseUrl: string, prefix: string, from?: string): Promise<string[]> {
  const args = ['test/fixtures/oai-harvester/harvest.pl', baseUrl, prefix, ...(from ? [from] : [])]
  const { stdout } = await promisify(execFile)('perl', args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout.trim().split('\n')
}
