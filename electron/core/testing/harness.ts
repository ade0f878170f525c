import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../clock.ts';
import { createCore, type Core, type CoreOptions } from '../index.ts';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.ts';
import type { RpcError } from '../../../shared/errors.ts';

export const TEST_PASSPHRASE = 'korrekt hest batteri stift';

/** A core on a fresh temp vault with a fake clock, and typed call helpers. */
export function makeTestCore(options: Partial<CoreOptions> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'kandidat-test-'));
  const clock = new FakeClock('2026-03-02T08:00:00Z');
  let seq = 0;
  const core: Core = createCore({
    vaultDir: join(home, 'vault'),
    clock,
    newId: () => `id-${String(++seq).padStart(6, '0')}`,
    db: { mode: 'inline' },
    ...options,
  });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await core.dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { rpc: result.error });
    return result.value as MethodOutput<M>;
  };
  const fail = async <M extends MethodName>(method: M, input: MethodInput<M> | unknown): Promise<RpcError> => {
    const result = await core.dispatch(method, input);
    if (result.ok) throw new Error(`${method} succeeded but was expected to fail`);
    return result.error;
  };
  const createVault = () =>
    call('vault.create', { passphrase: TEST_PASSPHRASE, ownerName: 'Kari Rekrutterer', ownerEmail: 'kari@byraa.no' });
  const cleanup = async () => {
    await core.close();
    rmSync(home, { recursive: true, force: true });
  };
  return { core, clock, home, vaultDir: join(home, 'vault'), call, fail, createVault, cleanup };
}
