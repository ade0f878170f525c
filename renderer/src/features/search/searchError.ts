import { ApiError } from '../../api/errors.ts';
import type { I18n, MessageKey } from '../../i18n/index.ts';

/** Where a malformed query went wrong, as the core reports it in the VALIDATION details. */
export interface QueryProblem {
  reason: string;
  position: number;
  length: number;
  token?: string;
}

export function queryProblem(error: unknown): QueryProblem | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return null;
  const d = error.details as Partial<QueryProblem> | undefined;
  if (!d || typeof d.reason !== 'string' || typeof d.position !== 'number') return null;
  return { reason: d.reason, position: d.position, length: typeof d.length === 'number' ? d.length : 1, ...(typeof d.token === 'string' ? { token: d.token } : {}) };
}

const REASONS = new Set([
  'unclosedQuote',
  'unclosedParen',
  'unexpectedParen',
  'emptyParens',
  'missingOperand',
  'unknownField',
  'emptyField',
  'shortPrefix',
  'tooComplex',
  'nothingToSearch',
]);

/** The recruiter's words for a malformed query: what is wrong and at which character. */
export function problemText(i18n: I18n, p: QueryProblem): string {
  const reason = REASONS.has(p.reason)
    ? i18n.t(`search.error.${p.reason}` as MessageKey, { token: p.token ?? i18n.t('search.error.operator') })
    : '';
  return i18n.t('search.error.at', { position: p.position + 1, reason });
}
