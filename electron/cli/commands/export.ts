import { writeFileSync } from 'node:fs';
import type { SubjectExport } from '../../../shared/contract/index.ts';
import { CliExit, callOrExit, type Command } from '../io.ts';

const USAGE = 'usage: kandidat export ID --out FILE.zip [--locale nb|en]';

/** `export ID --out FILE.zip`: the candidate's data (art. 15/20) as a ZIP, written only where asked. */
export const runExport: Command = async (args, io, vault) => {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const localeAt = args.indexOf('--locale');
  const locale = localeAt >= 0 ? args[localeAt + 1] : 'nb';
  const id = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out' && args[i - 1] !== '--locale');
  if (!id || !out || (locale !== 'nb' && locale !== 'en')) throw new CliExit(64, USAGE);
  const core = await vault.openUnlocked();
  try {
    const result = await callOrExit<SubjectExport>(core, 'privacy.export', { candidateId: id, locale });
    // Readable by the user only: it is the candidate's personal data, in the clear.
    writeFileSync(out, Buffer.from(result.base64, 'base64'), { mode: 0o600 });
    io.stderr.write(`Wrote ${out} (${result.size} bytes, SHA-256 ${result.sha256}).\n`);
    return 0;
  } finally {
    await core.close();
  }
};
