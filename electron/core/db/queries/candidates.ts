import type { Db } from '../connection.ts';
import type {
  Candidate,
  CandidateFields,
  CandidatePatch,
  CandidateSort,
  CandidateStatus,
  CandidateSummary,
  FieldChange,
  HistoryEntry,
} from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { norwegianSortKey } from '../../text/collation.ts';
import { refreshSearchIndex } from './search-index.ts';

interface CandidateRow {
  id: string;
  name: string;
  emails: string;
  phones: string;
  street: string;
  postal_code: string;
  city: string;
  country: string;
  birth_date: string | null;
  status: CandidateStatus;
  available_from: string | null;
  extent_percent: number | null;
  shifts: string;
  desired_roles: string;
  desired_sectors: string;
  notes: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

function toCandidate(r: CandidateRow): Candidate {
  return {
    id: r.id,
    name: r.name,
    emails: JSON.parse(r.emails),
    phones: JSON.parse(r.phones),
    address: { street: r.street, postalCode: r.postal_code, city: r.city, country: r.country },
    birthDate: r.birth_date,
    status: r.status,
    availability: { from: r.available_from, extentPercent: r.extent_percent, shifts: JSON.parse(r.shifts) },
    desiredRoles: JSON.parse(r.desired_roles),
    desiredSectors: JSON.parse(r.desired_sectors),
    notes: r.notes,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    version: r.version,
  };
}

/** The fields a person edits, as stored columns. */
function toColumns(c: CandidateFields & { status: CandidateStatus }) {
  return {
    name: c.name,
    sort_key: norwegianSortKey(c.name),
    emails: JSON.stringify(c.emails),
    phones: JSON.stringify(c.phones),
    street: c.address.street,
    postal_code: c.address.postalCode,
    city: c.address.city,
    city_key: norwegianSortKey(c.address.city),
    country: c.address.country,
    birth_date: c.birthDate,
    status: c.status,
    available_from: c.availability.from,
    extent_percent: c.availability.extentPercent,
    shifts: JSON.stringify(c.availability.shifts),
    desired_roles: JSON.stringify(c.desiredRoles),
    desired_sectors: JSON.stringify(c.desiredSectors),
    notes: c.notes,
  };
}

const EDITABLE = [
  'name',
  'emails',
  'phones',
  'address',
  'birthDate',
  'status',
  'availability',
  'desiredRoles',
  'desiredSectors',
  'notes',
] as const satisfies readonly (keyof Candidate)[];

function diff(before: Candidate | null, after: Candidate): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of EDITABLE) {
    const from = before ? before[field] : null;
    const to = after[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

function selectRow(db: Db, id: string): CandidateRow | undefined {
  return db.prepare('SELECT * FROM candidates WHERE id = ?').get(id) as CandidateRow | undefined;
}

function insertHistory(db: Db, id: string, at: string, actorId: string, action: HistoryEntry['action'], changes: FieldChange[]) {
  db.prepare('INSERT INTO candidate_history (candidate_id, at, actor_id, action, changes) VALUES (?, ?, ?, ?, ?)').run(
    id,
    at,
    actorId,
    action,
    JSON.stringify(changes),
  );
}

export function insertCandidate(
  db: Db,
  a: { id: string; fields: CandidateFields; actorId: string; at: string },
): Candidate {
  return db.transaction(() => {
    const cols = toColumns({ ...a.fields, status: 'active' });
    db.prepare(
      `INSERT INTO candidates (id, ${Object.keys(cols).join(', ')}, created_at, created_by, updated_at, updated_by, version)
       VALUES (@id, ${Object.keys(cols).map((k) => '@' + k).join(', ')}, @at, @actor, @at, @actor, 1)`,
    ).run({ id: a.id, ...cols, at: a.at, actor: a.actorId });
    const created = toCandidate(selectRow(db, a.id)!);
    insertHistory(db, a.id, a.at, a.actorId, 'created', diff(null, created));
    refreshSearchIndex(db, a.id);
    return created;
  })();
}

/** Page cache for bulk loads, in KiB (negative = KiB in SQLite's terms): 256 MiB at most, allocated as used. */
const BULK_CACHE_KIB = -262_144;
/** From this many rows a load switches to a rollback journal for its duration. */
const BULK_JOURNAL_ROWS = 5_000;

/** Many at once in one transaction (bulk import, benchmarks). History is recorded per row. */
export function insertCandidates(
  db: Db,
  a: { rows: { id: string; fields: CandidateFields }[]; actorId: string; at: string },
): number {
  const first = a.rows[0];
  if (!first) return 0;
  const keys = Object.keys(toColumns({ ...first.fields, status: 'active' }));
  const insert = db.prepare(
    `INSERT INTO candidates (id, ${keys.join(', ')}, created_at, created_by, updated_at, updated_by, version)
     VALUES (@id, ${keys.map((k) => '@' + k).join(', ')}, @at, @actor, @at, @actor, 1)`,
  );
  const history = db.prepare(
    `INSERT INTO candidate_history (candidate_id, at, actor_id, action, changes) VALUES (?, ?, ?, 'created', '[]')`,
  );
  // A bulk load touches index pages all over the file. With room for the working
  // set, each page is encrypted once per checkpoint instead of being evicted,
  // decrypted again and re-encrypted; the cache shrinks back afterwards.
  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size=${BULK_CACHE_KIB}`);
  // The cipher works on file reads and writes, so in WAL mode each page is encrypted
  // into the WAL, decrypted by the checkpoint and encrypted again into the database.
  // A large load uses a rollback journal instead: each new page is written once.
  const bulkJournal = a.rows.length >= BULK_JOURNAL_ROWS && !db.inTransaction;
  const previousJournal = bulkJournal ? (db.pragma('journal_mode', { simple: true }) as string) : null;
  if (bulkJournal) db.pragma('journal_mode=DELETE');
  try {
    db.transaction(() => {
      for (const row of a.rows) {
        insert.run({ id: row.id, ...toColumns({ ...row.fields, status: 'active' }), at: a.at, actor: a.actorId });
        history.run(row.id, a.at, a.actorId);
        refreshSearchIndex(db, row.id);
      }
    })();
  } finally {
    if (previousJournal) db.pragma(`journal_mode=${previousJournal}`);
    db.pragma(`cache_size=${previousCache}`);
  }
  return a.rows.length;
}

export function getCandidate(db: Db, a: { id: string }): Candidate {
  const row = selectRow(db, a.id);
  if (!row) throw new AppError('NOT_FOUND', 'No candidate with that id', { id: a.id });
  return toCandidate(row);
}

export function updateCandidate(
  db: Db,
  a: {
    id: string;
    version: number | null;
    patch: CandidatePatch & { status?: CandidateStatus };
    actorId: string;
    at: string;
  },
): Candidate {
  return db.transaction(() => {
    const row = selectRow(db, a.id);
    if (!row) throw new AppError('NOT_FOUND', 'No candidate with that id', { id: a.id });
    const before = toCandidate(row);
    if (a.version !== null && a.version !== before.version) {
      throw new AppError('CONFLICT', 'Someone changed this candidate after you opened it. Reload to see the changes.', {
        current: before.version,
      });
    }
    const { address, availability, ...rest } = a.patch;
    const merged: Candidate = {
      ...before,
      ...rest,
      address: { ...before.address, ...address },
      availability: { ...before.availability, ...availability },
    };
    const changes = diff(before, merged);
    if (changes.length === 0) return before;
    const cols = toColumns(merged);
    db.prepare(
      `UPDATE candidates SET ${Object.keys(cols).map((k) => `${k} = @${k}`).join(', ')},
         updated_at = @at, updated_by = @actor, version = version + 1 WHERE id = @id`,
    ).run({ ...cols, at: a.at, actor: a.actorId, id: a.id });
    const statusChange = changes.find((c) => c.field === 'status');
    const action = statusChange ? (statusChange.to === 'inactive' ? 'deactivated' : 'reactivated') : 'updated';
    insertHistory(db, a.id, a.at, a.actorId, action, changes);
    refreshSearchIndex(db, a.id);
    return toCandidate(selectRow(db, a.id)!);
  })();
}

const ORDER: Record<CandidateSort, string> = {
  name: 'sort_key',
  updatedAt: 'updated_at',
  createdAt: 'created_at',
  city: 'city_key',
  status: 'status',
};

export function listCandidates(
  db: Db,
  a: {
    offset: number;
    limit: number;
    sort: CandidateSort;
    dir: 'asc' | 'desc';
    status: CandidateStatus | 'all';
    text: string;
  },
): { total: number; items: CandidateSummary[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (a.status !== 'all') {
    where.push('status = @status');
    params.status = a.status;
  }
  const text = a.text.trim();
  if (text) {
    // Prefix on name words and city, substring on e-mail and phone digits.
    params.prefix = norwegianSortKey(text).replace(/[%_\\]/g, '\\$&') + '%';
    params.wordPrefix = '% ' + params.prefix;
    params.sub = '%' + text.toLowerCase().replace(/[%_\\]/g, '\\$&') + '%';
    const digits = text.replace(/\D/g, '');
    params.digits = digits.length >= 3 ? '%' + digits + '%' : '\u0000';
    where.push(`(sort_key LIKE @prefix ESCAPE '\\' OR sort_key LIKE @wordPrefix ESCAPE '\\'
      OR city_key LIKE @prefix ESCAPE '\\' OR lower(emails) LIKE @sub ESCAPE '\\' OR phones LIKE @digits)`);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const dir = a.dir === 'desc' ? 'DESC' : 'ASC';
  const order = a.sort === 'name' ? `sort_key ${dir}, id ${dir}` : `${ORDER[a.sort]} ${dir}, sort_key ${dir}, id ${dir}`;
  const total = (db.prepare(`SELECT count(*) AS n FROM candidates ${whereSql}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT id, name, status, updated_at, version, emails, phones, city, available_from
       FROM candidates ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: a.limit, offset: a.offset }) as Pick<
    CandidateRow,
    'id' | 'name' | 'status' | 'updated_at' | 'version' | 'emails' | 'phones' | 'city' | 'available_from'
  >[];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      updatedAt: r.updated_at,
      version: r.version,
      email: (JSON.parse(r.emails) as string[])[0] ?? null,
      phone: (JSON.parse(r.phones) as string[])[0] ?? null,
      city: r.city,
      availableFrom: r.available_from,
    })),
  };
}

export function candidateHistory(db: Db, a: { id: string }): HistoryEntry[] {
  getCandidate(db, a);
  const rows = db
    .prepare(
      `SELECT h.at, h.actor_id, s.name AS actor_name, h.action, h.changes
       FROM candidate_history h JOIN staff s ON s.id = h.actor_id
       WHERE h.candidate_id = ? ORDER BY h.seq DESC`,
    )
    .all(a.id) as { at: string; actor_id: string; actor_name: string; action: HistoryEntry['action']; changes: string }[];
  return rows.map((r) => ({
    at: r.at,
    actor: { id: r.actor_id, name: r.actor_name },
    action: r.action,
    changes: JSON.parse(r.changes),
  }));
}

export const candidateQueries = {
  'candidates.insert': insertCandidate,
  'candidates.insertMany': insertCandidates,
  'candidates.get': getCandidate,
  'candidates.update': updateCandidate,
  'candidates.list': listCandidates,
  'candidates.history': candidateHistory,
};
