import { describe, expect, it, vi } from 'vitest';
import { confirmExternalText, createExternalOpener } from './open-external.ts';

function opener(answer: boolean) {
  const confirm = vi.fn(async () => answer);
  const open = vi.fn(async () => {});
  return { confirm, open, openExternal: createExternalOpener({ confirm, open }) };
}

describe('openExternal', () => {
  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'mailto:kari@example.com',
    'https://user:secret@example.com/',
    'not a url',
  ])('refuses %s without asking', async (url) => {
    const o = opener(true);
    expect(await o.openExternal(url)).toBe('refused');
    expect(o.confirm).not.toHaveBeenCalled();
    expect(o.open).not.toHaveBeenCalled();
  });

  it('asks before opening an https address, and opens it only on yes', async () => {
    const yes = opener(true);
    expect(await yes.openExternal('https://www.nav.no/jobb')).toBe('opened');
    expect(yes.confirm).toHaveBeenCalledWith('https://www.nav.no/jobb');
    expect(yes.open).toHaveBeenCalledWith('https://www.nav.no/jobb');

    const no = opener(false);
    expect(await no.openExternal('https://www.nav.no/jobb')).toBe('declined');
    expect(no.open).not.toHaveBeenCalled();
  });

  it('asks one question at a time', async () => {
    let answer: (yes: boolean) => void = () => {};
    const confirm = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const open = vi.fn(async () => {});
    const openExternal = createExternalOpener({ confirm, open });
    const first = openExternal('https://example.com/a');
    expect(await openExternal('https://example.com/b')).toBe('busy');
    answer(false);
    expect(await first).toBe('declined');
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('names the host in the question, in the chosen language', () => {
    expect(confirmExternalText('nb', 'https://www.nav.no/jobb').message).toBe('Åpne www.nav.no i nettleseren?');
    expect(confirmExternalText('en', 'https://www.nav.no/jobb').buttons).toEqual(['Cancel', 'Open in browser']);
  });
});
