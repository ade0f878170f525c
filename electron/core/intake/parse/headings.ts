import { wordKey } from './normalize.ts';

/**
 * Section headings in Norwegian (bokmål and nynorsk), English, and the German and
 * French that real CVs mix in. A heading we cannot name still ends the section
 * before it (as 'other'), so an unknown section never spills into work or skills.
 */
export type SectionKind =
  | 'top'
  | 'contact'
  | 'summary'
  | 'work'
  | 'education'
  | 'skills'
  | 'languages'
  | 'certificates'
  | 'references'
  | 'interests'
  | 'other';

const VOCABULARY: Record<Exclude<SectionKind, 'top'>, string[]> = {
  work: [
    'arbeidserfaring', 'erfaring', 'yrkeserfaring', 'tidligere arbeidsforhold', 'arbeidsforhold', 'arbeidshistorikk',
    'relevant erfaring', 'relevant arbeidserfaring', 'jobberfaring', 'praksis', 'arbeidspraksis', 'yrkespraksis',
    'ansettelser', 'stillinger', 'karriere', 'erfaring og praksis', 'profesjonell erfaring', 'arbeidserfaring og praksis',
    'yrkesbakgrunn', 'arbeid', 'jobb', 'jobbar', 'arbeidsrøynsle', 'arbeidsliv', 'nåværende og tidligere arbeidsgivere',
    'work experience', 'experience', 'experiences', 'professional experience', 'employment', 'employment history', 'work history',
    'career history', 'career', 'relevant experience', 'professional background', 'positions', 'positions held',
    'research experience', 'research', 'internships', 'internship', 'work', 'job experience', 'working experience',
    'professional history', 'career summary', 'employment record', 'industry experience', 'teaching experience',
    'berufserfahrung', 'praktische tätigkeiten', 'praktika', 'beruflicher werdegang', 'berufliche erfahrung', 'werdegang',
    'expérience professionnelle', 'expériences professionnelles', 'expérience', 'expériences', 'parcours professionnel',
    'experiencia', 'experiencia laboral', 'freiwilliges soziales jahr', 'bundesfreiwilligendienst', 'zivildienst', 'wehrdienst',
    'siviltjeneste', 'verneplikt', 'national service',
  ],
  education: [
    'utdanning', 'utdannelse', 'skolegang', 'studier', 'utdanning og kurs', 'utdannelse og kurs', 'utdanning og opplæring',
    'utdanningsbakgrunn', 'høyere utdanning', 'akademisk bakgrunn', 'skule', 'utdanning og kompetanse',
    'education', 'academic background', 'academic history', 'educational background', 'academics', 'academic qualifications',
    'education and training', 'education & training', 'degrees', 'schooling', 'academic education', 'studies',
    'ausbildung', 'schulbildung', 'studium', 'bildungsweg', 'schulische ausbildung', 'akademische ausbildung', 'bildung',
    'formation', 'formations', 'études', 'etudes', 'parcours académique', 'educación', 'formación', 'promotion', 'hochschulstudium',
  ],
  skills: [
    'kompetanse', 'ferdigheter', 'kvalifikasjoner', 'nøkkelkompetanse', 'nøkkelkvalifikasjoner', 'kjernekompetanse',
    'fagkompetanse', 'it kompetanse', 'it ferdigheter', 'teknisk kompetanse', 'tekniske ferdigheter', 'kompetanseområder',
    'ferdigheter og kompetanse', 'kompetanse og ferdigheter', 'annen kompetanse', 'faglig kompetanse', 'spesialkompetanse',
    'datakunnskaper', 'dataferdigheter', 'verktøy', 'teknologier', 'personlige egenskaper', 'egenskaper', 'kunnskaper',
    'skills', 'key skills', 'core skills', 'core competencies', 'core competences', 'competencies', 'competences',
    'technical skills', 'it skills', 'computer skills', 'skills and competencies', 'skills & competencies', 'expertise',
    'areas of expertise', 'strengths', 'tech stack', 'technologies', 'tools', 'technical competencies', 'qualifications',
    'key qualifications', 'skill set', 'skillset', 'abilities', 'professional skills', 'soft skills', 'hard skills',
    'skills summary', 'summary of qualifications', 'technical proficiencies', 'proficiencies', 'fields', 'software',
    'programming', 'programming languages', 'kenntnisse', 'besondere kenntnisse', 'fähigkeiten', 'edv kenntnisse',
    'fachkenntnisse', 'kompetenzen', 'compétences', 'competences techniques', 'compétences techniques', 'savoir faire',
    'habilidades', 'skills & tools', 'skills and tools', 'tools & technologies', 'skill', 'competence', 'ferdighet',
  ],
  languages: [
    'språk', 'språkkunnskaper', 'språkferdigheter', 'språkkompetanse', 'mål', 'languages', 'language', 'language skills',
    'language proficiency', 'spoken languages', 'sprachen', 'sprachkenntnisse', 'langues', 'compétences linguistiques', 'idiomas',
    'language competences', 'mother tongue s', 'languages spoken',
  ],
  certificates: [
    'kurs', 'sertifikater', 'kurs og sertifikater', 'sertifikater og kurs', 'kurs og sertifiseringer', 'sertifiseringer',
    'kurs og opplæring', 'kurs og etterutdanning', 'etterutdanning', 'videreutdanning', 'sertifikat', 'førerkort',
    'sertifikater og førerkort', 'førerkort og sertifikater', 'lisenser', 'autorisasjoner', 'godkjenninger', 'kompetansebevis',
    'kurs og kompetansebevis', 'kurs sertifikater', 'sertifikater kurs', 'kurs og sertifikat', 'kurs og sertifisering',
    'certifications', 'certificates', 'certification', 'courses', 'licenses', 'licences', 'licenses and certifications',
    'licences and certifications', 'licenses & certifications', 'courses and certifications', 'courses & certifications',
    'certifications and courses', 'training', 'trainings', 'professional development', 'continuing education',
    'certifications & licenses', 'driving licence', 'driving license', 'driver s license', 'driver s licence',
    'zertifikate', 'weiterbildung', 'weiterbildungen', 'fortbildungen', 'zertifizierungen', 'certificats',
  ],
  references: [
    'referanser', 'referansar', 'referanse', 'references', 'referees', 'reference', 'referenzen', 'références', 'referencias',
  ],
  contact: [
    'personalia', 'kontaktinformasjon', 'kontakt', 'kontaktinfo', 'personlig informasjon', 'personopplysninger',
    'personlige opplysninger', 'personlige data', 'kontaktopplysninger', 'personalia og kontakt', 'om meg kontakt',
    'contact', 'contact information', 'contact details', 'contact info', 'personal details', 'personal information',
    'personal data', 'personal info', 'details', 'info', 'persönliche daten', 'kontaktdaten', 'zur person', 'persönliches',
    'coordonnées', 'informations personnelles', 'contacto', 'datos personales',
  ],
  summary: [
    'profil', 'sammendrag', 'om meg', 'personlig profil', 'kort om meg', 'oppsummering', 'presentasjon', 'nøkkelord',
    'profile', 'summary', 'about me', 'about', 'professional summary', 'objective', 'career objective', 'personal statement',
    'introduction', 'profile summary', 'executive summary', 'professional profile', 'career profile', 'overview',
    'professional summary', 'personal profile', 'kurzprofil', 'profil professionnel', 'à propos', 'a propos', 'résumé',
    'målsetting', 'mål og motivasjon', 'motivasjon', 'status',
  ],
  interests: [
    'interesser', 'fritidsinteresser', 'hobbyer', 'hobby', 'fritid', 'interesser og hobbyer', 'fritidsaktiviteter',
    'interests', 'hobbies', 'hobbies and interests', 'hobbies & interests', 'personal interests', 'interests and hobbies',
    'leisure', 'activities', 'hobbys', 'interest', 'interessen', 'freizit', 'freizeit', "centres d'intérêt", 'centres d intérêt',
    'loisirs', 'intérêts',
  ],
  other: [
    'publications', 'publikasjoner', 'veröffentlichungen', 'publikationen', 'arbeitszeugnisse', 'zeugnisse', 'anlagen', 'projects', 'prosjekter', 'project', 'prosjekt', 'publication', 'award', 'prosjekterfaring', 'personal projects', 'side projects',
    'awards', 'honors', 'honours', 'honors awards', 'honors & awards', 'awards & honors', 'selected honors', 'achievements',
    'utmerkelser', 'priser', 'verv', 'tillitsverv', 'frivillig arbeid', 'frivillighet', 'frivillig', 'volunteer',
    'volunteering', 'volunteer experience', 'volunteer work', 'extracurricular activity', 'extracurricular activities',
    'extracurricular', 'leadership', 'presentations', 'talks', 'invited talks', 'writing', 'program committees', 'patents',
    'links', 'coursework', 'relevant coursework', 'memberships', 'medlemskap', 'affiliations', 'militærtjeneste',
    'military service', 'førstegangstjeneste', 'annet', 'annen erfaring', 'other', 'additional information', 'misc',
    'miscellaneous', 'andre opplysninger', 'tilleggsinformasjon', 'a day of my life', 'life philosophy', 'most proud of',
    'my life philosophy', 'projects associations', 'projects & associations', 'on campus involvement', 'community',
    'conferences', 'teaching', 'grants', 'scholarships', 'stipend', 'portfolio', 'hobbyprosjekter', 'sonstiges',
    'anlagen', 'motivation', 'anschreiben', 'bewerbung', 'operating systems', 'social', 'network',
  ],
};

