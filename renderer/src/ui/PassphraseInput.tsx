import { useState, type KeyboardEvent, type Ref } from 'react';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../../../shared/passphrase.ts';
import { useI18n } from '../i18n/index.ts';
import { Field } from './Field.tsx';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | null;
  /** Show the strength meter and the minimum length (new passphrases only). */
  showStrength?: boolean;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  announceError?: boolean;
}

/** A passphrase box with a show/hide toggle, a Caps Lock warning and, for new ones, a strength hint. */
export function PassphraseInput({ label, value, onChange, error, showStrength, autoComplete, autoFocus, inputRef, announceError }: Props) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const strength = passphraseStrength(value);
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => setCapsLock(event.getModifierState('CapsLock'));

  const hint = showStrength ? (
    <>
      <span className="strength" data-score={value ? strength.score : undefined}>
        <span className="strength-bar" aria-hidden="true">
          {[1, 2, 3, 4].map((n) => (
            <span key={n} className={value && strength.score >= n ? 'on' : ''} />
          ))}
        </span>
        <span>
          {value
            ? t('passphrase.strength', { hint: t(`passphrase.${strength.hint}`) })
            : t('passphrase.minLength', { n: MIN_PASSPHRASE_LENGTH })}
        </span>
      </span>
    </>
  ) : undefined;

  return (
    <Field label={label} hint={hint} error={error ?? null} notice={capsLock ? t('capsLock.on') : null} announce={announceError}>
      {(control) => (
        <div className="passphrase-row">
          <input
            {...control}
            ref={inputRef}
            type={visible ? 'text' : 'password'}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onKey}
            onKeyUp={onKey}
            autoComplete={autoComplete}
            autoFocus={autoFocus}
            spellCheck={false}
            autoCapitalize="off"
          />
          <button
            type="button"
            className="ghost small"
            aria-pressed={visible}
            aria-label={visible ? t('passphrase.hideLabel') : t('passphrase.showLabel')}
            onClick={() => setVisible((v) => !v)}
          >
            {visible ? t('passphrase.hide') : t('passphrase.show')}
          </button>
        </div>
      )}
    </Field>
  );
}
