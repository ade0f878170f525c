/**
 * Text clean-up shared by every parser step: Unicode composition (æ, ø, å arrive
 * decomposed from some PDFs), ligatures, odd spaces and dashes, icon glyphs.
 */
const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' };

export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[ﬀ-ﬆ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\uFFFD]/gu, ' ')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[‐‑]/g, '-')
    // Word exports non-breaking hyphens as "--": "on--campus", "555--5555".
    .replace(/(?<=[\p{L}\d])--(?=[\p{L}\d])/gu, '-')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\t */g, '\t')
    .trim();
}

/** Bullet glyphs that start list items in PDFs and OCR output. */
export const BULLET_RE = /^(?:[•●▪■□◦○►▸▶❖✓✔➢➤⬤∙·*]|[-–—](?=\s)|o(?=\s{1,3}\p{Lu}))\s*/u;

/** "1. Student Research Assistant", "2) …": numbered list items (not "1. januar 2019"). */
const NUMBERED_RE = /^\(?\d{1,2}[.)]\s+(?!(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)\p{L}*\.?\s+\d)(?=\p{L})/iu;

export function stripBullet(text: string): { text: string; bullet: boolean } {
  const numbered = text.match(NUMBERED_RE);
  if (numbered) return { text: text.slice(numbered[0].length).trim(), bullet: true };
  const m = text.match(BULLET_RE);
  if (!m) return { text, bullet: false };
  return { text: text.slice(m[0].length).trim(), bullet: true };
}

/** Case- and accent-preserving key for vocabulary look-ups: lower case, no punctuation. */
export function wordKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}&+#]+/gu, ' ')
    .trim();
}

export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "EVA-MARIE NILSEN" → "Eva-Marie Nilsen"; leaves mixed case alone. */
export function titleCase(text: string): string {
  if (!isAllCaps(text)) return text;
  return text.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
