// Child process: load the built main process against the stand-in and report
// one line of JSON per check.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
const checks = [];
const check = async (name, fn) => {
  try {
    await fn();
    checks.push({ name, ok: true });
  } catch (error) {
    checks.push({ name, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
const assert = (condition, message) => {
  if (!condition) throw new Error(message);
};
const until = async (condition, what) => {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
};

await import(process.env.STAND_IN_MAIN);
const record = globalThis.__standIn;

await check('the window opens on app://kandidat, isolated and sandboxed', async () => {
  await until(() => record.windows[0]?.webContents.mainFrame.url.startsWith('app:') || record.errors.length > 0, 'the window');
  assert(record.errors.length === 0, `error box: ${record.errors[0]}`);
  const prefs = record.windows[0].options.webPreferences;
  assert(prefs.contextIsolation === true && prefs.sandbox === true && prefs.nodeIntegration === false, 'webPreferences not hardened');
  assert(prefs.preload.endsWith('out/preload/index.cjs'), `preload ${prefs.preload}`);
});

const window = record.windows[0];
const invoke = (method, input, frame = {}) =>
  record.handlers.get('kandidat:invoke')({ sender: { id: 1 }, senderFrame: { ...window.webContents.mainFrame, ...frame } }, method, input);

await check('create a vault through IPC, in the bundled database worker with the native binding', async () => {
  const created = await invoke('vault.create', { passphrase: 'korrekt hest batteri stift', ownerName: 'Kari', ownerEmail: 'kari@byraa.example' });
  assert(created.ok, JSON.stringify(created));
  assert(record.sent.some(([channel, name]) => channel === 'kandidat:event' && name === 'vault.unlocked'), 'no vault.unlocked event forwarded');
});

await check('add a candidate and list it', async () => {
  const added = await invoke('candidates.create', { name: 'Åse Ødegård', phones: ['912 34 567'] });
  assert(added.ok, JSON.stringify(added));
  const list = await invoke('candidates.list', {});
  assert(list.ok && list.value.items.some((c) => c.name === 'Åse Ødegård'), JSON.stringify(list));
});

await check('a foreign frame is refused', async () => {
  const answer = await invoke('candidates.list', {}, { url: 'https://example.com/' });
  assert(!answer.ok && answer.error.code === 'FORBIDDEN', JSON.stringify(answer));
});

await check('app:// serves the renderer with the CSP and refuses traversal', async () => {
  const page = await record.protocolHandler(new Request('app://kandidat/index.html'));
  assert(page.status === 200, `index.html: ${page.status}`);
  assert((page.headers.get('content-security-policy') ?? '').includes("default-src 'self'"), 'no CSP');
  const escape = await record.protocolHandler(new Request('app://kandidat/..%2f..%2fpackage.json'));
  assert(escape.status === 403, `traversal: ${escape.status}`);
});

await check('quitting locks the vault first', async () => {
  record.sent.length = 0;
  record.quit = 0;
  (await import('electron')).app.quit();
  await until(() => record.quit >= 2, 'the quit after locking');
  const locked = record.sent.find(([, name]) => name === 'vault.locked');
  assert(locked && locked[2].reason === 'shutdown', `events: ${JSON.stringify(record.sent)}`);
});

process.stdout.write(`${JSON.stringify(checks)}\n`);
process.exit(0);
