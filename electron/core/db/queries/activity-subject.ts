import type { SubjectDataPart } from './subject-data.ts';
import { collectActivity, eraseActivity } from './activity.ts';
import { eraseReferences, listReferences } from './references.ts';
import { eraseInterviews, listInterviews } from './interviews.ts';
import { collectMail, eraseMail } from './mail.ts';

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
  erase: (db, id) => eraseActivity(db, id) + eraseReferences(db, id) + eraseInterviews(db, id) + eraseMail(db, id),
};
