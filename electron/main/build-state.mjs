// Is out/ (what electron-vite builds and Electron runs) missing or older than the
// sources? Used by `npm start` and the Electron e2e suite before they launch the app.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_OUTPUTS = ['out/main/index.js', 'out/main/db-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const BUILD_INPUTS = ['electron/main', 'electron/preload', 'electron/core', 'shared', 'renderer', 'electron.vite.config.ts'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function buildIsStale(repoRoot) {
  const outputs = BUILD_OUTPUTS.map((p) => join(repoRoot, p));
  if (!outputs.every((p) => existsSync(p))) return true;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return BUILD_INPUTS.some((p) => newestMtime(join(repoRoot, p)) > oldestOutput);
}

/** `electron-vite build`, quiet unless it fails. Returns whether it succeeded. */
export function buildApp(repoRoot, say = (line) => process.stderr.write(`${line}\n`)) {
  say('Kandidat: building the app (out/ is missing or older than the sources)…');
  const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status === 0) return true;
  process.stderr.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  say('Kandidat: the build failed (see above).');
  return false;
}
