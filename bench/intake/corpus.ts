import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A CV of the evaluation corpus with its ground truth (see shared/eval/TRUTH.md). */
export interface CorpusCv {
  stem: string;
  file: string;
  format: string;
  pages: number;
  truth: Truth;
}

interface Truth {
  basics?: { name?: string; email?: string; phone?: string; location?: { address?: string; postalCode?: string; city?: string } };
  work?: { name?: string; position?: string }[];
  education?: { institution?: string; area?: string }[];
  skills?: { name: string }[];
  languages?: { language: string }[];
  certificates?: { name: string }[];
  _meta?: { format?: string; pages?: number };
}

/** The corpus beside the checkout: ../shared/corpus/dev, or KANDIDAT_CORPUS. */
export const defaultCorpusDir = (): string => process.env.KANDIDAT_CORPUS ?? new URL('../../../shared/corpus/dev/', import.meta.url).pathname;

export function listCorpus(dir: string): CorpusCv[] {
  const names = readdirSync(dir);
  return names
    .filter((n) => n.endsWith('.truth.json'))
    .sort()
    .flatMap((n) => {
      const stem = n.slice(0, -'.truth.json'.length);
      const file = names.find((f) => f.startsWith(`${stem}.`) && !f.endsWith('.json'));
      if (!file) return [];
      const truth = JSON.parse(readFileSync(join(dir, n), 'utf8')) as Truth;
      return [{ stem, file: join(dir, file), format: truth._meta?.format ?? 'unknown', pages: truth._meta?.pages ?? 1, truth }];
    });
}

/**
 * The strings a reader of the page must get right for the parser to have a chance: name,
 * e-mail, address, employers, positions, schools, skills, languages, certificates.
 * Used to compare OCR engines and settings on the same pages, not to score the parser.
 */
export function truthStrings(truth: Truth): string[] {
  const b = truth.basics ?? {};
  const all = [
    b.name,
    b.email,
    b.location?.address,
    b.location?.postalCode,
    b.location?.city,
    ...(truth.work ?? []).flatMap((w) => [w.name, w.position]),
    ...(truth.education ?? []).flatMap((e) => [e.institution, e.area]),
    ...(truth.skills ?? []).map((s) => s.name),
    ...(truth.languages ?? []).map((l) => l.language),
    ...(truth.certificates ?? []).map((c) => c.name),
  ];
  return all.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
}

const normalise = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

export interface Recall {
  found: number;
  total: number;
  /** Of the strings with æ, ø or å: how many were read with them right. */
  nordicFound: number;
  nordicTotal: number;
  missing: string[];
}

/** How many of the truth's strings (and its phone number's digits) appear in `text`. */
export function truthRecall(truth: Truth, text: string): Recall {
  const byLine = normalise(text);
  const joined = normalise(text.replace(/\n/g, ' '));
  const strings = truthStrings(truth);
  const missing = strings.filter((s) => !byLine.includes(normalise(s)) && !joined.includes(normalise(s)));
  const nordic = strings.filter((s) => /[æøå]/i.test(s));
  const phoneDigits = truth.basics?.phone?.replace(/\D/g, '').slice(-8);
  const phoneFound = phoneDigits ? text.replace(/\D/g, '').includes(phoneDigits) : null;
  const nordicFound = nordic.filter((s) => !missing.includes(s)).length;
  const found = strings.length - missing.length + (phoneFound ? 1 : 0);
  if (phoneFound === false) missing.push(`phone ${truth.basics?.phone}`);
  return { found, total: strings.length + (phoneFound === null ? 0 : 1), nordicFound, nordicTotal: nordic.length, missing };
}

export function addRecall(a: Recall, b: Recall): Recall {
  return {
    found: a.found + b.found,
    total: a.total + b.total,
    nordicFound: a.nordicFound + b.nordicFound,
    nordicTotal: a.nordicTotal + b.nordicTotal,
    missing: [...a.missing, ...b.missing],
  };
}

export const emptyRecall = (): Recall => ({ found: 0, total: 0, nordicFound: 0, nordicTotal: 0, missing: [] });
