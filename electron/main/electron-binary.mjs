// Is the Electron binary installed, and can a window open here? Answered without
// require('electron'): that package's index.js starts a download when the binary is
// missing, which must never happen behind a plain `npm start` or a test run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {{ ok: true, path: string, version: string } | { ok: false, reason: string }} */
export function findElectronBinary(repoRoot, env = process.env) {
  let dir;
  try {
    dir = dirname(createRequire(join(repoRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  }
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const pathFile = join(dir, 'path.txt');
  const missing = {
    ok: false,
    reason: `the Electron binary is not installed on this machine (node_modules/electron/dist is missing: Electron ${version} could not be downloaded)`,
  };
  if (!existsSync(pathFile)) return missing;
  const executable = join(env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return missing;
  return { ok: true, path: executable, version };
}

/** Why no window can open here, or null. Only X11/Wayland systems need a variable for it. */
export function displayProblem(env = process.env, platform = process.platform) {
  if (platform === 'win32' || platform === 'darwin') return null;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

/**
 * Why the Electron-ABI SQLite module is unusable, or null. When it is missing or
 * built for another Electron, this tries to build it once (that needs the network).
 */
export function electronNativeModuleProblem(repoRoot, electronVersion) {
  const dir = join(repoRoot, 'native', 'electron');
  const current = () => {
    try {
      const info = JSON.parse(readFileSync(join(dir, 'build-info.json'), 'utf8'));
      return existsSync(join(dir, 'better_sqlite3.node')) && info.electron === electronVersion && info.arch === process.arch;
    } catch {
      return false;
    }
  };
  if (current()) return null;
  const script = join(repoRoot, 'electron', 'main', 'build-native-for-electron.mjs');
  const result = spawnSync(process.execPath, [script], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status === 0 && current()) return null;
  return `the SQLite module for Electron ${electronVersion} is not built and could not be built here (run npm run rebuild:electron where Electron's headers can be downloaded)`;
}
