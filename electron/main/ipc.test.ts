import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { EventBus } from '../core/events.ts';
import { FORBIDDEN_SENDER, forwardEvents, isTrustedSender, registerInvokeChannel } from './ipc.ts';
import { trustedOrigins, trustedUrlCheck } from './trust.ts';

const isTrustedUrl = trustedUrlCheck(trustedOrigins({ isPackaged: true }));

interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
  detached: boolean;
}

const frame = (over: Partial<FakeFrame> = {}): FakeFrame => ({
  url: 'app://kandidat/index.html',
  processId: 7,
  routingId: 1,
  parent: null,
  detached: false,
  ...over,
});

function fakeWindow(url = 'app://kandidat/index.html') {
  const sent: unknown[][] = [];
  const contents = {
    id: 3,
    mainFrame: frame({ url }),
    isDestroyed: () => false,
    getURL: () => url,
    send: (...args: unknown[]) => void sent.push(args),
  };
  const window = { webContents: contents, isDestroyed: () => false } as unknown as BrowserWindow;
  return { window, contents: contents as unknown as WebContents & { mainFrame: FakeFrame }, sent };
}

const eventFrom = (contentsId: number, senderFrame: FakeFrame | null) =>
  ({ sender: { id: contentsId }, senderFrame }) as unknown as IpcMainInvokeEvent;

describe('IPC sender check', () => {
  const { window, contents } = fakeWindow();

  it('accepts the main frame of our window showing app://kandidat', () => {
    expect(isTrustedSender(eventFrom(3, frame()), window, isTrustedUrl)).toBe(true);
  });

  it.each([
    ['an iframe inside our page', eventFrom(3, frame({ routingId: 2, parent: contents.mainFrame }))],
    ['a frame showing a foreign site', eventFrom(3, frame({ url: 'https://example.com/' }))],
    ['a frame showing a local file', eventFrom(3, frame({ url: 'file:///etc/passwd' }))],
    ['another app:// host', eventFrom(3, frame({ url: 'app://evil/index.html' }))],
    ['another webContents', eventFrom(4, frame())],
    ['a frame of another process', eventFrom(3, frame({ processId: 8 }))],
    ['a detached frame', eventFrom(3, frame({ detached: true }))],
    ['an unknown frame', eventFrom(3, null)],
  ])('refuses %s', (_label, event) => {
    expect(isTrustedSender(event, window, isTrustedUrl)).toBe(false);
  });

  it('refuses everything when the window is gone', () => {
    expect(isTrustedSender(eventFrom(3, frame()), null, isTrustedUrl)).toBe(false);
    const destroyed = { ...window, isDestroyed: () => true } as unknown as BrowserWindow;
    expect(isTrustedSender(eventFrom(3, frame()), destroyed, isTrustedUrl)).toBe(false);
  });
});

describe('the invoke channel', () => {
  function setup() {
    let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) | undefined;
    const ipcMain = { handle: vi.fn((_channel: string, h: typeof handler) => void (handler = h)) };
    const dispatch = vi.fn(async (method: string) => ({ ok: true as const, value: { method } }));
    const { window } = fakeWindow();
    registerInvokeChannel(ipcMain, { window: () => window, isTrustedUrl, dispatch });
    return { ipcMain, dispatch, call: (event: IpcMainInvokeEvent, ...args: unknown[]) => handler!(event, ...args) };
  }

  it('is one channel, kandidat:invoke', () => {
    const { ipcMain } = setup();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0]?.[0]).toBe('kandidat:invoke');
  });

  it('hands a trusted call to dispatch', async () => {
    const { call, dispatch } = setup();
    expect(await call(eventFrom(3, frame()), 'vault.status', {})).toEqual({ ok: true, value: { method: 'vault.status' } });
    expect(dispatch).toHaveBeenCalledWith('vault.status', {});
  });

  it('answers FORBIDDEN to a foreign frame and never reaches dispatch', async () => {
    const { call, dispatch } = setup();
    const answer = await call(eventFrom(3, frame({ url: 'https://example.com/' })), 'candidates.list', {});
    expect(answer).toEqual(FORBIDDEN_SENDER);
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('event forwarding', () => {
  it('sends core events to our page, and stops when it shows something else', () => {
    const events = new EventBus();
    const ours = fakeWindow();
    forwardEvents(events, () => ours.contents, isTrustedUrl);
    events.emit('vault.locked', { reason: 'idle' });
    expect(ours.sent).toEqual([['kandidat:event', 'vault.locked', { reason: 'idle' }]]);

    const foreign = fakeWindow('https://example.com/');
    forwardEvents(events, () => foreign.contents, isTrustedUrl);
    events.emit('vault.unlocked', { vaultId: 'v1' });
    expect(foreign.sent).toEqual([]);
  });
});

describe('trusted origins', () => {
  it('is app://kandidat only in the packaged app, whatever the environment says', () => {
    const check = trustedUrlCheck(trustedOrigins({ isPackaged: true, devServerUrl: 'http://localhost:5173' }));
    expect(check('app://kandidat/index.html')).toBe(true);
    expect(check('http://localhost:5173/')).toBe(false);
  });

  it('adds the dev server in a development run only when it is loopback', () => {
    expect(trustedUrlCheck(trustedOrigins({ isPackaged: false, devServerUrl: 'http://localhost:5173' }))('http://localhost:5173/x')).toBe(true);
    const remote = trustedUrlCheck(trustedOrigins({ isPackaged: false, devServerUrl: 'http://evil.example:5173' }));
    expect(remote('http://evil.example:5173/')).toBe(false);
  });
});
