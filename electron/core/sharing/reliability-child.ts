import { readFileSync } from 'node:fs';
import { createCore } from '../index.ts';
import { TEST_PASSPHRASE } from '../testing/harness.ts';
import { caller } from './test-support.ts';

/**
 * The sending process of the reliability test: opens the vault and lets the
 * core's sender drain the outbox, printing the outbox counts as JSON lines. The
 * test kills it with SIGKILL mid-drain and starts it again.
 * argv: VAULT_DIR CA_PEM_FILE
 */
const [vaultDir, caFile] = process.argv.slice(2);
if (!vaultDir || !caFile) throw new Error('usage: reliability-child.ts VAULT_DIR CA_PEM_FILE');

const core = createCore({
  vaultDir,
  db: { mode: 'inline' },
  sharing: { https: { ca: readFileSync(caFile, 'utf8'), timeoutMs: 500 }, baseDelayMs: 25, maxDelayMs: 400, pollMs: 250, concurrency: 8 },
  // No retention run meanwhile (a system timer holds at most 2^31-1 ms; more fires at once).
  retention: { firstDelayMs: 2_000_000_000 },
  onInternalError: (method, error) => process.stderr.write(`${method}: ${(error as Error).message}\n`),
});
const call = caller(core);
await call('vault.unlock', { passphrase: TEST_PASSPHRASE, remember: false });

const report = async () => {
  const all = await call('sharing.outbox.list', { limit: 1 });
  const waiting = await call('sharing.outbox.list', { status: 'queued', limit: 500 });
  const retrying = waiting.items.filter((i) => i.attempts > 0).length;
  process.stdout.write(`${JSON.stringify({ counts: all.counts, retrying })}\n`);
};
const tick = () => {
  report().then(
    () => setTimeout(tick, 50),
    (error: unknown) => {
      process.stderr.write(`status: ${(error as Error).message}\n`);
      setTimeout(tick, 50);
    },
  );
};
tick();
process.on('SIGTERM', () => void core.close().then(() => process.exit(0)));
