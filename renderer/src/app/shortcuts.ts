import type { MessageKey } from '../i18n/nb.ts';

export type ShortcutId = 'new' | 'lock' | 'filter' | 'help' | 'edit' | 'settings' | 'list' | 'intake' | 'pickFiles' | 'search' | 'logCall' | 'clients' | 'privacy' | 'sharing';

export interface Shortcut {
  id: ShortcutId;
  /** "Ctrl+N": Ctrl also matches ⌘ on a Mac. */
  keys: string[];
  label: MessageKey;
}

/** The app-wide shortcuts: handled in one place, listed in the help overlay. */
export const shortcuts: Shortcut[] = [
  { id: 'new', keys: ['Ctrl+N', 'Alt+N'], label: 'shortcut.new' },
  { id: 'lock', keys: ['Ctrl+L'], label: 'shortcut.lock' },
  { id: 'filter', keys: ['/'], label: 'shortcut.filter' },
  { id: 'search', keys: ['Ctrl+K'], label: 'shortcut.search' },
  { id: 'list', keys: ['Alt+L'], label: 'shortcut.list' },
  { id: 'logCall', keys: ['Alt+C'], label: 'shortcut.logCall' },
  { id: 'edit', keys: ['Ctrl+E'], label: 'shortcut.edit' },
  { id: 'settings', keys: ['Ctrl+,'], label: 'shortcut.settings' },
  { id: 'intake', keys: ['Alt+M'], label: 'shortcut.intake' },
  { id: 'clients', keys: ['Alt+K'], label: 'shortcut.clients' },
  { id: 'privacy', keys: ['Alt+P'], label: 'shortcut.privacy' },
  { id: 'sharing', keys: ['Alt+D'], label: 'shortcut.sharing' },
  { id: 'pickFiles', keys: ['Ctrl+O'], label: 'shortcut.pickFiles' },
  { id: 'help', keys: ['F1', '?'], label: 'shortcut.help' },
];

/** Keys handled by the list, the forms and the dialogs themselves; listed for reference. */
export const localShortcuts: { keys: string[]; label: MessageKey }[] = [
  { keys: ['↑', '↓'], label: 'shortcut.move' },
  { keys: ['PgUp', 'PgDn'], label: 'shortcut.page' },
  { keys: ['Home', 'End'], label: 'shortcut.ends' },
  { keys: ['Enter'], label: 'shortcut.open' },
  { keys: ['Ctrl+S'], label: 'shortcut.save' },
  { keys: ['Esc'], label: 'shortcut.close' },
  { keys: ['J', 'K', 'Alt+↓', 'Alt+↑'], label: 'shortcut.reviewMove' },
  { keys: ['Enter'], label: 'shortcut.reviewNext' },
  { keys: ['Ctrl+Enter'], label: 'shortcut.reviewConfirm' },
];

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function matchesCombo(event: KeyLike, combo: string): boolean {
  const parts = combo.split('+');
  // "Ctrl++" is not used; a lone "+" would need this.
  const key = parts.pop() ?? '';
  const wantCtrl = parts.includes('Ctrl');
  const wantAlt = parts.includes('Alt');
  const wantShift = parts.includes('Shift');
  if ((event.ctrlKey || event.metaKey) !== wantCtrl || event.altKey !== wantAlt) return false;
  if (/^[a-z]$/i.test(key)) {
    // Letters by physical key too: Alt+N types "˜" on a Mac keyboard.
    const sameLetter = event.key.toLowerCase() === key.toLowerCase() || event.code === `Key${key.toUpperCase()}`;
    return sameLetter && event.shiftKey === wantShift;
  }
  // Punctuation ("?", "/", ",") is matched as typed; Shift is part of how it is typed.
  return event.key === key;
}

/** A plain character ("/", "?") belongs to the field the user is typing in; F-keys and Ctrl/Alt combos do not. */
const typesACharacter = (combo: string) => [...combo].length === 1;

export function findShortcut(event: KeyLike, typing: boolean): Shortcut | null {
  for (const shortcut of shortcuts) {
    const combos = typing ? shortcut.keys.filter((c) => !typesACharacter(c)) : shortcut.keys;
    if (combos.some((combo) => matchesCombo(event, combo))) return shortcut;
  }
  return null;
}

/** Is the user typing into something, where plain characters belong to the field? */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}
