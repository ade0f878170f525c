import { create } from 'zustand';
import { useMemo } from 'react';
import type { Locale } from '../../../shared/contract/vault.ts';
import { ApiError, type ClientErrorCode } from '../api/errors.ts';
import type { MessageKey } from './nb.ts';
import {
  countryName,
  formatDate,
  formatDateTime,
  formatNumber,
  formatShortMoment,
  translate,
  translatePlural,
  type Params,
} from './translate.ts';

export * from './translate.ts';

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

/** The chosen language; the settings store keeps it in step with the vault's settings. */
export const useLocale = create<LocaleState>()((set) => ({
  locale: 'nb',
  setLocale: (locale) => {
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

/** The text a user sees for a failed call: by code, never the core's raw English. */
export function errorKey(error: unknown): MessageKey {
  const code: ClientErrorCode = error instanceof ApiError ? error.code : 'INTERNAL';
  return `error.${code}`;
}

export interface I18n {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  plural(base: Parameters<typeof translatePlural>[1], count: number, params?: Params): string;
  date(isoDate: string): string;
  dateTime(isoTimestamp: string): string;
  shortMoment(isoTimestamp: string): string;
  number(value: number): string;
  country(code: string): string;
  error(error: unknown): string;
}

export function makeI18n(locale: Locale): I18n {
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    plural: (base, count, params) => translatePlural(locale, base, count, params),
    date: (iso) => formatDate(locale, iso),
    dateTime: (iso) => formatDateTime(locale, iso),
    shortMoment: (iso) => formatShortMoment(locale, iso),
    number: (value) => formatNumber(locale, value),
    country: (code) => countryName(locale, code),
    error: (error) => translate(locale, errorKey(error)),
  };
}

export function useI18n(): I18n {
  const locale = useLocale((s) => s.locale);
  return useMemo(() => makeI18n(locale), [locale]);
}
