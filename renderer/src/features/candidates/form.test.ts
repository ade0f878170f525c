import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../../shared/contract/candidates.ts';
import { checkForm, emptyForm, errorsFromIssues, formFromCandidate, patchOf, toSubmission } from './form.ts';

const stored: Candidate = {
  id: 'c1',
  name: 'Kari Nordmann',
  emails: ['kari@example.no'],
  phones: ['+4791234567'],
  address: { street: 'Storgata 1', postalCode: '0155', city: 'Oslo', country: 'NO' },
  birthDate: null,
  status: 'active',
  availability: { from: '2025-09-01', extentPercent: 80, shifts: ['night', 'day'] },
  desiredRoles: ['Sykepleier'],
  desiredSectors: [],
  notes: '',
  createdAt: '2025-01-01T10:00:00.000Z',
  createdBy: 's1',
  updatedAt: '2025-01-01T10:00:00.000Z',
  updatedBy: 's1',
  version: 1,
};

describe('candidate form', () => {
  it('round-trips a stored candidate unchanged: an untouched form is no change', () => {
    const form = formFromCandidate(stored);
    expect(form.phones).toEqual(['91 23 45 67']);
    expect(form.shifts).toEqual(['day', 'night']);
    expect(patchOf(form, form)).toEqual({});
  });

  it('sees only the city as changed when only the city was edited', () => {
    const before = formFromCandidate(stored);
    const after = { ...before, city: 'Bergen' };
    expect(patchOf(before, after)).toEqual({ address: { street: 'Storgata 1', postalCode: '0155', city: 'Bergen', country: 'NO' } });
  });

  it('treats a phone retyped in another notation as the same number', () => {
    const before = formFromCandidate(stored);
    expect(patchOf(before, { ...before, phones: ['+47 912 34 567'] })).toEqual({});
  });

  it('drops empty rows and reads the extent as a number', () => {
    const form = { ...emptyForm(), name: ' Ola ', emails: ['', 'ola@example.no'], phones: [''], extentPercent: '60' };
    const { fields, emailRows } = toSubmission(form);
    expect(fields.name).toBe('Ola');
    expect(fields.emails).toEqual(['ola@example.no']);
    expect(fields.phones).toEqual([]);
    expect(fields.availability.extentPercent).toBe(60);
    expect(emailRows).toEqual([1]);
  });

  it('catches a missing name, a bad phone and an extent out of range before sending', () => {
    const form = { ...emptyForm(), phones: ['912 34 567', '123'], extentPercent: '120' };
    expect(checkForm(form)).toEqual({
      name: 'invalid.required',
      'phones.1': 'invalid.phone',
      'availability.extentPercent': 'invalid.extent',
    });
  });

  it("places the core's issues on the form rows they came from", () => {
    const form = { ...emptyForm(), name: 'Per', phones: ['', '99999999'] };
    const submission = toSubmission(form);
    expect(errorsFromIssues([{ path: 'phones.0', message: 'Not a valid phone number' }], submission)).toEqual({
      'phones.1': 'invalid.phone',
    });
  });
});
