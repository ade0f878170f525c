import type { Line } from './lines.ts';
import { cleanItem } from './skills.ts';

export interface CertificateItem {
  name: string;
  date?: string;
  issuer?: string;
  line: Line;
}

const YEAR_FIRST_RE = /^((?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*[:\-–|]?\s+(.+)$/;
const YEAR_LAST_RE = /^(.+?)\s*[,(–-]\s*((?:0?[1-9]|1[0-2])[./])?((?:19|20)\d\d)\)?\s*$/;

/**
 * Courses, certificates and licences: "2017: Certified ScrumMaster", "Førstehjelpskurs
 * (2016)", "AWS Certified Developer – Associate, Amazon Web Services (AWS)". Items
 * wrapped over two sidebar lines are joined: the year marks where each one starts or ends.
 */
export function parseCertificates(lines: Line[]): CertificateItem[] {
  const texts = lines.map((l) => ({ line: l, text: l.cells.join(' ').trim() }));
  const yearFirst = texts.filter((t) => YEAR_FIRST_RE.test(t.text)).length;
  const yearLast = texts.filter((t) => YEAR_LAST_RE.test(t.text)).length;
  const merged: { line: Line; text: string }[] = [];
  for (const t of texts) {
    const prev = merged.at(-1);
    if (prev && !t.line.bullet) {
      if (yearFirst >= 2 && yearFirst >= yearLast && !YEAR_FIRST_RE.test(t.text)) {
        prev.text += ' ' + t.text;
        continue;
      }
      if (yearLast >= 2 && yearLast > yearFirst && !YEAR_LAST_RE.test(prev.text) && (/^[(\p{Ll}]/u.test(t.text) || YEAR_LAST_RE.test(t.text))) {
        prev.text += ' ' + t.text;
        continue;
      }
    }
    merged.push({ ...t });
  }
  const out: CertificateItem[] = [];
  for (const { line, text } of merged) {
    let name = text;
    let date: string | undefined;
    let m = name.match(YEAR_FIRST_RE);
    if (m) {
      date = m[1];
      name = m[2] as string;
    } else if ((m = name.match(YEAR_LAST_RE))) {
      name = m[1] as string;
      date = m[3];
    }
    name = cleanItem(name);
    if (!name || !/\p{L}/u.test(name) || name.length > 120) continue;
    out.push({ name, ...(date ? { date } : {}), line });
  }
  return out;
}

/** Licences stated in personal details: "Førerkort: B, BE", "Driving licence: B". */
export function findLicences(lines: Line[]): CertificateItem[] {
  const out: CertificateItem[] = [];
  for (const line of lines) {
    const m = line.text.match(/\b(førerkort|sertifikat|driving licen[cs]e|driver'?s licen[cs]e|führerschein)\s*(?:klasse|class|kl\.)?\s*:?\s*([A-Z]{1,2}\d?E?(?:\s*(?:,|og|and|\/|\+)\s*[A-Z]{1,2}\d?E?)*)\b/i);
    if (m && /[A-Z]/.test(m[2] as string)) out.push({ name: `${m[1]} ${m[2]}`.replace(/\s+/g, ' ').trim(), line });
  }
  return out;
}
