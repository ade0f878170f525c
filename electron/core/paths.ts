import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The app's user-data directory, computed the way Electron's app.getPath('userData')
 * does for an app named "Kandidat", so the CLI and browser mode find the same vault.
 * KANDIDAT_HOME overrides it (tests, several vaults side by side).
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.KANDIDAT_HOME) return env.KANDIDAT_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Kandidat');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Kandidat');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Kandidat');
}

/** The vault folder inside the user-data directory. */
export const vaultDirIn = (userDataDir: string) => join(userDataDir, 'vault');
