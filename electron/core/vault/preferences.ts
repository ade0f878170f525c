import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../../shared/contract/index.ts';

/**
 * Settings that hold no personal data and are needed before unlocking (the lock
 * screen's language, the idle time) live in a small plain file beside the vault.
 */
export const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 15, locale: 'nb' };

const file = (dir: string) => join(dir, 'preferences.json');

export function readPreferences(dir: string): Settings {
  if (!existsSync(file(dir))) return { ...DEFAULT_SETTINGS };
  try {
    const raw = JSON.parse(readFileSync(file(dir), 'utf8')) as Partial<Settings>;
    return {
      idleLockMinutes:
        typeof raw.idleLockMinutes === 'number' && raw.idleLockMinutes >= 0 ? raw.idleLockMinutes : DEFAULT_SETTINGS.idleLockMinutes,
      locale: raw.locale === 'en' ? 'en' : 'nb',
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function writePreferences(dir: string, settings: Settings): void {
  const tmp = `${file(dir)}.tmp`;
  writeFileSync(tmp, JSON.stringify(settings, null, 2));
  renameSync(tmp, file(dir));
}
