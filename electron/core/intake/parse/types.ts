import type { ResumeDocument } from '../../../../shared/contract/intake.ts';
import type { SourceLocation } from '../document.ts';

/**
 * The parser's output: a JSON Resume document (valid against @jsonresume/schema)
 * with our extensions, plus per-field confidence and source for the review screen.
 * Field paths are JSON-pointer-like: "basics.email", "work.0.name", "skills.3.name".
 */
export interface FieldEvidence {
  /** 0–1. */
  confidence: number;
  source: SourceLocation | null;
}

export interface DetectedNationalId {
  /** 11 digits, mod-11 valid. Kept only if the recruiter chooses to. */
  value: string;
  kind: 'fodselsnummer' | 'd-number';
  source: SourceLocation | null;
}

/** The parser speaks the contract's JSON Resume shape (with our extensions). */
export type JsonResume = ResumeDocument;

export interface ParseResult {
  resume: JsonResume;
  fields: Record<string, FieldEvidence>;
  /** National identity numbers found (already redacted from `resume` and `text`). */
  nationalIds: DetectedNationalId[];
  /** The document's text in reading order, with national ids redacted (for search). */
  text: string;
  /** The detected language of the CV. */
  language: 'nb' | 'en' | 'other';
  warnings: string[];
}
