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

export interface JsonResume {
  basics?: {
    name?: string;
    label?: string;
    email?: string;
    phone?: string;
    url?: string;
    summary?: string;
    location?: { address?: string; postalCode?: string; city?: string; countryCode?: string; region?: string };
    profiles?: { network?: string; username?: string; url?: string }[];
    /** Extension: only when the recruiter chose to keep it. */
    nationalId?: string;
    /** Extension: YYYY-MM-DD where the CV states it. */
    birthDate?: string;
  };
  work?: { name?: string; position?: string; location?: string; startDate?: string; endDate?: string; summary?: string; highlights?: string[] }[];
  education?: { institution?: string; area?: string; studyType?: string; startDate?: string; endDate?: string; score?: string }[];
  skills?: { name: string; level?: string; keywords?: string[] }[];
  languages?: { language: string; fluency?: string }[];
  certificates?: { name: string; date?: string; issuer?: string }[];
  references?: { name: string; reference?: string }[];
  interests?: { name: string; keywords?: string[] }[];
  meta?: Record<string, unknown>;
  [extension: string]: unknown;
}

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
