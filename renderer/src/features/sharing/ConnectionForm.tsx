import { useState } from 'react';
import type { ClientSummary } from '../../../../shared/contract/clients.ts';
import type { ClientConnection, ShareField, ShareMode } from '../../../../shared/contract/sharing.ts';
import { DEFAULT_SHARE_FIELDS, ShareFields } from '../../../../shared/contract/sharing.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { generateSecret } from './labels.ts';
import { ModeField } from './SharePieces.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Add or change a client's connection. The stored secret is never shown: a new one replaces it. */
export function ConnectionForm({
  existing,
  clients,
  onSaved,
  onCancel,
}: {
  existing: ClientConnection | null;
  clients: ClientSummary[];
  onSaved(connection: ClientConnection): void;
  onCancel(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [clientId, setClientId] = useState(existing?.clientId ?? clients[0]?.id ?? '');
  const [endpoint, setEndpoint] = useState(existing?.endpoint ?? 'https://');
  const [secret, setSecret] = useState('');
  const [generated, setGenerated] = useState(false);
  const [safeguard, setSafeguard] = useState(existing?.safeguardReference ?? '');
  const [scope, setScope] = useState(existing?.adequacyScopeConfirmed ?? false);
  const [pin, setPin] = useState(existing?.pinSha256 ?? '');
  const [mode, setMode] = useState<ShareMode>(existing?.mode ?? 'full');
  const [fields, setFields] = useState<ShareField[]>(existing?.fields ?? [...DEFAULT_SHARE_FIELDS]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const issues = failure instanceof ApiError ? failure.fieldIssues : [];
  const issue = (path: string) => issues.find((i) => i.path === path)?.message ?? null;

  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const saved = await api().call('sharing.connections.save', {
        clientId,
        endpoint: endpoint.trim(),
        ...(secret.trim() ? { secret: secret.trim() } : {}),
        safeguardReference: safeguard.trim() || null,
        adequacyScopeConfirmed: scope,
        pinSha256: pin.trim() || null,
        fields,
        mode,
      });
      onSaved(saved);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="subform connection-form"
      aria-label={existing ? `${t('sharing.connections.edit')}: ${existing.clientName}` : t('sharing.connections.add')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t('sharing.form.client')} className="narrow">
        {(control) => (
          <select {...control} value={clientId} disabled={existing !== null} onChange={(e) => setClientId(e.target.value)}>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.country})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('sharing.form.endpoint')} error={issue('endpoint')}>
        {(control) => <input {...control} type="url" value={endpoint} onChange={(e) => setEndpoint(e.target.value)} />}
      </Field>
      <Field
        label={t('sharing.form.secret')}
        error={issue('secret')}
        hint={existing?.secretSet ? t('sharing.form.secretKept') : t('sharing.form.secretHint')}
        notice={generated && secret ? t('sharing.form.generated') : null}
      >
        {(control) => (
          <div className="secret-row">
            <input
              {...control}
              type={generated ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              value={secret}
              onChange={(e) => {
                setSecret(e.target.value);
                setGenerated(false);
              }}
            />
            <button
              type="button"
              onClick={() => {
                setSecret(generateSecret());
                setGenerated(true);
              }}
            >
              {t('sharing.form.generate')}
            </button>
          </div>
        )}
      </Field>
      <Field label={t('sharing.form.safeguard')} hint={t('sharing.form.safeguardHint')}>
        {(control) => <input {...control} value={safeguard} onChange={(e) => setSafeguard(e.target.value)} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={scope} onChange={(e) => setScope(e.target.checked)} /> {t('sharing.form.scope')}
      </label>
      <Field label={t('sharing.form.pin')} error={issue('pinSha256')}>
        {(control) => <input {...control} value={pin} spellCheck={false} onChange={(e) => setPin(e.target.value)} />}
      </Field>
      <ModeField label={t('sharing.form.mode')} value={mode} onChange={setMode} />
      <fieldset className="share-fields">
        <legend>{t('sharing.form.fields')}</legend>
        <p className="field-hint">{t('sharing.form.fieldsHint')}</p>
        {ShareFields.map((f) => (
          <label key={f} className="check">
            <input
              type="checkbox"
              checked={fields.includes(f)}
              onChange={(e) => setFields(e.target.checked ? ShareFields.filter((x) => x === f || fields.includes(x)) : fields.filter((x) => x !== f))}
            />{' '}
            {t(`sharing.field.${f}`)}
          </label>
        ))}
      </fieldset>
      {failure && issues.length === 0 ? (
        <ErrorAlert error={failure} />
      ) : null}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy || !clientId}>
          {t('sharing.form.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('sharing.form.cancel')}
        </button>
      </div>
    </form>
  );
}
