import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isAppError } from '../../core/rpc/errors.ts';
import { MAX_FILE_BYTES } from '../../core/intake/extract/index.ts';
import type { OcrEngine } from '../../core/intake/ocr/engine.ts';
import { parseCvBytes } from '../../core/intake/parse/index.ts';
import type { JsonResume, ParseResult } from '../../core/intake/parse/types.ts';

const HELP = `usage: kandidat parse [--keep-national-id] [--timeout SEC] [--jobs N] [--no-ocr] FILE...

Prints one JSON Resume document per FILE, one per line (JSON Lines), in the order given.
A file that cannot be read prints {"error": "..."} on its line; the others go on.
Needs no vault. Scans and photos are read with OCR (nor+eng).

  --keep-national-id   keep a Norwegian national identity number in basics.nationalId
                       (by default it is removed from the output everywhere)
  --timeout SEC        time limit per file (default 300; scans wait for the OCR workers)
  --jobs N             files worked on at once (default 4)
  --no-ocr             do not start OCR; pages without text stay empty
`;

interface ParseArgs {
  files: string[];
  keepNationalId: boolean;
  timeoutMs: number;
  jobs: number;
  ocr: boolean;
}

function parseArgs(args: string[]): ParseArgs | string {
  const out: ParseArgs = { files: [], keepNationalId: false, timeoutMs: 300_000, jobs: 4, ocr: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--keep-national-id') out.keepNationalId = true;
    else if (a === '--no-ocr') out.ocr = false;
    else if (a === '--timeout' || a === '--jobs') {
      const v = Number(args[++i]);
      if (!(v > 0)) return `${a} needs a positive number`;
      if (a === '--timeout') out.timeoutMs = v * 1000;
      else out.jobs = Math.max(1, Math.floor(v));
    } else if (a === '--') {
      out.files.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else out.files.push(a);
  }
  return out;
}

/** The JSON Resume document printed for one CV: the draft plus our extensions in `meta`. */
export function resumeForOutput(result: ParseResult): JsonResume {
  return {
    ...result.resume,
    meta: {
      ...(result.resume.meta ?? {}),
      kandidat: { language: result.language, warnings: result.warnings, fields: result.fields },
    },
  };
}

export async function runParse(args: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(HELP);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string' || parsed.files.length === 0) {
    io.stderr.write(`kandidat parse: ${typeof parsed === 'string' ? parsed : 'no files given'}\n${HELP}`);
    return 64;
  }
  // Libraries that print (pdf.js warnings) must not corrupt the JSON Lines on stdout.
  const restoreConsole = consoleToStderr(io.stderr);
  let ocrEngine: Promise<OcrEngine> | null = null;
  const getOcr = (): Promise<OcrEngine> => {
    ocrEngine ??= import('../../core/intake/ocr/pool.ts').then((m) => m.createOcrEngine());
    return ocrEngine;
  };
  let failures = 0;
  try {
    const results: Promise<string>[] = [];
    let running = 0;
    const waiting: (() => void)[] = [];
    const slot = async (): Promise<void> => {
      if (running < parsed.jobs) {
        running++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    };
    const release = (): void => {
      const next = waiting.shift();
      if (next) next();
      else running--;
    };
    for (const file of parsed.files) {
      results.push(
        (async () => {
          await slot();
          try {
            return await parseOne(file, parsed, parsed.ocr ? getOcr : undefined);
          } finally {
            release();
          }
        })(),
      );
    }
    for (const pending of results) {
      const line = await pending;
      if (line.startsWith('{"error"')) failures++;
      await write(io.stdout, line + '\n');
    }
  } finally {
    restoreConsole();
    if (ocrEngine) await (await (ocrEngine as Promise<OcrEngine>).catch(() => null))?.close().catch(() => undefined);
  }
  return failures === parsed.files.length ? 1 : 0;
}

async function parseOne(file: string, args: ParseArgs, ocr: (() => Promise<OcrEngine>) | undefined): Promise<string> {
  const name = path.basename(file);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    if (info.size > MAX_FILE_BYTES) throw new Error(`the file is ${(info.size / 1048576).toFixed(1)} MB; the limit is 25 MB`);
    const bytes = new Uint8Array(await readFile(file));
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`timed out after ${Math.round(args.timeoutMs / 1000)} s`));
      }, args.timeoutMs);
    });
    const result = await Promise.race([
      parseCvBytes(bytes, name, {
        ...(ocr ? { ocr } : {}),
        signal: controller.signal,
        keepNationalId: args.keepNationalId,
        ocrTimeoutMs: Math.min(args.timeoutMs, 120_000),
      }),
      timeout,
    ]);
    return JSON.stringify(resumeForOutput(result));
  } catch (error) {
    const message = isAppError(error) ? error.message : errorMessage(error);
    return JSON.stringify({ error: `${name}: ${message}` });
  } finally {
    if (timer) clearTimeout(timer);
  }
}

function errorMessage(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a folder, not a file';
  return e?.message ?? String(error);
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

function consoleToStderr(stderr: NodeJS.WritableStream): () => void {
  const saved = { log: console.log, info: console.info, warn: console.warn, debug: console.debug };
  const toErr = (...parts: unknown[]): void => {
    stderr.write(parts.map((p) => (typeof p === 'string' ? p : String(p))).join(' ') + '\n');
  };
  console.log = toErr;
  console.info = toErr;
  console.warn = toErr;
  console.debug = toErr;
  return () => Object.assign(console, saved);
}
