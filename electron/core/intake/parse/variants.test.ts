import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../document.ts';
import { parseDocument } from './index.ts';

type Spec = string | [string, { bold?: boolean; size?: number; x?: number }];

/** A one-column page of lines, 14 pt apart (the parser's input, without a PDF in between). */
function page(lines: Spec[]): ExtractedDocument {
  return {
    kind: 'pdf',
    pages: [
      {
        number: 1,
        width: 595,
        height: 842,
        source: 'text',
        lines: lines.map((spec, i) => {
          const [text, o] = typeof spec === 'string' ? [spec, {}] : spec;
          const size = o.size ?? 10;
          return { text, x: o.x ?? 40, y: 40 + i * 14, width: text.length * 5, height: size, fontSize: size, bold: o.bold ?? false };
        }),
      },
    ],
  };
}
const heading = (t: string): Spec => [t, { bold: true, size: 13 }];
const name = (t: string): Spec => [t, { bold: true, size: 22 }];
const work = (doc: ExtractedDocument) => parseDocument(doc).resume.work?.map((w) => [w.name, w.position, w.startDate, w.endDate ?? null]);

describe('wordings the parser has to generalise over', () => {
  it('reads a bullet that OCR ran into the word ("«Norsk") as a bullet, a quotation as a quotation', () => {
    const doc = page([name('Kari Nordmann'), heading('SPRÅK'), '«Norsk (morsmål)', '« Engelsk (flytende)', heading('PROFIL'), '«Alltid blid» sier kollegene']);
    doc.pages[0]!.source = 'ocr';
    const { resume } = parseDocument(doc);
    expect(resume.languages?.map((l) => [l.language, l.fluency])).toEqual([
      ['Norsk', 'morsmål'],
      ['Engelsk', 'flytende'],
    ]);
    expect(resume.basics?.summary).toContain('«Alltid blid»');
  });

  it('"2019 – 2021: Stilling, Arbeidsgiver" and a header packed with contact items', () => {
    const doc = page([name('Per Olsen'), 'Mobil 41234567 | per@example.no | 0560 Oslo', heading('Arbeidserfaring'), '2019 – 2021: Lagermedarbeider, Firma AS', '2016 – 2019: Sjåfør, Transport AS']);
    const { resume } = parseDocument(doc);
    expect(resume.basics).toMatchObject({ phone: '+4741234567', email: 'per@example.no', location: { postalCode: '0560', city: 'Oslo' } });
    expect(work(doc)).toEqual([
      ['Firma AS', 'Lagermedarbeider', '2019', '2021'],
      ['Transport AS', 'Sjåfør', '2016', '2019'],
    ]);
  });

  it('a period in brackets after the employer and town', () => {
    const doc = page([name('Anne Lie'), heading('Erfaring'), ['Butikkmedarbeider', { bold: true }], 'Rema 1000, Oslo (2019–2021)', ['Kasserer', { bold: true }], 'Kiwi, Bergen (2017–2019)']);
    expect(work(doc)).toEqual([
      ['Rema 1000', 'Butikkmedarbeider', '2019', '2021'],
      ['Kiwi', 'Kasserer', '2017', '2019'],
    ]);
  });

  it('"fra august 2019 til mars 2021" above "Stilling – Arbeidsgiver", and a licence section', () => {
    const doc = page([
      name('Ola Hansen'),
      heading('Yrkeserfaring'),
      'Fra august 2019 til mars 2021',
      ['Truckfører – Bring', { bold: true }],
      'Fra mai 2015 til juli 2019',
      ['Lagerarbeider – Posten Norge', { bold: true }],
      heading('Førerkort'),
      'Klasse B og C',
    ]);
    expect(work(doc)).toEqual([
      ['Bring', 'Truckfører', '2019-08', '2021-03'],
      ['Posten Norge', 'Lagerarbeider', '2015-05', '2019-07'],
    ]);
    expect(parseDocument(doc).resume.certificates).toEqual([{ name: 'Klasse B og C' }]);
  });

  it('English titles with the period right-aligned on the same line', () => {
    const doc = page([
      name('Sarah Khan'),
      'sarah.khan@example.com · +47 987 65 432 · Stavanger',
      heading('Experience'),
      ['Nurse\tJan 2020 – Present', { bold: true }],
      'Stavanger University Hospital',
      ['Healthcare Assistant\tJun 2017 – Dec 2019', { bold: true }],
      'Sola Municipality',
    ]);
    expect(parseDocument(doc).resume.basics?.location?.city).toBe('Stavanger');
    expect(work(doc)).toEqual([
      ['Stavanger University Hospital', 'Nurse', '2020-01', null],
      ['Sola Municipality', 'Healthcare Assistant', '2017-06', '2019-12'],
    ]);
  });

  it('one degree listed as the studies and as the graduation becomes one entry', () => {
    const doc = page([
      name('Tore Vik'),
      heading('Education'),
      'Graduated as M.Sc. Computer Science\tUniversity of Tromsø, 2019 / 06',
      'Master Studies Computer Science\tUniversity of Tromsø, 2017 - 2019',
    ]);
    expect(parseDocument(doc).resume.education).toEqual([
      { institution: 'University of Tromsø', studyType: 'M.Sc.', area: 'Computer Science', startDate: '2017', endDate: '2019-06' },
    ]);
  });

  it('references listed under their own heading never give the candidate a phone', () => {
    const doc = page([name('Lise Berg'), 'lise@example.no', heading('Referanser'), 'Kari Hansen, daglig leder, Firma AS, tlf. 900 11 222']);
    expect(parseDocument(doc).resume.basics?.phone).toBeUndefined();
  });
});

