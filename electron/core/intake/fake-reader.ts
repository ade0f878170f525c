import type { ParseResult, JsonResume, FieldEvidence, DetectedNationalId } from './parse/types.ts';
import type { ReadCv, ReadInput, ReadOptions, ReadOutput } from './reader.ts';
import { inlineReader, type CvReader } from './reader.ts';

/**
 * A scripted reader for the queue's tests: what each file "contains" is set by its
 * name, so the tests exercise storing, queueing, progress, review and merging
 * without pdf.js or Tesseract. The real pipeline has its own tests.
 */
export type Script =
  | { kind: 'draft'; output: ReadOutput; pages?: number; ocr?: boolean }
  | { kind: 'fail'; error: unknown }
  | { kind: 'hang' }
  | { kind: 'wait'; until: Promise<void>; output: ReadOutput };

export interface FakeReader extends CvReader {
  scripts: Map<string, Script>;
  /** Reads in progress now, and the most at once so far. */
  active: number;
  maxActive: number;
  started: string[];
  aborted: string[];
}

export function fakeReader(fallback?: (input: ReadInput) => Script): FakeReader {
  const state = { active: 0, maxActive: 0, started: [] as string[], aborted: [] as string[] };
  const scripts = new Map<string, Script>();
  const readCv: ReadCv = async (input: ReadInput, options: ReadOptions) => {
    const script = scripts.get(input.fileName) ?? fallback?.(input);
    if (!script) throw new Error(`No script for ${input.fileName}`);
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    state.started.push(input.fileName);
    options.signal.addEventListener('abort', () => state.aborted.push(input.fileName), { once: true });
    try {
      options.onProgress({ stage: 'reading', page: 1, pages: script.kind === 'draft' ? (script.pages ?? 1) : 1 });
      switch (script.kind) {
        case 'draft': {
          const pages = script.pages ?? 1;
          for (let page = 1; page <= pages; page++) {
            await Promise.resolve();
            options.onProgress({ stage: script.ocr ? 'ocr' : 'reading', page, pages });
          }
          options.onProgress({ stage: 'parsing' });
          return script.output;
        }
        case 'fail':
          throw script.error;
        case 'hang':
          return await new Promise<never>(() => {});
        case 'wait':
          await script.until;
          options.onProgress({ stage: 'parsing' });
          return script.output;
      }
    } finally {
      state.active--;
    }
  };
  const reader = inlineReader(readCv);
  return {
    read: (input, options) => reader.read(input, options),
    close: () => reader.close(),
    scripts,
    get active() {
      return state.active;
    },
    get maxActive() {
      return state.maxActive;
    },
    started: state.started,
    aborted: state.aborted,
  };
}

export interface DraftSpec {
  name?: string;
  email?: string;
  phone?: string;
  birthDate?: string;
  city?: string;
  /** Every field's confidence. */
  confidence?: number;
  nationalId?: string;
  work?: JsonResume['work'];
  skills?: JsonResume['skills'];
  text?: string;
}

/** A parse result as the parser would give it, with evidence for each field. */
export function draftOutput(spec: DraftSpec): ReadOutput {
  const basics: NonNullable<JsonResume['basics']> = {};
  if (spec.name) basics.name = spec.name;
  if (spec.email) basics.email = spec.email;
  if (spec.phone) basics.phone = spec.phone;
  if (spec.birthDate) basics.birthDate = spec.birthDate;
  if (spec.city) basics.location = { city: spec.city, countryCode: 'NO' };
  const resume: JsonResume = { basics, work: spec.work ?? [], skills: spec.skills ?? [] };
  const confidence = spec.confidence ?? 0.95;
  const fields: Record<string, FieldEvidence> = {};
  const box = { page: 1, x: 56, y: 60, width: 200, height: 14 };
  for (const key of Object.keys(basics)) fields[`basics.${key}`] = { confidence, source: box };
  (resume.work ?? []).forEach((_, i) => (fields[`work.${i}.name`] = { confidence, source: box }));
  const nationalIds: DetectedNationalId[] = spec.nationalId ? [{ value: spec.nationalId, kind: 'fodselsnummer', source: box }] : [];
  const result: ParseResult = {
    resume,
    fields,
    nationalIds,
    text: spec.text ?? [spec.name, spec.email, spec.phone, spec.nationalId ? '[fødselsnummer fjernet]' : ''].filter(Boolean).join('\n'),
    language: 'nb',
    warnings: [],
  };
  return { result, pages: [{ number: 1, width: 595, height: 842, source: 'text' }], warnings: [] };
}
