import { useEffect, useState, type FormEvent } from 'react';
import type { IntakeSettings as Settings } from '../../../../shared/contract/intake.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** CV intake settings: accept sure profiles without review (off by default), and how sure is sure. */
export function IntakeSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [autoAccept, setAutoAccept] = useState(false);
  const [percent, setPercent] = useState('90');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api()
      .call('intake.getSettings', {})
      .then((s) => {
        setSettings(s);
        setAutoAccept(s.autoAccept);
        setPercent(String(Math.round(s.autoAcceptThreshold * 100)));
      }, setFailure);
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(percent);
    if (!/^\d+$/.test(percent.trim()) || value < 50 || value > 100) {
      setProblem(t('settings.intake.thresholdRange'));
      return;
    }
    setProblem(null);
    setFailure(null);
    setSaving(true);
    try {
      const next = await api().call('intake.updateSettings', { autoAccept, autoAcceptThreshold: value / 100 });
      setSettings(next);
      useToasts.getState().show({ tone: 'info', text: t('settings.saved') });
    } catch (e) {
      setFailure(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card intake-settings" aria-labelledby="settings-intake">
      <h2 id="settings-intake">{t('settings.intake.title')}</h2>
      {settings ? (
        <form onSubmit={(e) => void save(e)} noValidate>
          <label className="check">
            <input type="checkbox" checked={autoAccept} onChange={(e) => setAutoAccept(e.target.checked)} />
            <span>
              {t('settings.intake.autoAccept')}
              <span className="block muted small">{t('settings.intake.autoAcceptHint')}</span>
            </span>
          </label>
          <Field label={t('settings.intake.threshold')} hint={t('settings.intake.thresholdHint')} error={problem}>
            {(control) => (
              <div className="row-input">
                <input
                  {...control}
                  className="number"
                  type="number"
                  min={50}
                  max={100}
                  step={1}
                  value={percent}
                  disabled={!autoAccept}
                  onChange={(e) => setPercent(e.target.value)}
                />
                <span>%</span>
              </div>
            )}
          </Field>
          <button type="submit" disabled={saving}>
            {t('settings.save')}
          </button>
        </form>
      ) : !failure ? (
        <p className="muted">{t('list.loadingRow')}</p>
      ) : null}
      <ErrorAlert error={failure} />
    </section>
  );
}
