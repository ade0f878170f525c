import { describe, expect, it } from 'vitest';
import type { TextLine } from '../document.ts';
import { orderPage } from './readingOrder.ts';

const seg = (text: string, x: number, y: number, width = text.length * 5, size = 10): TextLine => ({ text, x, y, width, height: size, fontSize: size });

describe('reading order', () => {
  it('reads a two-column page column by column, under a full-width header', () => {
    const header = seg('Kari Nordmann – Lagermedarbeider – kari@example.no – 912 34 567', 40, 30, 480, 14);
    const left = ['ERFARING', 'Lagermedarbeider, Firma AS', '2019 – 2021', 'Plukk og pakk av varer', 'Sjåfør, Frakt AS', '2016 – 2019'];
    const right = ['KOMPETANSE', 'Truckførerbevis', 'Excel', 'SPRÅK', 'Norsk – morsmål', 'Engelsk – godt'];
    // The right column is shuffled in the input and set 7 pt lower per line: no shared baselines.
    const segments = [
      header,
      ...right.map((t, i) => seg(t, 330, 86 + i * 17)).reverse(),
      ...left.map((t, i) => seg(t, 40, 80 + i * 14, Math.min(250, t.length * 6))),
    ];
    expect(orderPage(segments).map((l) => l.text)).toEqual([header.text, ...left, ...right]);
  });

  it('keeps label and value cells of one row together (a table, not two columns)', () => {
    const rows = [
      ['Periode', '08.2019 – 06.2021'],
      ['Arbeidsgiver', 'Firma AS'],
      ['Stilling', 'Lagermedarbeider'],
      ['Sted', 'Oslo'],
    ];
    const segments = rows.flatMap(([label, value], i) => [seg(label as string, 60, 100 + i * 16), seg(value as string, 200, 100 + i * 16)]);
    expect(orderPage(segments).map((l) => l.text)).toEqual(rows.map(([l, v]) => `${l}\t${v}`));
  });

  it('keeps a one-column page top to bottom', () => {
    const texts = ['Kari Nordmann', 'Profil', 'Erfaren lagermedarbeider med truckførerbevis og ti års erfaring fra lager', 'Erfaring', 'Lager AS'];
    const segments = texts.map((t, i) => seg(t, 40, 40 + i * 16, t.length * 6)).reverse();
    expect(orderPage(segments).map((l) => l.text)).toEqual(texts);
  });
});
