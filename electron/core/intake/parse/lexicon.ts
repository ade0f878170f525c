import { wordKey } from './normalize.ts';

/**
 * Word knowledge the parser leans on to tell an employer from a job title, a school
 * from a degree, a town from a company, a language from a programming language.
 * General vocabulary of the Norwegian labour market and of CVs, not names from any file.
 */

// Endings and words of job titles (Norwegian compounds end in them: "lagermedarbeider").
const TITLE_SUFFIXES = [
  'arbeider', 'medarbeider', 'leder', 'sjef', 'utvikler', 'konsulent', 'rådgiver', 'assistent', 'fører', 'operatør',
  'selger', 'sykepleier', 'pleier', 'lærer', 'ingeniør', 'tekniker', 'montør', 'snekker', 'tømrer', 'elektriker',
  'sjåfør', 'kokk', 'servitør', 'ansvarlig', 'koordinator', 'direktør', 'analytiker', 'designer', 'arkitekt', 'forsker',
  'fagarbeider', 'lærling', 'vekter', 'renholder', 'plukker', 'pakker', 'kasserer', 'betjent', 'behandler', 'terapeut',
  'veileder', 'saksbehandler', 'controller', 'revisor', 'økonom', 'regnskapsfører', 'resepsjonist', 'sekretær',
  'konsulent', 'spesialist', 'mekaniker', 'maler', 'murer', 'rørlegger', 'formann', 'bas', 'prosjektleder', 'agent',
  'skift', 'vakt', 'hjelp', 'fagleder', 'administrator', 'tester', 'testleder', 'støtte', 'brukerstøtte', 'trainee',
  'praktikant', 'vikar', 'ekspeditør', 'frisør', 'bud', 'budbil', 'lagerleder', 'truckfører', 'kranfører', 'maskinfører',
  'anleggsarbeider', 'stillasbygger', 'jordmor', 'lege', 'farmasøyt', 'fysioterapeut', 'ergoterapeut', 'barnehagelærer',
  'pedagog', 'miljøterapeut', 'helsefagarbeider', 'helsesekretær', 'apotektekniker', 'kundebehandler', 'telefonselger',
  'butikksjef', 'avdelingsleder', 'daglig leder', 'eier', 'gründer', 'partner', 'produsent', 'redaktør', 'journalist',
  'engineer', 'developer', 'manager', 'consultant', 'advisor', 'adviser', 'assistant', 'operator', 'driver', 'nurse',
  'teacher', 'technician', 'specialist', 'analyst', 'designer', 'architect', 'researcher', 'scientist', 'intern',
  'director', 'officer', 'coordinator', 'administrator', 'clerk', 'accountant', 'controller', 'auditor', 'cashier',
  'representative', 'agent', 'associate', 'lead', 'head', 'chief', 'president', 'vice', 'founder', 'co-founder',
  'cofounder', 'ceo', 'cto', 'cfo', 'coo', 'cio', 'vp', 'owner', 'partner', 'supervisor', 'foreman', 'carpenter',
  'electrician', 'plumber', 'mechanic', 'welder', 'labourer', 'laborer', 'worker', 'helper', 'picker', 'packer',
  'chef', 'cook', 'waiter', 'waitress', 'receptionist', 'secretary', 'programmer', 'tester', 'trainee', 'apprentice',
  'fellow', 'professor', 'lecturer', 'postdoc', 'student', 'tutor', 'instructor', 'contributor', 'member', 'volunteer',
  'reporter', 'writer', 'editor', 'presenter', 'salesperson', 'seller', 'sales', 'support', 'therapist', 'counsellor',
  'counselor', 'caretaker', 'carer', 'aide', 'attendant', 'guard', 'cleaner', 'courier', 'dispatcher', 'planner',
  'buyer', 'purchaser', 'recruiter', 'trainer', 'coach', 'pilot', 'sre', 'devops', 'architect', 'maintainer',
  'leiter', 'mitarbeiter', 'entwickler', 'berater', 'praktikant', 'volontariat', 'ingenieur', 'assistenz', 'stagiaire',
  'développeur', 'chercheur', 'ingénieur', 'responsable', 'chef de projet', 'fullstack', 'full stack', 'frontend',
  'backend', 'senior', 'junior',
];

const ORG_WORDS = [
  'as', 'asa', 'sa', 'ab', 'ag', 'gmbh', 'inc', 'ltd', 'llc', 'plc', 'corp', 'corporation', 'company', 'co', 'group',
  'gruppen', 'konsern', 'kommune', 'fylkeskommune', 'sykehus', 'sjukehus', 'hospital', 'universitetssykehus', 'klinikk',
  'helse', 'bank', 'sparebank', 'forsikring', 'skadeforsikring', 'universitet', 'university', 'høgskole', 'høyskole',
  'college', 'school', 'skole', 'institute', 'institutt', 'institut', 'department', 'avdeling', 'etat', 'direktorat',
  'direktoratet', 'departement', 'departementet', 'senter', 'center', 'centre', 'lab', 'laboratory', 'labs', 'research',
  'technologies', 'technology', 'solutions', 'systems', 'services', 'consulting', 'partners', 'holding', 'industries',
  'foundation', 'stiftelse', 'forening', 'lag', 'organisation', 'organization', 'agency', 'ministry', 'faculty',
  'butikk', 'senteret', 'hotell', 'hotel', 'restaurant', 'kafé', 'cafe', 'barnehage', 'sykehjem', 'omsorgssenter',
  'bo og behandlingssenter', 'praxis', 'praksis', 'nationalpark', 'krankenhaus', 'klinik', 'firma', 'media', 'logistics',
  'logistikk', 'transport', 'elektro', 'bygg', 'entreprenør', 'eiendom', 'energi', 'kraft', 'telecom', 'software', 'digital',
  'cyber', 'command', 'army', 'navy', 'forsvaret', 'politiet', 'nav', 'posten', 'bring', 'market', 'pay', 'ai', 'global',
];

const INSTITUTION_WORDS = [
  'universitet', 'universitetet', 'university', 'universität', 'université', 'universidad', 'høgskole', 'høgskolen',
  'høyskole', 'høyskolen', 'høgskule', 'høgskulen', 'handelshøyskolen', 'skole', 'skolen', 'skule', 'skulen',
  'videregående', 'vidaregåande', 'gymnas', 'gymnasium', 'katedralskole', 'fagskole', 'fagskolen', 'college', 'school',
  'academy', 'akademi', 'akademiet', 'institute', 'institutt', 'instituttet', 'polytechnic', 'hochschule', 'fachhochschule',
  'école', 'ecole', 'lycée', 'lycee', 'oslomet', 'ntnu', 'nmbu', 'uit', 'uib', 'uio', 'noroff', 'kristiania',
  'folkehøgskole', 'folkehøyskole', 'realskole', 'ungdomsskole', 'grunnskole', 'barneskole', 'tech', 'mit', 'postech',
  'campus', 'seminar', 'conservatory', 'konservatorium', 'bi', 'nhh', 'usn', 'hvl', 'hiof', 'inn', 'nord', 'uia', 'uis',
];

