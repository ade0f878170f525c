import { describe, expect, it } from 'vitest';
import { parseQuery, QuerySyntaxError } from './query.ts';
import { filterExpressions, matchExpression, queryExpression } from './fts.ts';
import { foldNorwegian } from './fold.ts';
import { searchFilters } from '../../../shared/contract/search.ts';

const fts = (q: string) => queryExpression(parseQuery(q));
function syntaxError(q: string): QuerySyntaxError {
  try {
    fts(q);
  } catch (error) {
    if (error instanceof QuerySyntaxError) return error;
    throw error;
  }
  throw new Error(`"${q}" parsed without an error`);
}

describe('folding', () => {
  it('gives every spelling of ø, æ and å the same form, in both directions', () => {
    for (const [a, b] of [
      ['Tromsø', 'Tromso'],
      ['Tromsø', 'TROMSOE'],
      ['Ålesund', 'Aalesund'],
      ['Ålesund', 'Alesund'],
      ['Bærum', 'Baerum'],
      ['Bärum', 'Bærum'],
      ['Sørensen', 'Soerensen'],
      ['Håkon', 'Haakon'],
    ] as const) {
      expect(foldNorwegian(a), `${a} ~ ${b}`).toBe(foldNorwegian(b));
    }
  });

  it('never leaves "aa" in folded text, so no query reaches the internal tags', () => {
    for (const text of ['Aalesund', 'aå', 'AÅÄ', 'a\u0301a', 'áà', 'Haaakon']) expect(foldNorwegian(text)).not.toMatch(/aa/);
  });

  it('keeps the number of letters-or-separators runs: no token is split or joined', () => {
    const text = 'Truckfører i Tromsø, Ålesund og Bærum (ADR-kurs) – ærlig ØYVIND';
    const tokens = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
    expect(tokens(foldNorwegian(text))).toBe(tokens(text));
  });

  it('folds exactly as the rules read, whole text at once, on any mix of scripts, marks and cases', () => {
    // The rules as first written, one pass per rule over the whole text: the fast path must agree.
    const byRules = (text: string) =>
      text
        .normalize('NFC')
        .toLowerCase()
        .replace(/[æä]/g, 'ae')
        .replace(/[øö]/g, 'o')
        .replace(/å/g, 'a')
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/a{2,}/g, 'a')
        .replace(/oe/g, 'o');
    const pieces = ['a', 'A', 'aa', 'o', 'e', 'oe', 'OE', 'æ', 'Æ', 'ø', 'Ø', 'å', 'Å', 'ä', 'ö', 'Ä', 'é', 'ü', 'ß', 'İ', 'ǟ', 'a\u030a', 'o\u0308', 'q\u0301', '\u0301', 'ﬁ', 'Ω', 'ж', '日本', '😀', '\u{1D15E}', ' ', '-', '.', '1', '\t'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + (i % 12) }, () => pieces[next()]).join('');
      expect(foldNorwegian(text), JSON.stringify(text)).toBe(byRules(text));
    }
  });
});

