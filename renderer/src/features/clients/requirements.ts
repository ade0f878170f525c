import type { LanguageLevel } from '../../../../shared/contract/matching.ts';
import { LanguageLevels } from '../../../../shared/contract/matching.ts';

/**
 * Requirement lists as recruiters type them, one per line: "Truckfører; 2"
 * (years after a semicolon), "Norsk; B1" (level after a semicolon).
 */
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function parseSkillLines(text: string): { name: string; minYears: number | null }[] {
  return lines(text).map((l) => {
    const [name = '', years] = l.split(';').map((p) => p.trim());
    const n = years ? Number(years.replace(',', '.')) : NaN;
    return { name, minYears: Number.isFinite(n) && n >= 0 ? n : null };
  });
}

export function parseNameLines(text: string): { name: string }[] {
  return lines(text).map((name) => ({ name }));
}

export function parseLevel(raw: string | undefined): LanguageLevel | null {
  if (!raw) return null;
  const v = raw.trim();
  if (/^(morsmål|morsmal|native)$/i.test(v)) return 'native';
  const upper = v.toUpperCase();
  return (LanguageLevels as readonly string[]).includes(upper) ? (upper as LanguageLevel) : null;
}

export function parseLanguageLines(text: string): { name: string; minLevel: LanguageLevel | null; required: boolean }[] {
  return lines(text).map((l) => {
    const [name = '', level] = l.split(';').map((p) => p.trim());
    return { name, minLevel: parseLevel(level), required: true };
  });
}

/** Back to lines, for editing: what parseSkillLines reads gives the same list. */
export function formatSkillLines(list: readonly { name: string; minYears: number | null }[]): string {
  return list.map((s) => (s.minYears !== null ? `${s.name}; ${s.minYears}` : s.name)).join('\n');
}

export function formatNameLines(list: readonly { name: string }[]): string {
  return list.map((c) => c.name).join('\n');
}

export function formatLanguageLines(list: readonly { name: string; minLevel: LanguageLevel | null }[]): string {
  return list.map((l) => (l.minLevel ? `${l.name}; ${l.minLevel}` : l.name)).join('\n');
}