describe('an entry whose period is lost', () => {
  const dated = (title: string, employer: string, period: string, bullet: string): Spec[] => [
    [title, { bold: true }],
    employer,
    period,
    [`• ${bullet}`, { x: 50 }],
  ];
  const undated = (title: string, employer: string, bullet: string): Spec[] => [[title, { bold: true }], employer, [`• ${bullet}`, { x: 50 }]];

  it('is kept, undated, first or between dated siblings of the same shape, with its own bullets', () => {
    const doc = page([
      name('Nora Jørgensen'),
      heading('Arbeidserfaring'),
      ...undated('Controller', 'BDO - Trondheim', 'Fakturering og oppfølging av reskontro'),
      ...dated('Lønnsmedarbeider', 'KPMG - Oslo', 'Mars 2020 - Mai 2023', 'MVA-rapportering'),
      ...undated('Regnskapsmedarbeider', 'EY - Bergen', 'Avstemming av konti'),
      ...dated('Økonomimedarbeider', 'Deloitte - Oslo', 'Apr. 2018 - Feb. 2020', 'Bilagsføring'),
    ]);
    expect(work(doc)).toEqual([
      ['BDO', 'Controller', undefined, null],
      ['KPMG', 'Lønnsmedarbeider', '2020-03', '2023-05'],
      ['EY', 'Regnskapsmedarbeider', undefined, null],
      ['Deloitte', 'Økonomimedarbeider', '2018-04', '2020-02'],
    ]);
    const { resume, fields } = parseDocument(doc);
    expect(resume.work?.[0]?.highlights).toEqual(['Fakturering og oppfølging av reskontro']);
    expect(resume.work?.[1]?.highlights).toEqual(['MVA-rapportering']);
    // The lost periods are flagged for the review (and keep the profile from being accepted
    // without one), pointing at the entry; read periods are not.
    for (const path of ['work.0.startDate', 'work.0.endDate', 'work.2.startDate', 'work.2.endDate']) {
      expect(fields[path]?.confidence, path).toBeLessThan(0.5);
      expect(fields[path]?.source, path).not.toBeNull();
    }
    expect(fields['work.1.startDate']?.confidence).toBeGreaterThan(0.5);
    expect(fields['work.1.endDate']?.confidence).toBeGreaterThan(0.5);
  });

  it('a period whose end was not read flags the end, not the start', () => {
    const doc = page([
      name('Nora Jørgensen'),
      heading('Arbeidserfaring'),
      ...dated('Lønnsmedarbeider', 'KPMG - Oslo', 'Mars 2020 - Mai 2', 'MVA-rapportering'),
      ...dated('Økonomimedarbeider', 'Deloitte - Oslo', 'Apr. 2018 - Feb. 2020', 'Bilagsføring'),
    ]);
    const { resume, fields } = parseDocument(doc);
    expect(resume.work?.[0]).toMatchObject({ name: 'KPMG', startDate: '2020-03' });
    expect(resume.work?.[0]?.endDate).toBeUndefined();
    expect(fields['work.0.startDate']?.confidence).toBeGreaterThan(0.5);
    expect(fields['work.0.endDate']?.confidence).toBeLessThan(0.5);
  });

  it('an intro line under the heading is not taken for an entry', () => {
    const doc = page([
      name('Nora Jørgensen'),
      heading('Arbeidserfaring'),
      'Sju års erfaring fra regnskap og økonomi.',
      ...dated('Lønnsmedarbeider', 'KPMG - Oslo', 'Mars 2020 - Mai 2023', 'MVA-rapportering'),
      ...dated('Økonomimedarbeider', 'Deloitte - Oslo', 'Apr. 2018 - Feb. 2020', 'Bilagsføring'),
    ]);
    expect(work(doc)?.map((w) => w[0])).toEqual(['KPMG', 'Deloitte']);
  });
});

