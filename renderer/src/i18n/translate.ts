import type { Locale } from '../../../shared/contract/vault.ts';
import { en } from './en.ts';
import { nb, type MessageKey } from './nb.ts';

export type { Locale, MessageKey };
export type Params = Record<string, string | number>;

export const catalogs: Record<Locale, Record<MessageKey, string>> = { nb, en };
export const locales: readonly Locale[] = ['nb', 'en'];

/** The BCP 47 tag Intl formats with. */
export const intlTag = (locale: Locale) => (locale === 'nb' ? 'nb-NO' : 'en-GB');

/** A message with `{param}`s filled in; numbers are formatted for the locale. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = catalogs[locale][key] ?? nb[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** Keys that come as `.one` / `.other` pairs. */
type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

export function translatePlural(locale: Locale, base: PluralBase, count: number, params?: Params): string {
  const form = new Intl.PluralRules(intlTag(locale)).select(count) === 'one' ? 'one' : 'other';
  return translate(locale, `${base}.${form}` as MessageKey, { count, ...params });
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlTag(locale)).format(value);
}

/** A calendar date ("YYYY-MM-DD"), read as that day wherever the computer is. */
export function formatDate(locale: Locale, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium' }).format(date);
}

/** A moment (ISO timestamp), in local time. */
export function formatDateTime(locale: Locale, isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A moment shown compactly in a list: the time today, the date otherwise. */
export function formatShortMoment(locale: Locale, isoTimestamp: string, now: Date = new Date()): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(
    intlTag(locale),
    sameDay ? { timeStyle: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' },
  ).format(date);
}

/** A country's name from its ISO code, in the locale's language. */
export function countryName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([intlTag(locale)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
