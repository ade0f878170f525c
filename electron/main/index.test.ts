import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The whole shell wired against a stand-in 'electron' (the real one cannot load in
// plain Node): what the app registers at start, and what the renderer can reach.

const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const state = {
    app: null as unknown as ReturnType<typeof makeApp>,
    windows: [] as Array<{ options: Record<string, unknown>; url: string | null; webContents: ReturnType<typeof makeContents> }>,
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    privileged: [] as unknown[],
    permissionRequest: null as null | ((...args: unknown[]) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    errorBoxes: [] as string[],
    exitCodes: [] as number[],
    appPath: '',
    ready: null as null | (() => void),
  };
  function makeContents(id: number) {
    const emitter = new Emitter();
    const mainFrame = { url: 'app://kandidat/index.html', processId: 9, routingId: 1, parent: null, detached: false };
    return Object.assign(emitter, {
      id,
      mainFrame,
      sent: [] as unknown[][],
      openHandler: null as null | ((d: { url: string }) => unknown),
      isDestroyed: () => false,
      getURL: () => mainFrame.url,
      send(...args: unknown[]) {
        this.sent.push(args);
      },
      setWindowOpenHandler(h: (d: { url: string }) => unknown) {
        this.openHandler = h;
      },
    });
  }
  function makeApp() {
    const emitter = new Emitter();
    const paths = new Map<string, string>();
    return Object.assign(emitter, {
      isPackaged: false,
      setName: vi.fn(),
      enableSandbox: vi.fn(),
      setPath: (name: string, value: string) => void paths.set(name, value),
      getPath: (name: string) => paths.get(name) ?? '',
      getAppPath: () => state.appPath,
      requestSingleInstanceLock: () => true,
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      quit: vi.fn(),
      exit: vi.fn((code: number) => void state.exitCodes.push(code)),
    });
  }
  state.app = makeApp();
  let nextId = 1;
  class BrowserWindow extends Emitter {
    webContents = makeContents(nextId++);
    url: string | null = null;
    constructor(public options: Record<string, unknown>) {
      super();
      state.app.emit('web-contents-created', {}, this.webContents);
      state.windows.push(this as never);
    }
    isDestroyed = () => false;
    async loadURL(url: string) {
      this.url = url;
    }
  }
  const electron = {
    app: state.app,
    BrowserWindow,
    dialog: { showErrorBox: (_title: string, text: string) => void state.errorBoxes.push(text), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    ipcMain: { handle: (channel: string, h: (...args: unknown[]) => unknown) => void state.ipcHandlers.set(channel, h) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.privileged.push(...schemes),
      handle: (scheme: string, h: (request: Request) => Promise<Response>) => void state.protocolHandlers.set(scheme, h),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: (...args: unknown[]) => void) => void (state.permissionRequest = h),
        setPermissionCheckHandler: (h: (...args: unknown[]) => boolean) => void (state.permissionCheck = h),
        setDevicePermissionHandler: () => {},
      },
    },
    shell: { openExternal: vi.fn(async () => {}) },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

let home: string;

async function startShell(withNativeModule = true) {
  home = mkdtempSync(join(tmpdir(), 'kandidat-shell-'));
  fake.state.appPath = join(home, 'app');
  if (withNativeModule) {
    mkdirSync(join(home, 'app', 'native', 'electron'), { recursive: true });
    writeFileSync(join(home, 'app', 'native', 'electron', 'better_sqlite3.node'), '');
  }
  vi.stubEnv('KANDIDAT_HOME', join(home, 'user-data'));
  vi.resetModules();
  await import('./index.ts');
  fake.state.ready!();
  // start() runs after ready; wait for it to reach the window (or the error box).
  await vi.waitFor(() => {
    if (fake.state.windows.length === 0 && fake.state.errorBoxes.length === 0) throw new Error('not started');
  });
}

beforeEach(() => {
  fake.state.windows.length = 0;
  fake.state.ipcHandlers.clear();
  fake.state.protocolHandlers.clear();
  fake.state.privileged.length = 0;
  fake.state.errorBoxes.length = 0;
  fake.state.exitCodes.length = 0;
  fake.state.app.removeAllListeners();
  fake.state.app.quit.mockClear();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  fake.state.app.emit('will-quit', { preventDefault: () => {} });
  rmSync(home, { recursive: true, force: true });
});

const invoke = (frame: Record<string, unknown>, method: string, input: unknown) => {
  const window = fake.state.windows[0]!;
  const handler = fake.state.ipcHandlers.get('kandidat:invoke')!;
  return handler({ sender: { id: window.webContents.id }, senderFrame: { ...window.webContents.mainFrame, ...frame } }, method, input);
};

describe('the Electron shell', () => {
  it('registers app:// as a privileged scheme, sandboxes every renderer, and keeps the vault in KANDIDAT_HOME', async () => {
    await startShell();
    expect(fake.state.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake.state.app.enableSandbox).toHaveBeenCalled();
    expect(fake.state.app.getPath('userData')).toBe(join(home, 'user-data'));
    expect(fake.state.protocolHandlers.has('app')).toBe(true);
  });

  it('opens one hardened window on app://kandidat', async () => {
    await startShell();
    expect(fake.state.windows).toHaveLength(1);
    const window = fake.state.windows[0]!;
    expect(window.url).toBe('app://kandidat/index.html');
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(window.webContents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const navigation = { url: 'https://example.com/', preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
  });

  it('answers our page through the core, and refuses a foreign frame', async () => {
    await startShell();
    expect(await invoke({}, 'vault.status', {})).toMatchObject({
      ok: true,
      value: { state: 'none', remember: { available: false, reason: expect.stringMatching(/keychain/) } },
    });
    expect(await invoke({ url: 'https://example.com/' }, 'vault.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke({ parent: {} }, 'vault.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('denies permissions', async () => {
    await startShell();
    const callback = vi.fn();
    fake.state.permissionRequest!({}, 'media', callback, { requestingUrl: 'app://kandidat/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.state.permissionCheck!({}, 'notifications', 'app://kandidat', {})).toBe(false);
  });

  it('says clearly when the database module for Electron was never built', async () => {
    await startShell(false);
    expect(fake.state.errorBoxes[0]).toMatch(/npm run rebuild:electron/);
    expect(fake.state.exitCodes).toEqual([1]);
    expect(fake.state.windows).toHaveLength(0);
  });

  it('locks the vault on quit', async () => {
    await startShell();
    const quitting = { preventDefault: vi.fn() };
    fake.state.app.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.state.app.quit).toHaveBeenCalled());
  });
});
