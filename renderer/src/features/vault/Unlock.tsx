import { useEffect, useRef, useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/passphrase.ts';
import { ApiError } from '../../api/errors.ts';
import { useSession } from '../../app/stores/session.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { PassphraseInput } from '../../ui/PassphraseInput.tsx';
import { AuthCard } from './AuthCard.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Later starts and after a lock: the passphrase, or the recovery key and a new passphrase. */
export function Unlock() {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  return mode === 'passphrase' ? (
    <PassphraseUnlock onUseRecovery={() => setMode('recovery')} />
  ) : (
    <RecoveryUnlock onBack={() => setMode('passphrase')} />
  );
}

function PassphraseUnlock({ onUseRecovery }: { onUseRecovery(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const status = useSession((s) => s.status);
  const lockReason = useSession((s) => s.lockReason);
  const unlock = useSession((s) => s.unlock);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !passphrase) return inputRef.current?.focus();
    setBusy(true);
    setFailure(null);
    try {
      await unlock(passphrase, remember && !!status?.remember.available);
    } catch (error) {
      setFailure(error);
      setBusy(false);
      if (error instanceof ApiError && error.code === 'WRONG_PASSPHRASE') {
        requestAnimationFrame(() => inputRef.current?.select());
      }
    }
  };

  const wrong = failure instanceof ApiError && failure.code === 'WRONG_PASSPHRASE';

  return (
    <AuthCard title={t('unlock.title')} intro={lockReason === 'idle' ? t('unlock.lockedIdle') : t('unlock.locked')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <PassphraseInput
          label={t('unlock.passphrase')}
          value={passphrase}
          onChange={(v) => {
            setPassphrase(v);
            if (wrong) setFailure(null);
          }}
          error={wrong ? t('error.WRONG_PASSPHRASE') : null}
          autoComplete="current-password"
          inputRef={inputRef}
          announceError
        />
        {status?.remember.available ? (
          <label className="check">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            <span>{t('unlock.remember')}</span>
          </label>
        ) : null}
        {failure && !wrong ? (
          <ErrorAlert error={failure} />
        ) : null}
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? t('unlock.working') : t('unlock.submit')}
        </button>
        <button type="button" className="link" onClick={onUseRecovery}>
          {t('unlock.useRecovery')}
        </button>
      </form>
    </AuthCard>
  );
}

function RecoveryUnlock({ onBack }: { onBack(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const unlockWithRecoveryKey = useSession((s) => s.unlockWithRecoveryKey);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const keyRef = useRef<HTMLInputElement>(null);

  useEffect(() => keyRef.current?.focus(), []);

  const problems = {
    key: recoveryKey.trim() ? null : t('invalid.required'),
    next: [...next].length >= MIN_PASSPHRASE_LENGTH ? null : t('passphrase.minLength', { n: MIN_PASSPHRASE_LENGTH }),
    confirm: confirm === next ? null : t('passphrase.mismatch'),
  };
  const wrongKey = failure instanceof ApiError && failure.code === 'WRONG_RECOVERY_KEY';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (busy || Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setFailure(null);
    try {
      await unlockWithRecoveryKey(recoveryKey, next);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  const show = (p: string | null) => (tried ? p : null);

  return (
    <AuthCard title={t('unlock.recoveryTitle')} intro={t('unlock.recoveryIntro')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field announce label={t('unlock.recoveryKey')} error={wrongKey ? t('error.WRONG_RECOVERY_KEY') : show(problems.key)}>
          {(control) => (
            <input
              {...control}
              ref={keyRef}
              className="mono"
              value={recoveryKey}
              onChange={(e) => {
                setRecoveryKey(e.target.value);
                if (wrongKey) setFailure(null);
              }}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
            />
          )}
        </Field>
        <PassphraseInput
          label={t('unlock.newPassphrase')}
          value={next}
          onChange={setNext}
          error={show(problems.next)}
          showStrength
          autoComplete="new-password"
        />
        <PassphraseInput
          label={t('unlock.confirmNew')}
          value={confirm}
          onChange={setConfirm}
          error={show(problems.confirm)}
          autoComplete="new-password"
        />
        {failure && !wrongKey ? (
          <ErrorAlert error={failure} />
        ) : null}
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? t('unlock.working') : t('unlock.recoverySubmit')}
        </button>
        <button type="button" className="link" onClick={onBack}>
          {t('unlock.back')}
        </button>
      </form>
    </AuthCard>
  );
}
