import type {
  AuditEntry,
  Candidate,
  ConsentEvent,
  CurrentConsents,
  HistoryEntry,
  LegalHold,
  Locale,
  ResumeDocument,
  RightsRequest,
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
  /** Clients the profile was shared with (none until sharing exists). */
  disclosures: unknown[];
  /** Explanations of automated decisions such as matching (none until matching exists). */
  automatedDecisions: unknown[];
  /** Who viewed, exported or changed consents of this record, and when. */
  auditTrail: (AuditEntry & { actorName: string | null })[];
  /** Parts added by later features, by name. */
  [part: string]: unknown;
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
