import { readFileSync } from 'node:fs';
import type { CertificateKind } from '../../../shared/contract/index.ts';
import { fold, words } from './text.ts';

/**
 * The bilingual synonym table (resources/synonyms.json): each concept has the
 * words Norwegian and English CVs and vacancies use for it, so "truckfører" in a
 * vacancy finds "forklift driver" in a CV. Loaded once per process.
 */

export interface Concept {
  key: string;
  kind: 'role' | 'skill';
  sector?: string;
  nb: string;
  en: string;
  terms: string[];
}
export interface CertificateEntry {
  code: string;
  kind: CertificateKind;
  nb: string;
  en: string;
  terms: string[];
}
export interface LanguageEntry {
  code: string;
  nb: string;
  en: string;
  terms: string[];
}
export interface SynonymTable {
  version: number;
  sectors: Record<string, { nb: string; en: string }>;
  concepts: Concept[];
  certificates: CertificateEntry[];
  languages: LanguageEntry[];
}

/** Phrases longer than this many words are not looked up. */
const MAX_PHRASE = 5;
/** Single words shorter than this only count as a whole item ("mig", "ts"), never inside a sentence. */
const MIN_IN_TEXT = 4;

export class Lexicon {
  readonly concepts = new Map<string, Concept>();
  readonly certificates = new Map<string, CertificateEntry>();
  readonly languages = new Map<string, LanguageEntry>();
  private readonly conceptByTerm = new Map<string, string>();
  private readonly certByTerm = new Map<string, string>();
  private readonly langByTerm = new Map<string, string>();

  constructor(readonly table: SynonymTable) {
    for (const c of table.concepts) {
      this.concepts.set(c.key, c);
      for (const t of [c.nb, c.en, ...c.terms]) this.conceptByTerm.set(fold(t), c.key);
    }
    for (const c of table.certificates) {
      this.certificates.set(c.code, c);
      for (const t of [c.code, ...c.terms]) this.certByTerm.set(fold(t), c.code);
    }
    for (const l of table.languages) {
      this.languages.set(l.code, l);
      for (const t of [l.nb, l.en, ...l.terms]) this.langByTerm.set(fold(t), l.code);
    }
  }

  /** The concept a skill or role name stands for, else its folded self (exact match only). */
  skillKey(name: string): string {
    const f = fold(name);
    return this.conceptByTerm.get(f) ?? this.conceptsIn(name)[0] ?? f;
  }

  /** Concepts named anywhere in a text (a job title, a highlight), longest phrases first. */
  conceptsIn(text: string): string[] {
    return this.phrases(text, this.conceptByTerm);
  }

  /** Certificate codes named in a text; truck classes and licence classes by pattern. */
  certificatesIn(text: string): string[] {
    const found = new Set<string>();
    const f = fold(text);
    for (const code of truckClasses(f)) found.add(code);
    for (const code of licenceClasses(text)) found.add(code);
    // "Truckførerbevis" alone: a truck certificate of unstated class is not a class.
    for (const code of this.phrases(text, this.certByTerm)) if (!/^T[1-8]$/.test(code) && !/^[BCD]/.test(code)) found.add(code);
    return [...found];
  }

  languageCode(name: string): string {
    const f = fold(name.replace(/\(.*?\)/g, ''));
    return this.langByTerm.get(f) ?? this.phrases(name, this.langByTerm)[0] ?? f;
  }

  label(key: string, locale: 'nb' | 'en'): string {
    return this.concepts.get(key)?.[locale] ?? this.certificates.get(key)?.[locale] ?? key;
  }

  certificateKind(code: string): CertificateKind {
    return this.certificates.get(code)?.kind ?? 'other';
  }

  sectorOf(conceptKey: string): string | null {
    return this.concepts.get(conceptKey)?.sector ?? null;
  }

  private phrases(text: string, map: Map<string, string>): string[] {
    const w = words(fold(text));
    const whole = w.join(' ');
    const exact = map.get(whole);
    if (exact) return [exact];
    const out: string[] = [];
    const used = new Array<boolean>(w.length).fill(false);
    for (let n = Math.min(MAX_PHRASE, w.length); n >= 1; n--) {
      for (let i = 0; i + n <= w.length; i++) {
        if (used.slice(i, i + n).some(Boolean)) continue;
        const phrase = w.slice(i, i + n).join(' ');
        if (n === 1 && phrase.length < MIN_IN_TEXT) continue;
        const key = map.get(phrase);
        if (key && !out.includes(key)) {
          out.push(key);
          for (let j = i; j < i + n; j++) used[j] = true;
        }
      }
    }
    return out;
  }
}

/** "truck t1-t4", "truckførerbevis T1, T2 og T4", "T4 motvektstruck" (folded text). */
export function truckClasses(folded: string): string[] {
  const out = new Set<string>();
  const mentionsTruck = /truck|forklift|gaffel/.test(folded);
  for (const m of folded.matchAll(/\bt\s?([1-8])(?:\s?(?:-|til|to)\s?t?\s?([1-8]))?\b/g)) {
    if (!mentionsTruck && !/^t[1-8]$/.test(folded.trim())) continue;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let c = Math.min(from, to); c <= Math.max(from, to); c++) out.add(`T${c}`);
  }
  return [...out];
}

const LICENCE_CLASS = /^(B|BE|C1|C1E|C|CE|D1|D1E|D|DE)$/;

/** "Førerkort klasse B, BE og C", "Driving licence: B", or just "CE" as an item. */
export function licenceClasses(text: string): string[] {
  const trimmed = text.trim().toUpperCase();
  if (LICENCE_CLASS.test(trimmed)) return [trimmed];
  const m = text.match(/(førerkort|forerkort|sertifikat|driving licen[cs]e|driver'?s licen[cs]e|licen[cs]e class)\s*(?:klasse|class|kl\.)?\s*:?\s*(.+)$/i);
  if (!m) return [];
  const out: string[] = [];
  for (const part of (m[2] as string).split(/\s*(?:,|\/|\+|\bog\b|\band\b|\s)\s*/i)) {
    const code = part.trim().toUpperCase().replace(/[.)]$/, '');
    if (LICENCE_CLASS.test(code) && !out.includes(code)) out.push(code);
  }
  return out;
}

let shared: Lexicon | null = null;

/** The shipped table. */
export function lexicon(): Lexicon {
  shared ??= new Lexicon(JSON.parse(readFileSync(new URL('../../../resources/synonyms.json', import.meta.url), 'utf8')) as SynonymTable);
  return shared;
}
