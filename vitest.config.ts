import { defineConfig } from 'vitest/config';

// Unit tests of the core, bridge, CLI, shared contract and renderer logic, in plain Node.
// Browser e2e is Playwright (e2e/), not vitest.
export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
