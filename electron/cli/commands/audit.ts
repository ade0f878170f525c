import type { AuditVerification } from '../../../shared/contract/index.ts';
import { CliExit, callOrExit, printJson, type Command } from '../io.ts';

const USAGE = 'usage: kandidat audit verify [--json]';

/** `audit verify`: exit 0 on an intact chain, 1 naming the first broken entry. */
export const runAudit: Command = async (args, io, vault) => {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new CliExit(64, USAGE);
  const core = await vault.openUnlocked();
  try {
    const result = await callOrExit<AuditVerification>(core, 'privacy.audit.verify', {});
    if (rest.includes('--json')) printJson(io, result);
    else io.stdout.write(result.message + '\n');
    if (!result.intact) io.stderr.write(`Audit log broken at entry ${result.firstBroken?.seq} (${result.firstBroken?.problem}).\n`);
    return result.intact ? 0 : 1;
  } finally {
    await core.close();
  }
};
