import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Phone numbers are stored in E.164 and shown formatted. Norwegian numbers are the
 * default: "912 34 567" and "0047 91234567" both become "+4791234567".
 */
export function toE164(raw: string, defaultCountry: CountryCode = 'NO'): string | null {
  const cleaned = raw.trim().replace(/^00/, '+');
  if (!cleaned) return null;
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** "+4791234567" → "91 23 45 67" (Norwegian numbers, national format) or the international format. */
export function formatPhone(e164: string, homeCountry: CountryCode = 'NO'): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === homeCountry ? parsed.formatNational() : parsed.formatInternational();
}
