/** The CV's language from its most common function words. */
const NB = new Set(['og', 'på', 'med', 'til', 'av', 'er', 'som', 'jeg', 'har', 'det', 'ikke', 'fra', 'erfaring', 'arbeid', 'utdanning', 'språk', 'nå', 'også', 'eller', 'hos', 'ved', 'kurs', 'ansvar', 'for', 'en', 'et', 'å', 'kompetanse', 'ferdigheter', 'referanser']);
const EN = new Set(['and', 'the', 'of', 'with', 'to', 'is', 'as', 'have', 'has', 'from', 'experience', 'work', 'education', 'skills', 'languages', 'at', 'on', 'my', 'an', 'a', 'responsible', 'references', 'present']);

export function detectLanguage(text: string): 'nb' | 'en' | 'other' {
  let nb = 0;
  let en = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (NB.has(word)) nb++;
    if (EN.has(word)) en++;
  }
  if (/[æøå]/i.test(text)) nb += 3;
  if (nb + en < 5) return 'other';
  if (nb > en * 1.2) return 'nb';
  if (en > nb * 1.2) return 'en';
  return nb >= en ? 'nb' : 'en';
}
