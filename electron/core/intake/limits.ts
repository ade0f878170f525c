import { IntakeFailureCodes, MAX_FILE_BYTES, MAX_PAGES, type IntakeFailureCode } from '../../../shared/contract/intake.ts';

/**
 * What the intake refuses, and the words it refuses it with. Every refusal is a
 * per-file IntakeFailure: one bad file never stops the others. The byte and page
 * limits are enforced here (before storing) and again by the extractor.
 */
export const LIMITS = {
  maxFileBytes: MAX_FILE_BYTES,
  maxPages: MAX_PAGES,
  /** No progress at all for this long: the reader is stuck. */
  stallTimeoutMs: 90_000,
  /** A 20-page scan at a few seconds a page stays well inside this. */
  maxRunMs: 10 * 60_000,
  /** Runs interrupted this often (crash, quit) are not resumed automatically. */
  maxAttempts: 3,
} as const;

/** A refusal with its reason; crosses the worker boundary as plain {code, message}. */
export class IntakeFailure extends Error {
  constructor(
    readonly code: IntakeFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'IntakeFailure';
  }
}

/** "the PDF is damaged" → "The PDF is damaged." */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return t[0]!.toUpperCase() + t.slice(1);
}

const period = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

export const refuse = {
  empty: () => new IntakeFailure('empty', 'The file is empty (0 bytes).'),
  unsupported: (what: string) => new IntakeFailure('unsupported', `${sentence(what)} is not supported — save it as PDF or DOCX.`),
  tooLarge: (bytes: number) =>
    new IntakeFailure('tooLarge', `The file is ${mb(bytes)} MB; the limit is ${LIMITS.maxFileBytes / (1024 * 1024)} MB.`),
  missingBytes: () => new IntakeFailure('error', 'The file’s content was not received.'),
  noText: () => new IntakeFailure('noText', 'No text was found in the file.'),
  timeout: (seconds: number) =>
    new IntakeFailure('timeout', `Reading the file took too long (nothing happened for ${seconds} seconds) and was stopped.`),
  tooSlow: (minutes: number) => new IntakeFailure('timeout', `Reading the file took longer than ${minutes} minutes and was stopped.`),
  outOfMemory: () => new IntakeFailure('outOfMemory', 'The file needed too much memory to read and was stopped.'),
  readerDied: () => new IntakeFailure('crashed', 'The reader stopped unexpectedly on this file.'),
  crashed: (attempts: number) =>
    new IntakeFailure(
      'crashed',
      `Reading this file was interrupted ${attempts} times; it is not retried automatically. Use Retry to try again.`,
    ),
};

/**
 * Any error from extraction or parsing as a failure a recruiter can read. The
 * extractor throws AppErrors with lower-case reasons ("the PDF is password-protected
 * — …"); they keep their words and get a code the renderer can localise.
 */
export function asFailure(error: unknown): IntakeFailure {
  if (error instanceof IntakeFailure) return error;
  const e = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message.split('\n')[0]!.slice(0, 300) : '';
  if (isFailureCode(code) && message) return new IntakeFailure(code, message);
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return refuse.outOfMemory();
  if (code === 'UNSUPPORTED_FILE' || code === 'TOO_LARGE' || code === 'TIMEOUT') {
    return new IntakeFailure(classify(code, message), period(sentence(message)));
  }
  if (e.name === 'PasswordException') return classified('encrypted', 'The PDF is password-protected — save an unprotected copy and try again.');
  if (e.name === 'InvalidPDFException') return classified('damaged', 'The PDF is damaged or incomplete and cannot be read.');
  // The library's own words can say what is wrong, but never more than a line of them.
  return new IntakeFailure('error', `The file could not be read${message ? ` (${message.slice(0, 160)})` : ''}.`);
}

const classified = (code: IntakeFailureCode, message: string) => new IntakeFailure(code, message);

function classify(code: string, message: string): IntakeFailureCode {
  const m = message.toLowerCase();
  if (code === 'TIMEOUT') return 'timeout';
  if (code === 'TOO_LARGE') return /pixel/.test(m) ? 'imageTooLarge' : /\d+ pages/.test(m) ? 'tooManyPages' : 'tooLarge';
  if (/empty|0 bytes/.test(m)) return 'empty';
  if (/password|encrypt/.test(m)) return 'encrypted';
  if (/bomb|expands to/.test(m)) return 'zipBomb';
  if (/damaged|incomplete|truncated|cannot be read|corrupt/.test(m)) return 'damaged';
  if (/not supported|save it as/.test(m)) return 'unsupported';
  return 'error';
}

const CODES = new Set<string>(IntakeFailureCodes);

export const isFailureCode = (code: string): code is IntakeFailureCode => CODES.has(code);
