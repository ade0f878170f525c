import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Client, ClientSummary } from '../../../../shared/contract/clients.ts';
import { formatOrgNumber, isValidOrgNumber } from '../../../../shared/contract/clients.ts';
import type { VacancySummary } from '../../../../shared/contract/matching.ts';
import { formatPhone } from '../../../../shared/phone.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { VacancyScreen } from '../matching/VacancyScreen.tsx';
import { VacancyForm } from './VacancyForm.tsx';
import { useClients } from './store.ts';
import './clients.css';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Clients and their vacancies; a vacancy opens its matching screen. */
export function ClientsView() {
  const vacancyId = useClients((s) => s.vacancyId);
  return vacancyId ? <VacancyScreen id={vacancyId} /> : <ClientsHome />;
}

function ClientsHome() {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState('');
  const [clients, setClients] = useState<ClientSummary[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const clientId = useClients((s) => s.clientId);
  const selectClient = useClients((s) => s.selectClient);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(async () => {
    try {
      setClients((await api().call('clients.list', { text, limit: 500 })).items);
      setFailure(null);
    } catch (e) {
      setFailure(e);
    }
  }, [text]);

  useEffect(() => void reload(), [reload]);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="clients" aria-labelledby="clients-title">
      <div className="clients-head">
        <h1 id="clients-title" ref={headingRef} tabIndex={-1}>
          {t('clients.title')}
        </h1>
        <button type="button" onClick={() => setCreating(true)} disabled={creating}>
          {t('clients.new')}
        </button>
      </div>
      <ErrorAlert error={failure} />
      <div className="clients-body">
        <div className="clients-list">
          <Field label={t('clients.filter')}>
            {(p) => <input {...p} type="search" value={text} placeholder={t('clients.filterPlaceholder')} onChange={(e) => setText(e.target.value)} />}
          </Field>
          {creating ? (
            <NewClient
              onDone={(c) => {
                setCreating(false);
                if (c) {
                  void reload();
                  selectClient(c.id);
                }
              }}
            />
          ) : null}
          {clients && clients.length === 0 ? <p className="muted">{text ? t('clients.noMatch') : t('clients.none')}</p> : null}
          <ul className="client-items" aria-label={t('clients.list')}>
            {(clients ?? []).map((c) => (
              <li key={c.id}>
                <button type="button" className="client-item" aria-current={c.id === clientId ? 'true' : undefined} onClick={() => selectClient(c.id)}>
                  <span className="client-name">{c.name}</span>
                  <span className="muted small">
                    {c.orgNumber ? formatOrgNumber(c.orgNumber) : i18n.country(c.country)} · {t('clients.contactCount', { count: c.contactCount })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="client-detail">{clientId ? <ClientDetail id={clientId} onChanged={() => void reload()} /> : <p className="muted">{t('clients.pick')}</p>}</div>
      </div>
    </section>
  );
}

function NewClient({ onDone }: { onDone: (created: Client | null) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const show = useToasts((s) => s.show);
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const [country, setCountry] = useState('NO');
  const [failure, setFailure] = useState<unknown>(null);
  const [touched, setTouched] = useState(false);
  const orgProblem = touched && country.toUpperCase() === 'NO' && !isValidOrgNumber(org) ? t('clients.orgNumberInvalid') : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (country.toUpperCase() === 'NO' && !isValidOrgNumber(org)) return;
    try {
      const created = await api().call('clients.create', { name, orgNumber: org, country });
      show({ tone: 'info', text: t('clients.created', { name: created.name }) });
      onDone(created);
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <form className="card inline-form" onSubmit={(e) => void submit(e)} aria-label={t('clients.new')}>
      <Field label={t('clients.name')}>{(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} autoFocus />}</Field>
      <Field label={t('clients.orgNumber')} hint={t('clients.orgNumberHint')} error={orgProblem}>
        {(p) => <input {...p} inputMode="numeric" value={org} onChange={(e) => setOrg(e.target.value)} onBlur={() => setTouched(true)} />}
      </Field>
      <Field label={t('clients.country')}>
        {(p) => <input {...p} value={country} maxLength={2} onChange={(e) => setCountry(e.target.value.toUpperCase())} />}
      </Field>
      <ErrorAlert error={failure} />
      <div className="toolbar">
        <button type="submit">{t('clients.create')}</button>
        <button type="button" className="ghost" onClick={() => onDone(null)}>
          {t('clients.cancel')}
        </button>
      </div>
    </form>
  );
}

function ClientDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [client, setClient] = useState<Client | null>(null);
  const [vacancies, setVacancies] = useState<VacancySummary[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [newVacancy, setNewVacancy] = useState(false);
  const openVacancy = useClients((s) => s.openVacancy);

  const reload = useCallback(async () => {
    try {
      const [c, v] = await Promise.all([api().call('clients.get', { id }), api().call('vacancies.list', { clientId: id })]);
      setClient(c);
      setVacancies(v);
      setFailure(null);
    } catch (e) {
      setFailure(e);
    }
  }, [id]);
  useEffect(() => void reload(), [reload]);

  if (failure && !client) {
    return (
      <ErrorAlert error={failure} />
    );
  }
  if (!client) return null;
  const changed = (c: Client) => {
    setClient(c);
    onChanged();
  };

  return (
    <div className="client-detail-inner">
      <h2>{client.name}</h2>
      <p className="muted">{[client.orgNumber ? formatOrgNumber(client.orgNumber) : '', i18n.country(client.country)].filter(Boolean).join(' · ')}</p>

      <section className="card" aria-labelledby="contacts-title">
        <h3 id="contacts-title">{t('clients.contacts')}</h3>
        {client.contacts.length === 0 ? <p className="muted">{t('clients.contacts.none')}</p> : null}
        <ul className="contact-list">
          {client.contacts.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{c.name}</strong>
                {c.role ? ` · ${c.role}` : ''}
                {c.email ? ` · ${c.email}` : ''}
                {c.phone ? ` · ${formatPhone(c.phone)}` : ''}
              </span>
              <button
                type="button"
                className="ghost small"
                aria-label={t('clients.contact.remove', { name: c.name })}
                onClick={() => void api().call('clients.contacts.remove', { id: c.id }).then(changed, setFailure)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <NewContact clientId={client.id} onAdded={changed} />
      </section>

      <section className="card" aria-labelledby="vacancies-title">
        <div className="card-head">
          <h3 id="vacancies-title">{t('vacancies.title')}</h3>
          <button type="button" onClick={() => setNewVacancy(true)} disabled={newVacancy}>
            {t('vacancies.new')}
          </button>
        </div>
        {newVacancy ? (
          <VacancyForm
            clientId={client.id}
            onDone={(created) => {
              setNewVacancy(false);
              if (created) openVacancy(created.id);
            }}
          />
        ) : null}
        {vacancies.length === 0 && !newVacancy ? <p className="muted">{t('vacancies.none')}</p> : null}
        <ul className="vacancy-list">
          {vacancies.map((v) => (
            <li key={v.id}>
              <button type="button" className="vacancy-item" onClick={() => openVacancy(v.id)} aria-label={t('vacancies.open', { title: v.title })}>
                <span className="client-name">{v.title}</span>
                <span className="muted small">
                  {[v.location.city || v.location.region, v.start ? i18n.date(v.start) : t('vacancies.asap'), t(`vacancies.status.${v.status}`)]
                    .filter(Boolean)
                    .join(' · ')}
                  {v.shortlisted ? ` · ${t('vacancies.shortlisted', { count: v.shortlisted })}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <ErrorAlert error={failure} />
    </div>
  );
}

function NewContact({ clientId, onAdded }: { clientId: string; onAdded: (c: Client) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [f, setF] = useState({ name: '', role: '', email: '', phone: '' });
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onAdded(await api().call('clients.contacts.add', { clientId, contact: f }));
      setF({ name: '', role: '', email: '', phone: '' });
      setFailure(null);
    } catch (err) {
      setFailure(err);
    }
  };
  return (
    <form className="contact-form" onSubmit={(e) => void submit(e)} aria-label={t('clients.contact.add')}>
      {(['name', 'role', 'email', 'phone'] as const).map((k) => (
        <Field key={k} label={t(`clients.contact.${k}`)}>
          {(p) => <input {...p} required={k === 'name'} type={k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text'} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} />}
        </Field>
      ))}
      <button type="submit">{t('clients.contact.add')}</button>
      <ErrorAlert error={failure} />
    </form>
  );
}
