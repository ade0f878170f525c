import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser e2e: the real renderer bundle in Debian's Chromium against a real bridge
 * and core, each test on a fresh vault in a temp folder. Nothing leaves 127.0.0.1,
 * and no traces, screenshots or videos are kept (they would hold test data).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  // Two shared cores: one browser at a time keeps timings honest for everyone.
  workers: 1,
  fullyParallel: false,
  // One retry in CI so a slow shared runner cannot sink a run on timing alone; a test
  // that needed it is reported as flaky by e2e/run.mjs, so the race is still seen.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: join(tmpdir(), 'kandidat-e2e-web-output'),
  reporter: process.env.CI ? [['line']] : [['list']],
  use: {
    browserName: 'chromium',
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    screenshot: 'off',
    video: 'off',
    launchOptions: {
      executablePath: process.env.KANDIDAT_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
