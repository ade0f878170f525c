import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { candidateFields } from '../../../../shared/contract/index.ts';
import { migrate, migrations } from './index.ts';
import { openEncrypted, type Db } from '../connection.ts';
import { insertStaff } from '../queries/staff.ts';
import { insertCandidate } from '../queries/candidates.ts';
import { searchIndex } from '../queries/search.ts';
import { refreshSearchIndex } from '../queries/search-index.ts';
import { compileSearch } from '../../search/service.ts';

let dir: string | null = null;
let db: Db | null = null;
afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = dir = null;
});

const NO_FILTERS = { status: null, availableBy: null, postalPrefix: null, region: null, certificate: '', language: '' } as const;

function names(d: Db, query: string): string[] {
  const compiled = compileSearch({ query, filters: NO_FILTERS, includeInactive: false });
  return searchIndex(d, { match: compiled.match, ranked: compiled.ranked, availableBy: null, limit: 50, offset: 0 }).hits.map((h) => h.name);
}

describe('migration 010: prefix indexes for 4 and 5 characters', () => {
  it('keeps every candidate of a vault indexed before it findable, by stems of any length, folded, with the inactive left out', () => {
    dir = mkdtempSync(join(tmpdir(), 'kandidat-mig10-'));
    db = openEncrypted(join(dir, 'v.db'), randomBytes(32));
    migrate(db, migrations.filter((m) => m.version < 10));
    const at = '2026-11-01T10:00:00.000Z';
    insertStaff(db, { member: { id: 'staff-1', name: 'Rita Rekrutterer', email: 'rita@byraa.no' }, at });
    const add = (id: string, fields: Record<string, unknown>) =>
      insertCandidate(db!, { id, fields: candidateFields.parse(fields), actorId: 'staff-1', at });
    add('c-1', { name: 'Åse Trøen', address: { city: 'Tromsø' }, desiredRoles: ['Truckfører'], notes: 'Kransertifikat G4' });
    add('c-2', { name: 'Per Lagerud', address: { city: 'Bærum' }, desiredRoles: ['Lagermedarbeider'] });
    add('c-3', { name: 'Ola Inaktiv', address: { city: 'Oslo' }, desiredRoles: ['Truckfører'] });
    db.prepare("UPDATE candidates SET status = 'inactive' WHERE id = 'c-3'").run();
    // The status tag comes from the candidate row: re-index c-3 as the app does after a change.
    refreshSearchIndex(db, 'c-3');

    const before = { truck: names(db, 'truck*'), kran: names(db, 'kran*'), tromso: names(db, 'Tromso'), lager: names(db, 'lagerm*') };
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(String((db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").get() as { sql: string }).sql)).toContain("prefix = '2 3 4 5'");

    expect(names(db, 'truck*')).toEqual(['Åse Trøen']);
    expect(names(db, 'kran*')).toEqual(['Åse Trøen']);
    expect(names(db, 'tr*')).toEqual(['Åse Trøen']);
    expect(names(db, 'Tromso')).toEqual(['Åse Trøen']);
    expect(names(db, 'lagerm*')).toEqual(['Per Lagerud']);
    expect(names(db, 'Baerum')).toEqual(['Per Lagerud']);
    expect({ truck: names(db, 'truck*'), kran: names(db, 'kran*'), tromso: names(db, 'Tromso'), lager: names(db, 'lagerm*') }).toEqual(before);
  });
});
