import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const rendererOut = join(repoRoot, 'out', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Is out/renderer missing or older than the sources it is built from? */
export function rendererIsStale(): boolean {
  const index = join(rendererOut, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return [join(repoRoot, 'renderer'), join(repoRoot, 'shared')].some((dir) => newestMtime(dir) > built);
}

/**
 * Build only the renderer, with the renderer section of electron.vite.config.ts,
 * so browser mode and the Electron window run the very same bundle.
 */
export async function buildRenderer(log: (line: string) => void = () => {}): Promise<void> {
  log('Building the Kandidat interface…');
  const { build } = await import('vite');
  const { default: config } = (await import('../../electron.vite.config.ts')) as {
    default: { renderer: Record<string, unknown> };
  };
  await build({ ...config.renderer, configFile: false, logLevel: 'warn' });
}
