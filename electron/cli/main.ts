import { createCore, type Core } from '../core/index.ts';
import { defaultUserDataDir, vaultDirIn } from '../core/paths.ts';
import { CliExit, callOrExit, type CliIo, type Command, type VaultAccess } from './io.ts';
import { readPassphrase } from './passphrase.ts';

const HELP = `kandidat — the Kandidat command line

usage: kandidat [--vault DIR] COMMAND [ARGS]

  init --owner-name NAME --owner-email EMAIL   create a vault; prints its recovery key once
  candidates add                               create a candidate from one JSON object on stdin
  candidates list [--json]                     all candidates
  candidates show ID [--json]                  one candidate
  parse FILE...                                one JSON Resume document per CV, one per line (no vault needed)
  import PATH... [--json]                      bring CVs (files or folders) into the vault; prints a summary
  audit verify [--json]                        check the audit log's hash chain; exit 1 names the first broken entry
  erase ID --yes [--reason R] [--compact]      erase a candidate for good (art. 17); a tombstone without personal data remains
  retention run [--dry-run] [--now DATE] [--json]  erase those past their retention limit (not under legal hold)
  retention upcoming [--days N] [--json]       candidates whose limit passes within N days (30)
  export ID --out FILE.zip [--locale nb|en]    everything held about a candidate (art. 15/20): data.json, index.html, documents

--vault DIR   the vault folder (default: the app's vault in its user-data directory)
The passphrase comes from KANDIDAT_PASSPHRASE or a prompt, never from an argument.
Results go to stdout; progress and messages to stderr. Exit 2: wrong passphrase.
`;

/** Commands load lazily: \`parse\` must not pay for the database, nor \`init\` for pdf.js. */
const commands: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./commands/init.ts')).runInit,
  candidates: async () => (await import('./commands/candidates.ts')).runCandidates,
  // parse needs no vault: it reads CVs and prints JSON Resume documents (the measuring contract).
  parse: async () => {
    const { runParse } = await import('./commands/parse.ts');
    return (args, io) => runParse(args, io);
  },
  import: async () => (await import('./commands/import.ts')).runImport,
  audit: async () => (await import('./commands/audit.ts')).runAudit,
  erase: async () => (await import('./commands/erase.ts')).runErase,
  retention: async () => (await import('./commands/retention.ts')).runRetention,
  export: async () => (await import('./commands/export.ts')).runExport,
};

export function registerCommand(name: string, load: () => Promise<Command>): void {
  commands[name] = load;
}

function vaultAccess(vaultDir: string, io: CliIo): VaultAccess {
  const openCore = (): Core =>
    createCore({
      vaultDir,
      db: { mode: 'inline' },
      onInternalError: (method, error) => io.stderr.write(`Internal error in ${method}: ${(error as Error)?.message}\n`),
    });
  return {
    vaultDir,
    openCore,
    readPassphrase: (prompt) => readPassphrase(io, prompt),
    openUnlocked: async () => {
      const core = openCore();
      const status = await callOrExit<{ state: string }>(core, 'vault.status', {});
      if (status.state === 'none') throw new CliExit(1, `No vault in ${vaultDir}. Create one with: kandidat init`);
      const passphrase = await readPassphrase(io, 'Passphrase: ');
      try {
        await callOrExit(core, 'vault.unlock', { passphrase });
      } catch (error) {
        await core.close();
        throw error;
      }
      return core;
    },
  };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const args = [...argv];
  let vaultDir = vaultDirIn(defaultUserDataDir(io.env));
  while (args[0]?.startsWith('--')) {
    const flag = args.shift()!;
    if (flag === '--vault') {
      const dir = args.shift();
      if (!dir) return usage(io, '--vault needs a folder');
      vaultDir = dir;
    } else if (flag === '--help' || flag === '-h') {
      io.stdout.write(HELP);
      return 0;
    } else return usage(io, `unknown option ${flag}`);
  }
  const name = args.shift();
  if (!name || name === 'help') {
    io.stdout.write(HELP);
    return name ? 0 : 64;
  }
  const load = commands[name];
  if (!load) return usage(io, `unknown command "${name}"`);
  try {
    return await (await load())(args, io, vaultAccess(vaultDir, io));
  } catch (error) {
    if (error instanceof CliExit) {
      io.stderr.write(error.message + '\n');
      return error.exitCode;
    }
    io.stderr.write(`kandidat: ${(error as Error).message}\n`);
    return 1;
  }
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`kandidat: ${message}\nRun "kandidat --help" for the commands.\n`);
  return 64;
}
