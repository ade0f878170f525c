import type { SearchField, SearchSnippetPart } from '../../../shared/contract/search.ts';
import { SearchFields } from '../../../shared/contract/search.ts';
import { COLUMN_WEIGHTS } from './fields.ts';
import { foldNorwegian } from './fold.ts';
import type { QueryNode } from './query.ts';

/**
 * Snippets, cut here rather than by FTS5's snippet(): the ranked query then only
 * computes bm25 (FTS5 computes a snippet for every match before sorting), and only
 * the words the recruiter asked for are marked (not the words of a filter, and not
 * the words under NOT).
 */

export interface HighlightTerm {
  /** Folded tokens, as the index holds them. */
  tokens: string[];
  /** The last token is a prefix. */
  prefix: boolean;
  field: SearchField | null;
}

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const foldedTokens = (text: string) => foldNorwegian(text).match(TOKEN) ?? [];

/** The positive terms of a query: what a hit is shown for. */
export function highlightTerms(tree: QueryNode | null): HighlightTerm[] {
  if (!tree) return [];
  switch (tree.kind) {
    case 'term': {
      const text = tree.field === 'phone' ? tree.text.replace(/\D/g, '') : tree.text;
      const tokens = foldedTokens(text);
      return tokens.length ? [{ tokens, prefix: tree.prefix, field: tree.field }] : [];
    }
    case 'not':
      return [];
    default:
      return tree.children.flatMap(highlightTerms);
  }
}

interface Token {
  start: number;
  end: number;
  hit: boolean;
}

const tokenMatches = (token: string, want: string, prefix: boolean) => (prefix ? token.startsWith(want) : token === want);

/** The words of the text, those a term matches marked; a phrase is marked only where its words stand together. */
function tokensOf(text: string, terms: HighlightTerm[]): Token[] {
  const found = [...text.matchAll(TOKEN)];
  // Texts repeat their words: fold each distinct word once.
  const memo = new Map<string, string>();
  const folded = found.map((m) => {
    let f = memo.get(m[0]);
    if (f === undefined) {
      f = foldNorwegian(m[0]);
      memo.set(m[0], f);
    }
    return f;
  });
  const hit = folded.map(() => false);
  for (const term of terms) {
    const n = term.tokens.length;
    for (let i = 0; i + n <= folded.length; i++) {
      if (term.tokens.every((want, k) => tokenMatches(folded[i + k]!, want, term.prefix && k === n - 1))) {
        for (let k = 0; k < n; k++) hit[i + k] = true;
      }
    }
  }
  return found.map((m, i) => ({ start: m.index, end: m.index + m[0].length, hit: hit[i]! }));
}

/** The best passage of the best column (hits weighted as bm25 weighs the columns), at most `size` words. */
export function makeSnippet(
  columns: Partial<Record<SearchField, string>>,
  terms: HighlightTerm[],
  size = 14,
): { parts: SearchSnippetPart[]; field: SearchField } | null {
  let best: { field: SearchField; text: string; tokens: Token[]; score: number } | null = null;
  for (const field of SearchFields) {
    const text = columns[field];
    if (!text) continue;
    const applicable = terms.filter((t) => t.field === null || t.field === field);
    if (applicable.length === 0) continue;
    // Most columns hold none of the words: one pass over the folded text tells.
    const foldedText = foldNorwegian(text);
    if (!applicable.some((t) => t.tokens.every((token) => foldedText.includes(token)))) continue;
    const tokens = tokensOf(text, applicable);
    const hits = tokens.filter((t) => t.hit).length;
    if (hits === 0) continue;
    const score = hits * COLUMN_WEIGHTS[field];
    if (!best || score > best.score) best = { field, text, tokens, score };
  }
  if (!best) return null;
  const { tokens, text } = best;
  // The window of `size` tokens holding the most hits, starting a little before the first of them.
  let from = 0;
  let most = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.hit) continue;
    const start = Math.max(0, Math.min(i - 2, tokens.length - size));
    const count = tokens.slice(start, start + size).filter((t) => t.hit).length;
    if (count > most) {
      most = count;
      from = start;
    }
  }
  const window = tokens.slice(from, from + size);
  const first = window[0]!;
  const last = window[window.length - 1]!;
  const parts: SearchSnippetPart[] = [];
  const push = (t: string, hit: boolean) => {
    if (!t) return;
    const prev = parts[parts.length - 1];
    if (prev && prev.hit === hit) prev.text += t;
    else parts.push({ text: t, hit });
  };
  if (from > 0) push('…', false);
  let at = first.start;
  let previousHit = false;
  for (const t of window) {
    // Between two marked words (a phrase) the space is marked too: one mark, not three.
    push(text.slice(at, t.start).replace(/\s+/g, ' '), previousHit && t.hit);
    push(text.slice(t.start, t.end), t.hit);
    at = t.end;
    previousHit = t.hit;
  }
  if (from + size < tokens.length) push('…', false);
  else push(text.slice(last.end).replace(/\s+/g, ' ').trimEnd(), false);
  return { parts, field: best.field };
}
