import { useCallback, useEffect, useState } from 'react';
import type { PolicyRecipient, PolicyVersion } from '../../../../shared/contract/privacy.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Privacy-policy versions: publish a new text, and record who has been told of the newest. */
export function PolicyCard({ onChanged }: { onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const showToast = useToasts((s) => s.show);
  const [policies, setPolicies] = useState<PolicyVersion[]>([]);
  const [untold, setUntold] = useState<{ total: number; items: PolicyRecipient[] } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [publishing, setPublishing] = useState(false);
  const [version, setVersion] = useState('');
  const [locale, setLocale] = useState<'nb' | 'en'>(i18n.locale);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ version?: string; text?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const newest = policies[0];

  const reload = useCallback(async () => {
    try {
      const list = await api().call('privacy.policy.list', {});
      setPolicies(list);
      setUntold(list[0] ? await api().call('privacy.policy.untold', { version: list[0].version }) : null);
      setSelected(new Set());
    } catch (e) {
      setFailure(e);
    }
  }, []);

  useEffect(() => void reload(), [reload]);

  const act = async (call: () => Promise<string>) => {
    setBusy(true);
    setFailure(null);
    try {
      showToast({ tone: 'info', text: await call() });
      await reload();
      onChanged();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const publish = () => {
    const next = { ...(version.trim() ? {} : { version: t('invalid.required') }), ...(text.trim() ? {} : { text: t('invalid.required') }) };
    setErrors(next);
    if (next.version || next.text) return;
    void act(async () => {
      const { policy, mustBeTold } = await api().call('privacy.policy.publish', { version: version.trim(), text, locale });
      setPublishing(false);
      setVersion('');
      setText('');
      return t('privacy.policy.publishedNow', { version: policy.version, count: mustBeTold.length });
    });
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="card" aria-labelledby="privacy-policies">
      <h2 id="privacy-policies">{t('privacy.policy.title')}</h2>
      {!newest ? <p className="muted">{t('privacy.policy.none')}</p> : null}
      {newest && untold ? (
        untold.total === 0 ? (
          <p className="muted">{t('privacy.policy.allTold', { version: newest.version })}</p>
        ) : (
          <div>
            <p>
              <strong>{i18n.plural('privacy.policy.untold', untold.total, { version: newest.version })}</strong>
            </p>
            <label className="check">
              <input
                type="checkbox"
                checked={selected.size === untold.items.length && untold.items.length > 0}
                onChange={(e) => setSelected(e.target.checked ? new Set(untold.items.map((r) => r.candidateId)) : new Set())}
              />{' '}
              {t('privacy.policy.selectAll')}
            </label>
            <ul className="untold-list" aria-label={i18n.plural('privacy.policy.untold', untold.total, { version: newest.version })}>
              {untold.items.map((r) => (
                <li key={r.candidateId}>
                  <label className="check">
                    <input type="checkbox" checked={selected.has(r.candidateId)} onChange={() => toggle(r.candidateId)} /> {r.name}{' '}
                    <span className="muted small">{[r.email, r.phone].filter(Boolean).join(' · ')}</span>
                  </label>
                </li>
              ))}
            </ul>
            {untold.total > untold.items.length ? (
              <p className="muted small">{t('privacy.consents.more', { shown: untold.items.length, total: untold.total })}</p>
            ) : null}
            <button
              type="button"
              disabled={busy || selected.size === 0}
              onClick={() =>
                void act(async () => {
                  const r = await api().call('privacy.policy.markTold', { version: newest.version, candidateIds: [...selected] });
                  return t('privacy.policy.markedTold', { count: r.told });
                })
              }
            >
              {t('privacy.policy.markTold')}
            </button>
          </div>
        )
      ) : null}
      {policies.length ? (
        <table className="privacy-table">
          <thead>
            <tr>
              <th scope="col">{t('privacy.policy.version')}</th>
              <th scope="col">{t('privacy.policy.locale')}</th>
              <th scope="col">{t('privacy.policy.publishedCol')}</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => (
              <tr key={p.version}>
                <td>
                  <strong>{p.version}</strong>
                  <details>
                    <summary className="small">{t('privacy.policy.showText')}</summary>
                    <p className="notice-text">{p.text}</p>
                  </details>
                </td>
                <td>{t(`lang.${p.locale}`)}</td>
                <td className="small">
                  {t('privacy.policy.published', { date: i18n.date(p.publishedAt.slice(0, 10)), name: p.publishedBy.name })}
                  <div className="muted">{t('privacy.policy.notified', { count: p.notified })}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {publishing ? (
        <form
          className="subform"
          aria-label={t('privacy.policy.publish')}
          onSubmit={(e) => {
            e.preventDefault();
            publish();
          }}
        >
          <p className="muted small">{t('privacy.policy.publishHint')}</p>
          <div className="field-pair">
            <Field label={t('privacy.policy.version')} error={errors.version ?? null} className="narrow">
              {(control) => <input {...control} value={version} autoFocus onChange={(e) => setVersion(e.target.value)} />}
            </Field>
            <Field label={t('privacy.policy.locale')} className="narrow">
              {(control) => (
                <select {...control} value={locale} onChange={(e) => setLocale(e.target.value as 'nb' | 'en')}>
                  <option value="nb">{t('lang.nb')}</option>
                  <option value="en">{t('lang.en')}</option>
                </select>
              )}
            </Field>
          </div>
          <Field label={t('privacy.policy.text')} error={errors.text ?? null}>
            {(control) => <textarea {...control} rows={8} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <div className="toolbar">
            <button type="submit" className="primary" disabled={busy}>
              {t('privacy.policy.publishConfirm')}
            </button>
            <button type="button" onClick={() => setPublishing(false)}>
              {t('privacy.holds.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setPublishing(true)}>
          {t('privacy.policy.publish')}
        </button>
      )}
      <ErrorAlert error={failure} />
    </section>
  );
}
