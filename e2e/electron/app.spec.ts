import { expect, test } from '@playwright/test';
import type { KandidatBridge } from '../../shared/contract/transport.ts';
import { addCandidate, createVault, electronBinary, launchApp, row, tempHome, unlock, type Launched } from './app.ts';

/** The preload's object, as the page sees it. */
type WithBridge = { kandidat: KandidatBridge };

test.skip(!electronBinary.ok, `Electron e2e skipped: ${electronBinary.ok ? '' : electronBinary.reason}`);

let folder: ReturnType<typeof tempHome>;
let running: Launched | null = null;

test.beforeEach(() => {
  folder = tempHome();
});

test.afterEach(async () => {
  await running?.app.close();
  running = null;
  folder.remove();
});

test('create a vault, add a candidate, lock, unlock, and find it again after a restart', async () => {
  running = await launchApp(folder.home);
  const { window: page } = running;
  expect(page.url()).toBe('app://kandidat/index.html');

  await createVault(page);
  await addCandidate(page, 'Kari Nordmann');
  await expect(row(page, 'Kari Nordmann')).toBeVisible();

  await page.getByRole('button', { name: 'Lås', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Lås opp', exact: true })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Kandidater' })).toHaveCount(0);
  await unlock(page);
  await expect(row(page, 'Kari Nordmann')).toBeVisible();

  // Quitting locks the vault; the next start asks for the passphrase and finds the candidate.
  await running.app.close();
  running = null;
  running = await launchApp(folder.home);
  await unlock(running.window);
  await expect(row(running.window, 'Kari Nordmann')).toBeVisible();
});

test('the page gets exactly invoke and on, and no Node', async () => {
  running = await launchApp(folder.home);
  const { window: page } = running;
  const surface = await page.evaluate(() => ({
    bridge: Object.keys((window as unknown as WithBridge).kandidat).sort(),
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    module: typeof (globalThis as { module?: unknown }).module,
  }));
  expect(surface).toEqual({ bridge: ['invoke', 'on'], require: 'undefined', process: 'undefined', module: 'undefined' });
  const status = await page.evaluate(() => (window as unknown as WithBridge).kandidat.invoke('vault.status', {}));
  expect(status).toMatchObject({ ok: true, value: { state: 'none' } });
  const unknown = await page.evaluate(() => (window as unknown as WithBridge).kandidat.invoke('no.such.method' as never, {} as never));
  expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
});

test('navigation security: no new window, no navigation away, https only after asking, CSP holds', async () => {
  running = await launchApp(folder.home);
  const { app, window: page } = running;

  // Stand in for the native dialog (answer: Cancel) and the system browser, recording both.
  await app.evaluate(({ dialog, shell }) => {
    const record = globalThis as unknown as { asked: string[]; opened: string[] };
    record.asked = [];
    record.opened = [];
    dialog.showMessageBox = (async (...args: unknown[]) => {
      record.asked.push(String((args[args.length - 1] as { detail?: string }).detail));
      return { response: 0, checkboxChecked: false };
    }) as never;
    shell.openExternal = (async (url: string) => {
      record.opened.push(url);
    }) as never;
  });
  const asked = () => app.evaluate(() => (globalThis as unknown as { asked: string[] }).asked);
  const opened = () => app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened);

  // window.open: denied; an https address is offered to the browser after a question.
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(await page.evaluate(() => window.open('app://kandidat/index.html') === null)).toBe(true);
  await expect.poll(asked).toEqual([expect.stringContaining('https://example.com/')]);
  expect(app.windows()).toHaveLength(1);

  // Navigation away: blocked. The https one is asked about last, so once it has been
  // asked, the earlier attempts have been decided too.
  await page.evaluate(() => {
    location.href = 'http://example.com/';
  });
  await page.evaluate(() => {
    location.href = 'https://example.com/away';
  });
  await expect.poll(asked).toHaveLength(2);
  expect((await asked())[1]).toContain('https://example.com/away');
  expect(page.url()).toBe('app://kandidat/index.html');
  expect(await opened()).toEqual([]);
  // The page is still ours and still talks to the core.
  expect(await page.evaluate(() => (window as unknown as WithBridge).kandidat.invoke('vault.status', {}))).toMatchObject({ ok: true });

  // CSP: no inline script, no remote connection.
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
  expect(await page.evaluate(() => fetch('https://example.com/').then(() => 'fetched', () => 'blocked'))).toBe('blocked');

  // Permissions: denied without asking.
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
});
