import { describe, expect, it } from 'vitest';
import type { RpcResult } from '../../../shared/errors.ts';
import { createApi } from './client.ts';
import { ApiError, httpFailure } from './errors.ts';
import type { Transport } from './transport.ts';

function transport(answer: (method: string, input: unknown) => Promise<RpcResult<unknown>>): Transport {
  return { invoke: answer, on: () => () => {} };
}

describe('api client', () => {
  it('resolves with the value of a successful call', async () => {
    const api = createApi(transport(async () => ({ ok: true, value: { total: 0, items: [] } })));
    await expect(api.call('candidates.list', {})).resolves.toEqual({ total: 0, items: [] });
  });

  it('throws an ApiError with the code, and tells failure listeners', async () => {
    const api = createApi(transport(async () => ({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase' } })));
    const seen: string[] = [];
    api.onFailure((error, method) => seen.push(`${method}:${error.code}`));
    const error = await api.call('vault.unlock', { passphrase: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('WRONG_PASSPHRASE');
    expect(seen).toEqual(['vault.unlock:WRONG_PASSPHRASE']);
  });

  it('maps VALIDATION issues to field paths, without the update wrapper', async () => {
    const api = createApi(
      transport(async () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'patch.phones.1: Not a valid phone number: 123',
          details: { issues: [{ path: 'patch.phones.1', message: 'Not a valid phone number: 123' }, { path: 'name', message: 'A name is required' }, { junk: true }] },
        },
      })),
    );
    const error = (await api.call('candidates.update', { id: 'a', version: 1, patch: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error.fieldIssues).toEqual([
      { path: 'phones.1', message: 'Not a valid phone number: 123' },
      { path: 'name', message: 'A name is required' },
    ]);
  });

  it('turns a code this build does not know into INTERNAL, keeping the message', async () => {
    const api = createApi(transport(async () => ({ ok: false, error: { code: 'FROM_THE_FUTURE' as never, message: 'new' } })));
    const error = (await api.call('vault.status', {}).catch((e: unknown) => e)) as ApiError;
    expect([error.code, error.message]).toEqual(['INTERNAL', 'new']);
  });

  it('reports an unreachable core as DISCONNECTED', async () => {
    const api = createApi(transport(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = (await api.call('vault.status', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('DISCONNECTED');
  });

  it('maps the bridge refusing the token to FORBIDDEN', () => {
    expect(httpFailure(401)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(httpFailure(413)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(httpFailure(500)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