/** OCR and ASCII keyboards drop the rings and strokes: "SPRAK", "Utdanning og kurs". */
export function foldAccents(text: string): string {
  return text
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

const LOOKUP = new Map<string, Exclude<SectionKind, 'top'>>();
for (const [kind, words] of Object.entries(VOCABULARY) as [Exclude<SectionKind, 'top'>, string[]][]) {
  for (const w of words) {
    const key = wordKey(w);
    for (const variant of [key, key.replace(/ /g, ''), foldAccents(key), foldAccents(key).replace(/ /g, '')]) {
      if (!LOOKUP.has(variant)) LOOKUP.set(variant, kind);
    }
  }
}

/**
 * The section a heading text names, or null. Accepts "ARBEIDSERFARING", "Erfaring:",
 * "E X P E R I E N C E", "exp erience" (two-colour headings split in the text layer).
 */
export function classifyHeading(text: string): Exclude<SectionKind, 'top'> | null {
  const key = wordKey(text.replace(/[:：]\s*$/, ''));
  if (!key || key.length > 60) return null;
  const direct = LOOKUP.get(key);
  if (direct) return direct;
  const squeezed = key.replace(/ /g, '');
  const found = LOOKUP.get(squeezed) ?? LOOKUP.get(foldAccents(key)) ?? LOOKUP.get(foldAccents(squeezed));
  if (found) return found;
  // "Kurs / sertifikater", "Skills & Tools", "Utdanning og kurs": every word a heading
  // word or a connector; the first heading word decides.
  const words = key.split(' ');
  if (words.length >= 2 && words.length <= 5 && words.every((w) => LOOKUP.has(w) || CONNECTORS.has(w))) {
    const first = words.find((w) => LOOKUP.has(w));
    if (first) return LOOKUP.get(first) ?? null;
  }
  return null;
}

const CONNECTORS = new Set(['og', 'and', 'und', 'et', '&', 'i', 'in', 'of', 'my', 'mine', 'min', 'relevant', 'annen', 'andre', 'other', 'additional', 'selected', 'key', 'main', 'tidligere', 'previous']);
