import type { SearchField } from '../../../shared/contract/search.ts';

/**
 * The columns of the search index, in index order (the migration creates them in
 * this order and bm25 weights follow it). `tags` is internal: never searched by a
 * user's words, it carries the status and an every-document token.
 */
export const INDEX_COLUMNS = [
  'name',
  'role',
  'skill',
  'cert',
  'lang',
  'sector',
  'city',
  'postal',
  'email',
  'phone',
  'cv',
  'notes',
  'tags',
] as const;
export type IndexColumn = (typeof INDEX_COLUMNS)[number];

/** bm25 weights by column: a hit in the name, a skill or a certificate counts more than one in the CV text. */
export const COLUMN_WEIGHTS: Record<IndexColumn, number> = {
  name: 10,
  role: 6,
  skill: 6,
  cert: 6,
  lang: 4,
  sector: 3,
  city: 4,
  postal: 3,
  email: 5,
  phone: 5,
  cv: 1,
  notes: 1.5,
  tags: 0,
};

/** What a recruiter may write before the colon, Norwegian and English, and the column it means. */
export const FIELD_ALIASES: Record<string, SearchField> = {
  name: 'name',
  navn: 'name',
  role: 'role',
  rolle: 'role',
  stilling: 'role',
  title: 'role',
  tittel: 'role',
  skill: 'skill',
  skills: 'skill',
  ferdighet: 'skill',
  kompetanse: 'skill',
  cert: 'cert',
  sertifikat: 'cert',
  kurs: 'cert',
  lang: 'lang',
  language: 'lang',
  sprak: 'lang',
  'språk': 'lang',
  sector: 'sector',
  bransje: 'sector',
  sektor: 'sector',
  city: 'city',
  sted: 'city',
  by: 'city',
  region: 'city',
  postal: 'postal',
  postnr: 'postal',
  postnummer: 'postal',
  zip: 'postal',
  email: 'email',
  'e-mail': 'email',
  epost: 'email',
  'e-post': 'email',
  phone: 'phone',
  tlf: 'phone',
  telefon: 'phone',
  mobil: 'phone',
  cv: 'cv',
  notes: 'notes',
  note: 'notes',
  notat: 'notes',
  notater: 'notes',
};
