import type { Direction } from '../../../shared/contract/index.ts';
import { toE164 } from '../../../shared/phone.ts';

/**
 * A phone's or SMS backup app's CSV export of text messages: a header row naming
 * date, number, direction and text (Norwegian or English names, any order),
 * separated by `,`, `;` or tabs, quoted as RFC 4180.
 */

export interface SmsRow {
  line: number;
  at: string;
  phone: string;
  direction: Direction;
  text: string;
}

const COLUMNS: Record<keyof Omit<SmsRow, 'line'>, RegExp> = {
  at: /^(date|dato|time|tid|timestamp|tidspunkt|sent|received|datetime)$/i,
  phone: /^(number|nummer|phone|telefon|telefonnummer|address|adresse|mobile|mobil|contact)$/i,
  direction: /^(direction|retning|type|box|folder)$/i,
  text: /^(text|tekst|body|message|melding|content|innhold)$/i,
};

/** RFC 4180 fields, with the separator found in the header line. */
export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = [';', '\t', ','].map((s) => ({ s, n: firstLine.split(s).length })).sort((a, b) => b.n - a.n)[0]!.s;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function parseWhen(raw: string): string | null {
  const v = raw.trim();
  if (/^\d{12,13}$/.test(v)) return new Date(Number(v)).toISOString();
  const nordic = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(v);
  if (nordic) {
    const [, d, m, y, h, min, s] = nordic;
    return new Date(Number(y), Number(m) - 1, Number(d), Number(h), Number(min), Number(s ?? 0)).toISOString();
  }
  const t = Date.parse(v.replace(' ', 'T'));
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function parseDirection(raw: string): Direction | null {
  const v = raw.trim().toLowerCase();
  if (/^(in|inn|inbox|received|mottatt|innkommende|incoming|1)$/.test(v)) return 'in';
  if (/^(out|ut|sent|sendt|utgående|outgoing|2)$/.test(v)) return 'out';
  return null;
}

export function readSmsCsv(csv: string): { rows: SmsRow[]; errors: { line: number; message: string }[] } {
  const table = parseCsv(csv);
  const header = table[0] ?? [];
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, re]) => [key, header.findIndex((h) => re.test(h.trim()))]),
  ) as Record<keyof typeof COLUMNS, number>;
  const missing = Object.entries(index).filter(([, i]) => i < 0).map(([k]) => k);
  if (missing.length) {
    return { rows: [], errors: [{ line: 1, message: `The header row names no column for: ${missing.join(', ')}` }] };
  }
  const rows: SmsRow[] = [];
  const errors: { line: number; message: string }[] = [];
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const at = parseWhen(cells[index.at] ?? '');
    const phone = toE164(cells[index.phone] ?? '');
    const direction = parseDirection(cells[index.direction] ?? '');
    const text = cells[index.text] ?? '';
    if (!at) errors.push({ line, message: `Unreadable date "${cells[index.at] ?? ''}"` });
    else if (!phone) errors.push({ line, message: `Unreadable phone number "${cells[index.phone] ?? ''}"` });
    else if (!direction) errors.push({ line, message: `Unknown direction "${cells[index.direction] ?? ''}" (in/out)` });
    else if (!text.trim()) errors.push({ line, message: 'No text' });
    else rows.push({ line, at, phone, direction, text });
  });
  return { rows, errors };
}
