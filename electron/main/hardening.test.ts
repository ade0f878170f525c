import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { decideNavigation, hardenWebContents, restrictPermissions } from './hardening.ts';
import { trustedOrigins, trustedUrlCheck } from './trust.ts';

const isTrustedUrl = trustedUrlCheck(trustedOrigins({ isPackaged: true }));

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
  });
  const offerExternal = vi.fn();
  hardenWebContents(contents as unknown as WebContents, { isTrustedUrl, offerExternal });
  const navigate = (event: string, url: string) => {
    const e = { url, preventDefault: vi.fn() };
    emitter.emit(event, e);
    return e.preventDefault.mock.calls.length > 0 ? 'blocked' : 'allowed';
  };
  return { navigate, open: (url: string) => openHandler!({ url }), offerExternal, emitter };
}

describe('navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate'])('%s: blocks a remote page and offers it to the browser', (event) => {
    const c = fakeContents();
    expect(c.navigate(event, 'https://example.com/')).toBe('blocked');
    expect(c.offerExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it.each(['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'app://evil/index.html'])(
    'blocks %s without offering it',
    (url) => {
      const c = fakeContents();
      expect(c.navigate('will-navigate', url)).toBe('blocked');
      expect(c.offerExternal).not.toHaveBeenCalled();
    },
  );

  it('lets our own pages reload', () => {
    const c = fakeContents();
    expect(c.navigate('will-navigate', 'app://kandidat/index.html')).toBe('allowed');
  });

  it('blocks redirects away from our pages', () => {
    const c = fakeContents();
    expect(c.navigate('will-redirect', 'https://example.com/')).toBe('blocked');
  });

  it('decides https → offer, ours → allow, anything else → block', () => {
    expect(decideNavigation('https://nav.no/', isTrustedUrl)).toBe('offer-external');
    expect(decideNavigation('app://kandidat/', isTrustedUrl)).toBe('allow');
    expect(decideNavigation('ftp://x/', isTrustedUrl)).toBe('block');
  });
});

describe('new windows', () => {
  it('are always denied; an https link is offered to the browser instead', () => {
    const c = fakeContents();
    expect(c.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(c.offerExternal).toHaveBeenCalledWith('https://example.com/');
    expect(c.open('app://kandidat/index.html')).toEqual({ action: 'deny' });
    expect(c.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(c.offerExternal).toHaveBeenCalledTimes(1);
  });
});

describe('webview', () => {
  it('attachment is prevented', () => {
    const c = fakeContents();
    const event = { preventDefault: vi.fn() };
    c.emitter.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  function handlers() {
    const h: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (f: never) => void (h.request = f),
      setPermissionCheckHandler: (f: never) => void (h.check = f),
      setDevicePermissionHandler: (f: never) => void (h.device = f),
    };
    restrictPermissions(session as unknown as Session, isTrustedUrl);
    const request = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      (h.request as (...a: unknown[]) => void)({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]?.[0] as boolean;
    };
    const check = (permission: string, origin: string) => (h.check as (...a: unknown[]) => boolean)({}, permission, origin, {});
    return { request, check, device: h.device as (...a: unknown[]) => boolean };
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'display-capture', 'midiSysex'])(
    '%s is denied, on request and on check',
    (permission) => {
      const p = handlers();
      expect(p.request(permission, 'app://kandidat/index.html')).toBe(false);
      expect(p.check(permission, 'app://kandidat')).toBe(false);
    },
  );

  it('lets only our page write text to the clipboard', () => {
    const p = handlers();
    expect(p.request('clipboard-sanitized-write', 'app://kandidat/index.html')).toBe(true);
    expect(p.check('clipboard-sanitized-write', 'app://kandidat')).toBe(true);
    expect(p.request('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(p.check('clipboard-sanitized-write', 'https://example.com')).toBe(false);
  });

  it('denies every device', () => {
    expect(handlers().device({ deviceType: 'usb' })).toBe(false);
  });
});
