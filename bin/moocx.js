#!/usr/bin/env node
// The moocx executable: loads the TypeScript sources through tsx and hands off to src/main.ts.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/main.ts')
process.exitCode = await main(process.argv.slice(2))
