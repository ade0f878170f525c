import type { ActivityData, ConsentScope, Locale } from '../../../shared/contract/index.ts';
import type { ExportData } from './export-data.ts';

/**
 * index.html of the data-subject export: the same data as data.json, readable,
 * in Norwegian or English. Self-contained (no script, no outside resource; the
 * CSP says so) and every value escaped: it holds text typed by others and read
 * from CVs.
 */

const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const TEXT = {
  nb: {
    title: 'Innsyn: opplysninger vi har om deg',
    intro: 'Dette er alle opplysningene Kandidat har lagret om deg, med historikk, samtykker og hvem som har sett på dem. De samme opplysningene ligger maskinlesbart i data.json, og dokumentene du sendte ligger i mappen documents.',
    exported: 'Hentet ut',
    by: 'av',
    contact: 'Kontaktopplysninger',
    name: 'Navn',
    email: 'E-post',
    phone: 'Telefon',
    address: 'Adresse',
    birthDate: 'Fødselsdato',
    nationalId: 'Fødselsnummer (beskyttet felt)',
    status: 'Status',
    statuses: { active: 'aktiv', inactive: 'inaktiv' },
    availability: 'Tilgjengelighet',
    wishes: 'Ønskede stillinger og bransjer',
    notes: 'Notater',
    profile: 'Profil fra CV',
    work: 'Arbeidserfaring',
    education: 'Utdanning',
    skills: 'Ferdigheter',
    languages: 'Språk',
    certificates: 'Sertifikater og kurs',
    references: 'Referanser',
    documents: 'Dokumenter',
    consents: 'Samtykker',
    current: 'Gjeldende',
    ledger: 'Alle registreringer',
    granted: 'gitt',
    withdrawn: 'trukket',
    notGiven: 'ikke gitt',
    purposes: {
      recruitment: 'Behandling for rekruttering',
      keepForFuture: 'Lagring for fremtidige stillinger',
      shareWithClient: 'Deling med kunde',
      marketingEmail: 'Markedsføring på e-post',
      contactReferences: 'Kontakt med referanser',
    },
    sources: { form: 'skjema', phone: 'telefon', email: 'e-post', inPerson: 'personlig oppmøte' },
    notice: 'Tekst vist',
    retention: 'Lagringstid',
    retentionText: (last: string, months: number, due: string) =>
      `Siste aktivitet fra deg: ${last}. Opplysningene slettes ${due} (${months} måneder etter siste aktivitet) om du ikke er aktiv igjen før det.`,
    requests: 'Henvendelser om dine rettigheter',
    requestKinds: {
      access: 'innsyn',
      rectification: 'retting',
      erasure: 'sletting',
      restriction: 'begrensning',
      portability: 'dataportabilitet',
      objection: 'innsigelse',
      withdrawal: 'tilbaketrekking av samtykke',
    } as Record<string, string>,
    requestStatus: { open: 'under behandling', completed: 'besvart', rejected: 'avslått' } as Record<string, string>,
    deadline: 'Frist',
    holds: 'Rettslig bevaringsplikt',
    policies: 'Personvernerklæringer du er varslet om',
    disclosures: 'Utlevert til kunder',
    disclosuresIntro: 'Hver gang profilen din er sendt til en kunde: hvilke opplysninger, til hvem, når og på hvilket grunnlag.',
    client: 'Kunde',
    vacancy: 'stilling',
    fieldsSent: 'Opplysninger som ble sendt',
    basis: 'Grunnlag',
    consentOf: (date: string) => `ditt samtykke til deling med denne kunden (gitt ${date})`,
    consentRef: 'ditt samtykke til deling med denne kunden',
    transfer: {
      eea: (d: string) => `overføring innenfor EU/EØS (${d})`,
      adequacy: (d: string) => `EU-kommisjonens beslutning om tilstrekkelig beskyttelsesnivå: ${d}`,
      scc: (d: string) => `EUs standard personvernbestemmelser (${d})`,
    } as Record<string, (detail: string) => string>,
    modes: { full: 'full profil', anonymised: 'anonymisert (initialer og region)' } as Record<string, string>,
    queuedAt: 'lagt i kø',
    deliveredAt: 'mottatt av kunden',
    notSent: 'Venter på sending eller ble stoppet',
    outboxKinds: { profile: 'profil', deletion: 'krav om sletting hos kunden' } as Record<string, string>,
    outboxStatus: {
      queued: 'venter på sending',
      delivered: 'levert',
      withheld: 'ikke sendt: samtykket var trukket',
      blocked: 'ikke sendt: mangler overføringsgrunnlag',
      failed: 'avvist av kunden',
      cancelled: 'avbrutt',
    } as Record<string, string>,
    fields: {
      name: 'navn',
      email: 'e-post',
      phone: 'telefon',
      location: 'sted (by og region)',
      label: 'tittel',
      summary: 'sammendrag',
      work: 'arbeidserfaring',
      education: 'utdanning',
      skills: 'ferdigheter',
      languages: 'språk',
      certificates: 'sertifikater',
      availability: 'tilgjengelighet',
      desiredRoles: 'ønskede stillinger',
      references: 'referanser',
      birthDate: 'fødselsdato',
      streetAddress: 'gateadresse og postnummer',
      nationalId: 'fødselsnummer',
      photo: 'bilde',
    } as Record<string, string>,
    correspondence: 'Korrespondanse og aktivitet',
    correspondenceIntro: 'Samtaler, e-post, tekstmeldinger, referanser og intervjuer som er logget på deg, med hvem som logget dem.',
    kinds: { call: 'Telefonsamtale', email: 'E-post', sms: 'Tekstmelding', reference: 'Referansesjekk', interview: 'Intervju' } as Record<string, string>,
    directions: { in: 'fra deg', out: 'til deg' } as Record<string, string>,
    outcomes: { reached: 'svarte', noAnswer: 'ikke svar', voicemail: 'talepostkasse', busy: 'opptatt', wrongNumber: 'feil nummer' } as Record<string, string>,
    minutes: (m: number) => `${m} min`,
    from: 'Fra',
    to: 'Til',
    attachments: 'Vedlegg',
    loggedBy: 'Logget av',
    content: 'Innhold',
    revisions: 'Tidligere versjoner av endrede oppføringer',
    changedAt: 'Endret',
    before: 'Slik det sto før',
    referenceChecked: 'sjekket',
    relation: 'Relasjon',
    interviews: 'Intervjuer',
    score: 'poeng',
    marketing: 'Markedsføring på e-post sendt til deg',
    mailStatus: { sent: 'sendt', failed: 'ikke levert' } as Record<string, string>,
    unsubscribed: 'avmeldt',
    decisions: 'Automatiserte avgjørelser',
    decisionsIntro: 'Rangeringer mot stillinger du har vært med i, med forklaringen. Rangeringen er bare et forslag: en rekrutterer bestemmer.',
    vacancyCol: 'Stilling',
    rankScore: 'Plass · poeng',
    why: 'Forklaring',
    decision: 'Rekrutterers beslutning',
    decisionNames: { shortlisted: 'satt på kortlisten', rejected: 'ikke gått videre med' } as Record<string, string>,
    noDecision: 'ingen beslutning',
    none: 'Ingen.',
    history: 'Endringshistorikk',
    audit: 'Hvem har sett eller endret opplysningene',
    when: 'Når',
    who: 'Hvem',
    what: 'Hva',
    system: 'Kandidat (automatisk)',
    actions: {
      'candidate.view': 'så på opplysningene',
      export: 'hentet ut opplysningene',
      share: 'delte profilen',
      erasure: 'slettet',
      'consent.grant': 'registrerte samtykke',
      'consent.withdraw': 'registrerte tilbaketrekking',
      'vault.unlock': 'låste opp',
      'hold.set': 'satte bevaringsplikt',
      'hold.release': 'opphevet bevaringsplikt',
      'retention.run': 'kjørte sletting etter lagringstid',
      'policy.publish': 'publiserte personvernerklæring',
      'policy.told': 'registrerte at du er varslet om personvernerklæringen',
      'request.open': 'registrerte en henvendelse om rettighetene dine',
      'request.extend': 'forlenget fristen for henvendelsen',
      'request.complete': 'besvarte henvendelsen',
      'request.reject': 'avslo henvendelsen',
    } as Record<string, string>,
  },
  en: {
    title: 'Access request: the data we hold about you',
    intro: 'This is everything Kandidat holds about you, with its history, your consents and who has looked at it. The same data is in data.json in machine-readable form, and the documents you sent are in the documents folder.',
    exported: 'Exported',
    by: 'by',
    contact: 'Contact details',
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    address: 'Address',
    birthDate: 'Date of birth',
    nationalId: 'National identity number (protected field)',
    status: 'Status',
    statuses: { active: 'active', inactive: 'inactive' },
    availability: 'Availability',
    wishes: 'Desired roles and sectors',
    notes: 'Notes',
    profile: 'Profile from your CV',
    work: 'Work experience',
    education: 'Education',
    skills: 'Skills',
    languages: 'Languages',
    certificates: 'Certificates and courses',
    references: 'References',
    documents: 'Documents',
    consents: 'Consents',
    current: 'Now',
    ledger: 'Every record',
    granted: 'given',
    withdrawn: 'withdrawn',
    notGiven: 'not given',
    purposes: {
      recruitment: 'Processing for recruitment',
      keepForFuture: 'Keeping your profile for future positions',
      shareWithClient: 'Sharing with a client',
      marketingEmail: 'Marketing e-mail',
      contactReferences: 'Contacting your references',
    },
    sources: { form: 'form', phone: 'phone', email: 'e-mail', inPerson: 'in person' },
    notice: 'Text shown',
    retention: 'Retention',
    retentionText: (last: string, months: number, due: string) =>
      `Your last own activity: ${last}. Your data will be erased on ${due} (${months} months after it) unless you are active again before then.`,
    requests: 'Requests about your rights',
    requestKinds: {
      access: 'access',
      rectification: 'rectification',
      erasure: 'erasure',
      restriction: 'restriction',
      portability: 'data portability',
      objection: 'objection',
      withdrawal: 'consent withdrawal',
    } as Record<string, string>,
    requestStatus: { open: 'being handled', completed: 'answered', rejected: 'refused' } as Record<string, string>,
    deadline: 'Deadline',
    holds: 'Legal holds',
    policies: 'Privacy notices you were told of',
    disclosures: 'Shared with clients',
    disclosuresIntro: 'Every time your profile was sent to a client: which data, to whom, when and on what basis.',
    client: 'Client',
    vacancy: 'vacancy',
    fieldsSent: 'Data sent',
    basis: 'Basis',
    consentOf: (date: string) => `your consent to sharing with this client (given ${date})`,
    consentRef: 'your consent to sharing with this client',
    transfer: {
      eea: (d: string) => `transfer within the EU/EEA (${d})`,
      adequacy: (d: string) => `European Commission adequacy decision: ${d}`,
      scc: (d: string) => `EU standard contractual clauses (${d})`,
    } as Record<string, (detail: string) => string>,
    modes: { full: 'full profile', anonymised: 'anonymised (initials and region)' } as Record<string, string>,
    queuedAt: 'queued',
    deliveredAt: 'received by the client',
    notSent: 'Waiting to be sent, or stopped',
    outboxKinds: { profile: 'profile', deletion: 'request to the client to delete it' } as Record<string, string>,
    outboxStatus: {
      queued: 'waiting to be sent',
      delivered: 'delivered',
      withheld: 'not sent: consent had been withdrawn',
      blocked: 'not sent: no transfer basis',
      failed: 'refused by the client',
      cancelled: 'cancelled',
    } as Record<string, string>,
    fields: {
      name: 'name',
      email: 'e-mail',
      phone: 'phone',
      location: 'place (city and region)',
      label: 'title',
      summary: 'summary',
      work: 'work experience',
      education: 'education',
      skills: 'skills',
      languages: 'languages',
      certificates: 'certificates',
      availability: 'availability',
      desiredRoles: 'desired roles',
      references: 'references',
      birthDate: 'date of birth',
      streetAddress: 'street address and postcode',
      nationalId: 'national identity number',
      photo: 'photo',
    } as Record<string, string>,
    correspondence: 'Correspondence and activity',
    correspondenceIntro: 'Calls, e-mails, text messages, references and interviews logged about you, with who logged them.',
    kinds: { call: 'Phone call', email: 'E-mail', sms: 'Text message', reference: 'Reference check', interview: 'Interview' } as Record<string, string>,
    directions: { in: 'from you', out: 'to you' } as Record<string, string>,
    outcomes: { reached: 'answered', noAnswer: 'no answer', voicemail: 'voicemail', busy: 'busy', wrongNumber: 'wrong number' } as Record<string, string>,
    minutes: (m: number) => `${m} min`,
    from: 'From',
    to: 'To',
    attachments: 'Attachments',
    loggedBy: 'Logged by',
    content: 'Content',
    revisions: 'Earlier versions of edited entries',
    changedAt: 'Changed',
    before: 'What it said before',
    referenceChecked: 'checked',
    relation: 'Relation',
    interviews: 'Interviews',
    score: 'points',
    marketing: 'Marketing e-mail sent to you',
    mailStatus: { sent: 'sent', failed: 'not delivered' } as Record<string, string>,
    unsubscribed: 'unsubscribed',
    decisions: 'Automated decisions',
    decisionsIntro: 'Rankings against vacancies you appeared in, with their explanation. A ranking is only a suggestion: a recruiter decides.',
    vacancyCol: 'Vacancy',
    rankScore: 'Rank · score',
    why: 'Explanation',
    decision: "Recruiter's decision",
    decisionNames: { shortlisted: 'put on the shortlist', rejected: 'not taken further' } as Record<string, string>,
    noDecision: 'no decision',
    none: 'None.',
    history: 'Change history',
    audit: 'Who has viewed or changed your data',
    when: 'When',
    who: 'Who',
    what: 'What',
    system: 'Kandidat (automatic)',
    actions: {
      'candidate.view': 'viewed the record',
      export: 'exported the record',
      share: 'shared the profile',
      erasure: 'erased',
      'consent.grant': 'recorded a consent',
      'consent.withdraw': 'recorded a withdrawal',
      'vault.unlock': 'unlocked',
      'hold.set': 'set a legal hold',
      'hold.release': 'released a legal hold',
      'retention.run': 'ran the retention erasure',
      'policy.publish': 'published a privacy notice',
      'policy.told': 'recorded that you were told of the privacy notice',
      'request.open': 'registered a request about your rights',
      'request.extend': 'extended the deadline of your request',
      'request.complete': 'answered your request',
      'request.reject': 'refused your request',
    } as Record<string, string>,
  },
};

