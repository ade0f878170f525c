import { useEffect, useState } from 'react';
import type { DecisionLogEntry } from '../../../../shared/contract/matching.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';

/**
 * The art. 22 log of one vacancy: every ranking shown, what it was computed with
 * (algorithm version, a hash of its inputs) and the human decision that followed.
 */
export function DecisionLog({ vacancyId, refreshKey }: { vacancyId: string; refreshKey: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [entries, setEntries] = useState<DecisionLogEntry[] | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    void api()
      .call('matching.log', { vacancyId, limit: 500 })
      .then((r) => setEntries(r.items), () => setEntries([]));
  }, [vacancyId, open, refreshKey]);

  const runs = new Map<string, DecisionLogEntry[]>();
  for (const e of entries ?? []) runs.set(e.runId, [...(runs.get(e.runId) ?? []), e]);

  return (
    <details className="card decision-log" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('log.title')}</summary>
      <p className="muted small">{t('log.hint')}</p>
      {entries && entries.length === 0 ? <p className="muted">{t('log.empty')}</p> : null}
      {[...runs.values()].map((list) => {
        const first = list[0]!;
        return (
          <section key={first.runId} className="log-run" aria-label={t('log.run', { when: i18n.dateTime(first.at) })}>
            <h3 className="small">
              {t('log.run', { when: i18n.dateTime(first.at) })} · {first.by.name} · {first.algorithmVersion} ·{' '}
              <span className="mono" title={first.inputsHash}>
                {first.inputsHash.slice(0, 12)}
              </span>
            </h3>
            <ol className="log-list">
              {list.map((e) => (
                <li key={e.candidateId}>
                  {e.rank}. {e.candidateName} – {i18n.number(e.score)} – {t(`match.decided.${e.decision}`)}
                  {e.decidedBy && e.decidedAt ? <span className="muted small"> ({e.decidedBy.name}, {i18n.dateTime(e.decidedAt)})</span> : null}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </details>
  );
}