describe('query grammar', () => {
  it('reads words side by side as AND and quotes every term', () => {
    expect(fts('truck lager')).toBe('("truck" AND "lager")');
  });

  it('reads OR, NOT, parentheses, phrases, prefixes and fields', () => {
    expect(fts('skill:truck AND (city:Oslo OR city:Bærum) NOT natt')).toBe(
      '(({skill} : "truck" AND ({city} : "oslo" OR {city} : "baerum")) NOT "natt")',
    );
    expect(fts('"ADR kurs" truckf*')).toBe('("adr kurs" AND "truckf" *)');
    expect(fts('skill:(truck OR kran)')).toBe('({skill} : "truck" OR {skill} : "kran")');
    expect(fts('lang:"engelsk flytende"')).toBe('{lang} : "engelsk flytende"');
  });

  it('knows the Norwegian operators and field names, in any case, where an operator can stand', () => {
    expect(fts('truck ELLER kran')).toBe(fts('truck OR kran'));
    expect(fts('truck og kran')).toBe(fts('truck AND kran'));
    expect(fts('truck ikke natt')).toBe(fts('truck NOT natt'));
    expect(fts('truck -natt')).toBe(fts('truck NOT natt'));
    expect(fts('by:Tromsø språk:engelsk')).toBe(fts('city:Tromso lang:engelsk'));
    // Where no operator fits, a lower-case operator word is an ordinary word; quoted, always.
    expect(fts('Ole og')).toBe('("ole" AND "og")');
    expect(fts('"eller"')).toBe('"eller"');
  });

  it('subtracts a NOT alone from every document', () => {
    expect(fts('NOT natt')).toBe('({tags} : "aadoc" NOT "natt")');
    expect(fts('truck OR -natt')).toBe('("truck" OR ({tags} : "aadoc" NOT "natt"))');
  });

  it('searches phones by their digits', () => {
    expect(fts('phone:"+47 912 34 567"')).toBe('{phone} : "4791234567"');
    expect(fts('tlf:91234567')).toBe('{phone} : "91234567"');
  });

  it('gives a malformed query a reason and the position of the mistake', () => {
    const cases: [string, string, number][] = [
      ['truck "lager', 'unclosedQuote', 6],
      ['(truck OR kran', 'unclosedParen', 0],
      ['truck) kran', 'unexpectedParen', 5],
      ['truck AND', 'missingOperand', 6],
      ['OR kran', 'missingOperand', 0],
      ['truck AND OR kran', 'missingOperand', 6],
      ['NOT', 'missingOperand', 0],
      ['skil:truck', 'unknownField', 0],
      ['truck skill:', 'emptyField', 6],
      ['()', 'emptyParens', 0],
      ['t*', 'shortPrefix', 0],
    ];
    for (const [q, reason, position] of cases) {
      const e = syntaxError(q);
      expect({ q, reason: e.reason, position: e.position }).toEqual({ q, reason, position });
      expect(e.message).toMatch(new RegExp(`at character ${position + 1}\\)$`));
    }
    expect(syntaxError('((((((((((((((a))))))))))))))').reason).toBe('tooComplex');
    expect(syntaxError(Array.from({ length: 70 }, (_, i) => `w${i}`).join(' ')).reason).toBe('tooComplex');
  });

  it('turns hostile input into quoted terms: FTS5 operators, column filters and SQL stay text', () => {
    const hostile = [
      `NEAR(truck lager, 2)`,
      `^truck`,
      `name:* OR tags:kactive`,
      `'; DROP TABLE candidates; --`,
      `" OR 1=1 --"`,
      `truck" OR "a`,
      `{name email} : kari`,
      `a:b:c`,
      `Robert'); DELETE FROM search_docs;--`,
    ];
    for (const q of hostile) {
      let expr: string | null = null;
      try {
        expr = fts(q);
      } catch (error) {
        expect(error, q).toBeInstanceOf(QuerySyntaxError);
        continue;
      }
      if (expr === null) continue;
      // Outside the quoted strings only our own syntax remains.
      const outside = expr.replace(/"(?:[^"]|"")*"/g, '""');
      expect(outside, q).toMatch(/^(?:[(){}\s*:-]|AND|OR|NOT|""|tags|name|role|skill|cert|lang|sector|city|postal|email|phone|cv|notes)*$/);
    }
  });

  it('builds the filters as index terms and joins them to the words', () => {
    const filters = searchFilters.parse({ postalPrefix: '41', region: 'rogaland', certificate: 'Truck T4', language: 'Engelsk', status: null });
    const parts = filterExpressions(filters, false);
    expect(parts).toEqual(['NOT {tags} : "aainactive"', '{tags} : "aap41"', '{tags} : "aarrogaland"', '{cert} : "truck t4"', '{lang} : "engelsk"']);
    expect(filterExpressions(searchFilters.parse({}), true)).toEqual([]);
    expect(filterExpressions(searchFilters.parse({ status: 'inactive' }), false)).toEqual(['{tags} : "aainactive"']);
    expect(matchExpression('"truck"', ['NOT {tags} : "aainactive"'])).toBe('("truck") NOT ({tags} : "aainactive")');
    expect(matchExpression('"truck"', parts)).toBe(
      '(("truck") AND ({tags} : "aap41") AND ({tags} : "aarrogaland") AND ({cert} : "truck t4") AND ({lang} : "engelsk")) NOT ({tags} : "aainactive")',
    );
    expect(matchExpression(null, [])).toBe('{tags} : "aadoc"');
  });
});
