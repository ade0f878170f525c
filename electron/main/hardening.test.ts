import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { decideNavigation, denyAllPermissions, hardenWebContents } from './hardening.ts';
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
  it('every request and check is denied', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => void (handlers.request = h),
      setPermissionCheckHandler: (h: never) => void (handlers.check = h),
      setDevicePermissionHandler: (h: never) => void (handlers.device = h),
    };
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      (handlers.request as (...a: unknown[]) => void)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect((handlers.check as (...a: unknown[]) => boolean)({}, permission, 'app://kandidat', {})).toBe(false);
    }
    expect((handlers.device as (...a: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
  });
});
