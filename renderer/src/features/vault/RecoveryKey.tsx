import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../app/stores/session.ts';
import { useI18n } from '../../i18n/index.ts';
import { AuthCard } from './AuthCard.tsx';

/** The one-time recovery key, shown large, until the user says it is written down. */
export function RecoveryKey({ recoveryKey }: { recoveryKey: string }) {
  const { t } = useI18n();
  const acknowledge = useSession((s) => s.acknowledgeRecoveryKey);
  const [written, setWritten] = useState(false);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const keyRef = useRef<HTMLOutputElement>(null);
  const groups = recoveryKey.split(/[\s-]+/).filter(Boolean);

  useEffect(() => keyRef.current?.focus(), []);

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <AuthCard title={t('recovery.title')} intro={t('recovery.intro')}>
      <figure className="recovery">
        <figcaption id="recovery-label">{t('recovery.keyLabel')}</figcaption>
        <output
          ref={keyRef}
          tabIndex={-1}
          className="recovery-key"
          aria-labelledby="recovery-label"
        >
          {groups.length > 1
            ? groups.map((g, i) => (
                <span key={i} className="recovery-group">
                  {g}
                  {i < groups.length - 1 ? <span className="sep">-</span> : null}
                </span>
              ))
            : recoveryKey}
        </output>
      </figure>
      <div className="toolbar">
        <button type="button" onClick={() => void copyKey()}>
          {t('recovery.copy')}
        </button>
        <span role="status" className="muted small">
          {copy === 'copied' ? t('recovery.copied') : copy === 'failed' ? t('recovery.copyFailed') : ''}
        </span>
      </div>
      <p className="field-hint">{t('recovery.store')}</p>
      <label className="check emphasis">
        <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} />
        <span>{t('recovery.ack')}</span>
      </label>
      <button type="button" className="primary wide" disabled={!written} onClick={acknowledge}>
        {t('recovery.continue')}
      </button>
    </AuthCard>
  );
}
