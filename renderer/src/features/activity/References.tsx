import { useCallback, useEffect, useState } from 'react';
import type { Reference } from '../../../../shared/contract/activity.ts';
import { formatPhone } from '../../../../shared/phone.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

type Draft = { name: string; relation: string; company: string; phone: string; email: string; notes: string; checked: boolean };
const EMPTY: Draft = { name: '', relation: '', company: '', phone: '', email: '', notes: '', checked: false };

/** The candidate's references: who they are, and what the check found (only with the candidate's consent). */
export function References({ candidateId }: { candidateId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [data, setData] = useState<{ contactConsent: boolean; items: Reference[] } | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; version: number; draft: Draft } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => void api().call('activity.references.list', { candidateId }).then(setData, setError), [candidateId]);
  useEffect(() => {
    load();
    return api().on('activity.changed', (p) => {
      if (p.candidateId === candidateId) load();
    });
  }, [load, candidateId]);

  const save = async () => {
    if (!editing) return;
    setError(null);
    try {
      if (editing.id) await api().call('activity.references.update', { id: editing.id, version: editing.version, fields: editing.draft });
      else await api().call('activity.references.add', { candidateId, fields: editing.draft });
      setEditing(null);
    } catch (e) {
      setError(e);
    }
  };
  const set = (patch: Partial<Draft>) => setEditing((e) => (e ? { ...e, draft: { ...e.draft, ...patch } } : e));

  return (
    <section aria-labelledby="sec-references" className="references">
      <h3 id="sec-references">{t('refs.title')}</h3>
      {data ? <p className={`alert ${data.contactConsent ? 'note' : 'warn'}`}>{t(data.contactConsent ? 'refs.consentYes' : 'refs.consentNo')}</p> : null}
      {data && data.items.length === 0 && !editing ? <p className="muted">{t('refs.none')}</p> : null}
      <ul className="reference-list">
        {data?.items.map((r) => (
          <li key={r.id} className="card">
            <p>
              <strong>{r.name}</strong>
              {[r.relation, r.company].filter(Boolean).length ? <span className="muted"> · {[r.relation, r.company].filter(Boolean).join(' · ')}</span> : null}
            </p>
            <p className="small">{[r.phone ? formatPhone(r.phone) : '', r.email].filter(Boolean).join(' · ')}</p>
            <p className="small muted">{r.checkedAt ? t('refs.checkedAt', { when: i18n.shortMoment(r.checkedAt) }) : t('refs.notChecked')}</p>
            {r.notes ? <p className="entry-body">{r.notes}</p> : null}
            <div className="toolbar">
              <button
                type="button"
                className="ghost small"
                onClick={() =>
                  setEditing({ id: r.id, version: r.version, draft: { name: r.name, relation: r.relation, company: r.company, phone: r.phone, email: r.email, notes: r.notes, checked: r.checkedAt !== null } })
                }
              >
                {t('activity.edit')}
              </button>
              <button type="button" className="ghost small" onClick={() => void api().call('activity.references.remove', { id: r.id }).then(load, setError)}>
                {t('refs.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {editing ? (
        <form
          className="card inline-form"
          aria-label={t('refs.add')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="field-pair">
            <Text id="ref-name" label={t('refs.name')} value={editing.draft.name} onChange={(name) => set({ name })} required />
            <Text id="ref-relation" label={t('refs.relation')} value={editing.draft.relation} onChange={(relation) => set({ relation })} />
            <Text id="ref-company" label={t('refs.company')} value={editing.draft.company} onChange={(company) => set({ company })} />
          </div>
          <div className="field-pair">
            <Text id="ref-phone" label={t('refs.phone')} type="tel" value={editing.draft.phone} onChange={(phone) => set({ phone })} />
            <Text id="ref-email" label={t('refs.email')} type="email" value={editing.draft.email} onChange={(email) => set({ email })} />
          </div>
          <label className="check">
            <input type="checkbox" checked={editing.draft.checked} disabled={!data?.contactConsent} onChange={(e) => set({ checked: e.target.checked })} /> {t('refs.checked')}
          </label>
          <div className="field">
            <label htmlFor="ref-notes">{t('refs.notes')}</label>
            <textarea id="ref-notes" rows={4} value={editing.draft.notes} onChange={(e) => set({ notes: e.target.value })} />
          </div>
          <ErrorAlert error={error} />
          <div className="toolbar">
            <button type="submit" className="primary">
              {t('refs.save')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('activity.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setEditing({ id: null, version: 0, draft: EMPTY })}>
          {t('refs.add')}
        </button>
      )}
    </section>
  );
}

function Text(p: { id: string; label: string; value: string; onChange(v: string): void; type?: string; required?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={p.id}>{p.label}</label>
      <input id={p.id} type={p.type ?? 'text'} value={p.value} required={p.required} onChange={(e) => p.onChange(e.target.value)} />
    </div>
  );
}
