import { crc32 } from 'node:zlib';

/**
 * CVs made at test time for the browser suite, so no real CV is ever copied into
 * the repository: a text PDF with Helvetica lines, a minimal Word file, and a PDF
 * that breaks off in the middle.
 */

export interface CvLines {
  lines: string[];
}

/** A PDF string literal in WinAnsi: æ, ø and å are the same bytes as Latin-1. */
const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A one-page A4 text PDF: each line in Helvetica 11 pt, 15 pt apart; an empty line leaves a gap. */
export function textPdf(lines: string[]): Buffer {
  const ops = ['BT', '/F1 11 Tf', '15 TL', '56 780 Td', ...lines.map((line) => (line ? `${pdfString(line)} Tj T*` : 'T*')), 'ET'].join('\n');
  const stream = Buffer.from(ops, 'latin1');
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${ops}\nendstream`,
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A PDF cut off after its first object: it starts like a PDF, and nothing can read it. */
export function brokenPdf(): Buffer {
  return textPdf(['Denne filen er ødelagt']).subarray(0, 60);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal Word document (stored, not deflated): one paragraph per line, headings in bold. */
export function docx(lines: string[], headings: string[] = []): Buffer {
  const paragraphs = lines
    .map((line) =>
      headings.includes(line)
        ? `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>`
        : `<w:p><w:r><w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>`,
    )
    .join('');
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    [
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`,
    ],
  ];
  return storedZip(files.map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })));
}

function storedZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Kari: a text PDF with contact lines, a profile, two positions, an education and languages. */
export const kariCv = () =>
  textPdf([
    'Kari Nordmann',
    'kari.nordmann@example.no',
    'Telefon: 912 34 567',
    'Storgata 1, 0155 Oslo',
    '',
    'Arbeidserfaring',
    '2019 - nå  Sykepleier, Oslo universitetssykehus',
    '2015 - 2019  Helsefagarbeider, Bydel Frogner',
    '',
    'Utdanning',
    '2015 - 2018  Bachelor i sykepleie, OsloMet',
    '',
    'Språk',
    'Norsk - morsmål',
    'Engelsk - flytende',
  ]);

/** Ola: a Word file. */
export const olaCv = () =>
  docx(
    [
      'Ola Hansen',
      'ola.hansen@example.no',
      'Mobil: 987 65 432',
      'Bergen',
      'Arbeidserfaring',
      '2016 - 2021  Lagermedarbeider, Posten Norge',
      'Utdanning',
      '2012 - 2015  Fagbrev i logistikk, Bergen tekniske fagskole',
    ],
    ['Arbeidserfaring', 'Utdanning'],
  );

/** Per: his e-mail is already in the register; the CV brings a phone number and a position. */
export const perCv = () =>
  textPdf([
    'Per Olsen',
    'per.olsen@example.no',
    'Tlf: 415 55 123',
    'Trondheim',
    '',
    'Arbeidserfaring',
    '2018 - 2023  Truckfører, Coop Midt-Norge',
  ]);

/** A CV whose first job has no period beside it, as when OCR loses a faint date line. */
export const noraCv = () =>
  textPdf([
    'Nora Jørgensen',
    'nora.jorgensen@example.no',
    '',
    'Arbeidserfaring',
    'Controller',
    'BDO - Trondheim',
    '- Fakturering og oppfølging av reskontro',
    'Lønnsmedarbeider',
    'KPMG - Oslo',
    'Mars 2020 - Mai 2023',
    '- MVA-rapportering',
    'Økonomimedarbeider',
    'Deloitte - Oslo',
    'Apr. 2018 - Feb. 2020',
    '- Bilagsføring',
  ]);
