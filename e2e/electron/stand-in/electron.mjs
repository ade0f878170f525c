// Just enough of Electron's main-process API for out/main/index.js to run under
// plain Node, recording what the shell does with it. Not a test of Electron: a test
// of our bundle (imports, worker path, native binding, wiring) where Electron is absent.
import { EventEmitter } from 'node:events';

export const record = { handlers: new Map(), protocolHandler: null, privileged: [], windows: [], sent: [], errors: [], quit: 0, exit: null };
globalThis.__standIn = record;

const paths = new Map();
let markReady;
const ready = new Promise((resolve) => (markReady = resolve));
setImmediate(() => markReady());

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  setName() {},
  enableSandbox() {},
  setPath: (name, value) => paths.set(name, value),
  getPath: (name) => paths.get(name),
  getAppPath: () => process.env.STAND_IN_APP_PATH,
  requestSingleInstanceLock: () => true,
  whenReady: () => ready,
  quit() {
    record.quit += 1;
    // Electron emits will-quit on quit; a handler may prevent it once.
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    if (record.quit === 1) app.emit('will-quit', event);
  },
  exit(code) {
    record.exit = code;
  },
});

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    const mainFrame = { url: 'about:blank', processId: 1, routingId: 1, parent: null, detached: false };
    this.webContents = Object.assign(new EventEmitter(), {
      id: 1,
      mainFrame,
      isDestroyed: () => false,
      getURL: () => mainFrame.url,
      send: (...args) => record.sent.push(args),
      setWindowOpenHandler: (handler) => (this.webContents.openHandler = handler),
    });
    app.emit('web-contents-created', {}, this.webContents);
    record.windows.push(this);
  }
  isDestroyed() {
    return false;
  }
  async loadURL(url) {
    this.webContents.mainFrame.url = url;
  }
}

export const dialog = {
  showErrorBox: (_title, text) => record.errors.push(text),
  showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
};
export const ipcMain = { handle: (channel, handler) => record.handlers.set(channel, handler) };
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => record.privileged.push(...schemes),
  handle: (_scheme, handler) => (record.protocolHandler = handler),
};
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => {
    throw new Error('no keychain');
  },
  decryptString: () => {
    throw new Error('no keychain');
  },
};
export const session = { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} } };
export const shell = { openExternal: async () => {} };
export default { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell };
