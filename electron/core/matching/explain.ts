import type { FactorScore } from '../../../shared/contract/index.ts';
import type { FactorOutcome, Label } from './score.ts';

/**
 * Plain-language sentences for each factor and for the whole score, in Bokmål
 * and English: the recruiter reads why, the candidate's export keeps it.
 */

type Text = { nb: string; en: string };

function list(labels: Label[], locale: 'nb' | 'en'): string {
  const names = labels.map((l) => l[locale]);
  if (names.length <= 1) return names.join('');
  const and = locale === 'nb' ? ' og ' : ' and ';
  return names.slice(0, -1).join(', ') + and + names.at(-1);
}

const date = (iso: string, locale: 'nb' | 'en') =>
  new Date(iso + 'T12:00:00Z').toLocaleDateString(locale === 'nb' ? 'nb-NO' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function skillsNote(o: FactorOutcome, kind: Text): Text {
  if (!o.applies) return { nb: '', en: '' };
  const fewer = typeof o.detail.fewerYears === 'string' ? o.detail.fewerYears.split(';') : [];
  const fewerText = (locale: 'nb' | 'en') =>
    fewer
      .map((f) => {
        const [name, ratio] = f.split(':');
        const [has, need] = (ratio ?? '').split('/');
        return locale === 'nb' ? `${name}: ${has} av ${need} år` : `${name}: ${has} of ${need} years`;
      })
      .join('; ');
  const nb: string[] = [];
  const en: string[] = [];
  if (o.met.length) {
    nb.push(`Har ${o.met.length} av ${o.met.length + o.missing.length} ${kind.nb}: ${list(o.met, 'nb')}.`);
    en.push(`Has ${o.met.length} of ${o.met.length + o.missing.length} ${kind.en}: ${list(o.met, 'en')}.`);
  }
  if (o.missing.length) {
    nb.push(`Mangler ${list(o.missing, 'nb')}.`);
    en.push(`Missing ${list(o.missing, 'en')}.`);
  }
  if (fewer.length) {
    nb.push(`Færre år enn ønsket (${fewerText('nb')}).`);
    en.push(`Fewer years than asked (${fewerText('en')}).`);
  }
  return { nb: nb.join(' '), en: en.join(' ') };
}

export function factorNote(o: FactorOutcome): Text {
  switch (o.factor) {
    case 'requiredSkills':
      return skillsNote(o, { nb: 'påkrevde kompetanser', en: 'required skills' });
    case 'desiredSkills':
      return skillsNote(o, { nb: 'ønskede kompetanser', en: 'desired skills' });
    case 'certificates': {
      if (!o.applies) return { nb: '', en: '' };
      const nb = [o.met.length ? `Har ${list(o.met, 'nb')}.` : '', o.missing.length ? `Mangler påkrevd ${list(o.missing, 'nb')}.` : ''];
      const en = [o.met.length ? `Holds ${list(o.met, 'en')}.` : '', o.missing.length ? `Missing required ${list(o.missing, 'en')}.` : ''];
      if (!o.met.length && !o.missing.length) return { nb: 'Ingen av de ønskede sertifikatene.', en: 'None of the desired certificates.' };
      return { nb: nb.filter(Boolean).join(' '), en: en.filter(Boolean).join(' ') };
    }
    case 'experience': {
      if (!o.applies) return { nb: '', en: '' };
      const { years, minYears } = o.detail as { years: number; minYears: number };
      return o.value >= 1
        ? { nb: `${years} års arbeidserfaring (minst ${minYears} ønsket).`, en: `${years} years of work experience (at least ${minYears} asked).` }
        : { nb: `${years} års arbeidserfaring, ${minYears} ønsket.`, en: `${years} years of work experience, ${minYears} asked.` };
    }
    case 'availability': {
      const d = o.detail;
      let nb: string;
      let en: string;
      if (d.state === 'placed') {
        nb = d.until ? `Er plassert i et oppdrag til ${date(String(d.until), 'nb')}.` : 'Er plassert i et oppdrag uten sluttdato.';
        en = d.until ? `Placed in an assignment until ${date(String(d.until), 'en')}.` : 'Placed in an assignment with no end date.';
      } else if (d.state === 'unknown') {
        nb = 'Tilgjengelighet er ikke kjent.';
        en = 'Availability is not known.';
      } else if (d.state === 'inTime') {
        nb = `Tilgjengelig fra ${date(String(d.from), 'nb')}, før oppstart.`;
        en = `Available from ${date(String(d.from), 'en')}, before the start.`;
      } else {
        nb = `Tilgjengelig fra ${date(String(d.from), 'nb')}, ${d.late} dager etter oppstart.`;
        en = `Available from ${date(String(d.from), 'en')}, ${d.late} days after the start.`;
      }
      if (d.extent !== null && d.extent !== undefined) {
        nb += ` Ønsker ${d.extent} % stilling (${d.wanted} % trengs).`;
        en += ` Wants ${d.extent}% of full time (${d.wanted}% needed).`;
      }
      return { nb, en };
    }
    case 'location': {
      if (!o.applies) return { nb: '', en: '' };
      const d = o.detail;
      switch (d.state) {
        case 'unknown':
          return { nb: 'Bosted er ikke kjent.', en: 'Place of residence is not known.' };
        case 'sameArea':
          return { nb: `Bor i samme område (${d.region}).`, en: `Lives in the same area (${d.region}).` };
        case 'sameRegion':
          return { nb: `Bor i samme fylke (${d.region}).`, en: `Lives in the same county (${d.region}).` };
        case 'wantsRegion':
          return { nb: `Bor i ${d.region}, men ønsker arbeid i fylket.`, en: `Lives in ${d.region} but wants work in this county.` };
        default:
          return { nb: `Bor i ${d.region}, omtrent ${d.km} km unna.`, en: `Lives in ${d.region}, about ${d.km} km away.` };
      }
    }
    case 'languages': {
      if (!o.applies) return { nb: '', en: '' };
      const nb = [o.met.length ? `Snakker ${list(o.met, 'nb').toLocaleLowerCase('nb')}.` : '', o.missing.length ? `Mangler ${list(o.missing, 'nb').toLocaleLowerCase('nb')}.` : ''];
      const en = [o.met.length ? `Speaks ${list(o.met, 'en')}.` : '', o.missing.length ? `Does not list ${list(o.missing, 'en')}.` : ''];
      if (o.detail.below) {
        nb.push(`Lavere nivå enn ønsket i ${String(o.detail.below).toLocaleLowerCase('nb')}.`);
        en.push(`Below the level asked in ${o.detail.below}.`);
      }
      return { nb: nb.filter(Boolean).join(' '), en: en.filter(Boolean).join(' ') };
    }
  }
}

const FACTOR_NAME: Record<FactorScore['factor'], Text> = {
  requiredSkills: { nb: 'påkrevde kompetanser', en: 'required skills' },
  desiredSkills: { nb: 'ønskede kompetanser', en: 'desired skills' },
  certificates: { nb: 'sertifikater', en: 'certificates' },
  experience: { nb: 'erfaring', en: 'experience' },
  availability: { nb: 'tilgjengelighet', en: 'availability' },
  location: { nb: 'bosted', en: 'location' },
  languages: { nb: 'språk', en: 'languages' },
};

/**
 * The whole ranking in a few sentences: the score, what weighed most for and
 * against, then each factor's note. The recruiter decides; the text says so.
 */
export function explain(name: string, score: number, factors: FactorScore[]): Text {
  const counted = factors.filter((f) => f.applies);
  const strongest = [...counted].sort((a, b) => b.points - a.points)[0];
  const weakest = [...counted].filter((f) => f.value < 1).sort((a, b) => b.weight * (1 - b.value) - a.weight * (1 - a.value))[0];
  const nb = [`${name} får ${score.toLocaleString('nb-NO')} av 100 poeng.`];
  const en = [`${name} scores ${score} out of 100.`];
  if (strongest) {
    nb.push(`Mest i favør: ${FACTOR_NAME[strongest.factor].nb}.`);
    en.push(`Counts most in favour: ${FACTOR_NAME[strongest.factor].en}.`);
  }
  if (weakest) {
    nb.push(`Trekker mest ned: ${FACTOR_NAME[weakest.factor].nb}.`);
    en.push(`Pulls down most: ${FACTOR_NAME[weakest.factor].en}.`);
  }
  for (const f of counted) {
    if (f.note.nb) nb.push(f.note.nb);
    if (f.note.en) en.push(f.note.en);
  }
  nb.push('Rangeringen er et forslag; rekrutterer bestemmer.');
  en.push('The ranking is a suggestion; the recruiter decides.');
  return { nb: nb.join(' '), en: en.join(' ') };
}
