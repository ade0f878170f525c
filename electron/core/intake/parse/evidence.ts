import type { FieldEvidence } from './types.ts';
import type { Line } from './lines.ts';

export { UNREAD_CONFIDENCE } from '../../../../shared/contract/intake.ts';

/** Collects a confidence and a source box per output field path. */
export class Evidence {
  readonly fields: Record<string, FieldEvidence> = {};

  set(path: string, confidence: number, line: Line | null | undefined): void {
    this.fields[path] = {
      confidence: Math.max(0, Math.min(1, Math.round(confidence * 100) / 100)),
      source: line ? { ...line.box } : null,
    };
  }
}

/** OCR lines carry their recognition confidence; text-layer lines are certain to read right. */
export function readConfidence(line: Line | null | undefined): number {
  return line ? Math.max(0.3, Math.min(1, line.confidence)) : 0.5;
}
