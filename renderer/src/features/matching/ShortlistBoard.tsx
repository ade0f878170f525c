import { useEffect, useState, type KeyboardEvent } from 'react';
import type { PipelineStage, ShortlistEntry } from '../../../../shared/contract/matching.ts';
import { PipelineStages } from '../../../../shared/contract/matching.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';
import { ShareShortlist } from '../sharing/ShareShortlist.tsx';

/**
 * The shortlist as a board, one column per pipeline stage. Each card is a button:
 * Left/Right arrows move it a stage, and the buttons do the same for the mouse.
 * Placing asks for the assignment's last day (empty: open-ended).
 */
export function ShortlistBoard({
  vacancyId,
  entries,
  onChanged,
  onError,
}: {
  vacancyId: string;
  entries: ShortlistEntry[];
  onChanged: (entries: ShortlistEntry[]) => void;
  onError: (e: unknown) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [placing, setPlacing] = useState<string | null>(null);
  const [until, setUntil] = useState('');
  // One move at a time: a key held down must not move a card from a stage it has already left.
  const [moving, setMoving] = useState(false);
  // Focus follows a moved card into its new column (it is a new element there).
  const [follow, setFollow] = useState<string | null>(null);
  useEffect(() => {
    if (follow) document.getElementById(`card-${follow}`)?.focus();
  }, [entries, follow]);

  const move = async (candidateId: string, stage: PipelineStage, placedUntil?: string | null) => {
    if (moving) return;
    setMoving(true);
    try {
      onChanged(await api().call('shortlists.move', { vacancyId, candidateId, stage, ...(placedUntil !== undefined ? { placedUntil } : {}) }));
      setFollow(candidateId);
    } catch (e) {
      onError(e);
    } finally {
      setMoving(false);
    }
  };
  const step = (e: ShortlistEntry, by: number) => {
    const next = PipelineStages[PipelineStages.indexOf(e.stage) + by];
    if (!next) return;
    if (next === 'placed') {
      setPlacing(e.candidateId);
      setUntil('');
    } else void move(e.candidateId, next);
  };
  const onKey = (ev: KeyboardEvent, e: ShortlistEntry) => {
    if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
    ev.preventDefault();
    if (!moving) step(e, ev.key === 'ArrowRight' ? 1 : -1);
  };

  return (
    <section className="card shortlist" aria-labelledby="shortlist-title">
      <h2 id="shortlist-title">{t('shortlist.title')}</h2>
      {entries.length === 0 ? <p className="muted">{t('shortlist.empty')}</p> : <p className="muted small">{t('shortlist.hint')}</p>}
      <div className="board">
        {PipelineStages.map((stage) => {
          const inStage = entries.filter((e) => e.stage === stage);
          return (
            <section key={stage} className={`board-col stage-${stage}`} aria-labelledby={`col-${stage}`}>
              <h3 id={`col-${stage}`}>
                {t(`shortlist.stage.${stage}`)} <span className="count-pill">{inStage.length}</span>
              </h3>
              <ul>
                {inStage.map((e) => (
                  <li key={e.candidateId} className="board-card">
                    <button type="button" id={`card-${e.candidateId}`} className="board-name" onKeyDown={(ev) => onKey(ev, e)} aria-describedby="shortlist-title">
                      {e.candidateName}
                      {e.score !== null ? <span className="muted small"> · {t('shortlist.score', { score: i18n.number(e.score) })}</span> : null}
                    </button>
                    <div className="board-moves">
                      <button
                        type="button"
                        className="ghost small"
                        disabled={stage === PipelineStages[0]}
                        onClick={() => step(e, -1)}
                        aria-label={t('shortlist.moveTo', { name: e.candidateName, stage: t(`shortlist.stage.${PipelineStages[Math.max(0, PipelineStages.indexOf(stage) - 1)]!}`) })}
                      >
                        ←
                      </button>
                      <button
                        type="button"
                        className="ghost small"
                        disabled={stage === PipelineStages.at(-1)}
                        onClick={() => step(e, 1)}
                        aria-label={t('shortlist.moveTo', {
                          name: e.candidateName,
                          stage: t(`shortlist.stage.${PipelineStages[Math.min(PipelineStages.length - 1, PipelineStages.indexOf(stage) + 1)]!}`),
                        })}
                      >
                        →
                      </button>
                    </div>
                    {placing === e.candidateId ? (
                      <form
                        className="place-form"
                        onSubmit={(ev) => {
                          ev.preventDefault();
                          setPlacing(null);
                          void move(e.candidateId, 'placed', until || null);
                        }}
                      >
                        <label>
                          <span className="small">{t('shortlist.placedUntil')}</span>
                          <input type="date" value={until} onChange={(ev) => setUntil(ev.target.value)} autoFocus />
                        </label>
                        <span className="muted small">{t('shortlist.placedUntilHint')}</span>
                        <div className="toolbar">
                          <button type="submit">{t('shortlist.place')}</button>
                          <button type="button" className="ghost" onClick={() => setPlacing(null)}>
                            {t('picture.cancel')}
                          </button>
                        </div>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <ShareShortlist vacancyId={vacancyId} entries={entries} />
    </section>
  );
}
