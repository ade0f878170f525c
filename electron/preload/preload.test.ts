import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

// The preload against a stand-in 'electron': what it hands the page, and nothing more.
const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const exposed = new Map<string, unknown>();
  const ipcRenderer = Object.assign(new Emitter(), { invoke: vi.fn(async () => ({ ok: true, value: 'answer' })) });
  return { exposed, ipcRenderer, contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) } };
});
vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

await import('./index.ts');
const bridge = fake.exposed.get('kandidat') as {
  invoke: (method: string, input: unknown) => Promise<unknown>;
  on: (event: string, listener: (payload: unknown) => void) => () => void;
};

describe('preload', () => {
  it('exposes window.kandidat with invoke and on, and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['kandidat']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('invoke goes over the one channel', async () => {
    expect(await bridge.invoke('vault.status', {})).toEqual({ ok: true, value: 'answer' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('kandidat:invoke', 'vault.status', {});
  });

  it('on delivers the payload of its own event only, without the IPC event object, until unsubscribed', () => {
    const seen: unknown[] = [];
    const stop = bridge.on('vault.locked', (payload) => seen.push(payload));
    const sender = new EventEmitter();
    fake.ipcRenderer.emit('kandidat:event', { sender }, 'vault.unlocked', { vaultId: 'v' });
    fake.ipcRenderer.emit('kandidat:event', { sender }, 'vault.locked', { reason: 'idle' });
    stop();
    fake.ipcRenderer.emit('kandidat:event', { sender }, 'vault.locked', { reason: 'user' });
    expect(seen).toEqual([{ reason: 'idle' }]);
    expect(fake.ipcRenderer.listenerCount('kandidat:event')).toBe(0);
  });
});
