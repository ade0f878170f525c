/**
 * Countries offered in the address form: Norway first, then the neighbours and the
 * countries staffing agencies in Norway most often recruit from. Any other stored
 * code is still shown (the form adds it to the list).
 */
export const COUNTRY_CODES = [
  'NO', 'SE', 'DK', 'FI', 'IS', 'DE', 'PL', 'LT', 'LV', 'EE', 'UA', 'RO', 'BG', 'CZ', 'SK', 'HU',
  'NL', 'BE', 'FR', 'ES', 'PT', 'IT', 'GR', 'GB', 'IE', 'US', 'PH', 'IN', 'ER', 'SO', 'SY', 'AF',
] as const;
