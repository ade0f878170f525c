/** Passphrase rules shared by the create form, the change form and the core. */
export const MIN_PASSPHRASE_LENGTH = 12;

export type StrengthHint = 'tooShort' | 'addWords' | 'mixCharacters' | 'avoidRepeats' | 'good' | 'strong';

export interface PassphraseStrength {
  /** 0 (unacceptable) … 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  hint: StrengthHint;
}

/**
 * A quick estimate, not a guarantee: length dominates, variety helps, repeats and
 * single-class strings hurt. Good enough to steer people towards long passphrases.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) return { score: 0, hint: 'tooShort' };
  const distinct = new Set(passphrase.toLowerCase()).size;
  if (distinct <= 3 || /(.)\1{5,}/.test(passphrase)) return { score: 1, hint: 'avoidRepeats' };
  const classes = [/[a-zæøå]/, /[A-ZÆØÅ]/, /[0-9]/, /[^A-Za-z0-9æøåÆØÅ]/].filter((re) => re.test(passphrase)).length;
  const words = passphrase.split(/[\s\-_.]+/).filter((w) => w.length >= 3).length;
  const bits = length * Math.log2(Math.max(10, Math.min(distinct * 2, 95)));
  if (bits >= 110 || (words >= 4 && length >= 20)) return { score: 4, hint: 'strong' };
  if (bits >= 80) return { score: 3, hint: 'good' };
  return { score: 2, hint: classes < 3 ? 'mixCharacters' : 'addWords' };
}
