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

/** What lies between words: the complement of TOKEN, so splitting on it yields exactly TOKEN's matches. */
const SEPARATORS = /([^\p{L}\p{N}\p{M}]+)/u;

/**
 * Each distinct word folded once, across snippets and searches: the texts of a
 * page share most of their words (and the next search shares them again). Bounded.
 */
const foldedWords = new Map<string, string>();
function foldWord(word: string): string {
  let f = foldedWords.get(word);
  if (f === undefined) {
    if (foldedWords.size >= 50_000) foldedWords.clear();
    f = foldNorwegian(word);
    foldedWords.set(word, f);
  }
  return f;
}

/** The words of the text, those a term matches marked; a phrase is marked only where its words stand together. */
function tokensOf(text: string, terms: HighlightTerm[]): Token[] {
  // Split rather than matchAll: no match object per word (a page of CV texts has thousands).
  const pieces = text.split(SEPARATORS);
  const starts: number[] = [];
  const ends: number[] = [];
  const folded: string[] = [];
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    // Even pieces are words (empty only at either end), odd ones the separators between them.
    if (i % 2 === 0 && piece.length > 0) {
      starts.push(at);
      ends.push(at + piece.length);
      folded.push(foldWord(piece));
    }
    at += piece.length;
  }
  const hit = new Array<boolean>(folded.length).fill(false);
  for (const term of terms) {
    const n = term.tokens.length;
    for (let i = 0; i + n <= folded.length; i++) {
      let all = true;
      for (let k = 0; k < n && all; k++) all = tokenMatches(folded[i + k]!, term.tokens[k]!, term.prefix && k === n - 1);
      if (all) for (let k = 0; k < n; k++) hit[i + k] = true;
    }
  }
  return starts.map((start, i) => ({ start, end: ends[i]!, hit: hit[i]! }));
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
/** Folded text is lower case: ASCII letters and digits are answered without a regular expression. */
function isWordCharacter(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHARACTER.test(text[at]!);
}

/**
 * An upper bound of the words tokensOf marks: each place a term's first word stands (at the
 * start of a word, and ending with it unless it is the prefix), times the term's words. A
 * plain substring count would send every column holding "motvektstruck" to be cut into
 * words for `truck*`, only to mark nothing there.
 */
function mostHits(foldedText: string, terms: HighlightTerm[]): number {
  let bound = 0;
  for (const term of terms) {
    const first = term.tokens[0]!;
    const open = term.prefix && term.tokens.length === 1;
    for (let at = foldedText.indexOf(first); at >= 0; at = foldedText.indexOf(first, at + 1)) {
      if (isWordCharacter(foldedText, at - 1)) continue;
      if (!open && isWordCharacter(foldedText, at + first.length)) continue;
      bound += term.tokens.length;
    }
  }
  return bound;
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
    // A column can only win with more weighted hits than the best so far; its hits are at
    // most the places its terms' first words stand. Cutting a long CV text into words
    // only to lose to a short role column was most of a page's snippet time.
    const bound = mostHits(foldedText, applicable);
    if (bound === 0 || (best && bound * COLUMN_WEIGHTS[field] <= best.score)) continue;
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
