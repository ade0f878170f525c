import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window.ts';
import { describeInternalError } from './log.ts';

describe('main window', () => {
  it('is isolated, sandboxed, without Node or webview', () => {
    const prefs = mainWindowOptions({ preload: '/app/out/preload/index.cjs', devTools: false }).webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
    });
  });
});

describe('internal error log line', () => {
  it('keeps the stack but not the message, which may quote personal data', () => {
    const line = describeInternalError(new TypeError('Ola Nordmann, 12345678'));
    expect(line).toMatch(/^TypeError \| at /);
    expect(line).not.toContain('Nordmann');
  });
});
