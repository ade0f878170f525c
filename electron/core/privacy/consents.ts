import { createHash } from 'node:crypto';
import type { ConsentEvent, ConsentPurpose, MethodParsedInput, SimplePurpose } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { AppError } from '../rpc/errors.ts';

/**
 * The consent ledger, seen from the rest of the core. Nothing caches consent:
 * every check reads the ledger, so a withdrawal applies at once everywhere.
 */

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** NFC: the same words typed on two machines hash the same. */
const normalise = (text: string) => text.normalize('NFC');

function when(ctx: CoreContext, at: string | undefined): { at: string; recordedAt: string } {
  const now = ctx.clock.now();
  if (at === undefined) return { at: now.toISOString(), recordedAt: now.toISOString() };
  const given = new Date(at);
  if (given.getTime() > now.getTime() + 60_000) {
    throw new AppError('VALIDATION', 'A consent cannot be given in the future.', { issues: [{ path: 'at', message: 'In the future' }] });
  }
  return { at: given.toISOString(), recordedAt: now.toISOString() };
}

export function listConsents(ctx: CoreContext, candidateId: string) {
  return ctx.vault.requireSession().db.call('consents.list', { candidateId });
}

export function currentConsents(ctx: CoreContext, candidateId: string) {
  return ctx.vault.requireSession().db.call('consents.current', { candidateId });
}

/** What every ledger statement records, grant or withdrawal: who, about whom, for what, when, how. */
function ledgerEntry(ctx: CoreContext, actorId: string, input: MethodParsedInput<'privacy.consents.withdraw'>) {
  return {
    id: ctx.newId(),
    candidateId: input.candidateId,
    purpose: input.purpose,
    clientId: input.clientId ?? null,
    vacancyId: input.vacancyId ?? null,
    source: input.source,
    ...when(ctx, input.at),
    actorId,
  };
}

export function grantConsent(ctx: CoreContext, input: MethodParsedInput<'privacy.consents.grant'>): Promise<ConsentEvent> {
  const { db, owner } = ctx.vault.requireSession();
  const text = input.notice.text === undefined ? null : normalise(input.notice.text);
  return db.call('consents.grant', {
    ...ledgerEntry(ctx, owner.id, input),
    notice: { version: input.notice.version, text, sha256: text === null ? null : sha256(text) },
  });
}

export function withdrawConsent(ctx: CoreContext, input: MethodParsedInput<'privacy.consents.withdraw'>): Promise<ConsentEvent[]> {
  const { db, owner } = ctx.vault.requireSession();
  return db.call('consents.withdraw', ledgerEntry(ctx, owner.id, input));
}

/** For other features (sharing, mail): may this candidate's data be used for the purpose now? */
export function hasConsent(
  ctx: CoreContext,
  candidateId: string,
  purpose: ConsentPurpose,
  scope: { clientId: string; vacancyId?: string | null } | null = null,
): Promise<boolean> {
  return ctx.vault.requireSession().db.call('consents.granted', {
    candidateId,
    purpose,
    clientId: scope?.clientId ?? null,
    vacancyId: scope?.vacancyId ?? null,
  });
}

/** Active candidates who consent to a purpose now: the marketing list is `consentHolders(ctx, 'marketingEmail')`. */
export function consentHolders(ctx: CoreContext, purpose: SimplePurpose): Promise<string[]> {
  return ctx.vault.requireSession().db.call('consents.holders', { purpose });
}

export function publishPolicy(ctx: CoreContext, input: MethodParsedInput<'privacy.policy.publish'>) {
  const { db, owner } = ctx.vault.requireSession();
  const text = normalise(input.text);
  return db.call('policy.publish', {
    version: input.version,
    text,
    sha256: sha256(text),
    locale: input.locale,
    actorId: owner.id,
    at: ctx.clock.now().toISOString(),
  });
}

export function listPolicies(ctx: CoreContext) {
  return ctx.vault.requireSession().db.call('policy.list');
}

export function untoldOfPolicy(ctx: CoreContext, input: MethodParsedInput<'privacy.policy.untold'>) {
  return ctx.vault.requireSession().db.call('policy.untold', input);
}

export function markPolicyTold(ctx: CoreContext, input: MethodParsedInput<'privacy.policy.markTold'>) {
  const { db, owner } = ctx.vault.requireSession();
  return db.call('policy.markTold', { ...input, actorId: owner.id, at: ctx.clock.now().toISOString() });
}

export function holdersOfPurpose(ctx: CoreContext, input: MethodParsedInput<'privacy.consents.holders'>) {
  return ctx.vault.requireSession().db.call('consents.holdersOf', input);
}