/** Degree and qualification words: the start of a studyType. */
const DEGREE_PATTERNS = [
  "bachelor(?:'?s)?(?:\\s+(?:of|in)\\s+(?:science|arts|engineering|business administration|laws|fine arts|education|technology|applied science|nursing))?",
  "master(?:'?s)?(?:\\s+(?:of|in)\\s+(?:science|arts|engineering|business administration|laws|fine arts|education|technology|philosophy|management))?(?:\\s+programme|\\s+program|\\s+degree)?",
  "joint master(?:'?s)? programme", 'doctoral degree programme', 'doctoral degree', 'doctorate', 'doktorgrad',
  'ph\\.?\\s?d\\.?(?:\\s+candidate)?', 'dr\\.\\s?(?:philos|scient|med|vet|rer\\.\\s?nat|phil|ing)\\.?', 'dr\\. vet\\.',
  'm\\.?\\s?sc\\.?', 'b\\.?\\s?sc\\.?', 'm\\.?\\s?s\\.', 'b\\.?\\s?s\\.', 'b\\.?\\s?a\\.', 'm\\.?\\s?a\\.', 'meng', 'beng',
  'mba', 'msc', 'bsc', 'ba', 'ma', 'bs', 'ms', 'phd', 'mphil', 'llm', 'llb', 'jd', 'md', 'cand\\.\\s?\\p{L}+\\.?',
  'siviløkonom', 'sivilingeniør', 'ingeniør', 'høgskolekandidat', 'høyskolekandidat', 'årsstudium', 'årsenhet',
  'fagbrev', 'svennebrev', 'mesterbrev', 'fagskole(?:utdanning)?', 'fagskolegrad', 'yrkesfaglig', 'studiekompetanse',
  'generell studiekompetanse', 'vitnemål', 'trade certificate', "journeyman'?s certificate", 'craft certificate',
  'vocational certificate', 'certificate', 'diploma', 'diplom', 'associate(?:\\s+degree)?', 'high school(?: diploma)?',
  'abitur', 'licence', 'licenciatura', 'semester abroad', 'exchange semester', 'utveksling', 'utvekslingsopphold',
  'kandidat', 'grunnfag', 'mellomfag', 'hovedfag', 'lektor', 'adjunkt', 'magister', 'candidate',
];

const DEGREE_START_RE = new RegExp(`^(?:${DEGREE_PATTERNS.join('|')})(?![\\p{L}])`, 'iu');

