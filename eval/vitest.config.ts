/**
 * Runs the evaluation's own tests (`npx vitest run -c eval/vitest.config.ts`); the root config only
 * includes src/, test/ and web/. Adding 'eval/**\/*.test.ts' to the root include makes this file unneeded.
 */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['eval/**/*.test.ts'],
    testTimeout: 60_000,
  },
})
