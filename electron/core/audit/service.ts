import type { AuditAction, AuditEntry, MethodParsedInput } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';

export interface AuditNote {
  candidateId?: string | null;
  subjects?: Record<string, string>;
  detail?: Record<string, string | number | boolean | null>;
}

/**
 * Record what the staff member of this session did. Awaited by the caller: an
 * action that cannot be logged fails instead of happening unseen.
 */
export function audit(ctx: CoreContext, action: AuditAction, note: AuditNote = {}): Promise<AuditEntry> {
  const { db, owner } = ctx.vault.requireSession();
  return db.call('audit.append', { at: ctx.clock.now().toISOString(), actorId: owner.id, action, ...note });
}

/** A candidate's record was shown (register view, profile). */
export function auditView(ctx: CoreContext, candidateId: string): Promise<AuditEntry> {
  return audit(ctx, 'candidate.view', { candidateId });
}

export function listAudit(ctx: CoreContext, input: MethodParsedInput<'privacy.audit.list'>) {
  return ctx.vault.requireSession().db.call('audit.list', input);
}

export function verifyAudit(ctx: CoreContext) {
  return ctx.vault.requireSession().db.call('audit.verify');
}
