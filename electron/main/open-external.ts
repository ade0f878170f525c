import type { Locale } from '../../shared/contract/index.ts';

export type ExternalOutcome = 'opened' | 'declined' | 'refused' | 'busy';

export interface ExternalOpenerDeps {
  /** A native confirmation dialog; true when the user chose to open the address. */
  confirm: (url: string) => Promise<boolean>;
  /** shell.openExternal */
  open: (url: string) => Promise<void>;
}

/**
 * The only address the app hands to the operating system: https, without
 * credentials in it. Returns the normalised URL, or null when refused.
 */
export function externalUrlOrNull(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}

/**
 * shell.openExternal, but only for https and only after the user said yes. One
 * question at a time: a page spamming window.open gets no stack of dialogs.
 */
export function createExternalOpener(deps: ExternalOpenerDeps) {
  let asking = false;
  return async (url: string): Promise<ExternalOutcome> => {
    const safe = externalUrlOrNull(url);
    if (!safe) return 'refused';
    if (asking) return 'busy';
    asking = true;
    try {
      if (!(await deps.confirm(safe))) return 'declined';
      await deps.open(safe);
      return 'opened';
    } finally {
      asking = false;
    }
  };
}

/** Texts of the confirmation dialog in the user's language. */
export function confirmExternalText(locale: Locale, url: string) {
  const host = new URL(url).host;
  return locale === 'en'
    ? {
        message: `Open ${host} in your web browser?`,
        detail: `${url}\n\nThe page opens outside Kandidat.`,
        buttons: ['Cancel', 'Open in browser'],
      }
    : {
        message: `Åpne ${host} i nettleseren?`,
        detail: `${url}\n\nSiden åpnes utenfor Kandidat.`,
        buttons: ['Avbryt', 'Åpne i nettleseren'],
      };
}
