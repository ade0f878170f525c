import { describe, expect, it } from 'vitest';
import { findShortcut, type KeyLike } from './shortcuts.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  code: /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('finds Ctrl+N, Ctrl+L and F1, also while typing', () => {
    expect(findShortcut(key('n', { ctrlKey: true }), true)?.id).toBe('new');
    expect(findShortcut(key('l', { ctrlKey: true }), true)?.id).toBe('lock');
    expect(findShortcut(key('F1'), true)?.id).toBe('help');
  });

  it('treats ⌘ like Ctrl, and Alt+N by its physical key', () => {
    expect(findShortcut(key('n', { metaKey: true }), false)?.id).toBe('new');
    expect(findShortcut({ ...key('˜', { altKey: true }), code: 'KeyN' }, false)?.id).toBe('new');
  });

  it('reaches the views by Alt and a letter, also while typing: Alt+M intake, Alt+K clients, Alt+P privacy, Alt+D sharing', () => {
    expect(findShortcut(key('m', { altKey: true }), true)?.id).toBe('intake');
    expect(findShortcut(key('k', { altKey: true }), true)?.id).toBe('clients');
    expect(findShortcut({ ...key('˚', { altKey: true }), code: 'KeyK' }, false)?.id).toBe('clients');
    expect(findShortcut(key('k', { ctrlKey: true }), false)?.id).toBe('search');
    expect(findShortcut(key('p', { altKey: true }), true)?.id).toBe('privacy');
    expect(findShortcut(key('d', { altKey: true }), true)?.id).toBe('sharing');
  });

  it('leaves "/" and "?" to a field the user is typing in', () => {
    expect(findShortcut(key('/'), false)?.id).toBe('filter');
    expect(findShortcut(key('?', { shiftKey: true }), false)?.id).toBe('help');
    expect(findShortcut(key('/'), true)).toBeNull();
    expect(findShortcut(key('?', { shiftKey: true }), true)).toBeNull();
  });

  it('does not fire on the plain letter or with extra modifiers', () => {
    expect(findShortcut(key('n'), false)).toBeNull();
    expect(findShortcut(key('n', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(findShortcut(key('l', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });
});
