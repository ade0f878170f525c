import { describe, expect, it } from 'vitest';
import { duplicateReasons, editDistance, foldName, nameKey, nameKeyFromSortKey, nameLikeness } from './dedupe.ts';
import { norwegianSortKey } from '../text/collation.ts';

describe('duplicate names', () => {
  it('folds Norwegian letters the way people type them without a Norwegian keyboard', () => {
    expect(foldName('Bjørn Åsen-Kjærstad')).toBe('bjoern aasen kjaerstad');
    expect(foldName('  José  Müller ')).toBe('jose mueller');
    // The register's sort key folds to the same thing.
    expect(nameKeyFromSortKey(norwegianSortKey('Bjørn Åsen-Kjærstad'))).toEqual(nameKey('Bjørn Åsen-Kjærstad'));
  });

  it('stops counting once the distance is over the limit', () => {
    expect(editDistance('nordmann', 'nordman', 2)).toBe(1);
    expect(editDistance('kari', 'kári', 2)).toBe(1);
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });

  it.each([
    ['Bjørn Åsen', 'Bjoern Aasen', 'same'],
    ['Nordmann, Ola', 'Ola Nordmann', 'same'],
    ['Ola Johan Nordmann', 'Ola Nordmann', 'close'],
    ['Bjørn Åsen', 'Bjorn Asen', 'same'],
    ['Bjørn Åsen', 'Bjorn Aasen', 'close'],
    ['Bjørn Åsen', 'Bjørn Åsén', 'same'],
    ['Kjærstad Ida', 'Ida Kjaerstad', 'same'],
    ['Kari Nordmann', 'Kari Nordman', 'close'],
    ['Kari Nordmann', 'Kari Hansen', null],
    ['Ola', 'Ole', null],
  ] as const)('%s vs %s: %s', (a, b, expected) => {
    expect(nameLikeness(nameKey(a), nameKey(b))).toBe(expected);
  });

  it('gives the reasons strongest first, and takes different birth dates for namesakes', () => {
    const probe = { emails: ['Kari@Example.no'], phones: ['+4791234567'], name: 'Kari Nordmann', birthDate: '1990-01-01' };
    const folded = nameKey(probe.name);
    const entry = { name: nameKey('Kari Nordmann'), emails: ['kari@example.no'], phones: ['+4791234567'], birthDate: '1990-01-01' };
    expect(duplicateReasons(probe, folded, entry)).toEqual(['email', 'phone', 'nameAndBirthDate']);
    expect(duplicateReasons(probe, folded, { ...entry, emails: [], phones: [], birthDate: null })).toEqual(['sameName']);
    expect(duplicateReasons(probe, folded, { ...entry, emails: [], phones: [], birthDate: '1985-06-06' })).toEqual([]);
    expect(duplicateReasons({ ...probe, birthDate: null }, folded, { ...entry, name: nameKey('Kari Nordman'), emails: [], phones: [] })).toEqual([
      'closeName',
    ]);
  });
});
