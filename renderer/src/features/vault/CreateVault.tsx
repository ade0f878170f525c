import { useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/passphrase.ts';
import { useSession } from '../../app/stores/session.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { PassphraseInput } from '../../ui/PassphraseInput.tsx';
import { AuthCard } from './AuthCard.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** First start: the staff member names themself and protects the new vault. */
export function CreateVault() {
  const i18n = useI18n();
  const { t } = i18n;
  const status = useSession((s) => s.status);
  const create = useSession((s) => s.create);
  const [ownerName, setOwnerName] = useState('');
  const [ownerEmail, setOwnerEmail] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [remember, setRemember] = useState(false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const rememberInfo = status?.remember;

  const problems = {
    name: ownerName.trim() ? null : t('create.nameRequired'),
    email: EMAIL.test(ownerEmail.trim()) ? null : t('create.emailInvalid'),
    passphrase: [...passphrase].length >= MIN_PASSPHRASE_LENGTH ? null : t('passphrase.minLength', { n: MIN_PASSPHRASE_LENGTH }),
    confirm: confirm === passphrase ? null : t('passphrase.mismatch'),
  };
  const valid = Object.values(problems).every((p) => p === null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!valid || busy) {
      const firstBad = (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]');
      requestAnimationFrame(() => (firstBad ?? document.querySelector<HTMLElement>('form [aria-invalid="true"]'))?.focus());
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await create({ passphrase, ownerName: ownerName.trim(), ownerEmail: ownerEmail.trim(), remember: remember && !!rememberInfo?.available });
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  const show = (problem: string | null) => (tried ? problem : null);

  return (
    <AuthCard title={t('create.title')} intro={t('create.intro')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('create.you')}</legend>
          <Field label={t('create.ownerName')} error={show(problems.name)}>
            {(control) => (
              <input {...control} value={ownerName} onChange={(e) => setOwnerName(e.target.value)} autoComplete="name" autoFocus />
            )}
          </Field>
          <Field label={t('create.ownerEmail')} error={show(problems.email)}>
            {(control) => (
              <input {...control} type="email" value={ownerEmail} onChange={(e) => setOwnerEmail(e.target.value)} autoComplete="email" />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('create.protect')}</legend>
          <PassphraseInput
            label={t('create.passphrase')}
            value={passphrase}
            onChange={setPassphrase}
            error={show(problems.passphrase)}
            showStrength
            autoComplete="new-password"
          />
          <PassphraseInput
            label={t('create.confirm')}
            value={confirm}
            onChange={setConfirm}
            error={show(problems.confirm)}
            autoComplete="new-password"
          />
          <p className="field-hint">{t('passphrase.advice')}</p>
          {rememberInfo?.available ? (
            <label className="check">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
              <span>
                {t('create.remember')}
                <span className="field-hint block">{t('create.rememberHint')}</span>
              </span>
            </label>
          ) : rememberInfo?.reason ? (
            <p className="field-hint">{t('create.rememberUnavailable', {
                reason: rememberInfo.code ? t(`remember.${rememberInfo.code}`) : rememberInfo.reason,
              })}</p>
          ) : null}
        </fieldset>
        <ErrorAlert error={failure} />
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? t('create.working') : t('create.submit')}
        </button>
      </form>
    </AuthCard>
  );
}
