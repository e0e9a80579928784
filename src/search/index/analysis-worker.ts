// An analysis worker of analysis-pool.ts: weighs the course texts it is sent with the search analyzer.
import { parentPort } from 'node:worker_threads'
import * as analyzer from '../analysis/analyze.ts'
import { serveBatches } from './text-batch.ts'

if (parentPort) serveBatches(parentPort, analyzer)
