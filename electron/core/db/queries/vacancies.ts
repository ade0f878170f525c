import type { Db } from '../connection.ts';
import type {
  CertificateRequirement,
  LanguageRequirement,
  MatchWeights,
  Shift,
  SkillRequirement,
  Vacancy,
  VacancyFields,
  VacancyStatus,
  VacancySummary,
  WorkType,
} from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { lexicon } from '../../matching/synonyms.ts';
import { regionOf } from '../../matching/regions.ts';
import { fold } from '../../matching/text.ts';

/** Vacancies of clients, with their requirements' concepts looked up when saved. */

interface Requirements {
  requiredSkills: SkillRequirement[];
  desiredSkills: SkillRequirement[];
  requiredCertificates: CertificateRequirement[];
  desiredCertificates: CertificateRequirement[];
  languages: LanguageRequirement[];
}

interface VacancyRow {
  id: string;
  client_id: string;
  client_name: string;
  title: string;
  postal_code: string;
  city: string;
  start_date: string | null;
  extent_percent: number;
  work_type: WorkType;
  shifts: string;
  requirements: string;
  min_years: number | null;
  description: string;
  status: VacancyStatus;
  weights: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const SELECT = 'SELECT v.*, c.name AS client_name FROM vacancies v JOIN clients c ON c.id = v.client_id';

function toVacancy(r: VacancyRow): Vacancy {
  const req = JSON.parse(r.requirements) as Requirements;
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    title: r.title,
    location: { postalCode: r.postal_code, city: r.city, region: regionOf(r.postal_code, r.city) },
    start: r.start_date,
    extentPercent: r.extent_percent,
    workType: r.work_type,
    shifts: JSON.parse(r.shifts) as Shift[],
    ...req,
    minYearsExperience: r.min_years,
    description: r.description,
    status: r.status,
    weights: r.weights ? (JSON.parse(r.weights) as MatchWeights) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** Each requirement with the concept or certificate code it stands for. */
function requirementsOf(f: Pick<VacancyFields, 'requiredSkills' | 'desiredSkills' | 'requiredCertificates' | 'desiredCertificates' | 'languages'>): Requirements {
  const lex = lexicon();
  const skill = (s: { name: string; minYears: number | null }): SkillRequirement => ({ name: s.name, key: lex.skillKey(s.name), minYears: s.minYears });
  // "Truck T1–T4" asks for four classes: each its own requirement.
  const certs = (list: { name: string }[]): CertificateRequirement[] => {
    const out: CertificateRequirement[] = [];
    for (const c of list) {
      const codes = lex.certificatesIn(c.name);
      if (codes.length === 0) out.push({ name: c.name, code: fold(c.name) });
      for (const code of codes) if (!out.some((o) => o.code === code)) out.push({ name: codes.length > 1 ? code : c.name, code });
    }
    return out;
  };
  return {
    requiredSkills: f.requiredSkills.map(skill),
    desiredSkills: f.desiredSkills.map(skill),
    requiredCertificates: certs(f.requiredCertificates),
    desiredCertificates: certs(f.desiredCertificates),
    languages: f.languages.map((l) => ({ name: l.name, code: lex.languageCode(l.name), minLevel: l.minLevel, required: l.required })),
  };
}

function readVacancy(db: Db, id: string): Vacancy {
  const row = db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as VacancyRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No vacancy with that id', { id });
  return toVacancy(row);
}

export function insertVacancy(db: Db, a: { id: string; fields: VacancyFields; actorId: string; at: string }): Vacancy {
  const f = a.fields;
  if (!db.prepare('SELECT 1 FROM clients WHERE id = ?').get(f.clientId)) throw new AppError('NOT_FOUND', 'No client with that id', { id: f.clientId });
  db.prepare(
    `INSERT INTO vacancies (id, client_id, title, postal_code, city, start_date, extent_percent, work_type, shifts, requirements,
       min_years, description, status, created_at, created_by, updated_at, updated_by, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, 1)`,
  ).run(
    a.id,
    f.clientId,
    f.title,
    f.postalCode,
    f.city,
    f.start,
    f.extentPercent,
    f.workType,
    JSON.stringify(f.shifts),
    JSON.stringify(requirementsOf(f)),
    f.minYearsExperience,
    f.description,
    a.at,
    a.actorId,
    a.at,
    a.actorId,
  );
  return readVacancy(db, a.id);
}

export function getVacancy(db: Db, a: { id: string }): Vacancy {
  return readVacancy(db, a.id);
}

type VacancyPatch = Partial<Omit<VacancyFields, 'clientId'>> & { status?: VacancyStatus };

export function updateVacancy(db: Db, a: { id: string; version: number; patch: VacancyPatch; actorId: string; at: string }): Vacancy {
  return db.transaction(() => {
    const before = readVacancy(db, a.id);
    if (before.version !== a.version) {
      throw new AppError('CONFLICT', 'Someone changed this vacancy after you opened it. Reload to see the changes.', { current: before.version });
    }
    const p = a.patch;
    const asInput = (list: { name: string; minYears?: number | null }[]) => list.map((s) => ({ name: s.name, minYears: s.minYears ?? null }));
    const merged = {
      requiredSkills: p.requiredSkills ?? asInput(before.requiredSkills),
      desiredSkills: p.desiredSkills ?? asInput(before.desiredSkills),
      requiredCertificates: p.requiredCertificates ?? before.requiredCertificates.map((c) => ({ name: c.name })),
      desiredCertificates: p.desiredCertificates ?? before.desiredCertificates.map((c) => ({ name: c.name })),
      languages: p.languages ?? before.languages.map((l) => ({ name: l.name, minLevel: l.minLevel, required: l.required })),
    };
    db.prepare(
      `UPDATE vacancies SET title = ?, postal_code = ?, city = ?, start_date = ?, extent_percent = ?, work_type = ?, shifts = ?,
         requirements = ?, min_years = ?, description = ?, status = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
    ).run(
      p.title ?? before.title,
      p.postalCode ?? before.location.postalCode,
      p.city ?? before.location.city,
      p.start !== undefined ? p.start : before.start,
      p.extentPercent ?? before.extentPercent,
      p.workType ?? before.workType,
      JSON.stringify(p.shifts ?? before.shifts),
      JSON.stringify(requirementsOf(merged)),
      p.minYearsExperience !== undefined ? p.minYearsExperience : before.minYearsExperience,
      p.description ?? before.description,
      p.status ?? before.status,
      a.at,
      a.actorId,
      a.id,
    );
    return readVacancy(db, a.id);
  })();
}

export function setVacancyWeights(db: Db, a: { id: string; weights: MatchWeights | null; actorId: string; at: string }): Vacancy {
  readVacancy(db, a.id);
  db.prepare('UPDATE vacancies SET weights = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?').run(
    a.weights ? JSON.stringify(a.weights) : null,
    a.at,
    a.actorId,
    a.id,
  );
  return readVacancy(db, a.id);
}

export function listVacancies(db: Db, a: { clientId?: string | undefined; status: VacancyStatus | 'all' }): VacancySummary[] {
  const where = [a.clientId !== undefined ? 'v.client_id = @clientId' : '', a.status !== 'all' ? 'v.status = @status' : ''].filter(Boolean);
  const rows = db
    .prepare(
      `SELECT v.*, c.name AS client_name,
         (SELECT count(*) FROM shortlist_entries s WHERE s.vacancy_id = v.id AND s.stage <> 'rejected') AS shortlisted
       FROM vacancies v JOIN clients c ON c.id = v.client_id
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY v.status = 'open' DESC, coalesce(v.start_date, v.created_at), v.title, v.id`,
    )
    .all({ clientId: a.clientId, status: a.status }) as (VacancyRow & { shortlisted: number })[];
  return rows.map((r) => {
    const v = toVacancy(r);
    return {
      id: v.id,
      clientId: v.clientId,
      clientName: v.clientName,
      title: v.title,
      location: v.location,
      start: v.start,
      status: v.status,
      updatedAt: v.updatedAt,
      shortlisted: r.shortlisted,
    };
  });
}

export const vacancyQueries = {
  'vacancies.insert': insertVacancy,
  'vacancies.get': getVacancy,
  'vacancies.update': updateVacancy,
  'vacancies.setWeights': setVacancyWeights,
  'vacancies.list': listVacancies,
};
