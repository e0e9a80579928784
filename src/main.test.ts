// The moocx executable, run as a real process: configuration errors, key creation, and a
// serve that seeds an empty database and shuts down gracefully on SIGTERM.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openedxRun, startFakeOpenedx } from '../test/fakes/openedx-lms.ts'

const BIN = new URL('../bin/moocx.js', import.meta.url).pathname

function run(args: string[], env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moocx-cli-'))
  const base = { ...process.env, MOOCX_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'error' }
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { ...result, dataDir }
}

describe('moocx executable', () => {
  it('exits 78 naming each bad configuration value', () => {
    const result = run(['serve'], { PORT: 'eighty', LOG_LEVEL: 'loud' })
    expect(result.status).toBe(78)
    expect(result.stderr).toContain('PORT: must be a whole number between 1 and 65535')
    expect(result.stderr).toContain('LOG_LEVEL')
  })

  it('exits 64 with usage on an unknown command or option', () => {
    expect(run(['fly']).status).toBe(64)
    const bad = run(['seed', '--colour'])
    expect(bad.status).toBe(64)
    expect(bad.stderr).toMatch(/colour/)
  })

  it('rebuilds the search index of a seeded database, and refuses other search subcommands', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moocx-cli-'))
    expect(run(['seed'], { MOOCX_DATA_DIR: dataDir }).status).toBe(0)
    const rebuilt = run(['search', 'rebuild', '--json'], { MOOCX_DATA_DIR: dataDir })
    expect(rebuilt.status).toBe(0)
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({ courses: 320 })
    const bad = run(['search', 'destroy'], { MOOCX_DATA_DIR: dataDir })
    expect(bad.status).toBe(64)
    expect(bad.stderr).toMatch(/usage: moocx search rebuild/)
  })

  it('creates an admin key, shown once and stored only as a hash', () => {
    const result = run(['keys', 'create', '--role', 'alliance-admin', '--name', 'first admin'])
    expect(result.status).toBe(0)
    const key = /mx_[A-Za-z0-9_-]{40,}/.exec(result.stdout)?.[0]
    expect(key).toBeDefined()
    const stored = fs.readFileSync(path.join(result.dataDir, 'moocx.sqlite'))
    expect(stored.includes(key ?? 'missing')).toBe(false)
    expect(run(['keys', 'create', '--role', 'member-admin']).status).toBe(64)
  })

  it('serves a seeded alliance and stops gracefully on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moocx-serve-'))
    const port = 20000 + Math.floor(Math.random() * 20000)
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...process.env,
        MOOCX_DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: String(port),
        LOG_LEVEL: 'info',
      },
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    for (let i = 0; i < 100 && !output.includes('moocx is serving'); i++)
      await new Promise((r) => setTimeout(r, 200))
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/courses?per_page=1`)
    const body = (await res.json()) as { meta: { total: number } }
    expect(body.meta.total).toBeGreaterThanOrEqual(300)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toContain('"msg":"stopped"')
  })

  it('registers a source, lists it and harvests it from the command line, with --json', async () => {
    const lms = await startFakeOpenedx(Array.from({ length: 5 }, (_, i) => openedxRun(i)))
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moocx-harvest-'))
    const env = { MOOCX_DATA_DIR: dataDir }
    const cli = (args: string[]) => {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        env: { ...process.env, ...env, DATABASE_URL: '', LOG_LEVEL: 'error' },
        encoding: 'utf8',
        timeout: 60_000,
      })
      return result
    }
    try {
      expect(cli(['seed', '--no-demo']).status).toBe(0)
      const bad = cli(['sources', 'add', '--platform', 'openedu', '--format', 'rss', '--url', 'ftp://x'])
      expect(bad.status).toBe(64)
      expect(bad.stderr).toMatch(/--format/)
      expect(bad.stderr).toMatch(/--url/)
      const added = cli([
        'sources',
        'add',
        '--platform',
        'openedu',
        '--format',
        'openedx-courses',
        '--url',
        lms.url,
        '--org',
        'SPbU=spbu',
        '--id',
        'cli-lms',
      ])
      expect(added.stdout.trim()).toBe('cli-lms')
      const list = JSON.parse(cli(['sources', 'list', '--json']).stdout) as { id: string }[]
      expect(list.map((s) => s.id)).toEqual(['cli-lms'])
      // The fake LMS lives in this process, so harvests run as child processes without blocking it.
      const harvestCli = (args: string[]) =>
        new Promise<{ status: number | null; stdout: string }>((resolve) => {
          const child = spawn(process.execPath, [BIN, 'harvest', ...args], {
            env: { ...process.env, ...env, DATABASE_URL: '' },
          })
          let stdout = ''
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
          child.on('exit', (status) => resolve({ status, stdout }))
        })
      const harvest = await harvestCli(['cli-lms', '--json'])
      expect(harvest.status).toBe(0)
      expect(JSON.parse(harvest.stdout)).toMatchObject({ status: 'succeeded', seen: 5, added: 5 })
      const table = await harvestCli(['cli-lms'])
      expect(table.stdout).toMatch(/unchanged\s+5/)
    } finally {
      await lms.close()
    }
  }, 90_000) // six child processes, each starting Node and compiling TypeScript: slow machines need more than 20 s
})
