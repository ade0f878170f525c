import { describe, expect, it } from 'vitest';
import { findNationalIds, redactNationalIds, REDACTION, validateNationalId } from './nationalId.ts';

/** Builds a valid number from a date and an individual number by computing both check digits. */
function makeId(ddmmyy: string, individual: string): string {
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const d = [...(ddmmyy + individual)].map(Number);
  const k = (digits: number[], w: number[]): number => {
    const r = 11 - (w.reduce((s, x, i) => s + x * (digits[i] as number), 0) % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = k(d, w1);
  const k2 = k([...d, k1], w2);
  if (k1 === 10 || k2 === 10) throw new Error('individual number gives no valid check digit; pick another');
  return `${ddmmyy}${individual}${k1}${k2}`;
}

describe('Norwegian national identity numbers', () => {
  const fnr = makeId('150385', '123');
  const dnr = makeId('550385', '123');

  it('accepts valid fødselsnummer and D-numbers by their mod-11 check digits', () => {
    expect(validateNationalId(fnr)).toBe('fodselsnummer');
    expect(validateNationalId(dnr)).toBe('d-number');
  });

  it('rejects wrong check digits, impossible dates and other lengths', () => {
    const wrong = fnr.slice(0, 10) + String((Number(fnr[10]) + 1) % 10);
    expect(validateNationalId(wrong)).toBeNull();
    expect(validateNationalId('32138512345')).toBeNull();
    expect(validateNationalId(fnr.slice(0, 10))).toBeNull();
  });

  it('finds the number however it is spaced', () => {
    const spaced = `${fnr.slice(0, 6)} ${fnr.slice(6)}`;
    const dashed = `${fnr.slice(0, 6)}-${fnr.slice(6)}`;
    for (const text of [`Fødselsnummer: ${fnr}`, `Personnr. ${spaced}`, `f.nr ${dashed}`]) {
      expect(findNationalIds(text).map((f) => f.value)).toEqual([fnr]);
    }
  });

  it('leaves phone numbers, dates and account-like numbers alone', () => {
    expect(findNationalIds('Tlf: +47 912 34 567, født 15.03.1985')).toEqual([]);
    expect(findNationalIds('Kontonummer 1234.56.78903')).toEqual([]);
  });

  it('redacts every digit of it from the text', () => {
    const { text, found } = redactNationalIds(`Født 15.03.1985 · Fødselsnummer: ${fnr.slice(0, 6)} ${fnr.slice(6)} · Norsk`);
    expect(found).toHaveLength(1);
    expect(text).toContain(REDACTION);
    expect(text.replace(/\D/g, '')).not.toContain(fnr);
    expect(text).toContain('15.03.1985');
  });

  it('redacts a labelled number even when a misread digit breaks its check digits', () => {
    const misread = fnr.slice(0, 3) + String((Number(fnr[3]) + 1) % 10) + fnr.slice(4);
    const { text, found } = redactNationalIds(`Fødselsnummer: ${misread}`);
    expect(found).toEqual([]);
    expect(text).toBe(`Fødselsnummer: ${REDACTION}`);
  });
});
