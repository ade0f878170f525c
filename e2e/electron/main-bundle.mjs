// The built main process (out/main) under plain Node with a stand-in for Electron's
// API: proves the bundle's imports resolve, the database worker starts from its
// built path with a nativeBinding, and the shell wires IPC, app:// and quit. Runs
// everywhere, so machines without the Electron binary still test the bundle.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** @returns {{ name: string, ok: boolean, error?: string }[]} */
export function runMainBundleChecks(repoRoot) {
  const scratch = mkdtempSync(join(tmpdir(), 'kandidat-main-bundle-'));
  try {
    // Under Node the Node build of the driver is the right one; it stands where the
    // Electron build would.
    const require = createRequire(join(repoRoot, 'package.json'));
    const driver = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
    const appPath = join(scratch, 'app');
    mkdirSync(join(appPath, 'native', 'electron'), { recursive: true });
    copyFileSync(join(driver, 'build', 'Release', 'better_sqlite3.node'), join(appPath, 'native', 'electron', 'better_sqlite3.node'));

    const result = spawnSync(process.execPath, [join(repoRoot, 'e2e', 'electron', 'stand-in', 'run-main.mjs')], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        KANDIDAT_HOME: join(scratch, 'home'),
        STAND_IN_APP_PATH: appPath,
        STAND_IN_MAIN: join(repoRoot, 'out', 'main', 'index.js'),
      },
    });
    const last = (result.stdout ?? '').trim().split('\n').pop() ?? '';
    try {
      return JSON.parse(last);
    } catch {
      return [{ name: 'the main bundle runs', ok: false, error: `${result.stderr || last || `exit ${result.status}`}`.slice(0, 2000) }];
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
