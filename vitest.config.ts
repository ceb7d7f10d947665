import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx', 'eval/**/*.test.ts'],
    // *.case.test.ts files export shared contracts; the implementations' tests run them.
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.case.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
