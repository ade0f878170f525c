import type { SubjectDataPart } from './subject-data.ts';
import { collectActivity } from './activity.ts';
import { listReferences } from './references.ts';
import { listInterviews } from './interviews.ts';
import { collectMail } from './mail.ts';
import { byCandidate } from './erasure-batch.ts';

const ERASE = [
  byCandidate('activity_attachments'),
  byCandidate('activity_revisions'),
  byCandidate('activity_entries'),
  byCandidate('candidate_references'),
  byCandidate('interviews'),
  byCandidate('mail_campaign_recipients'),
];

/**
 * Correspondence and activity as one part of the data-subject rights: the timeline
 * with its earlier versions and attachments, references (the reference persons'
 * data goes with the candidate), interviews and marketing e-mail sent.
 */
export const correspondencePart: SubjectDataPart = {
  name: 'correspondence',
  collect: (db, id) => ({
    ...collectActivity(db, id),
    references: listReferences(db, { candidateId: id }),
    interviews: listInterviews(db, { candidateId: id }),
    marketingEmail: collectMail(db, id),
  }),
  // Entries first: reference and interview entries point at their records only by id.
  // One statement per table for the whole batch (a single erasure is a batch of one);
  // the entries' FTS rows go by their trigger.
  erase: (db, batch, freed) =>
    ERASE.reduce((n, erase) => n + erase(db, batch, freed), 0),
};
