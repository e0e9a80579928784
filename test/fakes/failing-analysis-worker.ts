// An analysis worker that fails, for the pool's tests: it throws on a text containing WORKER-THROWS
// (and answers with the error) and dies on one containing WORKER-EXITS.
import { parentPort } from 'node:worker_threads'
import { analyze } from '../../src/search/analysis/analyze.ts'
import { serveBatches } from '../../src/search/index/text-batch.ts'

const failing = {
  analyze(text: string, language: string) {
    if (text.includes('WORKER-THROWS')) throw new Error('cannot analyze this here')
    if (text.includes('WORKER-EXITS')) process.exit(3)
    return analyze(text, language)
  },
}

if (parentPort) serveBatches(parentPort, failing)
