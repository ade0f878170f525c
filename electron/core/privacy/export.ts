import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { Candidate, Locale, ResumeDocument, SubjectExport } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { audit } from '../audit/service.ts';
import { privacySettings } from './retention.ts';
import { EXPORT_FORMAT, addMonths, toJsonResume, type ExportData, type ExportDocument } from './export-data.ts';
import { renderExportHtml } from './export-html.ts';

/** A name safe as a ZIP entry on every system: no folders, no reserved characters. */
const safeName = (name: string) =>
  [...name].map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').slice(0, 150) || 'document';

/**
 * Access and portability (art. 15 and 20): one ZIP with data.json, index.html and
 * the original documents. The export is logged before the data is gathered, so
 * the trail it contains shows this export too.
 */
export async function exportCandidate(ctx: CoreContext, candidateId: string, locale: Locale, requestId?: string): Promise<SubjectExport> {
  const { db, owner } = ctx.vault.requireSession();
  const now = ctx.clock.now();
  const at = now.toISOString();
  await db.call('candidates.get', { id: candidateId });
  if (requestId) await db.call('requests.check', { requestId, candidateId, action: 'export' });
  await audit(ctx, 'export', { candidateId, detail: { locale } });
  const parts = await db.call('privacy.collect', { candidateId, now: at });
  const trail = await db.call('audit.candidateTrail', { candidateId });
  const limits = await privacySettings(ctx);

  const candidate = parts.candidate as Candidate;
  const profile = (parts.profile ?? null) as ResumeDocument | null;
  const nationalId = (parts.nationalId ?? null) as ExportData['nationalId'];
  const consents = parts.consents as ExportData['consents'];
  const activity = parts.activity as ExportData['activity'];
  const sharing = parts.sharing as ExportData['sharing'];
  const keepConsent = consents.current.purposes.keepForFuture;
  const limitMonths = keepConsent ? limits.keepMonthsWithConsent : limits.keepMonthsWithoutConsent;
  const documents = (parts.documents as Omit<ExportDocument, 'path'>[]).map((d, i) => ({
    ...d,
    path: `documents/${String(i + 1).padStart(2, '0')}-${safeName(d.fileName)}`,
  }));

  const data: ExportData = {
    // Later features' parts first: the named sections below are the ones this export vouches for.
    ...parts,
    automatedDecisions: (parts.matching as { explanations?: ExportData['automatedDecisions'] } | undefined)?.explanations ?? [],
    sharing,
    disclosures: sharing.disclosures,
    correspondence: parts.correspondence as ExportData['correspondence'],
    format: EXPORT_FORMAT,
    exportedAt: at,
    exportedBy: { id: owner.id, name: owner.name },
    locale,
    candidateId,
    resume: toJsonResume(candidate, profile, nationalId?.value ?? null),
    candidate,
    profile,
    history: parts.history as ExportData['history'],
    documents,
    intake: parts.intake as ExportData['intake'],
    nationalId,
    consents,
    policyNotifications: parts.policyNotifications as ExportData['policyNotifications'],
    activity,
    holds: parts.holds as ExportData['holds'],
    rightsRequests: parts.rightsRequests as ExportData['rightsRequests'],
    retention: {
      lastOwnActivityAt: activity.lastOwnActivityAt,
      keepConsent,
      limitMonths,
      dueAt: addMonths(activity.lastOwnActivityAt, limitMonths),
    },
    auditTrail: trail.entries.map((e) => ({ ...e, actorName: e.actorId ? (trail.actors[e.actorId] ?? null) : null })),
  };

  const zip = new JSZip();
  // Entry times from the injected clock: the same data gives the same archive.
  const options = { date: now };
  zip.file('data.json', JSON.stringify(data, null, 2), options);
  zip.file('index.html', renderExportHtml(data, locale), options);
  for (const d of documents) zip.file(d.path, await db.call('intake.readBlob', { sha256: d.sha256 }), { ...options, binary: true });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // The request keeps which archive answered it (its hash: the archive itself is not kept).
  if (requestId) await db.call('requests.link', { requestId, kind: 'export', ref: sha256, at });
  return {
    fileName: `kandidat-export-${candidateId}-${at.slice(0, 10)}.zip`,
    base64: bytes.toString('base64'),
    size: bytes.length,
    sha256,
  };
}