describe('layouts built as files', () => {
  it('a Word CV whose entries sit in a date | text table, with personal details as a table', async () => {
    const { parseCvBytes } = await import('./index.ts');
    const { makeDocx } = await import('../extract/fixtures.ts');
    const docx = await makeDocx({
      blocks: [
        { heading: 'Mari Sandvik', level: 1 },
        { paragraph: 'Sykepleier' },
        { heading: 'Arbeidserfaring' },
        { table: [['2020 – d.d.', 'Sykepleier, Haukeland universitetssjukehus'], ['2016 – 2020', 'Helsefagarbeider, Bergen kommune']] },
        { heading: 'Utdanning' },
        { table: [['2013 – 2016', 'Bachelor i sykepleie, Høgskulen på Vestlandet']] },
        { heading: 'Nøkkelkvalifikasjoner' },
        { bullets: ['Medisinhåndtering', 'Sårstell', 'DIPS'] },
        { heading: 'Personalia' },
        { table: [['Adresse', 'Fjellveien 3, 5003 Bergen'], ['Mobil', '934 56 781'], ['E-post', 'mari.sandvik@example.no'], ['Førerkort', 'B, C1']] },
      ],
    });
    const { resume } = await parseCvBytes(docx, 'cv.docx');
    expect(resume.basics).toMatchObject({ name: 'Mari Sandvik', phone: '+4793456781', location: { city: 'Bergen', postalCode: '5003' } });
    expect(resume.work?.map((w) => [w.name, w.position, w.startDate, w.endDate ?? null])).toEqual([
      ['Haukeland universitetssjukehus', 'Sykepleier', '2020', null],
      ['Bergen kommune', 'Helsefagarbeider', '2016', '2020'],
    ]);
    expect(resume.education).toEqual([{ institution: 'Høgskulen på Vestlandet', studyType: 'Bachelor', area: 'sykepleie', startDate: '2013', endDate: '2016' }]);
    expect(resume.skills?.map((s) => s.name)).toEqual(['Medisinhåndtering', 'Sårstell', 'DIPS']);
    expect(resume.certificates).toEqual([{ name: 'Førerkort B, C1' }]);
  });

  it('an English PDF with employer, title and period stacked, and the contact line at the foot', async () => {
    const { parseCvBytes } = await import('./index.ts');
    const { makePdf } = await import('../extract/fixtures.ts');
    const t = (x: number, y: number, text: string, size = 10, bold = false) => ({ x, y, text, size, bold });
    const pdf = makePdf([
      {
        texts: [
          t(40, 40, 'Daniel Okafor', 24, true),
          t(40, 70, 'Warehouse Team Leader', 12),
          t(40, 110, 'PROFESSIONAL EXPERIENCE', 13, true),
          t(40, 130, 'Nordic Logistics AS — Drammen', 10, true),
          t(40, 143, 'Team Leader'),
          t(40, 156, 'March 2019 – Present', 9),
          t(52, 170, '• Led a team of 12 pickers'),
          t(40, 190, 'Coop Norge — Oslo', 10, true),
          t(40, 203, 'Forklift Driver'),
          t(40, 216, 'June 2015 – February 2019', 9),
          t(40, 250, 'LANGUAGES', 13, true),
          t(40, 268, 'English – fluent; Norwegian – good; Yoruba – native'),
          t(40, 780, 'Contact: +47 48 12 34 56 · daniel.okafor@example.com · Skogveien 4, 3015 Drammen', 9),
        ],
      },
    ]);
    const { resume, language } = await parseCvBytes(pdf, 'cv.pdf');
    expect(language).toBe('en');
    expect(resume.basics).toMatchObject({ phone: '+4748123456', email: 'daniel.okafor@example.com', location: { city: 'Drammen' } });
    expect(resume.work?.map((w) => [w.name, w.position, w.startDate, w.endDate ?? null])).toEqual([
      ['Nordic Logistics AS', 'Team Leader', '2019-03', null],
      ['Coop Norge', 'Forklift Driver', '2015-06', '2019-02'],
    ]);
    expect(resume.languages?.map((l) => l.language)).toEqual(['English', 'Norwegian', 'Yoruba']);
  });
});
