import type { Db } from '../connection.ts';
import type { StaffMember } from '../../../../shared/contract/index.ts';

export function insertStaff(db: Db, a: { member: StaffMember; at: string }): StaffMember {
  db.prepare('INSERT INTO staff (id, name, email, created_at) VALUES (?, ?, ?, ?)').run(
    a.member.id,
    a.member.name,
    a.member.email,
    a.at,
  );
  return a.member;
}

export function getStaff(db: Db, a: { id: string }): StaffMember | null {
  return (db.prepare('SELECT id, name, email FROM staff WHERE id = ?').get(a.id) as StaffMember | undefined) ?? null;
}

export const staffQueries = { 'staff.insert': insertStaff, 'staff.get': getStaff };
