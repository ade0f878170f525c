import type { MethodParsedInput, Reference } from '../../../shared/contract/index.ts';
import { toE164 } from '../../../shared/phone.ts';
import type { CoreContext } from '../context.ts';
import { hasConsent } from '../privacy/consents.ts';
import { AppError } from '../rpc/errors.ts';

/**
 * References: the person's details and the notes of the check. Contacting a
 * reference needs the candidate's consent (the ledger's contactReferences): a
 * check cannot be recorded without it.
 */

type Fields = MethodParsedInput<'activity.references.add'>['fields'];

function clean(fields: Fields) {
  const phone = fields.phone.trim() ? toE164(fields.phone) : '';
  if (phone === null) throw new AppError('VALIDATION', 'Not a phone number', { issues: [{ path: 'fields.phone', message: 'Not a phone number' }] });
  const { checked, ...rest } = fields;
  return { checked, fields: { ...rest, name: rest.name.trim(), phone, email: rest.email.toLowerCase() } };
}

async function requireConsentToCheck(ctx: CoreContext, candidateId: string): Promise<void> {
  if (!(await hasConsent(ctx, candidateId, 'contactReferences'))) {
    throw new AppError('FORBIDDEN', 'The candidate has not consented to their references being contacted: record the consent first.');
  }
}

export async function listReferences(ctx: CoreContext, candidateId: string) {
  const items = await ctx.vault.requireSession().db.call('references.list', { candidateId });
  return { contactConsent: await hasConsent(ctx, candidateId, 'contactReferences'), items };
}

export async function addReference(ctx: CoreContext, input: MethodParsedInput<'activity.references.add'>): Promise<Reference> {
  const { db, owner } = ctx.vault.requireSession();
  const { checked, fields } = clean(input.fields);
  if (checked) await requireConsentToCheck(ctx, input.candidateId);
  const now = ctx.clock.now().toISOString();
  const created = await db.call('references.add', {
    id: ctx.newId(),
    entryId: ctx.newId(),
    candidateId: input.candidateId,
    fields,
    checkedAt: checked ? now : null,
    actorId: owner.id,
    now,
  });
  ctx.events.emit('activity.changed', { candidateId: input.candidateId });
  return created;
}

export async function updateReference(ctx: CoreContext, input: MethodParsedInput<'activity.references.update'>): Promise<Reference> {
  const { db, owner } = ctx.vault.requireSession();
  const current = await db.call('references.get', { id: input.id });
  const { checked, fields } = clean(input.fields);
  if (checked) await requireConsentToCheck(ctx, current.candidateId);
  const now = ctx.clock.now().toISOString();
  const updated = await db.call('references.update', { id: input.id, entryId: ctx.newId(), version: input.version, fields, checked, checkedAt: now, actorId: owner.id, now });
  ctx.events.emit('activity.changed', { candidateId: current.candidateId });
  return updated;
}

export async function removeReference(ctx: CoreContext, id: string) {
  const removed = await ctx.vault.requireSession().db.call('references.remove', { id });
  ctx.events.emit('activity.changed', { candidateId: removed.candidateId });
  return { id };
}