/** Major Norwegian towns and municipalities, plus cities that CVs name abroad. */
const PLACES = [
  'Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Drammen', 'Fredrikstad', 'Kristiansand', 'Sandnes', 'Tromsø', 'Sarpsborg',
  'Skien', 'Ålesund', 'Sandefjord', 'Haugesund', 'Tønsberg', 'Moss', 'Porsgrunn', 'Bodø', 'Arendal', 'Hamar', 'Larvik',
  'Halden', 'Lillehammer', 'Harstad', 'Molde', 'Kongsberg', 'Gjøvik', 'Mo i Rana', 'Horten', 'Jessheim', 'Lillestrøm',
  'Ski', 'Asker', 'Bærum', 'Sandvika', 'Lørenskog', 'Kristiansund', 'Alta', 'Elverum', 'Narvik', 'Steinkjer', 'Grimstad',
  'Kongsvinger', 'Askøy', 'Levanger', 'Stjørdal', 'Namsos', 'Egersund', 'Bryne', 'Førde', 'Florø', 'Voss', 'Notodden',
  'Hønefoss', 'Ringerike', 'Jørpeland', 'Mandal', 'Flekkefjord', 'Farsund', 'Lyngdal', 'Vennesla', 'Tvedestrand', 'Risør',
  'Kragerø', 'Brevik', 'Stathelle', 'Holmestrand', 'Nøtterøy', 'Tjøme', 'Ås', 'Drøbak', 'Vestby', 'Mysen', 'Askim',
  'Eidsvoll', 'Nittedal', 'Råholt', 'Kløfta', 'Nesodden', 'Oppegård', 'Kolbotn', 'Fetsund', 'Sørumsand', 'Strømmen',
  'Raufoss', 'Brumunddal', 'Moelv', 'Otta', 'Fagernes', 'Gol', 'Geilo', 'Kongsvinger', 'Tynset', 'Røros', 'Orkanger',
  'Melhus', 'Malvik', 'Verdal', 'Mosjøen', 'Sandnessjøen', 'Brønnøysund', 'Svolvær', 'Sortland', 'Finnsnes', 'Hammerfest',
  'Vadsø', 'Kirkenes', 'Vardø', 'Honningsvåg', 'Longyearbyen', 'Leknes', 'Fauske', 'Ulsteinvik', 'Volda', 'Ørsta',
  'Stryn', 'Sogndal', 'Odda', 'Stord', 'Leirvik', 'Kopervik', 'Sola', 'Randaberg', 'Klepp', 'Time', 'Hundvåg', 'Knarvik',
  'Os', 'Osøyro', 'Straume', 'Kleppestø', 'Nesttun', 'Fyllingsdalen', 'Lysaker', 'Fornebu', 'Billingstad', 'Hvalstad',
  'Nesbru', 'Heggedal', 'Slependen', 'Gjettum', 'Bekkestua', 'Stabekk', 'Høvik', 'Skedsmokorset', 'Bjørkelangen',
  'Gardermoen', 'Hokksund', 'Mjøndalen', 'Lier', 'Røyken', 'Hurum', 'Svelvik', 'Sande', 'Åndalsnes', 'Surnadal',
  'Sunndalsøra', 'Rørvik', 'Stokmarknes', 'Andenes', 'Bardufoss', 'Setermoen', 'Lakselv', 'Karasjok', 'Kautokeino',
  'Hafrsfjord', 'Åkrehamn', 'Sauda', 'Tau', 'Nærbø', 'Vigrestad', 'Varhaug', 'Hommersåk', 'Sandsli', 'Lyngdal',
  'Stockholm', 'Göteborg', 'Gothenburg', 'Malmö', 'Uppsala', 'København', 'Copenhagen', 'Aarhus', 'Odense', 'Helsinki',
  'Reykjavik', 'London', 'Manchester', 'Edinburgh', 'Dublin', 'Berlin', 'Hamburg', 'München', 'Munich', 'Frankfurt',
  'Köln', 'Cologne', 'Bremen', 'Bonn', 'Stuttgart', 'Düsseldorf', 'Leipzig', 'Dresden', 'Wien', 'Vienna', 'Zürich',
  'Zurich', 'Geneva', 'Genève', 'Paris', 'Lyon', 'Marseille', 'Brussels', 'Bruxelles', 'Amsterdam', 'Rotterdam',
  'Madrid', 'Barcelona', 'Lisbon', 'Lisboa', 'Rome', 'Roma', 'Milan', 'Milano', 'Warsaw', 'Warszawa', 'Kraków', 'Gdańsk',
  'Prague', 'Praha', 'Budapest', 'Vilnius', 'Riga', 'Tallinn', 'Kyiv', 'Kiev', 'Ljubljana', 'Zagreb', 'Belgrade',
  'Athens', 'Istanbul', 'Ankara', 'New York', 'NYC', 'San Francisco', 'Los Angeles', 'Seattle', 'Boston', 'Chicago',
  'Austin', 'Sunnyvale', 'Palo Alto', 'Mountain View', 'Toronto', 'Vancouver', 'Sydney', 'Melbourne', 'Seoul', 'Tokyo',
  'Beijing', 'Shanghai', 'Singapore', 'Bangalore', 'Mumbai', 'Delhi', 'Karachi', 'Lahore', 'Manila', 'Nairobi',
  'Graz', 'Ithaca', 'Pohang', 'Bremerhaven', 'Trondhjem', 'Kabul', 'Mogadishu', 'Damaskus', 'Damascus', 'Aleppo',
  'Asmara', 'Addis Abeba', 'Addis Ababa', 'Teheran', 'Tehran', 'Bagdad', 'Baghdad', 'Kraków',
];

