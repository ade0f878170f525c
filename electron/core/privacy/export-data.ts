import type {
  AuditEntry,
  Candidate,
  ActivityData,
  AttachmentInfo,
  ConsentEvent,
  CurrentConsents,
  Direction,
  Disclosure,
  HistoryEntry,
  Interview,
  LegalHold,
  Locale,
  OutboxStatus,
  Reference,
  ResumeDocument,
  RightsRequest,
  TimelineEntry,
} from '../../../shared/contract/index.ts';

/**
 * data.json of the data-subject export: the JSON Resume, the register record and
 * every part of the vault that holds something about the candidate (see
 * db/queries/subject-data.ts), the audit trail of who viewed or changed it, and
 * what later features fill (disclosures to clients, automated decisions).
 */
export const EXPORT_FORMAT = 'kandidat-subject-export/1';

export interface ExportDocument {
  id: string;
  fileName: string;
  format: string;
  size: number;
  sha256: string;
  text: string;
  addedAt: string;
  /** Where the original is inside the ZIP. */
  path: string;
}

export interface ExportData {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  exportedBy: { id: string; name: string };
  locale: Locale;
  candidateId: string;
  resume: ResumeDocument;
  candidate: Candidate;
  profile: ResumeDocument | null;
  history: HistoryEntry[];
  documents: ExportDocument[];
  intake: { id: string; fileName: string; format: string | null; size: number; sha256: string | null; state: string; outcome: string | null; createdAt: string }[];
  nationalId: { kind: string; value: string; keptAt: string } | null;
  consents: { current: CurrentConsents; events: ConsentEvent[] };
  policyNotifications: { policyVersion: string; method: string; at: string }[];
  activity: { lastOwnActivityAt: string; marks: { kind: string; at: string }[] };
  holds: LegalHold[];
  /** Requests the candidate made about their rights (art. 15–21), and how they were answered. */
  rightsRequests: RightsRequest[];
  retention: { lastOwnActivityAt: string; keepConsent: boolean; limitMonths: number; dueAt: string };
  /** Every disclosure to a client: which fields, to whom, when, on what basis (the same as sharing.disclosures). */
  disclosures: Disclosure[];
  /** Sharing: what was delivered to clients, and what is waiting to go or was stopped before it left. */
  sharing: { disclosures: Disclosure[]; notSent: ExportNotSent[] };
  /** Calls, e-mail, text messages, references, interviews and marketing e-mail. */
  correspondence: ExportCorrespondence;
  /** Every ranking the candidate appeared in, with its factors, explanation and the recruiter's decision (art. 15(1)(h), 22); the same as matching.explanations. */
  automatedDecisions: ExportRanking[];
  /** Who viewed, exported or changed consents of this record, and when. */
  auditTrail: (AuditEntry & { actorName: string | null })[];
  /** Parts added by later features, by name. */
  [part: string]: unknown;
}

export interface ExportNotSent {
  outboxId: string;
  kind: 'profile' | 'deletion';
  clientId: string;
  clientName: string;
  vacancyId: string | null;
  vacancyTitle: string | null;
  status: OutboxStatus;
  queuedAt: string;
}

export interface ExportRanking {
  vacancy: string;
  at: string;
  algorithmVersion: string;
  inputsHash: string;
  rank: number;
  score: number;
  factors: { factor: string; value: number; weight: number; points: number; applies: boolean }[];
  explanation: { nb: string; en: string };
  decision: 'shortlisted' | 'rejected' | 'none' | null;
  decidedAt: string | null;
  decidedBy: string | null;
}

export interface ExportCorrespondence {
  entries: TimelineEntry[];
  /** Earlier versions of edited entries. */
  revisions: { entryId: string; version: number; at: string; direction: Direction | null; title: string; body: string; data: string | ActivityData; changedAt: string }[];
  attachments: (AttachmentInfo & { entryId: string; role: string })[];
  references: Reference[];
  interviews: Interview[];
  marketingEmail: { subject: string; status: string; sentAt: string; unsubscribedAt: string | null }[];
}

/** JSON Resume (https://jsonresume.org/schema) from the register record and the profile, with our extensions. */
export function toJsonResume(candidate: Candidate, profile: ResumeDocument | null, nationalId: string | null): ResumeDocument {
  const { basics: profileBasics, ...sections } = profile ?? {};
  const a = candidate.address;
  const location = Object.fromEntries(
    Object.entries({ address: a.street, postalCode: a.postalCode, city: a.city, countryCode: a.country }).filter(([, v]) => v),
  );
  return {
    basics: {
      name: candidate.name,
      ...(profileBasics?.label ? { label: profileBasics.label } : {}),
      ...(candidate.emails[0] ? { email: candidate.emails[0] } : {}),
      ...(candidate.phones[0] ? { phone: candidate.phones[0] } : {}),
      ...(profileBasics?.url ? { url: profileBasics.url } : {}),
      ...(profileBasics?.summary ? { summary: profileBasics.summary } : {}),
      location,
      ...(profileBasics?.profiles ? { profiles: profileBasics.profiles } : {}),
      ...(candidate.birthDate ? { birthDate: candidate.birthDate } : {}),
      ...(nationalId ? { nationalId } : {}),
    },
    ...sections,
    meta: { version: 'v1.0.0', lastModified: candidate.updatedAt },
  };
}

/** Calendar months after an ISO time, in UTC, the way SQLite's '+N months' counts them. */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  // Day overflow rolls into the next month, as in SQLite (31 January + 1 month = 2 or 3 March).
  target.setUTCDate(target.getUTCDate() + d.getUTCDate() - 1);
  return target.toISOString();
}
