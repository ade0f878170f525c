import type { CoreContext } from '../context.ts';
import type { NewEntry } from '../db/queries/activity.ts';
import { recordOwnActivity } from '../privacy/retention.ts';
import type { ParsedMessage } from './parse.ts';

/**
 * Logging parsed messages on the candidates they concern: one timeline entry per
 * candidate, with the original and the attachments, idempotent by Message-ID. A
 * message from the candidate is their own activity (it restarts their retention clock).
 */

export type ContactBook = { phones: Record<string, string[]>; emails: Record<string, string[]> };

export interface MessageToLog {
  parsed: ParsedMessage;
  original: Uint8Array;
  fileName: string;
  source: 'drop' | 'imap';
  /** Given: log on this candidate only (a message dropped onto a candidate). */
  candidateId?: string | undefined;
}

export interface LoggedMessage {
  candidateIds: string[];
  entryIds: string[];
  duplicates: number;
}

/** The candidates whose addresses the message carries (sender and recipients). */
export function matchCandidates(parsed: ParsedMessage, book: ContactBook): string[] {
  const ids: string[] = [];
  for (const address of [parsed.from ?? '', ...parsed.to, ...parsed.cc]) {
    for (const id of book.emails[address] ?? []) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

function entriesFor(ctx: CoreContext, m: MessageToLog, candidateIds: string[], book: ContactBook, now: string): NewEntry[] {
  const p = m.parsed;
  // A date in the future (a wrong clock at the sender) would sit on top of the timeline for ever.
  const at = p.date !== null && p.date <= now ? p.date : now;
  return candidateIds.map((candidateId) => {
    const fromCandidate = p.from !== null && (book.emails[p.from] ?? []).includes(candidateId);
    return {
      id: ctx.newId(),
      candidateId,
      kind: 'email',
      at,
      direction: fromCandidate ? 'in' : 'out',
      title: p.subject,
      body: p.text,
      data: { from: p.from ?? '', to: p.to, cc: p.cc, messageId: p.messageId, source: m.source },
      threadKey: p.threadKey,
      messageId: p.messageId,
      attachments: [
        { id: ctx.newId(), role: 'original', fileName: m.fileName, contentType: m.fileName.endsWith('.msg') ? 'application/vnd.ms-outlook' : 'message/rfc822', data: m.original },
        ...p.attachments.map((a) => ({ id: ctx.newId(), role: 'attachment' as const, ...a })),
      ],
    };
  });
}

/** Log a batch in one transaction; returns, per message, where it was logged. */
export async function logMessages(ctx: CoreContext, messages: MessageToLog[], book: ContactBook): Promise<LoggedMessage[]> {
  const { db, owner } = ctx.vault.requireSession();
  const now = ctx.clock.now().toISOString();
  const plans = messages.map((m) => {
    const candidateIds = m.candidateId !== undefined ? [m.candidateId] : matchCandidates(m.parsed, book);
    return { m, candidateIds, entries: entriesFor(ctx, m, candidateIds, book, now) };
  });
  const all = plans.flatMap((p) => p.entries);
  if (all.length === 0) return plans.map((p) => ({ candidateIds: p.candidateIds, entryIds: [], duplicates: 0 }));
  const { inserted } = await db.call('activity.insert', { entries: all, actorId: owner.id, now });
  const fresh = new Set(inserted);
  const touched = new Set<string>();
  const repliedAt = new Map<string, string>();
  for (const e of all) {
    if (!fresh.has(e.id)) continue;
    touched.add(e.candidateId);
    if (e.direction === 'in' && e.at > (repliedAt.get(e.candidateId) ?? '')) repliedAt.set(e.candidateId, e.at);
  }
  // The candidate wrote to us: their own activity, as of the message's date.
  for (const [candidateId, at] of repliedAt) await recordOwnActivity(ctx, candidateId, 'reply', at);
  for (const candidateId of touched) ctx.events.emit('activity.changed', { candidateId });
  return plans.map((p) => {
    const entryIds = p.entries.filter((e) => fresh.has(e.id)).map((e) => e.id);
    return { candidateIds: p.candidateIds, entryIds, duplicates: p.entries.length - entryIds.length };
  });
}
