import { createHash } from 'node:crypto';
import type { MethodParsedInput, SmsImportReport, TimelineEntry } from '../../../shared/contract/index.ts';
import { toE164 } from '../../../shared/phone.ts';
import type { CoreContext } from '../context.ts';
import type { NewEntry } from '../db/queries/activity.ts';
import { recordOwnActivity } from '../privacy/retention.ts';
import { AppError } from '../rpc/errors.ts';
import { readSmsCsv } from './sms-csv.ts';

/**
 * The timeline: logging calls and text messages, editing entries (the replaced
 * version is kept), reading a candidate's timeline and searching all of it. A call
 * or message from the candidate is their own activity for retention.
 */

function notInFuture(ctx: CoreContext, at: string): string {
  const now = ctx.clock.now();
  const when = new Date(at);
  if (when.getTime() > now.getTime() + 5 * 60_000) {
    throw new AppError('VALIDATION', 'An activity cannot lie in the future.', { issues: [{ path: 'at', message: 'In the future' }] });
  }
  return when.toISOString();
}

async function log(ctx: CoreContext, entry: NewEntry): Promise<TimelineEntry> {
  const { db, owner } = ctx.vault.requireSession();
  await db.call('candidates.get', { id: entry.candidateId });
  await db.call('activity.insert', { entries: [entry], actorId: owner.id, now: ctx.clock.now().toISOString() });
  if (entry.direction === 'in') await recordOwnActivity(ctx, entry.candidateId, 'reply', entry.at);
  ctx.events.emit('activity.changed', { candidateId: entry.candidateId });
  return db.call('activity.get', { id: entry.id });
}

export function logCall(ctx: CoreContext, input: MethodParsedInput<'activity.calls.log'>): Promise<TimelineEntry> {
  return log(ctx, {
    id: ctx.newId(),
    candidateId: input.candidateId,
    kind: 'call',
    at: notInFuture(ctx, input.at),
    direction: input.direction,
    title: '',
    body: input.minutes,
    data: { durationSec: input.durationSec, outcome: input.outcome },
  });
}

export function logSms(ctx: CoreContext, input: MethodParsedInput<'activity.sms.log'>): Promise<TimelineEntry> {
  const phone = input.phone ? toE164(input.phone) : null;
  if (input.phone && !phone) throw new AppError('VALIDATION', 'Not a phone number', { issues: [{ path: 'phone', message: 'Not a phone number' }] });
  return log(ctx, {
    id: ctx.newId(),
    candidateId: input.candidateId,
    kind: 'sms',
    at: notInFuture(ctx, input.at),
    direction: input.direction,
    title: '',
    body: input.text,
    data: phone ? { phone } : {},
  });
}

/** Each row on the candidate(s) with that number; the same export imported twice logs nothing new. */
export async function importSms(ctx: CoreContext, csv: string): Promise<SmsImportReport> {
  const { db, owner } = ctx.vault.requireSession();
  const { rows, errors } = readSmsCsv(csv);
  const book = await db.call('activity.contactBook');
  const report: SmsImportReport = { imported: 0, duplicates: 0, unmatched: [], errors };
  const entries: NewEntry[] = [];
  for (const row of rows) {
    const candidates = book.phones[row.phone] ?? [];
    if (candidates.length === 0) {
      report.unmatched.push({ line: row.line, phone: row.phone });
      continue;
    }
    const key = `sms:${createHash('sha256').update(`${row.phone}\n${row.at}\n${row.direction}\n${row.text}`).digest('hex')}`;
    for (const candidateId of candidates) {
      entries.push({ id: ctx.newId(), candidateId, kind: 'sms', at: row.at, direction: row.direction, title: '', body: row.text, data: { phone: row.phone }, messageId: key });
    }
  }
  if (entries.length === 0) return report;
  const { inserted, duplicates } = await db.call('activity.insert', { entries, actorId: owner.id, now: ctx.clock.now().toISOString() });
  report.imported = inserted.length;
  report.duplicates = duplicates;
  const fresh = new Set(inserted);
  const latestIn = new Map<string, string>();
  for (const e of entries) {
    if (fresh.has(e.id) && e.direction === 'in' && e.at > (latestIn.get(e.candidateId) ?? '') && e.at <= ctx.clock.now().toISOString()) latestIn.set(e.candidateId, e.at);
  }
  for (const [candidateId, at] of latestIn) await recordOwnActivity(ctx, candidateId, 'reply', at);
  for (const candidateId of new Set(entries.filter((e) => fresh.has(e.id)).map((e) => e.candidateId))) ctx.events.emit('activity.changed', { candidateId });
  return report;
}

export async function updateEntry(ctx: CoreContext, input: MethodParsedInput<'activity.update'>): Promise<TimelineEntry> {
  const { db, owner } = ctx.vault.requireSession();
  const current = await db.call('activity.get', { id: input.id });
  if (current.kind === 'interview' || current.kind === 'reference') {
    throw new AppError('VALIDATION', 'Interviews and reference checks are edited in their own forms.');
  }
  const { durationSec, outcome, ...rest } = input.patch;
  if ((durationSec !== undefined || outcome !== undefined) && current.kind !== 'call') {
    throw new AppError('VALIDATION', 'Only calls have a duration and an outcome.');
  }
  const data = { ...current.data, ...(durationSec !== undefined ? { durationSec } : {}), ...(outcome !== undefined ? { outcome } : {}) };
  const updated = await db.call('activity.update', {
    id: input.id,
    version: input.version,
    patch: { ...rest, ...(rest.at !== undefined ? { at: notInFuture(ctx, rest.at) } : {}), data },
    actorId: owner.id,
    now: ctx.clock.now().toISOString(),
  });
  ctx.events.emit('activity.changed', { candidateId: updated.candidateId });
  return updated;
}

export function timeline(ctx: CoreContext, input: MethodParsedInput<'activity.timeline'>) {
  return ctx.vault.requireSession().db.call('activity.timeline', input);
}

export function search(ctx: CoreContext, input: MethodParsedInput<'activity.search'>) {
  return ctx.vault.requireSession().db.call('activity.search', input);
}

export function getEntry(ctx: CoreContext, id: string) {
  return ctx.vault.requireSession().db.call('activity.get', { id });
}

export function entryHistory(ctx: CoreContext, id: string) {
  return ctx.vault.requireSession().db.call('activity.revisions', { id });
}
