import type { HandlerGroup } from '../rpc/handlers.ts';
import { listAudit, verifyAudit } from './service.ts';

export const auditHandlers: HandlerGroup = {
  'privacy.audit.list': (input, ctx) => listAudit(ctx, input),
  'privacy.audit.verify': (_, ctx) => verifyAudit(ctx),
};
