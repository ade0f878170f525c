import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../shared/errors.ts';
import { en } from './en.ts';
import { nb } from './nb.ts';
import { formatDate, formatNumber, translate, translatePlural } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('have the same keys in bokmål and English, none of them empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
    for (const [key, text] of [...Object.entries(nb), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same {parameters} in both languages', () => {
    for (const key of Object.keys(nb) as (keyof typeof nb)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nb[key]));
    }
  });

  it('have a message for every error code the core can send, and for a lost connection', () => {
    for (const code of [...ErrorCodes, 'DISCONNECTED']) {
      expect(nb, code).toHaveProperty(`error.${code}`);
      expect(en, code).toHaveProperty(`error.${code}`);
    }
    expect(translate('nb', 'error.WRONG_PASSPHRASE')).toMatch(/^Feil passordfrase/);
  });

  it('were actually translated: only names and words both languages share are identical', () => {
    const same = (Object.keys(nb) as (keyof typeof nb)[]).filter((k) => nb[k] === en[k]);
    expect(same.sort()).toEqual(['app.name', 'candidate.extentValue', 'field.status', 'lang.en', 'lang.nb', 'list.col.status', 'vacancies.field.status']);
  });
});

describe('formatting in the chosen locale', () => {
  it('fills parameters and formats numbers the Norwegian or English way', () => {
    expect(translatePlural('nb', 'list.count', 1)).toBe('1 kandidat');
    expect(translatePlural('nb', 'list.count', 12500)).toBe(`${formatNumber('nb', 12500)} kandidater`);
    expect(formatNumber('nb', 12500)).toMatch(/^12\s500$/u);
    expect(translatePlural('en', 'list.count', 12500)).toBe('12,500 candidates');
    expect(translate('en', 'passphrase.minLength', { n: 12 })).toBe('At least 12 characters.');
  });

  it('shows a calendar date as that day, whatever the time zone', () => {
    expect(formatDate('nb', '2025-03-01')).toMatch(/^1\. mar/);
    expect(formatDate('en', '2025-03-01')).toBe('1 Mar 2025');
  });
});
