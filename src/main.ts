// The moocx executable: parses the command, loads the configuration and hands off.
// Errors become an exit code here: AppError codes map to sysexits-style numbers.
import { loadConfig } from './config.ts'
import { AppError } from './shared/errors.ts'
import { harvestCommand, sourcesCommand, workerCommand } from './cli/harvest-commands.ts'
import { keysCommand } from './cli/keys-command.ts'
import { migrateCommand, seedCommand } from './cli/db-commands.ts'
import { exportCommand } from './cli/export-command.ts'
import { searchCommand } from './cli/search-command.ts'
import { serveCommand } from './cli/serve-command.ts'

const USAGE = `Usage: moocx <command> [options]

Commands:
  serve                      start the web server (runs migrations; seeds an empty database;
                             on the embedded database it also runs the harvest worker)
  worker                     run due harvests on schedule (for PostgreSQL deployments)
  migrate                    bring the database schema up to date
  seed [--no-demo]           add the alliance registry and, unless --no-demo, the demo catalog
  seed --remove-demo         remove the demo catalog
  keys create --role <alliance-admin|member-admin> [--institution <id>] [--name <text>]
                             create an API key and print it once
  keys revoke <key-id>       revoke an API key
  sources add --platform <id> --format <format> --url <url> [--id <slug>] [--org CODE=institution ...]
              [--language <tag>] [--schedule <minutes>] [--rate <requests-per-minute>] [--json]
                             register a harvest source and print its id
  sources list [--json]      list harvest sources
  harvest <source-id> [--json]
                             harvest one source now, with progress, and print a summary
  search rebuild [--json]    build the search index from the database and have every running
                             process rebuild its own
  export --format <moochub|oai_dc|lom|csv|jsonl> [--output <file>] [--set <spec>] [--from <date>]
                             write the published catalog to a file or stdout

Configuration comes from the environment; see README.md.`

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(`${USAGE}\n`)
      return command ? 0 : 64
    }
    const config = loadConfig()
    switch (command) {
      case 'serve':
        return await serveCommand(config)
      case 'migrate':
        return await migrateCommand(config)
      case 'seed':
        return await seedCommand(config, rest)
      case 'keys':
        return await keysCommand(config, rest)
      case 'sources':
        return await sourcesCommand(config, rest)
      case 'harvest':
        return await harvestCommand(config, rest)
      case 'worker':
        return await workerCommand(config)
      case 'search':
        return await searchCommand(config, rest)
      case 'export':
        return await exportCommand(config, rest)
      default:
        process.stderr.write(`moocx: unknown command "${command}"\n\n${USAGE}\n`)
        return 64
    }
  } catch (error) {
    return report(error)
  }
}

function report(error: unknown): number {
  if (error instanceof AppError) {
    process.stderr.write(`moocx: ${error.message}\n`)
    for (const d of error.details)
      if (!error.message.includes(d.field)) process.stderr.write(`  ${d.field}: ${d.message}\n`)
    if (error.code === 'invalid_config') return 78
    if (error.code === 'validation_failed') return 64
    return 1
  }
  process.stderr.write(
    `moocx: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  return 70
}
