import type { SearchField, SearchSnippetPart } from '../../../shared/contract/search.ts';
import { SearchFields } from '../../../shared/contract/search.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './fold.ts';

/** FTS5's snippet with our marker characters, as parts the renderer shows as text (never as HTML). */
export function snippetParts(marked: string): SearchSnippetPart[] {
  const parts: SearchSnippetPart[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(HIGHLIGHT_START);
    if (start < 0) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), hit: false });
    const end = rest.indexOf(HIGHLIGHT_END, start + 1);
    const stop = end < 0 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), hit: true });
    rest = rest.slice(stop + 1);
  }
  return parts.filter((p) => p.text !== '');
}

/** Which field a snippet was cut from: the column holding its longest piece. */
export function snippetField(parts: SearchSnippetPart[], columns: Record<string, string>): SearchField | null {
  const plain = parts.map((p) => p.text).join('');
  const longest = plain
    .split('…')
    .map((s) => s.trim())
    .sort((x, y) => y.length - x.length)[0];
  if (!longest) return null;
  return SearchFields.find((f) => columns[f]?.includes(longest)) ?? null;
}
