import { z } from 'zod';
import { defineMethod } from './define.ts';

/** The fields a query may name (`skill:truck`); aliases such as `by:` or `språk:` map onto these. */
export const SearchFields = ['name', 'role', 'skill', 'cert', 'lang', 'sector', 'city', 'postal', 'email', 'phone', 'cv', 'notes'] as const;
export type SearchField = (typeof SearchFields)[number];

/** Counties (2024), found from the first two digits of the postal code. */
export const SearchRegions = [
  'oslo',
  'akershus',
  'ostfold',
  'buskerud',
  'vestfold',
  'telemark',
  'innlandet',
  'agder',
  'rogaland',
  'vestland',
  'more-og-romsdal',
  'trondelag',
  'nordland',
  'troms',
  'finnmark',
] as const;
export type SearchRegion = (typeof SearchRegions)[number];

/** County names: proper nouns, the same in every language. */
export const SearchRegionNames: Record<SearchRegion, string> = {
  oslo: 'Oslo',
  akershus: 'Akershus',
  ostfold: 'Østfold',
  buskerud: 'Buskerud',
  vestfold: 'Vestfold',
  telemark: 'Telemark',
  innlandet: 'Innlandet',
  agder: 'Agder',
  rogaland: 'Rogaland',
  vestland: 'Vestland',
  'more-og-romsdal': 'Møre og Romsdal',
  trondelag: 'Trøndelag',
  nordland: 'Nordland',
  troms: 'Troms',
  finnmark: 'Finnmark',
};

const isoDate = z.iso.date();

export const searchFilters = z
  .object({
    /** null: active only, or everyone with includeInactive. */
    status: z.enum(['active', 'inactive']).nullable().default(null),
    /** Available on this day at the latest (YYYY-MM-DD); candidates with no date are left out. */
    availableBy: isoDate.nullable().default(null),
    /** Postal codes starting with these digits. */
    postalPrefix: z
      .string()
      .trim()
      .regex(/^\d{1,4}$/, { message: 'A postal code prefix is 1 to 4 digits' })
      .nullable()
      .default(null),
    region: z.enum(SearchRegions).nullable().default(null),
    /** Words of a certificate, as in `cert:"..."`. */
    certificate: z.string().trim().max(100).default(''),
    /** A language, as in `lang:...`. */
    language: z.string().trim().max(100).default(''),
  })
  .strict();
export type SearchFilters = z.output<typeof searchFilters>;
export type SearchFiltersInput = z.input<typeof searchFilters>;

const EMPTY_FILTERS: SearchFilters = { status: null, availableBy: null, postalPrefix: null, region: null, certificate: '', language: '' };

const searchRequest = {
  /** The recruiter's query: words, "phrases", prefix*, AND/OR/NOT (OG/ELLER/IKKE), parentheses, field:value. */
  query: z.string().max(1000).default(''),
  filters: searchFilters.default(EMPTY_FILTERS),
  /** Inactive candidates are left out unless asked for. */
  includeInactive: z.boolean().default(false),
};

/** A piece of a snippet; `hit` pieces are the words the query matched. */
export interface SearchSnippetPart {
  text: string;
  hit: boolean;
}

export interface CandidateSearchHit {
  id: string;
  name: string;
  city: string;
  postalCode: string;
  status: 'active' | 'inactive';
  availableFrom: string | null;
  /** Relevance (higher is better; bm25, weighted by field). 0 when the query had no words. */
  score: number;
  /** The best matching passage with its hits marked; empty when the query had no words. */
  snippet: SearchSnippetPart[];
  /** Where the snippet comes from. */
  snippetField: SearchField | null;
}

export interface CandidateSearchResult {
  total: number;
  hits: CandidateSearchHit[];
}

export interface SavedCandidateSearch {
  id: string;
  name: string;
  query: string;
  filters: SearchFilters;
  includeInactive: boolean;
  createdAt: string;
  updatedAt: string;
}

export const searchMethods = {
  'search.query': defineMethod<CandidateSearchResult>()(
    z
      .object({
        ...searchRequest,
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).max(10_000).default(0),
      })
      .strict(),
  ),
  'search.saved.list': defineMethod<SavedCandidateSearch[]>()(z.object({}).strict()),
  /** Saving under a name that exists replaces that search. */
  'search.saved.save': defineMethod<SavedCandidateSearch>()(
    z
      .object({
        name: z.string().trim().min(1, { message: 'A saved search needs a name' }).max(100),
        ...searchRequest,
      })
      .strict(),
  ),
  'search.saved.delete': defineMethod<{ deleted: boolean }>()(z.object({ id: z.string().min(1).max(64) }).strict()),
};
