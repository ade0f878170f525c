import { useCallback, useEffect, useRef, useState } from 'react';
import type { MatchResult, MatchRun, MatchWeights, ShortlistEntry, Vacancy } from '../../../../shared/contract/matching.ts';
import { DEFAULT_WEIGHTS, MatchFactors } from '../../../../shared/contract/matching.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';
import { useClients } from '../clients/store.ts';
import { VacancyForm } from '../clients/VacancyForm.tsx';
import { useToasts } from '../../app/stores/toasts.ts';
import { DecisionLog } from './DecisionLog.tsx';
import { ShortlistBoard } from './ShortlistBoard.tsx';
import './matching.css';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** One vacancy: what it asks for, the ranking with its explanations, and the shortlist. */
export function VacancyScreen({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const openVacancy = useClients((s) => s.openVacancy);
  const [vacancy, setVacancy] = useState<Vacancy | null>(null);
  const [run, setRun] = useState<MatchRun | null>(null);
  const [running, setRunning] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [shortlist, setShortlist] = useState<ShortlistEntry[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const showToast = useToasts((s) => s.show);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);

  const loadShortlist = useCallback(async () => setShortlist(await api().call('shortlists.get', { vacancyId: id })), [id]);

  useEffect(() => {
    void (async () => {
      try {
        setVacancy(await api().call('vacancies.get', { id }));
        await loadShortlist();
      } catch (e) {
        setFailure(e);
      }
    })();
  }, [id, loadShortlist]);
  useEffect(() => {
    if (vacancy) headingRef.current?.focus();
  }, [vacancy]);

  const find = async (weights?: MatchWeights) => {
    setRunning(true);
    setFailure(null);
    try {
      const result = await api().call('matching.run', { vacancyId: id, limit: 50, ...(weights ? { weights } : {}) });
      setRun(result);
      setSelected(result.results[0]?.candidateId ?? null);
    } catch (e) {
      setFailure(e);
    } finally {
      setRunning(false);
    }
  };

  const decide = async (r: MatchResult, decision: 'shortlisted' | 'rejected') => {
    if (!run) return;
    try {
      await api().call('matching.decide', { runId: run.runId, candidateId: r.candidateId, decision });
      setRun({
        ...run,
        results: run.results.map((x) =>
          x.candidateId === r.candidateId ? { ...x, decision, stage: decision === 'shortlisted' ? (x.stage ?? 'shortlisted') : x.stage } : x,
        ),
      });
      await loadShortlist();
    } catch (e) {
      setFailure(e);
    }
  };

  const saveWeights = async (weights: MatchWeights | null) => {
    try {
      setVacancy(await api().call('vacancies.setWeights', { id, weights }));
      await find(weights ?? undefined);
    } catch (e) {
      setFailure(e);
    }
  };

  if (!vacancy) {
    return <ErrorAlert error={failure} />;
  }
  const chosen = run?.results.find((r) => r.candidateId === selected) ?? null;

  return (
    <section className="vacancy-screen" aria-labelledby="vacancy-title">
      <button type="button" className="ghost back" onClick={() => openVacancy(null)}>
        ← {t('match.back', { client: vacancy.clientName })}
      </button>
      <div className="vacancy-head">
        <h1 id="vacancy-title" ref={headingRef} tabIndex={-1}>
          {vacancy.title}
        </h1>
        <span className="muted">
          {[vacancy.clientName, vacancy.location.city || vacancy.location.region, vacancy.start ? i18n.date(vacancy.start) : t('vacancies.asap'), `${vacancy.extentPercent} %`, vacancy.status !== 'open' ? t(`vacancies.status.${vacancy.status}`) : '']
            .filter(Boolean)
            .join(' · ')}
        </span>
        <button type="button" className="ghost" ref={editRef} onClick={() => setEditing(true)} disabled={editing}>
          {t('vacancies.edit')}
        </button>
      </div>
      {editing ? (
        <VacancyForm
          vacancy={vacancy}
          onDone={(saved) => {
            setEditing(false);
            if (saved && saved !== vacancy) {
              // A ranking of the old requirements no longer answers this vacancy.
              setRun(null);
              setVacancy(saved);
              showToast({ tone: 'info', text: t('vacancies.saved', { title: saved.title }) });
            } else requestAnimationFrame(() => editRef.current?.focus());
          }}
        />
      ) : (
        <Requirements vacancy={vacancy} />
      )}
      <div className="toolbar">
        <button type="button" onClick={() => void find(vacancy.weights ?? undefined)} disabled={running}>
          {running ? t('match.running') : t('match.find')}
        </button>
      </div>
      <ErrorAlert error={failure} />
      {run ? (
        <div className="match-body">
          <section className="card match-results" aria-labelledby="results-title">
            <h2 id="results-title">{t('match.resultsTitle')}</h2>
            <p className="muted small">
              {t('match.meta', { considered: run.considered, ms: i18n.number(run.tookMs), version: run.algorithmVersion })}
            </p>
            <p className="art22 small">{t('match.art22')}</p>
            {run.results.length === 0 ? (
              <p className="muted">{t('match.none')}</p>
            ) : (
              <table className="match-table">
                <thead>
                  <tr>
                    <th scope="col">{t('match.col.rank')}</th>
                    <th scope="col">{t('match.col.name')}</th>
                    <th scope="col">{t('match.col.score')}</th>
                    <th scope="col">{t('match.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {run.results.map((r) => (
                    <tr key={r.candidateId} aria-selected={r.candidateId === selected} className={r.candidateId === selected ? 'selected' : undefined}>
                      <td>{r.rank}</td>
                      <td>
                        <button type="button" className="link" onClick={() => setSelected(r.candidateId)} aria-label={t('match.explain', { name: r.name })}>
                          {r.name}
                        </button>
                        {r.city ? <span className="muted small"> · {r.city}</span> : null}
                      </td>
                      <td>
                        <span className="score-bar" aria-hidden="true">
                          <span style={{ width: `${r.score}%` }} />
                        </span>{' '}
                        {i18n.number(r.score)}
                      </td>
                      <td className="small">
                        {r.stage ? t(`shortlist.stage.${r.stage}`) : r.decision ? t(`match.decided.${r.decision}`) : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {chosen ? (
            <Explanation
              result={chosen}
              weights={run.weights}
              onDecide={(d) => void decide(chosen, d)}
              onWeights={(w) => void saveWeights(w)}
            />
          ) : null}
        </div>
      ) : null}
      <ShortlistBoard vacancyId={id} entries={shortlist} onChanged={setShortlist} onError={setFailure} />
      <DecisionLog vacancyId={id} refreshKey={`${run?.runId ?? ''}:${run?.results.map((r) => r.decision ?? '').join() ?? ''}`} />
    </section>
  );
}

function Requirements({ vacancy }: { vacancy: Vacancy }) {
  const { t } = useI18n();
  const rows: [string, string[]][] = [
    [t('vacancies.field.requiredSkills'), vacancy.requiredSkills.map((s) => (s.minYears ? `${s.name} (${s.minYears})` : s.name))],
    [t('vacancies.field.desiredSkills'), vacancy.desiredSkills.map((s) => s.name)],
    [t('vacancies.field.requiredCertificates'), vacancy.requiredCertificates.map((c) => c.name)],
    [t('vacancies.field.desiredCertificates'), vacancy.desiredCertificates.map((c) => c.name)],
    [t('vacancies.field.languages'), vacancy.languages.map((l) => (l.minLevel ? `${l.name} (${l.minLevel})` : l.name))],
  ];
  return (
    <dl className="facts requirements">
      {rows
        .filter(([, list]) => list.length > 0)
        .map(([label, list]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{list.join(', ')}</dd>
          </div>
        ))}
      {vacancy.minYearsExperience ? (
        <div>
          <dt>{t('vacancies.field.minYears')}</dt>
          <dd>{vacancy.minYearsExperience}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function Explanation({
  result,
  weights,
  onDecide,
  onWeights,
}: {
  result: MatchResult;
  weights: MatchWeights;
  onDecide: (d: 'shortlisted' | 'rejected') => void;
  onWeights: (w: MatchWeights | null) => void;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [draft, setDraft] = useState<MatchWeights>(weights);
  useEffect(() => setDraft(weights), [weights]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [result.candidateId]);

  return (
    <section className="card explanation" aria-labelledby="explain-title">
      <h2 id="explain-title" ref={headingRef} tabIndex={-1}>
        {t('match.explain', { name: result.name })}
      </h2>
      <p className="explain-score">{t('match.score', { score: i18n.number(result.score) })}</p>
      <ul className="factor-list">
        {result.factors.map((f) => (
          <li key={f.factor} className={f.applies ? undefined : 'not-asked'}>
            <div className="factor-head">
              <span>{t(`match.factor.${f.factor}`)}</span>
              <span className="muted small">
                {f.applies ? t('match.factor.points', { points: i18n.number(f.points), weight: f.weight }) : t('match.factor.notAsked')}
              </span>
            </div>
            {f.applies ? (
              <div
                className="factor-bar"
                role="meter"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(f.value * 100)}
                aria-label={t(`match.factor.${f.factor}`)}
              >
                <span style={{ width: `${Math.round(f.value * 100)}%` }} />
              </div>
            ) : null}
            {f.applies && f.note[locale] ? <p className="small factor-note">{f.note[locale]}</p> : null}
          </li>
        ))}
      </ul>
      <h3>{t('match.why')}</h3>
      <p className="explain-text">{result.explanation[locale]}</p>
      <div className="toolbar">
        <button type="button" onClick={() => onDecide('shortlisted')} disabled={result.stage !== null}>
          {t('match.shortlist')}
        </button>
        <button type="button" className="ghost" onClick={() => onDecide('rejected')}>
          {t('match.reject')}
        </button>
        {result.decision ? <span className="muted small">{t(`match.decided.${result.decision}`)}</span> : null}
      </div>
      <details className="weights">
        <summary>{t('match.weights')}</summary>
        <p className="muted small">{t('match.weightsHint')}</p>
        <div className="weight-grid">
          {MatchFactors.map((factor) => (
            <label key={factor}>
              <span>{t(`match.factor.${factor}`)}</span>
              <input
                type="number"
                min={0}
                max={100}
                value={draft[factor]}
                onChange={(e) => setDraft({ ...draft, [factor]: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })}
              />
            </label>
          ))}
        </div>
        <div className="toolbar">
          <button type="button" onClick={() => onWeights(draft)}>
            {t('match.weightsApply')}
          </button>
          <button type="button" className="ghost" onClick={() => onWeights(null)} disabled={JSON.stringify(weights) === JSON.stringify(DEFAULT_WEIGHTS)}>
            {t('match.weightsReset')}
          </button>
        </div>
      </details>
    </section>
  );
}