export function renderExportHtml(data: ExportData, locale: Locale): string {
  const t = TEXT[locale];
  const date = (iso: string | null | undefined) => (iso ? esc(iso.slice(0, 10)) : '');
  const time = (iso: string) => esc(iso.replace('T', ' ').slice(0, 16));
  const section = (title: string, body: string) => `<section><h2>${esc(title)}</h2>${body}</section>`;
  const empty = `<p class="none">${esc(t.none)}</p>`;
  const row = (label: string, value: string) => (value ? `<tr><th scope="row">${esc(label)}</th><td>${value}</td></tr>` : '');
  const table = (headers: string[], rows: string[][]) =>
    rows.length === 0
      ? empty
      : `<table><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : empty);

  const c = data.candidate;
  const a = c.address;
  const contact = `<table class="facts">${[
    row(t.name, esc(c.name)),
    row(t.email, c.emails.map(esc).join('<br>')),
    row(t.phone, c.phones.map(esc).join('<br>')),
    row(t.address, [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.country].filter(Boolean).map(esc).join('<br>')),
    row(t.birthDate, date(c.birthDate)),
    row(t.nationalId, data.nationalId ? esc(data.nationalId.value) : ''),
    row(t.status, esc(t.statuses[c.status])),
    row(
      t.availability,
      [c.availability.from ? date(c.availability.from) : '', c.availability.extentPercent ? `${c.availability.extentPercent} %` : '', c.availability.shifts.map(esc).join(', ')]
        .filter(Boolean)
        .join(' · '),
    ),
    row(t.wishes, [...c.desiredRoles, ...c.desiredSectors].map(esc).join(', ')),
    row(t.notes, esc(c.notes).replace(/\n/g, '<br>')),
  ].join('')}</table>`;

  const r = data.resume;
  const period = (e: { startDate?: string; endDate?: string }) => [e.startDate, e.endDate].filter(Boolean).map(esc).join('–');
  const profile = [
    r.basics?.label || r.basics?.summary ? `<p>${esc(r.basics?.label)}${r.basics?.label && r.basics?.summary ? '<br>' : ''}${esc(r.basics?.summary)}</p>` : '',
    r.work?.length
      ? `<h3>${esc(t.work)}</h3>${list(r.work.map((w) => `<strong>${esc(w.position)}</strong> ${esc(w.name)} ${period(w)}${w.summary ? `<br>${esc(w.summary)}` : ''}`))}`
      : '',
    r.education?.length
      ? `<h3>${esc(t.education)}</h3>${list(r.education.map((e) => `<strong>${esc(e.studyType)} ${esc(e.area)}</strong> ${esc(e.institution)} ${period(e)}`))}`
      : '',
    r.skills?.length ? `<h3>${esc(t.skills)}</h3><p>${r.skills.map((s) => esc(s.name)).join(', ')}</p>` : '',
    r.languages?.length ? `<h3>${esc(t.languages)}</h3><p>${r.languages.map((l) => `${esc(l.language)}${l.fluency ? ` (${esc(l.fluency)})` : ''}`).join(', ')}</p>` : '',
    r.certificates?.length ? `<h3>${esc(t.certificates)}</h3>${list(r.certificates.map((x) => `${esc(x.name)} ${esc(x.issuer)} ${date(x.date)}`))}` : '',
    r.references?.length ? `<h3>${esc(t.references)}</h3>${list(r.references.map((x) => `${esc(x.name)} ${esc(x.reference)}`))}` : '',
  ].join('');

  const documents = table(
    [t.name, t.when],
    data.documents.map((d) => [`<a href="${esc(encodeURI(d.path))}">${esc(d.fileName)}</a>`, date(d.addedAt)]),
  );

  // A vacancy by its title; by its id (or the client's own reference) only when the register has no such vacancy.
  const vacancyOf = (v: { vacancyId: string | null; vacancyTitle: string | null }) => `${esc(t.vacancy)} ${esc(v.vacancyTitle ?? v.vacancyId ?? '')}`;
  // A scope by the client's name, its id only once the client is gone.
  const purposeName = (p: keyof typeof t.purposes, scope: ConsentScope | null) =>
    esc(t.purposes[p]) + (scope ? ` (${esc(scope.clientName ?? scope.clientId)}${scope.vacancyId ? `, ${vacancyOf(scope)}` : ''})` : '');
  const consents =
    `<h3>${esc(t.current)}</h3>` +
    table(
      [t.what, t.status, t.when],
      data.consents.current.states.map((s) => [purposeName(s.purpose, s.scope), esc(s.granted ? t.granted : t.withdrawn), date(s.since)]),
    ) +
    `<h3>${esc(t.ledger)}</h3>` +
    table(
      [t.when, t.what, t.status, t.who, t.notice],
      data.consents.events.map((e) => [
        time(e.at),
        purposeName(e.purpose, e.scope),
        `${esc(e.action === 'grant' ? t.granted : t.withdrawn)} (${esc(t.sources[e.source])})`,
        esc(e.recordedBy.name),
        e.notice ? `<details><summary>${esc(e.notice.version)}</summary><p class="notice">${esc(e.notice.text)}</p></details>` : '',
      ]),
    );

  const holds = table([t.when, t.what, t.status], data.holds.map((h) => [date(h.setAt), esc(h.reason), esc(h.state) + (h.until ? ` (${date(h.until)})` : '')]));
  const history = table(
    [t.when, t.who, t.what],
    data.history.map((h) => [time(h.at), esc(h.actor.name), `${esc(h.action)}${h.changes.length ? ': ' + h.changes.map((x) => esc(x.field)).join(', ') : ''}`]),
  );
  const audit = table(
    [t.when, t.who, t.what],
    data.auditTrail.map((e) => [time(e.at), esc(e.actorName ?? t.system), esc(t.actions[e.action] ?? e.action)]),
  );
  const policies = table([t.what, t.when], data.policyNotifications.map((p) => [esc(p.policyVersion), date(p.at)]));
  const requests = table(
    [t.when, t.what, t.deadline, t.status],
    data.rightsRequests.map((q) => [
      date(q.receivedOn),
      esc(t.requestKinds[q.kind] ?? q.kind) + (q.note ? `<br>${esc(q.note)}` : ''),
      date(q.dueOn),
      esc(t.requestStatus[q.status] ?? q.status) + (q.closedAt ? ` (${date(q.closedAt)})` : ''),
    ]),
  );

  const multiline = (text: string) => (text ? `<div class="text">${esc(text)}</div>` : '');

  // Disclosures: which fields, to whom, when, on what basis (the consent and the transfer basis).
  const consentAt = new Map(data.consents.events.map((e) => [e.id, e.at]));
  const clientOf = (name: string, vacancy: { vacancyId: string | null; vacancyTitle: string | null }) =>
    esc(name) + (vacancy.vacancyId ? ` (${vacancyOf(vacancy)})` : '');
  const disclosures =
    `<p>${esc(t.disclosuresIntro)}</p>` +
    table(
      [t.when, t.client, t.fieldsSent, t.basis],
      data.sharing.disclosures.map((d) => {
        const consent = consentAt.get(d.consentEventId);
        const transfer = t.transfer[d.transferBasis];
        return [
          `${time(d.deliveredAt)}<br><span class="small">${esc(t.deliveredAt)}; ${esc(t.queuedAt)} ${time(d.queuedAt)}</span>`,
          clientOf(d.clientName, d),
          `${d.fields.map((f) => esc(t.fields[f] ?? f)).join(', ')}<br><span class="small">${esc(t.modes[d.mode] ?? d.mode)}</span>`,
          `${esc(consent ? t.consentOf(consent.slice(0, 10)) : t.consentRef)};<br>${esc(transfer ? transfer(d.transferDetail) : d.transferDetail)}`,
        ];
      }),
    ) +
    (data.sharing.notSent.length
      ? `<h3>${esc(t.notSent)}</h3>` +
        table(
          [t.when, t.client, t.what, t.status],
          data.sharing.notSent.map((n) => [
            time(n.queuedAt),
            clientOf(n.clientName, n),
            esc(t.outboxKinds[n.kind] ?? n.kind),
            esc(t.outboxStatus[n.status] ?? n.status),
          ]),
        )
      : '');

  // Correspondence: the timeline with what each entry said, earlier versions, references, interviews, marketing.
  const k = data.correspondence;
  const attachmentsOf = new Map<string, string[]>();
  for (const x of k.attachments) if (x.role !== 'original') attachmentsOf.set(x.entryId, [...(attachmentsOf.get(x.entryId) ?? []), x.fileName]);
  const facts = (kind: string, d: ActivityData) =>
    [
      kind === 'call' && d.durationSec !== undefined ? t.minutes(Math.round(d.durationSec / 60)) : '',
      d.outcome ? (t.outcomes[d.outcome] ?? d.outcome) : '',
      d.phone ?? '',
      d.from ? `${t.from}: ${d.from}` : '',
      d.to?.length ? `${t.to}: ${d.to.join(', ')}` : '',
    ]
      .filter(Boolean)
      .map(esc)
      .join(' · ');
  const entries = table(
    [t.when, t.what, t.content, t.loggedBy],
    k.entries.map((e) => {
      const files = attachmentsOf.get(e.id) ?? [];
      const about = facts(e.kind, e.data);
      return [
        time(e.at),
        // Who wrote or called whom; a reference check or an interview has no direction towards the candidate.
        esc(t.kinds[e.kind] ?? e.kind) + (e.direction && ['call', 'email', 'sms'].includes(e.kind) ? `<br><span class="small">${esc(t.directions[e.direction])}</span>` : ''),
        (e.title ? `<strong>${esc(e.title)}</strong>` : '') +
          (about ? `<div class="small">${about}</div>` : '') +
          multiline(e.body) +
          (files.length ? `<div class="small">${esc(t.attachments)}: ${files.map(esc).join(', ')}</div>` : ''),
        esc(e.loggedBy.name),
      ];
    }),
  );
  const revisions = k.revisions.length
    ? `<h3>${esc(t.revisions)}</h3>` +
      table(
        [t.changedAt, t.when, t.before],
        k.revisions.map((v) => [time(v.changedAt), time(v.at), (v.title ? `<strong>${esc(v.title)}</strong>` : '') + multiline(v.body)]),
      )
    : '';
  const references = k.references.length
    ? `<h3>${esc(t.references)}</h3>` +
      table(
        [t.name, t.relation, t.content],
        k.references.map((x) => [
          esc(x.name),
          [x.relation, x.company].filter(Boolean).map(esc).join(', '),
          [x.phone, x.email].filter(Boolean).map(esc).join(' · ') +
            (x.checkedAt ? `<div class="small">${esc(t.referenceChecked)} ${time(x.checkedAt)}</div>` : '') +
            multiline(x.notes),
        ]),
      )
    : '';
  const interviews = k.interviews.length
    ? `<h3>${esc(t.interviews)}</h3>` +
      k.interviews
        .map(
          (iv) =>
            `<h4>${esc(iv.title)} — ${time(iv.at)}</h4>` +
            list(
              iv.questions.map((q) => {
                const answer = iv.answers[q.id];
                return `<strong>${esc(q.competence)}</strong>${q.text ? `: ${esc(q.text)}` : ''}${
                  answer?.score ? ` (${esc(answer.score)} ${esc(t.score)})` : ''
                }${answer?.text ? multiline(answer.text) : ''}`;
              }),
            ) +
            multiline(iv.notes),
        )
        .join('')
    : '';
  const marketing = k.marketingEmail.length
    ? `<h3>${esc(t.marketing)}</h3>` +
      table(
        [t.when, t.what, t.status],
        k.marketingEmail.map((m) => [
          time(m.sentAt),
          esc(m.subject),
          esc(t.mailStatus[m.status] ?? m.status) + (m.unsubscribedAt ? `; ${esc(t.unsubscribed)} ${time(m.unsubscribedAt)}` : ''),
        ]),
      )
    : '';
  const correspondence = `<p>${esc(t.correspondenceIntro)}</p>${entries}${revisions}${references}${interviews}${marketing}`;

  // Rankings (matching): where the candidate stood, why, and what the recruiter decided — a person always decides.
  const decisions =
    `<p>${esc(t.decisionsIntro)}</p>` +
    table(
      [t.when, t.vacancyCol, t.rankScore, t.why, t.decision],
      data.automatedDecisions.map((d) => [
        time(d.at),
        esc(d.vacancy),
        `${esc(d.rank)} · ${esc(d.score)}`,
        `<div class="text">${esc(d.explanation[locale])}</div><span class="small">${esc(d.algorithmVersion)}</span>`,
        d.decision && d.decision !== 'none'
          ? esc(t.decisionNames[d.decision] ?? d.decision) + (d.decidedBy ? `<br><span class="small">${esc(d.decidedBy)}${d.decidedAt ? `, ${time(d.decidedAt)}` : ''}</span>` : '')
          : esc(t.noDecision),
      ]),
    );

  return `<!doctype html>
<html lang="${locale === 'nb' ? 'nb' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)} — ${esc(c.name)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #eee}
.facts th{width:14rem;font-weight:600}.none{color:#666}.notice{white-space:pre-wrap;font-size:.9rem}
.text{white-space:pre-wrap;margin:.25rem 0}.small{font-size:.85rem;color:#444}h4{font-size:.95rem;margin:1rem 0 .25rem}
@media print{details{display:block}}
</style>
</head>
<body>
<h1>${esc(t.title)}</h1>
<p>${esc(t.intro)}</p>
<p>${esc(t.exported)} ${time(data.exportedAt)} ${esc(t.by)} ${esc(data.exportedBy.name)}.</p>
${section(t.contact, contact)}
${section(t.profile, profile || empty)}
${section(t.documents, documents)}
${section(t.consents, consents)}
${section(t.retention, `<p>${esc(t.retentionText(data.retention.lastOwnActivityAt.slice(0, 10), data.retention.limitMonths, data.retention.dueAt.slice(0, 10)))}</p>`)}
${section(t.requests, requests)}
${section(t.holds, holds)}
${section(t.policies, policies)}
${section(t.correspondence, correspondence)}
${section(t.disclosures, disclosures)}
${section(t.decisions, decisions)}
${section(t.history, history)}
${section(t.audit, audit)}
</body>
</html>
`;
}