const COUNTRIES = [
  'Norge', 'Norway', 'Noreg', 'Sverige', 'Sweden', 'Danmark', 'Denmark', 'Finland', 'Island', 'Iceland', 'Tyskland',
  'Germany', 'Deutschland', 'Frankrike', 'France', 'Spania', 'Spain', 'Italia', 'Italy', 'Polen', 'Poland', 'Litauen',
  'Lithuania', 'Latvia', 'Estland', 'Estonia', 'Storbritannia', 'United Kingdom', 'UK', 'England', 'Scotland', 'Irland',
  'Ireland', 'Nederland', 'Netherlands', 'Belgia', 'Belgium', 'Sveits', 'Switzerland', 'Østerrike', 'Austria', 'USA',
  'United States', 'U.S.A', 'Canada', 'Australia', 'Slovenia', 'Slovenija', 'Kroatia', 'Croatia', 'Serbia', 'Romania',
  'Bulgaria', 'Hellas', 'Greece', 'Tyrkia', 'Turkey', 'Ukraina', 'Ukraine', 'Russland', 'Russia', 'Portugal', 'Korea',
  'South Korea', 'Republic of Korea', 'S.Korea', 'Japan', 'Kina', 'China', 'India', 'Pakistan', 'Filippinene',
  'Philippines', 'Somalia', 'Eritrea', 'Etiopia', 'Ethiopia', 'Syria', 'Irak', 'Iraq', 'Iran', 'Afghanistan', 'Brasil',
  'Brazil', 'Sri Lanka', 'Vietnam', 'Thailand', 'Tsjekkia', 'Czech Republic', 'Slovakia', 'Ungarn', 'Hungary',
  'Marokko', 'Maroc', 'Morocco', 'Algerie', 'Algeria', 'Tunisia', 'Egypt', 'Nigeria', 'Ghana', 'Kenya', 'Sør-Afrika',
  'South Africa', 'Mexico', 'Argentina', 'Chile', 'Colombia', 'Peru', 'Indonesia', 'Malaysia', 'Singapore', 'Nepal',
  'Bangladesh', 'New Zealand', 'Austria', 'Österreich', 'Schweiz', 'Suisse', 'España', 'Italia', 'Belgique',
  'Deutschland', 'Polska', 'Lietuva', 'Bosnia and Herzegovina', 'Kosovo', 'Makedonia', 'North Macedonia', 'Albania',
  'Montenegro', 'Moldova', 'Georgia', 'Armenia', 'Azerbaijan', 'Kazakhstan', 'Uzbekistan', 'Palestina', 'Palestine',
  'Libanon', 'Lebanon', 'Jordan', 'Sudan', 'Sør-Sudan', 'Kongo', 'Congo', 'Burundi', 'Rwanda', 'Uganda', 'Tanzania',
  'Gambia', 'Myanmar', 'Burma', 'Kambodsja', 'Cambodia', 'Laos', 'Taiwan', 'Hong Kong', 'Israel', 'Saudi-Arabia',
  'Saudi Arabia', 'Qatar', 'UAE', 'United Arab Emirates', 'Venezuela', 'Cuba', 'Ecuador', 'Bolivia', 'Jemen', 'Yemen',
];

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' '),
);

