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
