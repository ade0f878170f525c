import { looksLikeName } from './contact.ts';
import type { Line } from './lines.ts';

export interface ReferenceItem {
  name: string;
  reference: string;
  line: Line;
}

/**
 * Reference persons as JSON Resume lists them: the name, and the rest (role, employer,
 * phone) as the reference text. They stay here; contact extraction never reads them.
 * "Referanser oppgis på forespørsel" names nobody and gives nothing.
 */
export function parseReferences(lines: Line[]): ReferenceItem[] {
  const out: ReferenceItem[] = [];
  let current: ReferenceItem | null = null;
  for (const line of lines) {
    const first = (line.cells[0] ?? '').trim();
    // "Kari Hansen, daglig leder, Firma AS, tlf. …" or a name line followed by its details.
    const head = first.split(/\s*,\s*/)[0] ?? '';
    if (looksLikeName(first) || (looksLikeName(head) && head.split(' ').length >= 2)) {
      const name = looksLikeName(first) ? first : head;
      const rest = [line.text.slice(line.text.indexOf(name) + name.length).replace(/^[\s,–-]+/, '')].filter(Boolean);
      current = { name, reference: rest.join(' '), line };
      out.push(current);
      continue;
    }
    if (current) current.reference = [current.reference.replace(/[,;]\s*$/, ''), line.text].filter(Boolean).join(', ');
  }
  return out;
}