/** Natural languages by their names in Norwegian, English, German and French. */
const LANGUAGES = [
  'norsk', 'bokmål', 'nynorsk', 'engelsk', 'svensk', 'dansk', 'tysk', 'fransk', 'spansk', 'italiensk', 'portugisisk',
  'polsk', 'litauisk', 'latvisk', 'estisk', 'finsk', 'islandsk', 'russisk', 'ukrainsk', 'arabisk', 'somali', 'somalisk',
  'tigrinja', 'amharisk', 'persisk', 'farsi', 'dari', 'pashto', 'urdu', 'hindi', 'punjabi', 'bengali', 'tamil', 'kurdisk',
  'tyrkisk', 'gresk', 'rumensk', 'bulgarsk', 'serbisk', 'kroatisk', 'bosnisk', 'slovensk', 'slovakisk', 'tsjekkisk',
  'ungarsk', 'albansk', 'kinesisk', 'mandarin', 'kantonesisk', 'japansk', 'koreansk', 'vietnamesisk', 'thai', 'tagalog',
  'filippinsk', 'nederlandsk', 'hollandsk', 'samisk', 'nordsamisk', 'swahili', 'hebraisk', 'latin', 'tegnspråk',
  'norwegian', 'english', 'swedish', 'danish', 'german', 'french', 'spanish', 'italian', 'portuguese', 'polish',
  'lithuanian', 'latvian', 'estonian', 'finnish', 'icelandic', 'russian', 'ukrainian', 'arabic', 'somali', 'tigrinya',
  'amharic', 'persian', 'urdu', 'hindi', 'bengali', 'kurdish', 'turkish', 'greek', 'romanian', 'bulgarian', 'serbian',
  'croatian', 'bosnian', 'slovenian', 'slovak', 'czech', 'hungarian', 'albanian', 'chinese', 'cantonese', 'japanese',
  'korean', 'vietnamese', 'dutch', 'sami', 'hebrew', 'neapolitan', 'catalan', 'basque', 'galician', 'welsh', 'irish',
  'malay', 'indonesian', 'filipino', 'sign language', 'englisch', 'deutsch', 'französisch', 'spanisch', 'italienisch',
  'latein', 'russisch', 'polnisch', 'norwegisch', 'schwedisch', 'dänisch', 'niederländisch', 'chinesisch', 'japanisch',
  'türkisch', 'arabisch', 'portugiesisch', 'français', 'francais', 'anglais', 'allemand', 'espagnol', 'italien', 'arabe',
  'chinois', 'japonais', 'russe', 'portugais', 'néerlandais', 'norvégien', 'suédois', 'latin',
  'yoruba', 'igbo', 'hausa', 'oromo', 'wolof', 'lingala', 'zulu', 'xhosa', 'afrikaans', 'telugu', 'marathi', 'gujarati',
  'sinhala', 'nepali', 'burmese', 'khmer', 'lao', 'mongolian', 'sorani', 'kurmanji', 'maltese', 'luxembourgish', 'faroese',
  'greenlandic', 'kven', 'georgian', 'armenian', 'azerbaijani', 'kazakh', 'uzbek', 'macedonian', 'montenegrin', 'esperanto',
  'tamilsk', 'singalesisk', 'nepalesisk', 'burmesisk', 'mongolsk', 'georgisk', 'armensk', 'aserbajdsjansk', 'kasakhisk',
  'usbekisk', 'makedonsk', 'montenegrinsk', 'færøysk', 'grønlandsk', 'kvensk', 'luxemburgsk', 'maltesisk', 'walisisk',
  'irsk', 'skotsk', 'baskisk', 'katalansk', 'galisisk', 'bokmal', 'pakistansk', 'indonesisk', 'malayisk', 'swahili',
  'oromo', 'eritreisk', 'persian farsi', 'brazilian portuguese', 'mandarin chinese', 'tagalog', 'creole', 'haitian creole',
];

const LANGUAGE_SET = new Set(LANGUAGES);
const PLACE_SET = new Set(PLACES.map((p) => p.toLowerCase()));
const COUNTRY_SET = new Set(COUNTRIES.map((c) => c.toLowerCase()));
const TITLE_SET = new Set(TITLE_SUFFIXES);
const ORG_SET = new Set(ORG_WORDS);
const INSTITUTION_SET = new Set(INSTITUTION_WORDS);

export function isLanguageName(text: string): boolean {
  return LANGUAGE_SET.has(wordKey(text));
}

export function isPlace(text: string): boolean {
  const t = text.trim().toLowerCase().replace(/\.$/, '');
  return PLACE_SET.has(t);
}

export function isCountry(text: string): boolean {
  return COUNTRY_SET.has(text.trim().toLowerCase().replace(/\.$/, ''));
}

export function isUsState(text: string): boolean {
  return US_STATES.has(text.trim());
}

