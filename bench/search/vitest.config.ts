// Runs the search benchmark's own tests (the root vitest config covers src/ and test/ only):
// npx vitest run --config bench/search/vitest.config.ts
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['bench/search/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
