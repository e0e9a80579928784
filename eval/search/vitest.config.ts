// Runs the relevance evaluation's own tests (the root vitest config covers src/, test/ and bench/ only):
// npx vitest run --config eval/search/vitest.config.ts
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['eval/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
