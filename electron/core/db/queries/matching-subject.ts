import type { SubjectDataPart } from './subject-data.ts';
import { erasePicture, pictureEdits, pictureOf } from './picture.ts';
import { eraseExplanations, explanationsOf } from './matching.ts';
import { eraseShortlists, shortlistsOfCandidate } from './shortlists.ts';

/**
 * The candidate's part in matching, for the data-subject rights: the picture and
 * a recruiter's edits to it, every ranking they appeared in with its factors and
 * explanation (art. 22 and art. 15), and their shortlist places. Erasure removes
 * all of it; the rankings themselves stay, without this candidate.
 */
export const matchingSubjectPart: SubjectDataPart = {
  name: 'matching',
  collect: (db, id, now) => ({
    picture: pictureOf(db, id, now.slice(0, 10)),
    pictureEdits: pictureEdits(db, id),
    explanations: explanationsOf(db, id),
    shortlists: shortlistsOfCandidate(db, id),
  }),
  erase: (db, id) => erasePicture(db, id) + eraseExplanations(db, id) + eraseShortlists(db, id),
};
