import type { SubjectDataPart } from './subject-data.ts';
import { cachedFacts, pictureEdits, pictureOf } from './picture.ts';
import { explanationsOf } from './matching.ts';
import { shortlistsOfCandidate } from './shortlists.ts';
import { byCandidate } from './erasure-batch.ts';

const ERASE = [
  byCandidate('candidate_terms'),
  byCandidate('candidate_match_facts'),
  byCandidate('picture_stale'),
  byCandidate('candidate_pictures'),
  byCandidate('match_results'),
  byCandidate('shortlist_events'),
  byCandidate('shortlist_entries'),
];

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
  // One statement per table for the whole batch (a single erasure is a batch of one),
  // and the matcher's in-memory facts.
  erase: (db, batch, freed) => {
    const facts = cachedFacts(db);
    for (const id of batch.ids) facts.delete(id);
    return ERASE.reduce((n, erase) => n + erase(db, batch, freed), 0);
  },
};
