import type { Db } from '../connection.ts';
import type { Client, ClientContact, ClientFields, ClientPatch, ClientSummary, ContactFields } from '../../../../shared/contract/index.ts';
import { isValidOrgNumber } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';

/** Clients of the agency and their contact people. */

interface ClientRow {
  id: string;
  name: string;
  org_number: string;
  country: string;
  notes: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

interface ContactRow {
  id: string;
  client_id: string;
  name: string;
  role: string;
  email: string;
  phone: string;
  created_at: string;
  updated_at: string;
}

const nameKey = (name: string) => name.trim().toLocaleLowerCase('nb');

const toContact = (r: ContactRow): ClientContact => ({
  id: r.id,
  clientId: r.client_id,
  name: r.name,
  role: r.role,
  email: r.email,
  phone: r.phone,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function readClient(db: Db, id: string): Client {
  const r = db.prepare('SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'No client with that id', { id });
  const contacts = db.prepare('SELECT * FROM client_contacts WHERE client_id = ? ORDER BY name, id').all(id) as ContactRow[];
  return {
    id: r.id,
    name: r.name,
    orgNumber: r.org_number,
    country: r.country,
    notes: r.notes,
    contacts: contacts.map(toContact),
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    version: r.version,
  };
}

/** The same company twice is refused with the name it is already registered under. */
function assertOrgNumberFree(db: Db, country: string, orgNumber: string, exceptId: string | null) {
  if (orgNumber === '') return;
  const other = db
    .prepare('SELECT id, name FROM clients WHERE country = ? AND org_number = ? AND id IS NOT ?')
    .get(country, orgNumber, exceptId) as { id: string; name: string } | undefined;
  if (other) {
    throw new AppError('CONFLICT', `Organisation number ${orgNumber} is already registered for ${other.name}.`, {
      clientId: other.id,
      field: 'orgNumber',
    });
  }
}

function assertValidOrgNumber(country: string, orgNumber: string) {
  if (country === 'NO' && !isValidOrgNumber(orgNumber)) {
    throw new AppError('VALIDATION', `Not a valid Norwegian organisation number: ${orgNumber || '(empty)'}`, {
      issues: [{ path: 'orgNumber', message: 'Nine digits with a valid mod-11 check digit' }],
    });
  }
}

function touch(db: Db, clientId: string, actorId: string, at: string) {
  db.prepare('UPDATE clients SET updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?').run(at, actorId, clientId);
}

function insertContactRow(db: Db, id: string, clientId: string, c: ContactFields, at: string) {
  db.prepare(
    'INSERT INTO client_contacts (id, client_id, name, role, email, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, clientId, c.name, c.role, c.email, c.phone, at, at);
}

export function insertClient(
  db: Db,
  a: { id: string; fields: ClientFields; contactIds: string[]; actorId: string; at: string },
): Client {
  return db.transaction(() => {
    assertValidOrgNumber(a.fields.country, a.fields.orgNumber);
    assertOrgNumberFree(db, a.fields.country, a.fields.orgNumber, null);
    db.prepare(
      `INSERT INTO clients (id, name, name_key, org_number, country, notes, created_at, created_by, updated_at, updated_by, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ).run(a.id, a.fields.name, nameKey(a.fields.name), a.fields.orgNumber, a.fields.country, a.fields.notes, a.at, a.actorId, a.at, a.actorId);
    a.fields.contacts.forEach((c, i) => insertContactRow(db, a.contactIds[i] ?? `${a.id}-c${i}`, a.id, c, a.at));
    return readClient(db, a.id);
  })();
}

export function getClient(db: Db, a: { id: string }): Client {
  return readClient(db, a.id);
}

export function updateClient(db: Db, a: { id: string; version: number; patch: ClientPatch; actorId: string; at: string }): Client {
  return db.transaction(() => {
    const before = readClient(db, a.id);
    if (a.version !== before.version) {
      throw new AppError('CONFLICT', 'Someone changed this client after you opened it. Reload to see the changes.', {
        current: before.version,
      });
    }
    const after = { ...before, ...a.patch };
    if (after.name === before.name && after.orgNumber === before.orgNumber && after.country === before.country && after.notes === before.notes) {
      return before;
    }
    assertValidOrgNumber(after.country, after.orgNumber);
    assertOrgNumberFree(db, after.country, after.orgNumber, a.id);
    db.prepare(
      `UPDATE clients SET name = ?, name_key = ?, org_number = ?, country = ?, notes = ?,
         updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
    ).run(after.name, nameKey(after.name), after.orgNumber, after.country, after.notes, a.at, a.actorId, a.id);
    return readClient(db, a.id);
  })();
}

export function listClients(db: Db, a: { offset: number; limit: number; text: string }): { total: number; items: ClientSummary[] } {
  const text = a.text.trim();
  const params: Record<string, unknown> = { limit: a.limit, offset: a.offset };
  let where = '';
  if (text) {
    const escaped = nameKey(text).replace(/[%_\\]/g, '\\$&');
    params.prefix = escaped + '%';
    params.wordPrefix = '% ' + escaped + '%';
    params.org = text.replace(/\s+/g, '').replace(/[%_\\]/g, '\\$&') + '%';
    where = `WHERE name_key LIKE @prefix ESCAPE '\\' OR name_key LIKE @wordPrefix ESCAPE '\\' OR org_number LIKE @org ESCAPE '\\'`;
  }
  const total = (db.prepare(`SELECT count(*) AS n FROM clients ${where}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.org_number, c.country, c.updated_at, c.version,
         (SELECT count(*) FROM client_contacts k WHERE k.client_id = c.id) AS contacts
       FROM clients c ${where} ORDER BY c.name_key, c.id LIMIT @limit OFFSET @offset`,
    )
    .all(params) as (Pick<ClientRow, 'id' | 'name' | 'org_number' | 'country' | 'updated_at' | 'version'> & { contacts: number })[];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      orgNumber: r.org_number,
      country: r.country,
      updatedAt: r.updated_at,
      version: r.version,
      contactCount: r.contacts,
    })),
  };
}

export function addContact(db: Db, a: { id: string; clientId: string; contact: ContactFields; actorId: string; at: string }): Client {
  return db.transaction(() => {
    readClient(db, a.clientId);
    insertContactRow(db, a.id, a.clientId, a.contact, a.at);
    touch(db, a.clientId, a.actorId, a.at);
    return readClient(db, a.clientId);
  })();
}

function contactRow(db: Db, id: string): ContactRow {
  const row = db.prepare('SELECT * FROM client_contacts WHERE id = ?').get(id) as ContactRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No contact with that id', { id });
  return row;
}

export function updateContact(db: Db, a: { id: string; patch: Partial<ContactFields>; actorId: string; at: string }): Client {
  return db.transaction(() => {
    const row = contactRow(db, a.id);
    const merged = { name: row.name, role: row.role, email: row.email, phone: row.phone, ...a.patch };
    db.prepare('UPDATE client_contacts SET name = ?, role = ?, email = ?, phone = ?, updated_at = ? WHERE id = ?').run(
      merged.name,
      merged.role,
      merged.email,
      merged.phone,
      a.at,
      a.id,
    );
    touch(db, row.client_id, a.actorId, a.at);
    return readClient(db, row.client_id);
  })();
}

export function removeContact(db: Db, a: { id: string; actorId: string; at: string }): Client {
  return db.transaction(() => {
    const row = contactRow(db, a.id);
    db.prepare('DELETE FROM client_contacts WHERE id = ?').run(a.id);
    touch(db, row.client_id, a.actorId, a.at);
    return readClient(db, row.client_id);
  })();
}

export const clientQueries = {
  'clients.insert': insertClient,
  'clients.get': getClient,
  'clients.update': updateClient,
  'clients.list': listClients,
  'clients.contacts.add': addContact,
  'clients.contacts.update': updateContact,
  'clients.contacts.remove': removeContact,
};
