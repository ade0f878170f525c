import JSZip from 'jszip';

/**
 * Small CV documents built in the tests themselves: a hand-written PDF writer (text at
 * positions in Helvetica, WinAnsi so æ, ø, å work) and a DOCX builder. No CV from a
 * corpus is copied into the repository; the people in these fixtures are invented.
 */
export interface PdfText {
  /** Points from the left edge. */
  x: number;
  /** Points from the TOP edge (the writer flips to PDF's bottom-up space). */
  y: number;
  text: string;
  size?: number;
  bold?: boolean;
}

export interface PdfPageSpec {
  width?: number;
  height?: number;
  texts: PdfText[];
}

/** WinAnsi encodes Latin-1 (plus a few) as single bytes; escape what a PDF string needs. */
function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch === '–' ? 0x96 : ch === '—' ? 0x97 : ch === '•' ? 0x95 : ch.charCodeAt(0);
    if (code === 0x28 || code === 0x29 || code === 0x5c) out += '\\' + ch;
    else if (code < 0x20 || code > 0x7e) out += '\\' + code.toString(8).padStart(3, '0');
    else out += ch;
  }
  return `(${out})`;
}

export function makePdf(pages: PdfPageSpec[], options: { encrypt?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const pagesId = objects.length + 1 + pages.length * 2;
  const pageIds: number[] = [];
  for (const page of pages) {
    const width = page.width ?? 595;
    const height = page.height ?? 842;
    const content = page.texts
      .map((t) => `BT /${t.bold ? 'F2' : 'F1'} ${t.size ?? 10} Tf 1 0 0 1 ${t.x} ${height - t.y} Tm ${pdfString(t.text)} Tj ET`)
      .join('\n');
    const contentId = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${width} ${height}] /Contents ${contentId} 0 R /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> >>`,
      ),
    );
  }
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  // A standard security handler whose owner/user keys match no password: readers must ask.
  const encrypt = options.encrypt
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -3904 >>`)
    : null;
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  const id = '<0123456789abcdef0123456789abcdef>';
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

export type DocxBlock =
  | { heading: string; level?: number }
  | { paragraph: string | { text: string; bold?: boolean }[] }
  | { bullets: string[] }
  | { table: string[][] };

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function run(text: string, bold = false): string {
  return `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;
}

function blockXml(block: DocxBlock): string {
  if ('heading' in block) return `<w:p><w:pPr><w:pStyle w:val="Heading${block.level ?? 2}"/></w:pPr>${run(block.heading)}</w:p>`;
  if ('paragraph' in block) {
    const runs = typeof block.paragraph === 'string' ? run(block.paragraph) : block.paragraph.map((r) => run(r.text, r.bold)).join('');
    return `<w:p>${runs}</w:p>`;
  }
  if ('bullets' in block) {
    return block.bullets.map((b) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(b)}</w:p>`).join('');
  }
  const rows = block.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:p>${run(cell)}</w:p></w:tc>`).join('')}</w:tr>`).join('');
  return `<w:tbl>${rows}</w:tbl>`;
}

export interface DocxSpec {
  blocks: DocxBlock[];
  /** Text of the page header (Word's running header). */
  header?: string;
  /** Extra entries added to the archive as given (for decompression-bomb tests). */
  extraEntries?: { name: string; data: Uint8Array }[];
}

export async function makeDocx(spec: DocxSpec): Promise<Uint8Array> {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>${spec.header ? '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' : ''}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>${spec.header ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' : ''}</Relationships>`,
  );
  const styles = [1, 2, 3].map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/></w:style>`).join('');
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>${styles}</w:styles>`);
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  if (spec.header) zip.file('word/header1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W}><w:p>${run(spec.header)}</w:p></w:hdr>`);
  const sectPr = spec.header ? '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/></w:sectPr>' : '';
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${spec.blocks.map(blockXml).join('')}${sectPr}</w:body></w:document>`);
  for (const e of spec.extraEntries ?? []) zip.file(e.name, e.data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
