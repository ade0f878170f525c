import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { migrate, migrations, LATEST_VERSION, type Migration } from './index.ts';
import { openEncrypted, type Db } from '../connection.ts';

let dir: string | null = null;
let db: Db | null = null;
afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = null;
  dir = null;
});

function fresh(): Db {
  dir = mkdtempSync(join(tmpdir(), 'kandidat-mig-'));
  const opened = openEncrypted(join(dir, 'v.db'), randomBytes(32));
  db = opened;
  return opened;
}

describe('migrations', () => {
  // Features own numbers assigned up front, so a number may be missing for a while.
  it('are numbered in increasing order, starting at 1', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it('bring a new database to the latest version and are idempotent', () => {
    const db = fresh();
    expect(migrate(db)).toEqual({ from: 0, to: LATEST_VERSION });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
  });

  it('apply in one transaction: a failing step leaves the database as it was', () => {
    const db = fresh();
    const broken: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x)') },
      { version: 2, name: 'fails', up: () => { throw new Error('boom'); } },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
  });

  it('refuse a database from a newer version', () => {
    const db = fresh();
    db.pragma(`user_version = ${LATEST_VERSION + 3}`);
    expect(() => migrate(db)).toThrow(/newer version of Kandidat/);
  });
});