/** "Oslo", "Palo Alto, CA", "Seoul, S.Korea", "Remote", "Bergen, Norge": a location, not an organisation. */
export function looksLikeLocation(text: string): boolean {
  const t = text.trim().replace(/[()]/g, '').trim();
  if (!t) return false;
  if (isPlace(t) || isCountry(t)) return true;
  if (/^(remote|hjemmekontor|online|diverse steder|various|worldwide)$/i.test(t)) return true;
  const parts = t.split(/\s*,\s*/);
  if (parts.length >= 2 && parts.length <= 3) {
    const last = parts.at(-1) as string;
    const first = parts[0] as string;
    const plain = (p: string): boolean => p.split(' ').length <= 3 && institutionScore(p) === 0 && !wordKey(p).split(' ').some((w) => ORG_SET.has(w));
    if ((isUsState(last) || isCountry(last) || isPlace(first)) && parts.every((p) => (/^[\p{Lu}][\p{L}.' -]*$/u.test(p) && plain(p)) || isUsState(p))) {
      return true;
    }
  }
  // "Seoul, S.Korea & LA, U.S.A"
  if (/&/.test(t)) return t.split(/\s*&\s*/).every((p) => looksLikeLocation(p));
  return false;
}

/** How strongly a phrase reads as a job title (0 = not at all). */
export function titleScore(text: string): number {
  const key = wordKey(text);
  if (!key) return 0;
  let score = 0;
  for (const word of key.split(' ')) {
    if (TITLE_SET.has(word)) score += 2;
    else if (TITLE_SUFFIXES.some((s) => s.length >= 4 && word.length > s.length + 2 && word.endsWith(s))) score += 2;
  }
  if (/\b(of|for)\b/i.test(text) && score > 0) score += 0.5;
  // English and Norwegian titles end in their head noun: "Research Intern", "Daglig leder".
  const last = key.split(' ').at(-1) ?? '';
  if (TITLE_SET.has(last) || TITLE_SUFFIXES.some((s) => s.length >= 4 && last.endsWith(s))) score += 1.5;
  return score;
}

/** How strongly a phrase reads as an organisation (employer). */
export function orgScore(text: string): number {
  const key = wordKey(text);
  if (!key) return 0;
  let score = 0;
  const words = key.split(' ');
  for (const word of words) if (ORG_SET.has(word)) score += 2;
  if (ORG_SET.has(words.at(-1) ?? '')) score += 1;
  if (/\b(AS|ASA|A\/S|Inc\.?|Ltd\.?|LLC|GmbH|Corp\.?|Co\.)$/u.test(text.trim())) score += 2;
  // Acronyms and brand-like capitals ("NAV", "EY", "PwC", "HENT") read as organisations.
  if (/^[\p{Lu}\d&.!+-]{2,}(?:\s[\p{Lu}\d&.!+-]{2,})*$/u.test(text.trim()) && text.trim().length <= 12) score += 1;
  if (/\d/.test(text)) score += 0.5;
  return score;
}

export function institutionScore(text: string): number {
  const key = wordKey(text);
  if (!key) return 0;
  let score = 0;
  for (const word of key.split(' ')) {
    if (INSTITUTION_SET.has(word)) score += 2;
    else if (/(universitet|university|skole|skolen|skule|høgskole|høyskole|gymnas|college|akademi)/.test(word)) score += 2;
  }
  return score;
}

/** The degree at the start of a qualification phrase ("Bachelor", "M.Sc.", "Fagbrev"), if any. */
export function matchDegree(text: string): string | null {
  const m = text.trim().match(DEGREE_START_RE);
  return m ? m[0] : null;
}

const DEGREE_ANYWHERE_RE = new RegExp(`(?:^|\\s)((?:${DEGREE_PATTERNS.filter((p) => p.length > 6).join('|')}))(?![\\p{L}])`, 'iu');

/**
 * A degree named after a qualifier or two: "Interdisciplinary doctoral degree programme in
 * Statistics", "Joint Master's Programme". Returns the degree phrase and where it starts.
 */
export function findDegree(text: string): { degree: string; index: number } | null {
  const start = matchDegree(text);
  if (start) return { degree: start, index: text.length - text.trimStart().length };
  const m = text.match(DEGREE_ANYWHERE_RE);
  if (!m || m.index === undefined) return null;
  const index = m.index + (m[0].length - (m[1] as string).length);
  if (text.slice(0, index).trim().split(/\s+/).length > 2) return null;
  return { degree: m[1] as string, index };
}

export function degreeScore(text: string): number {
  if (matchDegree(text)) return 3;
  const key = wordKey(text);
  return /\b(bachelor|master|grad|degree|fagbrev|studiekompetanse|studiespesialisering|diploma|certificate|ph ?d)\b/.test(key) ? 2 : 0;
}
