// Parses command-line options with node:util, turning mistakes into a ValidationError.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ValidationError } from '../shared/errors.ts'

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new ValidationError([{ field: 'argv', message }], message)
  }
}
