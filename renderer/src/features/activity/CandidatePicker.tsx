import { useEffect, useState } from 'react';
import type { CandidateSummary } from '../../../../shared/contract/candidates.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';

/** Type a few letters of a name, e-mail or number; choose from the matches. */
export function CandidatePicker({ id, label, onPick }: { id: string; label: string; onPick(c: CandidateSummary): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<CandidateSummary[]>([]);

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      void api()
        .call('candidates.list', { text, limit: 8, status: 'all' })
        .then((page) => {
          if (!stale) setMatches(page.items);
        });
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text]);

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={text} autoComplete="off" placeholder={t('call.findCandidate')} onChange={(e) => setText(e.target.value)} />
      <ul className="picker-list" aria-label={label}>
        {matches.map((c) => (
          <li key={c.id}>
            <button type="button" className="ghost" onClick={() => onPick(c)}>
              {c.name}
              {c.email ? <span className="muted small"> · {c.email}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
