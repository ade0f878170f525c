import { existsSync } from 'node:fs';
import { buildRenderer, rendererIsStale } from '../../electron/bridge/build.ts';

/**
 * Build the renderer once, and only if its sources are newer than out/renderer,
 * the same way `npm run start:web` does. The bridges the tests start then serve
 * that build with --no-build.
 */
export default async function globalSetup(): Promise<void> {
  const chromium = process.env.KANDIDAT_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(`Chromium not found at ${chromium}: install it with "apt-get install -y chromium".`);
  }
  if (rendererIsStale()) await buildRenderer((line) => process.stderr.write(`${line}\n`));
}
