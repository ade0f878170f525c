import { describe, expect, it } from 'vitest';
import { englishTargets, readUnsureWordsInEnglish } from './english-words.ts';
import type { ReadAgainBox, TesseractPage, TesseractWord } from './tesseract-thread.ts';

const word = (text: string, x0: number, confidence = 95, width = 100): TesseractWord => ({ text, confidence, bbox: { x0, y0: 100, x1: x0 + width, y1: 140 } });
const page = (...lines: TesseractWord[][]): TesseractPage => ({
  confidence: 90,
  blocks: [
    {
      paragraphs: [
        {
          lines: lines.map((words, i) => ({
            text: words.map((w) => w.text).join(' '),
            confidence: 90,
            bbox: { x0: 0, y0: 100 + 60 * i, x1: 2000, y1: 140 + 60 * i },
            words: words.map((w) => ({ ...w, bbox: { ...w.bbox, y0: w.bbox.y0 + 60 * i, y1: w.bbox.y1 + 60 * i } })),
          })),
        },
      ],
    },
  ],
});
const texts = (p: TesseractPage) => p.blocks![0]!.paragraphs[0]!.lines.map((l) => l.text);

/** An English reader that answers, for each box, the words given for the place it starts at. */
function englishReader(byLeft: (left: number) => TesseractWord[]) {
  const asked: ReadAgainBox[] = [];
  const readAgain = async (boxes: ReadAgainBox[]) => {
    asked.push(...boxes);
    return boxes.map((b) => byLeft(b.left));
  };
  return { asked, readAgain };
}

describe('a scan read in Norwegian, with English where Norwegian needs it', () => {
  it('reads nothing again where Norwegian read every word surely, or only a bullet unsurely', async () => {
    // An English page, so unsure words would be read again; a bullet is left alone however
    // unsure: English alone reads "•" as "ES".
    const read = page([word('Worked', 0), word('at', 110), word('the', 220), word('warehouse', 330)], [word('«', 0, 0, 20), word('English', 30), word('and', 140), word('Norwegian', 250)]);
    const { asked, readAgain } = englishReader(() => []);
    expect(await readUnsureWordsInEnglish(read, readAgain)).toBe(0);
    expect(asked).toEqual([]);
  });

  it('takes an e-mail address from the English reading of its line, the other words as Norwegian read them', async () => {
    // The Norwegian model has no "@" and no "_": the address comes out as two words.
    const read = page([word('E-post:', 0), word('ola', 110, 89), word('nordmannQfirma.no', 220, 72, 300)], [word('Bjørg', 0)]);
    const { asked, readAgain } = englishReader(() => [word('E-post:', 0, 92), word('ola_nordmann@firma.no', 110, 89, 410)]);
    expect(await readUnsureWordsInEnglish(read, readAgain)).toBe(1);
    expect(asked).toHaveLength(1); // the address's line, once: its unsure words are in it
    expect(texts(read)).toEqual(['E-post: ola_nordmann@firma.no', 'Bjørg']);
  });

  it('reads a short capitalised word with its neighbours, and takes C# for the Norwegian "Cff"', async () => {
    const read = page([word('Kompetanse:', 0), word('Cff,', 110, 93), word('Java', 220)]);
    const targets = englishTargets(read);
    expect(targets.map((t) => [t.word?.text, t.box.x0, t.box.x1])).toEqual([['Cff,', 0, 320]]);
    const { readAgain } = englishReader(() => [word('Kompetanse:', 0, 88), word('C#,', 110, 91), word('Java', 220, 96)]);
    expect(await readUnsureWordsInEnglish(read, readAgain)).toBe(1);
    expect(texts(read)).toEqual(['Kompetanse: C#, Java']);
  });

  it('takes an unsure word English reads more surely, but never to drop æ, ø, å', async () => {
    const read = page([word('by', 0), word('å', 110, 58, 30), word('third', 150), word('Bjørn', 260, 70), word('Stavanger', 370, 60)]);
    const english: Record<number, TesseractWord[]> = {
      100: [word('a', 110, 96, 30)],
      250: [word('Bjorn', 260, 92)], // English has no "ø": the Norwegian word stays
      360: [word('Stavanger', 370, 50)], // less sure than the Norwegian reading
    };
    const { asked, readAgain } = englishReader((left) => english[Math.floor(left / 10) * 10] ?? []);
    expect(await readUnsureWordsInEnglish(read, readAgain)).toBe(1);
    expect(asked).toHaveLength(3);
    expect(texts(read)).toEqual(['by a third Bjørn Stavanger']);
  });

  it('reads unsure words again only on a page that reads as English', () => {
    const norwegian = page([word('Jobbet', 0), word('som', 110), word('lærer', 220), word('på', 330), word('Hønefoss', 440, 60)]);
    expect(englishTargets(norwegian)).toEqual([]);
    const english = page([word('Worked', 0), word('as', 110), word('a', 220, 60), word('teacher', 330), word('at', 440), word('Hønefoss', 550, 60)]);
    expect(englishTargets(english).map((t) => t.word?.text)).toEqual(['a', 'Hønefoss']);
  });

  it('keeps the Norwegian reading when the English one fails', async () => {
    const read = page([word('nordmannQfirma.no', 0, 72)]);
    expect(await readUnsureWordsInEnglish(read, () => Promise.reject(new Error('gone')))).toBe(0);
    expect(texts(read)).toEqual(['nordmannQfirma.no']);
  });
});
