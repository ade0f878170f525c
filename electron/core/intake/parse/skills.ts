import { classifyHeading } from './headings.ts';
import { isLanguageName } from './lexicon.ts';
import type { Line } from './lines.ts';

/**
 * Items of a list section (skills, certificates, interests): one per bullet, per
 * line, or per comma in a run-on line; category labels ("DevOps:", "Tech Stack |")
 * are dropped, levels ("(5 years)", "★★★★", ": expert") are cut off.
 */
export interface ListItem {
  text: string;
  line: Line;
  /** The category label the item stood under, if any ("Languages", "Tools"). */
  category?: string;
}

const SPLIT_RE = /\s*[,;•·|]\s*|\s*\t\s*|\s{3,}|\s+\/\s+/;
const LEVEL_RE =
  /\s*(?:[-–:(]\s*)?(?:\d+\+?\s*(?:år|years?|yrs?|mnd|months?)(?:\s*(?:erfaring|experience))?|(?:expert|advanced|avansert|intermediate|middels|beginner|nybegynner|grunnleggende|basic|proficient|erfaren|god|godt|meget godt|svært god|very good|good|excellent|fluent|flytende)|\d(?:[.,]\d)?\s*\/\s*\d+|\d+\s*%)\s*\)?\s*$/i;
const RATING_RE = /[★☆●○◉◎⚫⚪■□▪▫]+/gu;
const LEAD_RE =
  /^(?:and|og|samt|und|et|proficient in|experienced in|erfaring (?:med|fra)|kunnskap om|kjennskap til|familiar with|knowledge of|fluent in|conversational|basic knowledge of|working knowledge of|native speaker of|god i|gode kunnskaper i)\s+/i;

export function cleanItem(raw: string): string {
  let t = raw.replace(RATING_RE, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2; i++) t = t.replace(LEVEL_RE, '').trim();
  t = t.replace(LEAD_RE, '').replace(/^[-–:•·*]+\s*/, '').replace(/[.:;,]+$/, '').trim();
  return t;
}

/** "Languages: Python, C++", "DevOps | AWS, Docker": the label and the items. */
function splitCategory(line: Line): { label?: string; body: string[] } {
  if (line.cells.length >= 2) {
    const first = (line.cells[0] as string).replace(/:$/, '').trim();
    const rest = line.cells.slice(1);
    const restText = rest.join(' ');
    // "DevOps | AWS, Docker", "Tech Stack | Tableau | Python"; not "Linux | 5+ yrs".
    // A grid of single skills ("HTML | CSS | Python") has no label.
    const named = classifyHeading(first) !== null || isLanguageName(first);
    if (first.split(' ').length <= 3 && !/,/.test(first) && cleanItem(restText) && (named || (rest.length === 1 && /[,|•·;]/.test(restText)) || /:$/.test(line.cells[0] as string))) {
      return { label: first, body: rest };
    }
  }
  const m = line.text.match(/^([\p{L}][\p{L}\p{N} &/+.-]{0,30}?)\s*:\s+(.+)$/u);
  if (m && (m[1] as string).split(' ').length <= 4) return { label: m[1] as string, body: [m[2] as string] };
  return { body: line.cells };
}

export function listItems(lines: Line[], options: { sentencesAreItems?: boolean } = {}): ListItem[] {
  const merged = mergeWrapped(lines);
  const out: ListItem[] = [];
  for (const { line, text } of merged) {
    const synthetic: Line = { ...line, text, cells: text.split('\t') };
    // "Over 5000 lines:", "Tools:" alone on a line: a group label, not a skill.
    if (/:\s*$/.test(text) && !text.includes('\t') && text.split(/\s+/).length <= 5) continue;
    const { label, body } = splitCategory(synthetic);
    for (const chunk of body) {
      // A sentence is a description, not a list of skills.
      if (!options.sentencesAreItems && chunk.split(/\s+/).length > 8 && /[.!]$/.test(chunk) && !/,/.test(chunk)) continue;
      // "Windows and Mac OS" in a comma list names two things; "Stell og pleie" names one.
      const parts = chunk.split(SPLIT_RE).flatMap((part) => {
        const both = part.split(/\s+(?:and|og|und)\s+/);
        return both.length === 2 && /,/.test(chunk) && both.every((b) => /^\p{Lu}/u.test(b.trim()) && b.trim().split(/\s+/).length <= 3) ? both : [part];
      });
      for (const part of parts) {
        const item = cleanItem(part);
        if (!item || item.length > 70 || !/\p{L}/u.test(item)) continue;
        out.push({ text: item, line, ...(label ? { category: label } : {}) });
      }
    }
  }
  return out;
}

/** Sidebar lists wrap long items: "Lagerstyringssystem" + "(WMS)". */
function mergeWrapped(lines: Line[]): { line: Line; text: string }[] {
  const out: { line: Line; text: string }[] = [];
  for (const line of lines) {
    const text = line.cells.join('\t');
    const prev = out.at(-1);
    if (prev && !line.bullet && line.page === prev.line.page && line.cells.length === 1 && (/^[(\p{Ll}]/u.test(text) && /^\(|[\p{L})]$/u.test(text) && continues(prev.text, text))) {
      prev.text += ' ' + text;
      continue;
    }
    out.push({ line, text });
  }
  return out;
}

function continues(prev: string, next: string): boolean {
  if (/^\(/.test(next)) return true;
  if (/(\s(og|and|&|i|in|of|for|med|av|som|til)|[-,])$/i.test(prev)) return true;
  return false;
}

/** Items that are natural languages ("Norsk", "English (fluent)"), for skill rows labelled Languages. */
export function isLanguageItem(text: string): boolean {
  const first = text.split(/[\s:(–-]+/)[0] ?? '';
  return isLanguageName(first) || isLanguageName(text);
}
