import { existsSync } from 'node:fs';
import { repoRoot, rendererIsStale } from '../../electron/bridge/build.ts';

/**
 * Build the renderer once, and only if its sources are newer than out/renderer.
 * The bridges the tests start then serve that build with --no-build.
 */
export default async function globalSetup(): Promise<void> {
  const chromium = process.env.KANDIDAT_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(`Chromium not found at ${chromium}: install it with "apt-get install -y chromium".`);
  }
  if (!rendererIsStale()) return;
  process.stderr.write('Building the renderer for the browser e2e suite…\n');
  const { build } = await import('vite');
  await build({ configFile: `${repoRoot}/renderer/vite.config.ts`, logLevel: 'warn' });
}
