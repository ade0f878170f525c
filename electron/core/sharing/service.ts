import type {
  ClientConnection,
  MethodParsedInput,
  ProfileMessage,
  ShareField,
  SharePreview,
  SharePreviewItem,
  ShareMode,
} from '../../../shared/contract/index.ts';
import { DEFAULT_SHARE_FIELDS } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import type { ConnectionRow, EnqueueProfile, ShareSource } from '../db/queries/sharing.ts';
import { AppError } from '../rpc/errors.ts';
import { buildProfile } from './profile.ts';
import { assessTransfer, basisDetail } from './transfer-basis.ts';

/**
 * Sharing, as the recruiter sees it: connections per client, a preview of exactly
 * what would leave, and the share itself, which only queues (the sender delivers).
 */

/** How long a client may keep a shared profile before it must delete it. */
export const SHARE_KEEP_DAYS = 180;

export function toConnection(row: ConnectionRow): ClientConnection {
  const adequacyScopeConfirmed = row.adequacy_scope_confirmed === 1;
  return {
    clientId: row.client_id,
    clientName: row.client_name,
    country: row.country,
    endpoint: row.endpoint,
    secretSet: true,
    safeguardReference: row.safeguard_reference,
    adequacyScopeConfirmed,
    pinSha256: row.pin_sha256,
    fields: JSON.parse(row.fields) as ShareField[],
    mode: row.mode,
    transfer: assessTransfer({ country: row.country, safeguardReference: row.safeguard_reference, adequacyScopeConfirmed }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const session = (ctx: CoreContext) => ctx.vault.requireSession();

export async function listConnections(ctx: CoreContext): Promise<ClientConnection[]> {
  return (await session(ctx).db.call('sharing.connections.list')).map(toConnection);
}

export async function getConnection(ctx: CoreContext, clientId: string): Promise<{ connection: ClientConnection | null }> {
  const { db } = session(ctx);
  await db.call('sharing.client', { clientId });
  const row = await db.call('sharing.connections.get', { clientId });
  return { connection: row ? toConnection(row) : null };
}

/** Pins are stored as base64, whichever form was typed. */
function normalisePin(pin: string | null): string | null {
  if (pin === null) return null;
  const hex = pin.replace(/:/g, '');
  return /^[0-9a-fA-F]{64}$/.test(hex) ? Buffer.from(hex, 'hex').toString('base64') : pin;
}

export async function saveConnection(ctx: CoreContext, input: MethodParsedInput<'sharing.connections.save'>): Promise<ClientConnection> {
  const { db, owner } = session(ctx);
  const row = await db.call('sharing.connections.save', {
    clientId: input.clientId,
    endpoint: input.endpoint,
    secret: input.secret ?? null,
    safeguardReference: input.safeguardReference || null,
    adequacyScopeConfirmed: input.adequacyScopeConfirmed,
    pinSha256: normalisePin(input.pinSha256),
    fields: input.fields ?? null,
    mode: input.mode ?? null,
    defaultFields: [...DEFAULT_SHARE_FIELDS],
    actorId: owner.id,
    at: ctx.clock.now().toISOString(),
  });
  return toConnection(row);
}

export function removeConnection(ctx: CoreContext, clientId: string) {
  return session(ctx).db.call('sharing.connections.remove', { clientId });
}

type ShareInput = MethodParsedInput<'sharing.preview'>;

interface Planned {
  preview: SharePreview;
  items: EnqueueProfile[];
}

const refusalMessages = {
  noConsent: 'The candidate has not consented to sharing with this client (or has withdrawn it).',
  noConnection: 'This client has no sharing connection: set up its endpoint and signing secret first.',
  candidateInactive: 'The candidate is inactive: inactive candidates are not shared.',
  notFound: 'No candidate with that id.',
} as const;

/** Everything a share decides, without queueing anything: the preview is the plan. */
async function plan(ctx: CoreContext, input: ShareInput): Promise<Planned> {
  const { db } = session(ctx);
  await db.call('sharing.client', { clientId: input.clientId });
  const row = await db.call('sharing.connections.get', { clientId: input.clientId });
  const connection = row ? toConnection(row) : null;
  const vacancyId = input.vacancyId ?? null;
  const base = { clientId: input.clientId, vacancyId, transfer: connection?.transfer ?? null };
  const refuseAll = (refusal: 'noConnection' | 'noTransferBasis', message: string): Planned => ({
    preview: { ...base, items: input.candidateIds.map((candidateId) => ({ candidateId, refusal, message, document: null })) },
    items: [],
  });
  if (!connection) return refuseAll('noConnection', refusalMessages.noConnection);
  if (!connection.transfer.allowed) return refuseAll('noTransferBasis', connection.transfer.message);

  const fields = input.fields ?? connection.fields;
  const mode: ShareMode = input.mode ?? connection.mode;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + SHARE_KEEP_DAYS * 86_400_000).toISOString();
  const sources = await db.call('sharing.sources', {
    candidateIds: input.candidateIds,
    clientId: input.clientId,
    vacancyId,
    newRefs: input.candidateIds.map(() => `prf_${ctx.newId()}`),
    withNationalId: fields.includes('nationalId') && mode === 'full',
  });
  const items: EnqueueProfile[] = [];
  const previewItems = sources.map((s: ShareSource): SharePreviewItem => {
    const refusal = !s.candidate ? 'notFound' : s.candidate.status !== 'active' ? 'candidateInactive' : !s.consent ? 'noConsent' : null;
    if (refusal || !s.candidate || !s.consent) {
      return { candidateId: s.candidateId, refusal, message: refusal ? refusalMessages[refusal] : null, document: null };
    }
    const document: ProfileMessage = {
      type: 'candidate.profile.shared',
      timestamp: at,
      data: {
        profileRef: s.profileRef,
        vacancyRef: vacancyId,
        consent: s.consent,
        expiresAt,
        mode,
        fields: [...fields],
        resume: buildProfile({ candidate: s.candidate, resume: s.resume, nationalId: s.nationalId }, fields, mode),
      },
    };
    items.push({
      id: `msg_${ctx.newId()}`,
      candidateId: s.candidateId,
      vacancyId,
      profileRef: s.profileRef,
      body: JSON.stringify(document),
      fields: [...fields],
      mode,
      consentEventId: s.consent.id,
      transferBasis: connection.transfer.basis!,
      transferDetail: basisDetail(connection.transfer),
    });
    return { candidateId: s.candidateId, refusal: null, message: null, document };
  });
  return { preview: { ...base, items: previewItems }, items };
}

export async function previewShare(ctx: CoreContext, input: ShareInput): Promise<SharePreview> {
  return (await plan(ctx, input)).preview;
}

export async function share(ctx: CoreContext, input: MethodParsedInput<'sharing.share'>, wake: () => void) {
  const { preview, items } = await plan(ctx, input);
  const refused = preview.items.filter((i) => i.refusal !== null);
  if (refused.length && (!input.allowPartial || items.length === 0)) {
    const first = refused[0]!;
    throw new AppError('FORBIDDEN', refused.length === 1 ? first.message! : `${refused.length} of ${preview.items.length} cannot be shared: ${first.message}`, {
      refused: refused.map((r) => ({ candidateId: r.candidateId, refusal: r.refusal, message: r.message })),
    });
  }
  const { db, owner } = session(ctx);
  const queued = await db.call('sharing.enqueue', { clientId: input.clientId, items, actorId: owner.id, at: ctx.clock.now().toISOString() });
  ctx.events.emit('sharing.outbox', { ids: queued.map((q) => q.id) });
  wake();
  return { queued, refused };
}
