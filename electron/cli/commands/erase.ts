import { ErasureReasons, type ErasureReport } from '../../../shared/contract/index.ts';
import { CliExit, callOrExit, printJson, type Command } from '../io.ts';

const REASONS = ErasureReasons.filter((r) => r !== 'retention');
const USAGE = `usage: kandidat erase ID --yes [--reason ${REASONS.join('|')}] [--compact] [--json]`;

/** `erase ID --yes`: art. 17 erasure; nothing happens without --yes. */
export const runErase: Command = async (args, io, vault) => {
  const id = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--reason');
  const reasonAt = args.indexOf('--reason');
  const reason = reasonAt >= 0 ? args[reasonAt + 1] : 'request';
  if (!id || !reason || !(REASONS as readonly string[]).includes(reason)) throw new CliExit(64, USAGE);
  if (!args.includes('--yes')) {
    throw new CliExit(64, `Erasure removes everything about candidate ${id} and cannot be undone. Add --yes to go ahead.`);
  }
  const core = await vault.openUnlocked();
  try {
    const report = await callOrExit<ErasureReport>(core, 'privacy.erase', {
      candidateId: id,
      reason,
      compact: args.includes('--compact'),
    });
    if (args.includes('--json')) printJson(io, report);
    else {
      const rows = Object.values(report.removed).reduce((n, r) => n + r, 0);
      io.stdout.write(`Erased ${report.candidateId} (${report.reason}) at ${report.erasedAt}: ${rows} rows removed, freed pages wiped.\n`);
    }
    return 0;
  } finally {
    await core.close();
  }
};
