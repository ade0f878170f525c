import { describe, expect, it } from 'vitest';
import { mergeReadings } from './merge-readings.ts';
import type { TesseractLine, TesseractPage, TesseractWord } from './tesseract-thread.ts';

const word = (text: string, x0: number, x1: number, confidence = 92, y0 = 100): TesseractWord => ({
  text,
  confidence,
  bbox: { x0, y0, x1, y1: y0 + 30 },
});
const line = (words: TesseractWord[]): TesseractLine => ({
  text: words.map((w) => w.text).join(' '),
  confidence: words.reduce((sum, w) => sum + w.confidence, 0) / words.length,
  bbox: { x0: words[0]!.bbox.x0, y0: words[0]!.bbox.y0, x1: words.at(-1)!.bbox.x1, y1: words[0]!.bbox.y1 },
  words,
});
const page = (...lines: TesseractLine[]): TesseractPage => ({ confidence: 90, blocks: [{ paragraphs: [{ lines }] }] });
const texts = (p: TesseractPage) => (p.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((pa) => pa.lines.map((l) => l.text)));

describe('two readings of a photo, merged', () => {
  it('takes a word the other reading gives at the same place far more surely', () => {
    const kept = page(line([word('Navn', 0, 60, 90), word('Ljv-Marit', 100, 270, 73), word('Holm-Asheim', 290, 560, 91)]));
    const other = page(line([word('Navn', 0, 60, 96)]), line([word('Liv-Marit', 100, 272, 91), word('Holm-Åsheim', 288, 560, 92)]));
    expect(mergeReadings(kept, other)).toEqual({ words: 1, lines: 0 });
    // Holm-Åsheim is only one point surer: left for the Norwegian reading to settle.
    expect(texts(kept)).toEqual(['Navn Liv-Marit Holm-Asheim']);
  });

  it('completes a word the kept reading cut short', () => {
    const kept = page(line([word('Mars', 0, 80), word('2020', 120, 185), word('-', 205, 222, 77), word('Mai', 235, 293, 85), word('2', 315, 326, 96)]));
    const other = page(line([word('Mars', 0, 82, 96), word('2020', 100, 184, 93), word('—', 200, 217), word('Mai', 234, 294, 95), word('2023', 310, 394, 95)]));
    mergeReadings(kept, other);
    expect(texts(kept)).toEqual(['Mars 2020 - Mai 2023']);
  });

  it('does not join two of its words into one the other reading ran together', () => {
    const kept = page(line([word('Oslo', 0, 80), word('2019', 100, 170)]));
    const other = page(line([word('Oslo2019', 0, 170, 95)]));
    mergeReadings(kept, other);
    expect(texts(kept)).toEqual(['Oslo 2019']);
  });

  it('adds a line only the other reading found, where the kept one has no word at all', () => {
    const kept = page(line([word('Controller', 0, 210)]), line([word('BDO', 0, 90, 91, 160)]));
    const dates = line([word('Nov.', 0, 66, 96, 220), word('2023', 90, 204, 93, 220), word('~', 190, 208, 58, 220), word('Aug.', 225, 290, 96, 220), word('202', 318, 377, 96, 220)]);
    const other = page(line([word('Controller', 0, 212, 93)]), dates);
    expect(mergeReadings(kept, other)).toEqual({ words: 0, lines: 1 });
    expect(texts(kept)).toEqual(['Controller', 'BDO', 'Nov. 2023 ~ Aug. 202']);
  });

  it('leaves out an unsure line, a line of specks, and one that overlaps what it has', () => {
    const kept = page(line([word('Referanser', 0, 200)]));
    const other = page(
      line([word('Mari-Ann', 0, 150, 55, 300), word('Jacobsen', 170, 320, 60, 300)]), // unsure
      line([word(';,', 0, 20, 95, 400), word('.', 40, 45, 95, 400)]), // no letters or digits
      line([word('Referanser', 0, 205, 96, 110)]), // the kept line, read a little lower
    );
    expect(mergeReadings(kept, other)).toEqual({ words: 0, lines: 0 });
    expect(texts(kept)).toEqual(['Referanser']);
  });
});
