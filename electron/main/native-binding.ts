import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3-multiple-ciphers lives: built by
 * `npm run rebuild:electron` (electron/main/build-native-for-electron.mjs) into
 * native/electron/ of the checkout, and shipped by electron-builder as an extra
 * resource beside app.asar (a .node file cannot be loaded from inside the archive).
 * node_modules keeps the Node build for the tests, the CLI and the bridge.
 */
export const ELECTRON_NATIVE_BINDING = join('native', 'electron', 'better_sqlite3.node');

export function electronNativeBindingPath(o: { isPackaged: boolean; resourcesPath: string; appPath: string }): string {
  return join(o.isPackaged ? o.resourcesPath : o.appPath, ELECTRON_NATIVE_BINDING);
}

/** The path, or null when the module was never built for Electron. */
export function findElectronNativeBinding(
  o: { isPackaged: boolean; resourcesPath: string; appPath: string },
  exists: (path: string) => boolean = existsSync,
): string | null {
  const path = electronNativeBindingPath(o);
  return exists(path) ? path : null;
}

export function missingNativeBindingMessage(expectedAt: string): string {
  return (
    `Kandidat cannot open its database: the SQLite module built for Electron is missing (expected at ${expectedAt}).\n\n` +
    'Run `npm run rebuild:electron` on a computer that can download Electron\'s headers, then start Kandidat again. ' +
    '`npm run start:web` serves the same workstation in a browser meanwhile.'
  );
}
