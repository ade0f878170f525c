import { readZipEntries, ZipFormatError } from './zip.ts';

/**
 * The file's real format, from its first bytes: users rename files, mail clients
 * strip extensions, and a ".pdf" that is a Word 97 file must get the right advice.
 */
export type DetectedFormat =
  | { kind: 'pdf' }
  | { kind: 'docx' }
  | { kind: 'image'; mime: 'image/jpeg' | 'image/png' | 'image/tiff' }
  | { kind: 'unsupported'; what: string }
  | { kind: 'empty' };

const startsWith = (bytes: Uint8Array, sig: number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

export function detectFormat(bytes: Uint8Array, filename = ''): DetectedFormat {
  if (bytes.length === 0) return { kind: 'empty' };
  // "%PDF" may follow some junk; readers accept it within the first KiB.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { kind: 'image', mime: 'image/tiff' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // A password-protected .docx is stored inside the old container, as "EncryptedPackage".
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      return { kind: 'unsupported', what: 'a password-protected Word file (save an unprotected copy)' };
    }
    return { kind: 'unsupported', what: 'an old Word (.doc) or other Office 97 file' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return detectZipFormat(bytes);
  }
  const head = ascii(bytes, 0, 64);
  if (head.startsWith('{\\rtf')) return { kind: 'unsupported', what: 'an RTF file' };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { kind: 'unsupported', what: 'a GIF image' };
  if (head.startsWith('RIFF') && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'unsupported', what: 'a WebP image' };
  if (ascii(bytes, 4, 12).startsWith('ftyp')) return { kind: 'unsupported', what: 'a HEIC/HEIF photo or video' };
  if (/^\s*<(!doctype html|html)/i.test(head)) return { kind: 'unsupported', what: 'a web page (HTML)' };
  const ext = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return { kind: 'unsupported', what: ext ? `a .${ext} file of unknown content` : 'a file of unknown type' };
}

function detectZipFormat(bytes: Uint8Array): DetectedFormat {
  let names: string[];
  try {
    names = readZipEntries(bytes).map((e) => e.name);
  } catch (error) {
    if (error instanceof ZipFormatError) return { kind: 'unsupported', what: `a damaged ZIP/Office file (${error.message})` };
    throw error;
  }
  if (names.includes('word/document.xml')) return { kind: 'docx' };
  if (names.some((n) => n.startsWith('Index/') || n === 'index.xml')) return { kind: 'unsupported', what: 'an Apple Pages file' };
  if (names.includes('content.xml')) return { kind: 'unsupported', what: 'an OpenDocument (.odt) file' };
  if (names.includes('xl/workbook.xml')) return { kind: 'unsupported', what: 'an Excel workbook' };
  if (names.includes('ppt/presentation.xml')) return { kind: 'unsupported', what: 'a PowerPoint file' };
  return { kind: 'unsupported', what: 'a ZIP archive' };
}
