import { isLanguageName } from './lexicon.ts';
import type { Line } from './lines.ts';

export interface LanguageItem {
  language: string;
  fluency?: string;
  line: Line;
}

const GROUP_LABEL_RE = /^(?:morsmål|andre språk|fremmedspråk|mother tongue\(?s?\)?|native language|other languages?|foreign languages?|muttersprache|fremdsprachen|langue maternelle|autres langues)\s*:?\s*/i;
const RATING_RE = /[★☆●○◉◎⚫⚪■□▪▫]+/gu;

/**
 * "Norsk: morsmål", "Engelsk – godt", "Norwegian (native)", "Mother tongue Norwegian",
 * "Norsk – morsmål, Engelsk – flytende", "Français (B2)", "English ○○○○○".
 */
export function parseLanguages(lines: Line[], strict = false): LanguageItem[] {
  const out: LanguageItem[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    let text = line.cells.join(', ').replace(RATING_RE, ' ').replace(/\s+/g, ' ').trim();
    const groupLabel = text.match(GROUP_LABEL_RE);
    if (groupLabel) text = text.slice(groupLabel[0].length).trim();
    text = text.replace(/^(?:språk|languages?|sprachen)\s*:\s*/i, '');
    const chunks = splitChunks(text);
    for (const chunk of chunks) {
      const item = parseChunk(chunk, strict);
      if (!item) continue;
      const key = item.language.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...item, line });
    }
  }
  return out;
}

/** Commas separate languages unless they sit inside brackets ("Engelsk (lese, skrive)"). */
function splitChunks(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';' || ch === '|' || ch === '•' || ch === '·') && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

function parseChunk(chunk: string, strict: boolean): { language: string; fluency?: string } | null {
  const m = chunk.match(/^([\p{L}][\p{L}'-]*(?:\s[\p{L}][\p{L}'-]*)?)\s*(?:[:–—-]\s*|\(\s*|\s+)?(.*)$/u);
  if (!m) return null;
  let language = (m[1] as string).trim();
  let fluency = (m[2] as string).replace(/\)\s*$/, '').replace(/^[:–—-]\s*/, '').trim();
  // Two words where only the first is a language ("Engelsk flytende").
  if (!isLanguageName(language)) {
    const firstWord = language.split(' ')[0] as string;
    if (isLanguageName(firstWord)) {
      fluency = `${language.slice(firstWord.length).trim()} ${fluency}`.trim();
      language = firstWord;
    } else if (strict || language.length > 25 || /^\p{Ll}/u.test(language)) return null;
  }
  return { language, ...(fluency ? { fluency } : {}) };
}
