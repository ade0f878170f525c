import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { createCore, type Core } from '../core/index.ts';
import { defaultUserDataDir, vaultDirIn } from '../core/paths.ts';
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './app-protocol.ts';
import { hardenWebContents, restrictPermissions } from './hardening.ts';
import { forwardEvents, registerInvokeChannel } from './ipc.ts';
import { safeStorageKeyStore } from './keystore.ts';
import { describeInternalError } from './log.ts';
import { electronNativeBindingPath, findElectronNativeBinding, missingNativeBindingMessage } from './native-binding.ts';
import { ocrPaths } from './ocr-paths.ts';
import { confirmExternalText, createExternalOpener } from './open-external.ts';
import { trustedOrigins, trustedUrlCheck } from './trust.ts';
import { mainWindowOptions } from './window.ts';

// The shell stays thin: it wires Electron to the core and hardens the window.
// Everything it decides is in the small modules imported above, tested in plain Node.

const here = dirname(fileURLToPath(import.meta.url)); // out/main
const preloadPath = join(here, '../preload/index.cjs');
const rendererDir = join(here, '../renderer');
const dbWorkerPath = join(here, 'db-worker.js');
const intakePipelineUrl = pathToFileURL(join(here, 'intake-pipeline.js')).href;
const intakeWorkerPath = join(here, 'intake-worker.js');
const ocr = ocrPaths({
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  outMainDir: here,
  resolveWorkerScript: () => createRequire(import.meta.url).resolve('tesseract.js/src/worker-script/node/index.js'),
});

// Before ready: the scheme's privileges, the name, and the user-data folder the CLI
// and browser mode compute the same way (KANDIDAT_HOME overrides it for tests).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.setName('Kandidat');
app.setPath('userData', defaultUserDataDir());
app.enableSandbox();

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isTrustedUrl = trustedUrlCheck(trustedOrigins({ isPackaged: app.isPackaged, devServerUrl }));

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

const openExternal = createExternalOpener({
  confirm: async (url) => {
    const locale = core?.ctx.vault.settings().locale ?? 'nb';
    const text = confirmExternalText(locale, url);
    const options = { type: 'question' as const, ...text, defaultId: 0, cancelId: 0, noLink: true };
    const answer = mainWindow && !mainWindow.isDestroyed() ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
    return answer.response === 1;
  },
  open: (url) => shell.openExternal(url),
});

app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, { isTrustedUrl, offerExternal: (url) => void openExternal(url) });
});

if (!app.requestSingleInstanceLock()) {
  // One app per vault: a second start only brings the first window forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    // Lock the vault (close the database, zero the key) before the process ends.
    event.preventDefault();
    void core
      .close()
      .catch(() => undefined)
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Without this the process would linger with no window and no word.
      console.error(`[kandidat] start failed: ${describeInternalError(error)}`);
      dialog.showErrorBox('Kandidat', 'Kandidat could not start. Details are in the log.');
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const paths = { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() };
  const nativeBinding = findElectronNativeBinding(paths);
  if (!nativeBinding) {
    dialog.showErrorBox('Kandidat', missingNativeBindingMessage(electronNativeBindingPath(paths)));
    app.exit(1);
    return;
  }

  const userData = app.getPath('userData');
  core = createCore({
    vaultDir: vaultDirIn(userData),
    keyStore: safeStorageKeyStore({ safeStorage, file: join(userData, 'remembered-key.bin'), platform: process.platform }),
    db: { mode: 'worker', workerUrl: dbWorkerPath, nativeBinding },
    intake: { pipelineUrl: intakePipelineUrl, readerEntryUrl: intakeWorkerPath, ocrLangPath: ocr.langPath, ...(ocr.workerScript ? { ocrWorkerScript: ocr.workerScript } : {}) },
    onInternalError: (method, error) => console.error(`[kandidat] ${method}: ${describeInternalError(error)}`),
  });

  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  restrictPermissions(session.defaultSession, isTrustedUrl);
  registerInvokeChannel(ipcMain, { window: () => mainWindow, isTrustedUrl, dispatch: core.dispatch });
  forwardEvents(core.events, () => mainWindow?.webContents ?? null, isTrustedUrl);

  try {
    await core.ctx.vault.unlockRemembered();
  } catch (error) {
    // The passphrase screen is the fallback; the reason goes to the log only.
    console.error(`[kandidat] remembered key not used: ${describeInternalError(error)}`);
  }

  mainWindow = new BrowserWindow(mainWindowOptions({ preload: preloadPath, devTools: !app.isPackaged }));
  const window = mainWindow;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  await window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}
