// Unit and HTTP tests (in-process); MOOCX_TEST_DB=postgres runs the same suite on PostgreSQL.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // bench/ tests check the benchmarks' generators and engines on small catalogs; eval/ tests check the
    // relevance set's data and metrics.
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
      'eval/**/*.test.ts',
    ],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
