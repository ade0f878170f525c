import { describe, expect, it } from 'vitest';
import { mergeHandlerGroups } from './handlers.ts';
import { makeTestCore } from '../testing/harness.ts';

describe('dispatch', () => {
  it('refuses two feature groups defining the same method', () => {
    const handler = () => ({}) as never;
    expect(() => mergeHandlerGroups({ a: { 'vault.status': handler }, b: { 'vault.status': handler } })).toThrow(
      /"vault.status" is defined by both "a" and "b"/,
    );
  });

  it('validates input once and reports the path of each problem', async () => {
    const t = makeTestCore();
    const error = await t.fail('candidates.list', { limit: 100000, sort: 'DROP TABLE' });
    expect(error.code).toBe('VALIDATION');
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['limit', 'sort']);
    expect((await t.fail('candidates.create', { name: 'A', extra: 1 })).code).toBe('VALIDATION');
    await t.cleanup();
  });

  it('hides unexpected errors behind INTERNAL and reports them to the log hook', async () => {
    const logged: string[] = [];
    const t = makeTestCore({ onInternalError: (m) => logged.push(m) });
    await t.createVault();
    // Sabotage: close the database under the session, then call.
    await t.core.ctx.vault.requireSession().db.close();
    const error = await t.fail('candidates.list', {});
    expect(error).toEqual({ code: 'INTERNAL', message: expect.stringMatching(/went wrong/) });
    expect(logged).toEqual(['candidates.list']);
    await t.cleanup().catch(() => {});
  });
});
