import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, TEST_PASSPHRASE } from '../testing/harness.ts';

let t: ReturnType<typeof makeTestCore>;
const homes: string[] = [];
afterEach(async () => {
  await t?.cleanup();
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

const TEXT = 'Kandidaten fortalte rolig og konkret om skiftarbeid på lageret, truck og varetelling. '.repeat(6);
const typist = fileURLToPath(new URL('./testing/interview-typist.ts', import.meta.url));

describe('interview notes survive a crash', () => {
  it('a process killed (SIGKILL) while typing loses at most the last second', async () => {
    t = makeTestCore({ retention: { firstDelayMs: 1e13 } });
    await t.createVault();
    const c = await t.call('candidates.create', { name: 'Åse Ødegård' });
    const interview = await t.call('activity.interviews.start', { candidateId: c.id, title: 'Første intervju' });
    await t.core.close();
    homes.push(t.home);

    const child = spawn(process.execPath, ['--import', 'tsx', typist, t.vaultDir, interview.id, TEST_PASSPHRASE, TEXT], { stdio: ['ignore', 'pipe', 'inherit'] });
    const typedAt: { n: number; at: number }[] = [];
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let killedAt = 0;
    await new Promise<void>((resolve, reject) => {
      child.once('exit', () => reject(new Error('The typist stopped before it was killed')));
      createInterface({ input: child.stdout }).on('line', (line) => {
        const [, n, at] = line.split(' ');
        typedAt.push({ n: Number(n), at: Number(at) });
        // Well into typing, with several saves behind it and keys still coming.
        if (Number(n) === 200 && killedAt === 0) {
          killedAt = Date.now();
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await exited;

    // Everything typed more than a second before the kill must be in the vault.
    const mustHave = Math.max(0, ...typedAt.filter((k) => k.at <= killedAt - 1000).map((k) => k.n));
    expect(mustHave).toBeGreaterThan(50);
    t = makeTestCore({ vaultDir: t.vaultDir, retention: { firstDelayMs: 1e13 } });
    await t.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const saved = await t.call('activity.interviews.get', { id: interview.id });
    expect(saved.notes.length).toBeGreaterThanOrEqual(mustHave);
    expect(TEXT.startsWith(saved.notes)).toBe(true);
    // And it is on the timeline, searchable.
    expect((await t.call('activity.search', { query: 'skiftarbeid' })).map((h) => h.kind)).toEqual(['interview']);
  }, 60_000);
});
