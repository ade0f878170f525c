import { inflateRawSync } from 'node:zlib';

/**
 * A minimal reader of a ZIP's central directory. We need it before any ZIP library
 * touches the bytes: to tell a DOCX from other ZIP-based formats (.pages, .odt, .xlsx)
 * and to refuse decompression bombs, whose declared sizes cannot be trusted.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits within the last 64 KiB + 22 bytes.
  const lowest = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('the ZIP directory is missing (truncated file?)');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (dirOffset >= bytes.length) throw new ZipFormatError('the ZIP directory points outside the file');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('the ZIP directory is damaged');
    }
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates every entry with a hard output cap, so a bomb fails here (cheaply, with a
 * clear reason) instead of exhausting memory inside the DOCX converter.
 */
export function checkZipInflation(bytes: Uint8Array, entries: ZipEntry[], maxTotalBytes: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const lh = entry.localHeaderOffset;
    if (lh + 30 > bytes.length || view.getUint32(lh, true) !== LOCAL_SIGNATURE) {
      throw new ZipFormatError(`the ZIP entry ${entry.name} is damaged`);
    }
    const dataStart = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true);
    const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    let size: number;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) {
      const budget = maxTotalBytes - total;
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new ZipFormatError('it expands to far more data than a CV holds (a ZIP bomb?)');
        }
        throw new ZipFormatError(`the ZIP entry ${entry.name} is damaged`);
      }
    } else throw new ZipFormatError(`the ZIP entry ${entry.name} uses an unsupported compression`);
    total += size;
    if (total > maxTotalBytes) throw new ZipFormatError('it expands to far more data than a CV holds (a ZIP bomb?)');
  }
}

/** The inflated bytes of one entry (after checkZipInflation has vetted the archive). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lh = entry.localHeaderOffset;
  if (lh + 30 > bytes.length || view.getUint32(lh, true) !== LOCAL_SIGNATURE) {
    throw new ZipFormatError(`the ZIP entry ${entry.name} is damaged`);
  }
  const dataStart = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true);
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFormatError(`the ZIP entry ${entry.name} uses an unsupported compression`);
  return inflateRawSync(data, { maxOutputLength: maxBytes });
}
