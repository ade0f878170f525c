import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { registerInvokeChannel } from './ipc.ts';
import { startBridge, type Bridge } from '../bridge/server.ts';
import { makeTestCore, TEST_PASSPHRASE } from '../core/testing/harness.ts';
import type { RpcResult } from '../../shared/errors.ts';

/**
 * The contract test: one script of calls, driven through each transport's real
 * dispatch path — the core directly, Electron's IPC handler, and the browser
 * bridge over HTTP — must give the same answers, errors included.
 */
type Caller = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

const SCRIPT: [string, unknown][] = [
  ['vault.status', {}],
  ['candidates.list', {}],
  ['vault.create', { passphrase: 'short', ownerName: 'A', ownerEmail: 'a@b.no' }],
  ['vault.create', { passphrase: TEST_PASSPHRASE, ownerName: 'Kari Rekrutterer', ownerEmail: 'kari@byraa.no' }],
  ['candidates.create', { name: 'Åse Ødegård', phones: ['912 34 567'], address: { city: 'Tromsø' } }],
  ['candidates.create', { name: 'Ola', phones: ['12'] }],
  ['candidates.update', { id: 'id-000003', version: 1, patch: { notes: 'Ringt' } }],
  ['candidates.update', { id: 'id-000003', version: 1, patch: { notes: 'stale' } }],
  ['candidates.list', { sort: 'name' }],
  ['candidates.history', { id: 'id-000003' }],
  ['no.such.method', {}],
  ['vault.lock', {}],
  ['vault.unlock', { passphrase: 'wrong passphrase' }],
  ['vault.unlock', { passphrase: TEST_PASSPHRASE }],
  ['candidates.get', { id: 'id-000003' }],
];

async function runScript(call: Caller): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const [method, input] of SCRIPT) {
    const answer = (await call(method, input)) as RpcResult<Record<string, unknown>>;
    // The recovery key is random by design; everything else must match exactly.
    if (answer.ok && answer.value && typeof answer.value === 'object' && 'recoveryKey' in answer.value) {
      answer.value.recoveryKey = '<recovery key>';
    }
    answers.push(answer);
  }
  return answers;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function freshCore() {
  const t = makeTestCore();
  cleanups.push(t.cleanup);
  return t;
}

describe('one contract, every transport', () => {
  it('direct dispatch, Electron IPC and the HTTP bridge give the same answers', async () => {
    const direct = await runScript(freshCore().core.dispatch);

    // Electron IPC: the real handler registered on a stand-in ipcMain, called as
    // the trusted top frame of our window would call it.
    const ipcCore = freshCore();
    let handler: ((event: IpcMainInvokeEvent, method: unknown, input: unknown) => Promise<RpcResult<unknown>>) | null = null;
    const mainFrame = { processId: 1, routingId: 1, url: 'app://kandidat/index.html', parent: null, detached: false };
    const window = { isDestroyed: () => false, webContents: { id: 7, mainFrame } } as unknown as BrowserWindow;
    registerInvokeChannel(
      { handle: (_channel: string, fn: typeof handler) => void (handler = fn) } as never,
      { window: () => window, isTrustedUrl: (u) => u.startsWith('app://kandidat/'), dispatch: ipcCore.core.dispatch },
    );
    const event = { sender: { id: 7 }, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent;
    const viaIpc = await runScript((m, i) => handler!(event, m, i));

    // Browser bridge over real HTTP on 127.0.0.1.
    const bridgeCore = freshCore();
    const bridge: Bridge = await startBridge({ dispatch: bridgeCore.core.dispatch, events: bridgeCore.core.events });
    cleanups.push(() => bridge.close());
    const viaBridge = await runScript(async (method, input) => {
      const res = await fetch(`${bridge.url}rpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
        body: JSON.stringify({ method, input }),
      });
      return (await res.json()) as RpcResult<unknown>;
    });

    expect(viaIpc).toEqual(direct);
    expect(viaBridge).toEqual(direct);
    // And the script really exercised both outcomes.
    const codes = direct.map((a) => ((a as RpcResult<unknown>).ok ? 'ok' : (a as { error: { code: string } }).error.code));
    expect(codes).toEqual([
      'ok', 'NO_VAULT', 'VALIDATION', 'ok', 'ok', 'VALIDATION', 'ok', 'CONFLICT', 'ok', 'ok',
      'UNKNOWN_METHOD', 'ok', 'WRONG_PASSPHRASE', 'ok', 'ok',
    ]);
  });
});
