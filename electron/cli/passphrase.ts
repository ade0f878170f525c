import type { CliIo } from './io.ts';
import { CliExit } from './io.ts';

/**
 * The passphrase comes from KANDIDAT_PASSPHRASE or an interactive prompt without
 * echo — never from an argument, where it would land in shell history and `ps`.
 */
export async function readPassphrase(io: CliIo, prompt: string): Promise<string> {
  const fromEnv = io.env.KANDIDAT_PASSPHRASE;
  if (fromEnv) return fromEnv;
  const stdin = io.stdin as NodeJS.ReadStream;
  if (!stdin.isTTY) {
    throw new CliExit(2, 'No passphrase: set KANDIDAT_PASSPHRASE or run in a terminal to be asked.');
  }
  io.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new CliExit(130, 'Cancelled.'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}
