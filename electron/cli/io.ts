import type { Core } from '../core/index.ts';

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Thrown for a clean exit with a message on stderr: usage errors, wrong passphrase. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Opens (and unlocks) the vault named by --vault for commands that need it. */
export interface VaultAccess {
  vaultDir: string;
  /** A core on the vault, unlocked with the passphrase from the environment or a prompt. */
  openUnlocked(): Promise<Core>;
  /** A core on the vault, not unlocked (for init). */
  openCore(): Core;
  readPassphrase(prompt: string): Promise<string>;
}

export type Command = (args: string[], io: CliIo, vault: VaultAccess) => Promise<number>;

export async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export const printJson = (io: CliIo, value: unknown) => io.stdout.write(JSON.stringify(value, null, 2) + '\n');

/** Turns an RpcResult into its value, or a CliExit with the error's message. */
export async function callOrExit<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) {
    const code = result.error.code === 'WRONG_PASSPHRASE' || result.error.code === 'WRONG_RECOVERY_KEY' ? 2 : 1;
    throw new CliExit(code, result.error.message);
  }
  return result.value as T;
}
