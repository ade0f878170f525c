import { useEffect, useState, type FormEvent } from 'react';
import type { Locale } from '../../../../shared/contract/vault.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/passphrase.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useSession } from '../../app/stores/session.ts';
import { useSettings } from '../../app/stores/settings.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { locales, useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { PassphraseInput } from '../../ui/PassphraseInput.tsx';
import { IntakeSettings } from '../intake/IntakeSettings.tsx';
import { MailSettings } from '../activity/MailSettings.tsx';
import { InterviewTemplateSettings } from '../activity/InterviewTemplates.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Idle lock, language, passphrase and the remembered key. */
export function SettingsView() {
  const { t } = useI18n();
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <GeneralSettings />
      <IntakeSettings />
      <MailSettings />
      <InterviewTemplateSettings />
      <ChangePassphrase />
      <RememberedKey />
    </section>
  );
}

function GeneralSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const showToast = useToasts((s) => s.show);
  const [minutes, setMinutes] = useState(String(settings?.idleLockMinutes ?? 15));
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    if (settings) setMinutes(String(settings.idleLockMinutes));
  }, [settings]);

  const changeLocale = async (locale: Locale) => {
    setFailure(null);
    try {
      await update({ locale });
    } catch (e) {
      setFailure(e);
    }
  };

  const saveMinutes = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (!/^\d+$/.test(minutes.trim()) || value > 24 * 60) {
      setError(t('invalid.other'));
      return;
    }
    setError(null);
    setFailure(null);
    try {
      await update({ idleLockMinutes: value });
      showToast({ tone: 'info', text: t('settings.saved') });
    } catch (e) {
      setFailure(e);
    }
  };

  return (
    <section className="card" aria-labelledby="settings-general">
      <h2 id="settings-general">{t('settings.general')}</h2>
      <Field label={t('settings.language')} className="narrow">
        {(control) => (
          <select {...control} value={i18n.locale} onChange={(e) => void changeLocale(e.target.value as Locale)}>
            {locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <form onSubmit={(e) => void saveMinutes(e)} noValidate>
        <Field label={t('settings.idle')} hint={t('settings.idleHint')} error={error}>
          {(control) => (
            <div className="row-input">
              <input
                {...control}
                className="number"
                type="number"
                min={0}
                max={1440}
                step={1}
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
              />
              <span>{t('settings.minutes')}</span>
              <button type="submit">{t('settings.save')}</button>
            </div>
          )}
        </Field>
      </form>
      <ErrorAlert error={failure} />
    </section>
  );
}

function ChangePassphrase() {
  const i18n = useI18n();
  const { t } = i18n;
  const showToast = useToasts((s) => s.show);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const problems = {
    current: current ? null : t('invalid.required'),
    next: [...next].length >= MIN_PASSPHRASE_LENGTH ? null : t('passphrase.minLength', { n: MIN_PASSPHRASE_LENGTH }),
    confirm: confirm === next ? null : t('passphrase.mismatch'),
  };
  const wrong = failure instanceof ApiError && failure.code === 'WRONG_PASSPHRASE';
  const show = (p: string | null) => (tried ? p : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (busy || Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setFailure(null);
    try {
      await api().call('vault.changePassphrase', { current, next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setTried(false);
      showToast({ tone: 'info', text: t('settings.changed') });
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="settings-passphrase">
      <h2 id="settings-passphrase">{t('settings.passphraseTitle')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <PassphraseInput
          label={t('settings.current')}
          value={current}
          onChange={(v) => {
            setCurrent(v);
            if (wrong) setFailure(null);
          }}
          error={wrong ? t('error.WRONG_PASSPHRASE') : show(problems.current)}
          announceError
          autoComplete="current-password"
        />
        <PassphraseInput
          label={t('settings.new')}
          value={next}
          onChange={setNext}
          error={show(problems.next)}
          showStrength
          autoComplete="new-password"
        />
        <PassphraseInput
          label={t('settings.confirm')}
          value={confirm}
          onChange={setConfirm}
          error={show(problems.confirm)}
          autoComplete="new-password"
        />
        {failure && !wrong ? (
          <ErrorAlert error={failure} />
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? t('settings.changing') : t('settings.change')}
        </button>
      </form>
    </section>
  );
}

function RememberedKey() {
  const i18n = useI18n();
  const { t } = i18n;
  const status = useSession((s) => s.status);
  const setStatus = useSession((s) => s.setStatus);
  const [failure, setFailure] = useState<unknown>(null);
  const [forgotten, setForgotten] = useState(false);
  if (!status) return null;

  const forget = async () => {
    setFailure(null);
    try {
      setStatus(await api().call('vault.forgetRemembered', {}));
      setForgotten(true);
    } catch (e) {
      setFailure(e);
    }
  };

  return (
    <section className="card" aria-labelledby="settings-vault">
      <h2 id="settings-vault">{t('settings.vaultTitle')}</h2>
      {status.owner ? <p>{t('settings.owner', { name: status.owner.name, email: status.owner.email })}</p> : null}
      <h3>{t('settings.rememberTitle')}</h3>
      {!status.remember.available ? (
        <p className="muted">{t('settings.rememberUnavailable', {
            reason: status.remember.code ? t(`remember.${status.remember.code}`) : (status.remember.reason ?? ''),
          })}</p>
      ) : status.remember.active ? (
        <>
          <p>{t('settings.rememberActive')}</p>
          <button type="button" onClick={() => void forget()}>
            {t('settings.forget')}
          </button>
        </>
      ) : (
        <p role="status">{forgotten ? t('settings.forgotten') : t('settings.rememberInactive')}</p>
      )}
      <ErrorAlert error={failure} />
    </section>
  );
}
