import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Electron e2e: the built app (out/) in the real Electron binary through
 * Playwright's Electron support, each test on a fresh KANDIDAT_HOME. Runs only where
 * the binary is installed (e2e/run.mjs prints why it skipped otherwise). No traces,
 * screenshots or videos: they would hold test data.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: join(tmpdir(), 'kandidat-e2e-electron-output'),
  reporter: process.env.CI ? [['line']] : [['list']],
  use: { trace: 'off', screenshot: 'off', video: 'off' },
});
