import { describe, expect, it } from 'vitest';
import { onlyNorwegianLettersDiffer, restoreNorwegianLetters } from './norwegian-letters.ts';
import type { TesseractPage } from './tesseract-thread.ts';

describe('Norwegian letters from the Norwegian reading', () => {
  it('takes a word only where it differs in nothing but æ, ø, å', () => {
    for (const [other, norwegian] of [
      ['JORGENSEN', 'JØRGENSEN'],
      ['Tromso', 'Tromsø'],
      ['SPRAK', 'SPRÅK'],
      ['Baerum', 'Bærum'],
      ['nd', 'nå'],
      ['ekonomi', 'økonomi'],
      ['@konomimedarbeider', 'Økonomimedarbeider'],
      ['arsoppgjer', 'årsoppgjør'],
    ]) {
      expect(onlyNorwegianLettersDiffer(other!, norwegian!), `${other} → ${norwegian}`).toBe(true);
    }
    for (const [other, norwegian] of [
      ['Tromsø', 'Tromsø'], // nothing to do
      ['elirasmussen@yahoo.no', 'elirasmussenØyahoo.no'], // an e-mail address keeps its "@"
      ['Bl', 'BI'], // no Norwegian letter involved
      ['17.11.1973', 'vALMETE!'],
      ['ab', 'øå'], // most of the word would change
      ['Oslo', 'Ås'],
    ]) {
      expect(onlyNorwegianLettersDiffer(other!, norwegian!), `${other} ↛ ${norwegian}`).toBe(false);
    }
  });

  const word = (text: string, x0: number, confidence = 90) => ({ text, confidence, bbox: { x0, y0: 10, x1: x0 + 100, y1: 40 } });
  const page = (words: ReturnType<typeof word>[]): TesseractPage => ({
    confidence: 90,
    blocks: [{ paragraphs: [{ lines: [{ text: words.map((w) => w.text).join(' '), confidence: 90, bbox: { x0: 0, y0: 10, x1: 1000, y1: 40 }, words }] }] }],
  });

  it('corrects the words at the same place and rebuilds the line, leaving the rest as read', () => {
    const read = page([word('Nora', 0), word('Jorgensen,', 110), word('nora@gmail.com', 220), word('Tromso', 330)]);
    const norwegian = page([word('Nora', 0), word('Jørgensen,', 112), word('noraØgmail.com', 220), word('Tromsø', 700), word('Sø', 900, 20)]);
    expect(restoreNorwegianLetters(read, norwegian)).toBe(1);
    const line = read.blocks![0]!.paragraphs[0]!.lines[0]!;
    // Tromso is left: the Norwegian reading has it somewhere else on the line.
    expect(line.words.map((w) => w.text)).toEqual(['Nora', 'Jørgensen,', 'nora@gmail.com', 'Tromso']);
    expect(line.text).toBe('Nora Jørgensen, nora@gmail.com Tromso');
  });

  it('does not trust an unsure Norwegian reading', () => {
    const read = page([word('Tromso', 0)]);
    expect(restoreNorwegianLetters(read, page([word('Tromsø', 0, 25)]))).toBe(0);
    expect(restoreNorwegianLetters(read, page([word('Tromsø', 0, 80)]))).toBe(1);
  });
});
