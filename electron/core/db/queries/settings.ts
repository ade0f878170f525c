import type { Db } from '../connection.ts';

export function getSettings(db: Db): Record<string, unknown> {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
}

export function setSettings(db: Db, a: { values: Record<string, unknown> }): Record<string, unknown> {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(a.values)) upsert.run(key, JSON.stringify(value));
  })();
  return getSettings(db);
}

export const settingsQueries = { 'settings.get': getSettings, 'settings.set': setSettings };
