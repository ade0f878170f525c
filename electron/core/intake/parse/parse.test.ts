import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf, type PdfText } from '../extract/fixtures.ts';
import { parseCvBytes } from './index.ts';
import { validateNationalId } from './nationalId.ts';
import type { JsonResume } from './types.ts';

const require = createRequire(import.meta.url);
const { validate } = require('@jsonresume/schema') as { validate: (doc: unknown, cb: (errors: unknown, valid: boolean) => void) => void };

function schemaErrors(resume: JsonResume): unknown {
  let result: unknown = 'not called';
  validate(resume, (errors) => {
    result = errors;
  });
  return result;
}

/** A valid (invented) fødselsnummer: 15.03.1985, individual number 123. */
const FNR = (() => {
  const base = '150385123';
  const d = [...base].map(Number);
  const k = (digits: number[], w: number[]): number => {
    const r = 11 - (w.reduce((s, x, i) => s + x * (digits[i] as number), 0) % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = k(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = k([...d, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return `${base}${k1}${k2}`;
})();

function sidebarCv(): Uint8Array {
  const main: PdfText[] = [
    { x: 200, y: 50, text: 'Ingrid Bakke-Sørlie', size: 24, bold: true },
    { x: 200, y: 78, text: 'Truckfører', size: 12 },
    { x: 200, y: 120, text: 'ARBEIDSERFARING', size: 13, bold: true },
    { x: 200, y: 140, text: '08.2019 – d.d.', size: 9 },
    { x: 200, y: 153, text: 'Truckfører hos Lagerhuset AS', size: 10, bold: true },
    { x: 212, y: 167, text: '• Kjøring av motvektstruck', size: 10 },
    { x: 200, y: 188, text: 'jan. 2016 – juli 2019', size: 9 },
    { x: 200, y: 201, text: 'Butikkmedarbeider – Matkroken Sentrum', size: 10, bold: true },
    { x: 212, y: 215, text: '• Kassearbeid og varepåfylling', size: 10 },
    { x: 200, y: 250, text: 'UTDANNING', size: 13, bold: true },
    { x: 200, y: 270, text: '2012 - 2015', size: 9 },
    { x: 200, y: 283, text: 'Fjellby videregående skole – Fagbrev i logistikkfaget', size: 10, bold: true },
    { x: 200, y: 320, text: 'REFERANSER', size: 13, bold: true },
    { x: 200, y: 340, text: 'Per Hansen', size: 10, bold: true },
    { x: 200, y: 353, text: 'Lagersjef, Lagerhuset AS, tlf. 987 65 432, per.hansen@lagerhuset.example', size: 10 },
  ];
  const side: PdfText[] = [
    { x: 30, y: 122, text: 'PERSONALIA', size: 11, bold: true },
    { x: 30, y: 138, text: 'Adresse: Granveien 12,', size: 9 },
    { x: 30, y: 150, text: '2050 Jessheim', size: 9 },
    { x: 30, y: 164, text: 'Mobil: 412 34 567', size: 9 },
    { x: 30, y: 178, text: 'E-post: ingrid.bs@example.no', size: 9 },
    { x: 30, y: 192, text: `Fødselsnummer: ${FNR.slice(0, 6)} ${FNR.slice(6)}`, size: 9 },
    { x: 30, y: 214, text: 'KOMPETANSE', size: 11, bold: true },
    { x: 38, y: 230, text: 'Truckførerbevis T1–T4', size: 9 },
    { x: 38, y: 243, text: 'Varemottak', size: 9 },
    { x: 30, y: 265, text: 'SPRÅK', size: 11, bold: true },
    { x: 38, y: 281, text: 'Norsk – morsmål', size: 9 },
    { x: 38, y: 294, text: 'Engelsk – godt', size: 9 },
  ];
  return makePdf([{ texts: [...main, ...side] }]);
}

describe('parseCvBytes on a two-column Norwegian CV', () => {
  it('fills contact, work, education, skills and languages', async () => {
    const { resume } = await parseCvBytes(sidebarCv(), 'cv.pdf');
    expect(resume.basics).toMatchObject({
      name: 'Ingrid Bakke-Sørlie',
      label: 'Truckfører',
      email: 'ingrid.bs@example.no',
      phone: '+4741234567',
      location: { address: 'Granveien 12', postalCode: '2050', city: 'Jessheim', countryCode: 'NO' },
    });
    expect(resume.work).toEqual([
      expect.objectContaining({ name: 'Lagerhuset AS', position: 'Truckfører', startDate: '2019-08' }),
      expect.objectContaining({ name: 'Matkroken Sentrum', position: 'Butikkmedarbeider', startDate: '2016-01', endDate: '2019-07' }),
    ]);
    expect(resume.work?.[0]).not.toHaveProperty('endDate');
    expect(resume.education).toEqual([
      expect.objectContaining({ institution: 'Fjellby videregående skole', studyType: 'Fagbrev', area: 'logistikkfaget', startDate: '2012', endDate: '2015' }),
    ]);
    expect(resume.skills?.map((s) => s.name)).toEqual(['Truckførerbevis T1–T4', 'Varemottak']);
    expect(resume.languages).toEqual([
      { language: 'Norsk', fluency: 'morsmål' },
      { language: 'Engelsk', fluency: 'godt' },
    ]);
  });

  it('never takes the reference person’s phone or e-mail for the candidate’s', async () => {
    const { resume } = await parseCvBytes(sidebarCv(), 'cv.pdf');
    const all = JSON.stringify(resume.basics);
    expect(all).not.toContain('98765432');
    expect(all).not.toContain('lagerhuset.example');
    // They stay with the reference, where JSON Resume keeps them.
    expect(resume.references).toEqual([{ name: 'Per Hansen', reference: expect.stringContaining('987 65 432') }]);
  });

  it('flags the national identity number and keeps it out of the profile and the text', async () => {
    const result = await parseCvBytes(sidebarCv(), 'cv.pdf');
    expect(validateNationalId(FNR)).toBe('fodselsnummer');
    expect(result.nationalIds.map((n) => n.value)).toEqual([FNR]);
    expect(result.nationalIds[0]?.source?.page).toBe(1);
    expect(JSON.stringify(result.resume).replace(/\D/g, '')).not.toContain(FNR);
    expect(result.text.replace(/\D/g, '')).not.toContain(FNR);
    expect(result.resume.basics?.nationalId).toBeUndefined();
  });

  it('keeps the number in basics.nationalId only when asked to', async () => {
    const { resume } = await parseCvBytes(sidebarCv(), 'cv.pdf', { keepNationalId: true });
    expect(resume.basics?.nationalId).toBe(FNR);
  });

  it('gives every field a confidence and the box it came from', async () => {
    const { fields } = await parseCvBytes(sidebarCv(), 'cv.pdf');
    expect(fields['basics.email']?.confidence).toBeGreaterThan(0.5);
    expect(fields['basics.email']?.source).toMatchObject({ page: 1 });
    expect(fields['basics.email']?.source?.x).toBeCloseTo(30, 0);
    expect(fields['work.0.name']?.source?.x).toBeCloseTo(200, 0);
    for (const [path, evidence] of Object.entries(fields)) {
      expect(evidence.confidence, path).toBeGreaterThan(0);
      expect(evidence.confidence, path).toBeLessThanOrEqual(1);
    }
  });

  it('prints a document valid against the JSON Resume schema', async () => {
    const { resume } = await parseCvBytes(sidebarCv(), 'cv.pdf');
    expect(schemaErrors(resume)).toBeNull();
  });
});

describe('parseCvBytes on an English Word CV', () => {
  it('reads headings, bullets and a label/value table', async () => {
    const docx = await makeDocx({
      blocks: [
        { heading: 'Jonas Lindqvist', level: 1 },
        { paragraph: 'Warehouse Operative' },
        { heading: 'Contact details' },
        { table: [['Phone', '+47 934 56 789'], ['Email', 'jonas.l@example.com'], ['Address', 'Elvegata 5, 7010 Trondheim']] },
        { heading: 'Work Experience' },
        { paragraph: [{ text: 'Forklift Operator', bold: true }, { text: ', Nordic Freight AS' }] },
        { paragraph: 'Mar 2020 – Present' },
        { bullets: ['Loading and unloading trailers'] },
        { paragraph: [{ text: 'Picker', bold: true }, { text: ', Fjord Retail' }] },
        { paragraph: 'Jun 2017 – Feb 2020' },
        { heading: 'Education' },
        { paragraph: [{ text: 'Bachelor in Logistics', bold: true }] },
        { paragraph: 'Molde University College' },
        { paragraph: '2014 – 2017' },
        { heading: 'Skills' },
        { paragraph: 'WMS, SAP, Order picking' },
        { heading: 'Languages' },
        { paragraph: 'Swedish (native), Norwegian (fluent), English (good)' },
        { heading: 'References' },
        { paragraph: 'Eva Berg, Shift Manager, Nordic Freight AS, phone +47 400 00 001, eva@example.com' },
      ],
    });
    const result = await parseCvBytes(docx, 'cv.docx');
    const { resume } = result;
    expect(result.language).toBe('en');
    expect(resume.basics).toMatchObject({ name: 'Jonas Lindqvist', phone: '+4793456789', email: 'jonas.l@example.com', location: { city: 'Trondheim' } });
    expect(resume.work).toEqual([
      expect.objectContaining({ name: 'Nordic Freight AS', position: 'Forklift Operator', startDate: '2020-03' }),
      expect.objectContaining({ name: 'Fjord Retail', position: 'Picker', startDate: '2017-06', endDate: '2020-02' }),
    ]);
    expect(resume.education).toEqual([
      expect.objectContaining({ institution: 'Molde University College', studyType: 'Bachelor', area: 'Logistics', startDate: '2014', endDate: '2017' }),
    ]);
    expect(resume.skills?.map((s) => s.name)).toEqual(['WMS', 'SAP', 'Order picking']);
    expect(resume.languages?.map((l) => l.language)).toEqual(['Swedish', 'Norwegian', 'English']);
    expect(schemaErrors(resume)).toBeNull();
  });
});
