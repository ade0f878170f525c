import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one window. Per the Electron security checklist: the page runs sandboxed and
 * isolated from the preload, with no Node, no <webview>, web security on. Spellcheck
 * is off because Chromium would download its dictionaries from Google: the app
 * makes no network request of its own accord.
 */
export function mainWindowOptions(o: { preload: string; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'Kandidat',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: o.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: o.devTools,
    },
  };
}
