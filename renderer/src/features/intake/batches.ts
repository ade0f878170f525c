import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMIT, MAX_SUBMIT_BASE64_CHARS } from '../../../../shared/contract/intake.ts';

/** What the renderer knows of a dropped, picked or pasted file before reading it. */
export interface FileLike {
  name: string;
  size: number;
  type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface Limits {
  maxFiles: number;
  maxBase64Chars: number;
  maxFileBytes: number;
}

export const SUBMIT_LIMITS: Limits = {
  maxFiles: MAX_FILES_PER_SUBMIT,
  maxBase64Chars: MAX_SUBMIT_BASE64_CHARS,
  maxFileBytes: MAX_FILE_BYTES,
};

/** How long a file's bytes are once base64-encoded. */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/** A file over the limit is sent with its size only: the core refuses it with a reason, and it is never read. */
export const sendsBytes = (size: number, limits: Limits = SUBMIT_LIMITS) => size <= limits.maxFileBytes;

/**
 * Splits files into `intake.submit` calls, in the order given: each call holds at
 * most `maxFiles` files and `maxBase64Chars` of base64, so memory stays bounded
 * however many files are dropped (one call's worth is read at a time).
 */
export function planBatches(files: readonly { size: number }[], limits: Limits = SUBMIT_LIMITS): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let chars = 0;
  files.forEach((file, index) => {
    const cost = sendsBytes(file.size, limits) ? base64Length(file.size) : 0;
    if (current.length > 0 && (current.length >= limits.maxFiles || chars + cost > limits.maxBase64Chars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(index);
    chars += cost;
  });
  if (current.length) batches.push(current);
  return batches;
}

/** The core takes names of at most 255 characters: a longer one keeps its start and its extension. */
export function fileNameFor(name: string): string {
  const trimmed = name.trim() || 'file';
  if (trimmed.length <= 255) return trimmed;
  const dot = trimmed.lastIndexOf('.');
  const ext = dot > 0 && trimmed.length - dot <= 10 ? trimmed.slice(dot) : '';
  let head = trimmed.slice(0, 254 - ext.length);
  // Never end on half of a surrogate pair (an emoji in a file name).
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head}…${ext}`;
}

const CHUNK = 0x8000;

/** Base64 of a file's bytes, without building one huge string of characters first. */
export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  const parts: string[] = [];
  // Chunks of a multiple of 3 bytes encode to base64 that can simply be joined.
  const step = CHUNK - (CHUNK % 3);
  for (let i = 0; i < bytes.length; i += step) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + step))));
  }
  return parts.join('');
}
