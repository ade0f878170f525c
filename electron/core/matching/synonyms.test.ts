import { describe, expect, it } from 'vitest';
import { lexicon, licenceClasses, truckClasses } from './synonyms.ts';
import { fold } from './text.ts';
import { regionOf, regionDistanceKm } from './regions.ts';

const lex = lexicon();

describe('synonym table', () => {
  it('is well formed: unique keys and words, both languages labelled, roles in a known sector', () => {
    const t = lex.table;
    expect(t.concepts.length).toBeGreaterThanOrEqual(40);
    const seen = new Map<string, string>();
    for (const entry of [...t.concepts.map((c) => ({ id: c.key, terms: c.terms })), ...t.certificates.map((c) => ({ id: c.code, terms: c.terms })), ...t.languages.map((l) => ({ id: l.code, terms: l.terms }))]) {
      for (const term of entry.terms) {
        expect(term, `${term} in ${entry.id}`).toBe(term.toLocaleLowerCase('nb'));
        const other = seen.get(fold(term));
        expect(other === undefined || other === entry.id, `"${term}" is in both ${other} and ${entry.id}`).toBe(true);
        seen.set(fold(term), entry.id);
      }
    }
    for (const c of t.concepts) {
      expect(c.nb && c.en, c.key).toBeTruthy();
      if (c.kind === 'role') expect(t.sectors[c.sector ?? ''], c.key).toBeDefined();
    }
    expect(new Set(t.concepts.map((c) => c.key)).size).toBe(t.concepts.length);
  });

  it('joins Norwegian and English names of the same work', () => {
    const same = (a: string, b: string) => expect(lex.skillKey(a), `${a} ~ ${b}`).toBe(lex.skillKey(b));
    same('Truckfører', 'forklift driver');
    same('TRUCKFORER', 'Forklift operator');
    same('Lagermedarbeider', 'Warehouse worker');
    same('sykepleier', 'Registered Nurse');
    same('Helsefagarbeider', 'hjelpepleier');
    same('Renholder', 'cleaner');
    same('Kokk', 'chef');
    same('Sveiser', 'welder');
    expect(lex.skillKey('Truckfører')).not.toBe(lex.skillKey('Lagermedarbeider'));
    // Unknown words stand for themselves, folded.
    expect(lex.skillKey('Kjøle- og fryselager')).toBe('kjole- og fryselager');
    // Found inside a job title.
    expect(lex.conceptsIn('Senior forklift driver, night shift')).toEqual(['forklift-driver']);
  });

  it('reads truck classes, licence classes and safety cards', () => {
    expect(truckClasses(fold('Truckførerbevis T1–T4'))).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(truckClasses(fold('Truck T2, T4'))).toEqual(['T2', 'T4']);
    expect(truckClasses(fold('Stilling T4 i lønnstrinn'))).toEqual([]);
    expect(licenceClasses('Førerkort: B, BE og C1')).toEqual(['B', 'BE', 'C1']);
    expect(licenceClasses('Driving licence class CE')).toEqual(['CE']);
    expect(lex.certificatesIn('Gyldig HMS-kort og varme arbeider').sort()).toEqual(['HMS-KORT', 'VARME-ARBEIDER']);
    expect(lex.certificatesIn('Autorisasjon som sykepleier')).toEqual(['AUTH-NURSE']);
    expect(lex.languageCode('Polsk (morsmål)')).toBe('pl');
    expect(lex.languageCode('Norwegian')).toBe('no');
  });

  it('places postal codes and cities in counties', () => {
    expect(regionOf('0150', '')).toBe('Oslo');
    expect(regionOf('5003', '')).toBe('Vestland');
    expect(regionOf('5501', '')).toBe('Rogaland');
    expect(regionOf('9008', '')).toBe('Troms');
    expect(regionOf('', 'Tromso')).toBe('Troms');
    expect(regionOf('', 'Aalesund')).toBe('Møre og Romsdal');
    expect(regionDistanceKm('Oslo', 'Akershus')).toBeLessThan(50);
    expect(regionDistanceKm('Oslo', 'Vestland')).toBeGreaterThan(250);
  });
});
