import type { IntakeFormat } from '../../../shared/contract/intake.ts';
import { detectFormat } from './extract/detect.ts';
import { refuse, sentence, type IntakeFailure } from './limits.ts';

export type Sniffed = { format: IntakeFormat; failure: null } | { format: null; failure: IntakeFailure };

/**
 * What a file is, by its bytes rather than its name (the extractor's detection, so
 * the queue and the reader never disagree): a ".pdf" that is really an old Word
 * file is refused at once, with that reason, before anything is stored.
 */
export function sniff(bytes: Uint8Array, fileName: string): Sniffed {
  const detected = detectFormat(bytes, fileName);
  switch (detected.kind) {
    case 'empty':
      return { format: null, failure: refuse.empty() };
    case 'unsupported':
      return { format: null, failure: refuse.unsupported(sentence(detected.what)) };
    case 'pdf':
      return { format: 'pdf', failure: null };
    case 'docx':
      return { format: 'docx', failure: null };
    case 'image':
      return { format: detected.mime === 'image/jpeg' ? 'jpeg' : detected.mime === 'image/png' ? 'png' : 'tiff', failure: null };
  }
}

export const MIME: Record<IntakeFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
};
