import type { Migration } from './index.ts';

/**
 * Clients of the agency and the people we deal with there. The organisation
 * number is checked (mod 11) before it gets here; one client per number, so the
 * same company is not entered twice under two spellings.
 */
export const migration005: Migration = {
  version: 5,
  name: 'clients',
  up: (db) => {
    db.exec(`
      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- Lower-cased name, for the quick filter and ordering.
        name_key TEXT NOT NULL,
        -- Nine digits for a Norwegian company; '' for a foreign one without one.
        org_number TEXT NOT NULL DEFAULT '',
        -- ISO 3166-1 alpha-2.
        country TEXT NOT NULL DEFAULT 'NO',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES staff(id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX clients_by_name ON clients(name_key, id);
      CREATE UNIQUE INDEX clients_by_org_number ON clients(country, org_number) WHERE org_number <> '';

      CREATE TABLE client_contacts (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        -- E.164, or ''.
        phone TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX client_contacts_by_client ON client_contacts(client_id, name);
    `);
  },
};
