import { describe, expect, it } from 'vitest';
import type { Candidate, ResumeDocument } from '../../../shared/contract/index.ts';
import { DEFAULT_SHARE_FIELDS, ShareFields } from '../../../shared/contract/index.ts';
import { buildProfile, initials } from './profile.ts';
import { norwegianCounty } from './region.ts';
import { assessTransfer, ADEQUACY_DECISIONS, EEA_COUNTRIES } from './transfer-basis.ts';

const candidate: Candidate = {
  id: 'c1',
  name: 'Kari Nordmann-Berg',
  emails: ['kari@example.no'],
  phones: ['+4791234567'],
  address: { street: 'Storgata 1', postalCode: '9008', city: 'Tromsø', country: 'NO' },
  birthDate: '1988-04-01',
  status: 'active',
  availability: { from: '2026-04-01', extentPercent: 80, shifts: ['day'] },
  desiredRoles: ['Truckfører'],
  desiredSectors: [],
  notes: 'Intern merknad som aldri deles',
  createdAt: '',
  createdBy: '',
  updatedAt: '',
  updatedBy: '',
  version: 1,
};
// JSON Resume's basics.image (the photo) is not in the contract's type: the intake never fills it.
const resume = {
  basics: { label: 'Lagerarbeider', summary: 'Erfaren', image: 'data:image/png;base64,AAAA' },
  work: [{ name: 'Fjordlager AS', position: 'Truckfører', location: 'Tromsø', startDate: '2020-01' }],
  education: [{ institution: 'Tromsø vgs', area: 'Transport' }],
  skills: [{ name: 'Truck' }],
  references: [{ name: 'Ola Leder', reference: '+4790000000' }],
} as ResumeDocument;

describe('the minimal profile', () => {
  it('by default: contact, city and region, work; never notes, birth date, street, national id, photo or references', () => {
    const doc = buildProfile({ candidate, resume, nationalId: '01018812345' }, DEFAULT_SHARE_FIELDS, 'full');
    expect(doc.basics).toEqual({
      name: 'Kari Nordmann-Berg',
      label: 'Lagerarbeider',
      email: 'kari@example.no',
      phone: '+4791234567',
      summary: 'Erfaren',
      location: { city: 'Tromsø', region: 'Troms', countryCode: 'NO' },
    });
    expect(doc.work?.[0]).toMatchObject({ name: 'Fjordlager AS', position: 'Truckfører' });
    expect(doc.meta).toEqual({ kandidat: { availability: { from: '2026-04-01', extentPercent: 80, shifts: ['day'] }, desiredRoles: ['Truckfører'] } });
    const text = JSON.stringify(doc);
    for (const hidden of ['Intern merknad', '1988-04-01', 'Storgata', '9008', '01018812345', 'data:image', 'Ola Leder']) expect(text).not.toContain(hidden);
  });

  it('sends the protected fields only when the selection names them', () => {
    const doc = buildProfile({ candidate, resume, nationalId: '01018812345' }, ShareFields, 'full');
    expect(doc.basics).toMatchObject({ birthDate: '1988-04-01', nationalId: '01018812345', image: 'data:image/png;base64,AAAA' });
    expect(doc.basics?.location).toMatchObject({ address: 'Storgata 1', postalCode: '9008' });
    expect(doc.references).toHaveLength(1);
  });

  it('anonymised: initials and region, no contact details, employers or references, even when selected', () => {
    const doc = buildProfile({ candidate, resume, nationalId: '01018812345' }, ShareFields, 'anonymised');
    expect(doc.basics).toEqual({ name: 'K. N.-B.', label: 'Lagerarbeider', location: { region: 'Troms', countryCode: 'NO' } });
    expect(doc.work).toEqual([{ position: 'Truckfører', startDate: '2020-01' }]);
    expect(JSON.stringify(doc)).not.toMatch(/Kari|Nordmann|kari@|4791234567|Storgata|Tromsø"|Fjordlager|Ola Leder|01018812345|1988/);
  });

  it('initials and counties', () => {
    expect(initials('  åse   Østby ')).toBe('Å. Ø.');
    expect(norwegianCounty('0150')).toBe('Oslo');
    expect(norwegianCounty('5003')).toBe('Vestland');
    expect(norwegianCounty('7030')).toBe('Trøndelag');
    expect(norwegianCounty('abc')).toBeNull();
  });
});

describe('the transfer basis table', () => {
  it('names each adequacy decision with its date and act, and none inside the EEA', () => {
    for (const d of ADEQUACY_DECISIONS) {
      expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.act).toMatch(/Decision/);
      expect(EEA_COUNTRIES.has(d.country)).toBe(false);
    }
    expect(EEA_COUNTRIES.size).toBe(30);
    expect(assessTransfer({ country: 'no', safeguardReference: null, adequacyScopeConfirmed: false })).toMatchObject({ allowed: true, basis: 'eea' });
    expect(assessTransfer({ country: 'CN', safeguardReference: '  ', adequacyScopeConfirmed: true })).toMatchObject({ allowed: false, code: 'noBasis' });
  });
});
