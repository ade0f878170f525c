import type { SearchFilters, SearchRegion } from '../../../shared/contract/search.ts';
import { foldNorwegian } from './fold.ts';
import { QuerySyntaxError, type QueryNode } from './query.ts';
import { postalTags, regionTag, TAG_DOC, TAG_INACTIVE } from './tags.ts';

/**
 * From the query tree to an FTS5 MATCH expression. Every term becomes a quoted
 * FTS5 string (inner quotes doubled), so nothing the recruiter types can act as
 * FTS5 syntax (NEAR, ^, column filters, *) or reach SQL: the expression is bound
 * as a parameter. Column names come from our own list, never from the input.
 */

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
const hasWordCharacter = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** Searchable text of a term; null when nothing of it would reach the index. */
function termText(node: Extract<QueryNode, { kind: 'term' }>): string | null {
  let text = foldNorwegian(node.text);
  // Phones are indexed as digits ("+47 912 34 567" → 4791234567 and 91234567).
  if (node.field === 'phone') text = text.replace(/\D/g, '');
  if (!hasWordCharacter(text)) return null;
  if (node.prefix) {
    const lastToken = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).at(-1) ?? '';
    if (lastToken.length < 2) {
      throw new QuerySyntaxError('shortPrefix', node.position, node.text.length + 1, 'A word ending in * needs at least two letters before the *');
    }
  }
  return text;
}

/** Words outside a field are searched in every column (they cannot meet a tag, see tags.ts). */
function termExpression(node: Extract<QueryNode, { kind: 'term' }>): string | null {
  const text = termText(node);
  if (text === null) return null;
  const phrase = `${quote(text)}${node.prefix ? ' *' : ''}`;
  return node.field ? `{${node.field}} : ${phrase}` : phrase;
}

const EVERY_DOCUMENT = `{tags} : ${quote(TAG_DOC)}`;

/** AND of the positives, minus the OR of the negatives; a NOT alone subtracts from every document. */
function compile(node: QueryNode): string | null {
  switch (node.kind) {
    case 'term':
      return termExpression(node);
    case 'or': {
      const parts = node.children.map(compile).filter((p): p is string => p !== null);
      if (parts.length === 0) return null;
      return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
    }
    case 'not':
      return compile({ kind: 'and', children: [node] });
    case 'and': {
      const positives: string[] = [];
      const negatives: string[] = [];
      for (const child of node.children) {
        if (child.kind === 'not') {
          const inner = compile(child.child);
          if (inner !== null) negatives.push(inner);
        } else {
          const part = compile(child);
          if (part !== null) positives.push(part);
        }
      }
      if (positives.length === 0 && negatives.length === 0) return null;
      const base = positives.length === 0 ? EVERY_DOCUMENT : positives.length === 1 ? positives[0]! : `(${positives.join(' AND ')})`;
      if (negatives.length === 0) return base;
      return `(${base} NOT ${negatives.length === 1 ? negatives[0]! : `(${negatives.join(' OR ')})`})`;
    }
  }
}

/** The user's words alone (no filters): for ranking display and snippets. Null when it has none. */
export function queryExpression(tree: QueryNode | null): string | null {
  return tree ? compile(tree) : null;
}

/** Does the query ask for any word to be present (so snippets make sense)? */
export function hasPositiveTerms(tree: QueryNode | null): boolean {
  if (!tree) return false;
  switch (tree.kind) {
    case 'term':
      return true;
    case 'not':
      return false;
    default:
      return tree.children.some(hasPositiveTerms);
  }
}

function phraseFilter(column: 'cert' | 'lang', text: string): string | null {
  const folded = foldNorwegian(text);
  return hasWordCharacter(folded) ? `{${column}} : ${quote(folded)}` : null;
}

/** The filters as index terms: status, postal prefix and region are tokens in the tags column. */
export function filterExpressions(filters: SearchFilters, includeInactive: boolean, region: SearchRegion | null = filters.region): string[] {
  const parts: string[] = [];
  if (filters.status === 'inactive') parts.push(`{tags} : ${quote(TAG_INACTIVE)}`);
  else if (filters.status === 'active' || !includeInactive) parts.push(`NOT {tags} : ${quote(TAG_INACTIVE)}`);
  if (filters.postalPrefix) parts.push(`{tags} : ${quote(postalTags(filters.postalPrefix).at(-1)!)}`);
  if (region) parts.push(`{tags} : ${quote(regionTag(region))}`);
  const cert = phraseFilter('cert', filters.certificate);
  if (cert) parts.push(cert);
  const lang = phraseFilter('lang', filters.language);
  if (lang) parts.push(lang);
  return parts;
}

/**
 * The whole MATCH expression: the query's words AND every filter; every document
 * when both are empty. Leaving the inactive out is a NOT (a short list of rowids to
 * skip) rather than an AND with the long list of the active.
 */
export function matchExpression(query: string | null, filters: string[]): string {
  const positives = [...(query ? [query] : []), ...filters.filter((f) => !f.startsWith('NOT '))];
  const negatives = filters.filter((f) => f.startsWith('NOT ')).map((f) => f.slice(4));
  const base = positives.length === 0 ? EVERY_DOCUMENT : positives.length === 1 ? positives[0]! : positives.map((p) => `(${p})`).join(' AND ');
  return negatives.length === 0 ? base : `(${base}) NOT (${negatives.join(' OR ')})`;
}
