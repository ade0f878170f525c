import type { RetentionCandidate, RetentionReport } from '../../../shared/contract/index.ts';
import { CliExit, callOrExit, printJson, type Command } from '../io.ts';

const USAGE = 'usage: kandidat retention run [--dry-run] [--now YYYY-MM-DD] [--json] | retention upcoming [--days N] [--json]';

const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** `retention run`: erase those past their limit (or list them, with --dry-run); `retention upcoming`: due within N days. */
export const runRetention: Command = async (args, io, vault) => {
  const [sub, ...rest] = args;
  if (sub !== 'run' && sub !== 'upcoming') throw new CliExit(64, USAGE);
  const now = option(rest, '--now');
  if (rest.includes('--now') && !/^\d{4}-\d{2}-\d{2}$/.test(now ?? '')) throw new CliExit(64, `--now takes a date, YYYY-MM-DD\n${USAGE}`);
  const days = option(rest, '--days');
  if (rest.includes('--days') && !/^\d+$/.test(days ?? '')) throw new CliExit(64, `--days takes a number\n${USAGE}`);
  const core = await vault.openUnlocked();
  try {
    if (sub === 'upcoming') {
      const due = await callOrExit<RetentionCandidate[]>(core, 'privacy.retention.upcoming', days ? { days: Number(days) } : {});
      if (rest.includes('--json')) printJson(io, due);
      else for (const d of due) io.stdout.write(`${d.dueAt.slice(0, 10)}\t${d.candidateId}\t${d.name}\t${d.limitMonths} months${d.held ? '\theld' : ''}\n`);
      return 0;
    }
    const report = await callOrExit<RetentionReport>(core, 'privacy.retention.run', {
      dryRun: rest.includes('--dry-run'),
      ...(now ? { asOf: now } : {}),
    });
    if (rest.includes('--json')) printJson(io, report);
    else {
      const verb = report.dryRun ? 'would erase' : 'erased';
      for (const e of report.erased) {
        io.stdout.write(`${verb}\t${e.candidateId}\tno own activity since ${e.lastOwnActivityAt.slice(0, 10)}, limit ${e.limitMonths} months\n`);
      }
      for (const h of report.held) io.stdout.write(`held\t${h.candidateId}\tpast its limit, under legal hold\n`);
      io.stderr.write(`${report.erased.length} ${verb}, ${report.held.length} held (as of ${report.asOf.slice(0, 10)}).\n`);
    }
    return 0;
  } finally {
    await core.close();
  }
};
