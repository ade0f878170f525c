import type { Address } from '../../../../shared/contract/candidates.ts';
import type { DuplicateMatch, MergeField, MergePreview } from '../../../../shared/contract/intake.ts';
import { formatPhone } from '../../../../shared/phone.ts';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { duplicateReasonKey, mergeFieldKey } from './labels.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

export type Choice = { kind: 'new' } | { kind: 'merge'; candidateId: string };

interface Props {
  duplicates: DuplicateMatch[];
  choice: Choice;
  onChoice(choice: Choice): void;
  preview: MergePreview | null;
  previewError: unknown;
  /** The fields to take; null until the recruiter changes the suggestion. */
  selected: MergeField[];
  onSelected(fields: MergeField[]): void;
}

/** Before saving: who this may already be, why, and what a merge would take from the CV. */
export function MergeChoice({ duplicates, choice, onChoice, preview, previewError, selected, onSelected }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  // Only what would change gets a row; what both sides already agree on is named in one line.
  const changing = preview?.fields.filter((f) => f.differs) ?? [];
  const unchanged = preview?.fields.filter((f) => !f.differs && !isBlank(f.current)) ?? [];
  return (
    <section className="review-duplicates" aria-labelledby="dup-title">
      <h3 id="dup-title">{i18n.plural('review.dupTitle', duplicates.length)}</h3>
      <fieldset className="dup-options">
        <legend className="sr-only">{t('review.dupChoose')}</legend>
        {duplicates.map((d) => (
          <label key={d.candidateId} className={`dup-option${choice.kind === 'merge' && choice.candidateId === d.candidateId ? ' chosen' : ''}`}>
            <input
              type="radio"
              name="dup-choice"
              checked={choice.kind === 'merge' && choice.candidateId === d.candidateId}
              onChange={() => onChoice({ kind: 'merge', candidateId: d.candidateId })}
            />
            <span className="dup-text">
              <span className="dup-action">{t('review.mergeInto', { name: d.name })}</span>
              <span className="dup-facts">
                {[d.email, d.phone ? formatPhone(d.phone) : null, d.city, d.birthDate ? i18n.date(d.birthDate) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span className="dup-reasons">
                {d.reasons.map((r) => (
                  <span key={r} className={`flag${r === 'email' || r === 'phone' ? ' strong' : ''}`}>
                    {t(duplicateReasonKey(r))}
                  </span>
                ))}
              </span>
            </span>
          </label>
        ))}
        <label className={`dup-option${choice.kind === 'new' ? ' chosen' : ''}`}>
          <input type="radio" name="dup-choice" checked={choice.kind === 'new'} onChange={() => onChoice({ kind: 'new' })} />
          <span className="dup-text">
            <span className="dup-action">{t('review.createNew')}</span>
            <span className="dup-facts">{t('review.createNewHint')}</span>
          </span>
        </label>
      </fieldset>

      {choice.kind === 'merge' ? (
        previewError ? (
          <ErrorAlert error={previewError} />
        ) : !preview ? (
          <p className="muted">{t('review.loadingPreview')}</p>
        ) : (
          <>
          {changing.length ? (
          <table className="merge-table">
            <caption>{t('merge.caption', { name: preview.candidate.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('merge.take')}</th>
                <th scope="col">{t('merge.field')}</th>
                <th scope="col">{t('merge.current')}</th>
                <th scope="col">{t('merge.incoming')}</th>
              </tr>
            </thead>
            <tbody>
              {changing.map((f) => {
                const id = `merge-${f.field}`;
                const taken = selected.includes(f.field);
                return (
                  <tr key={f.field} className={taken ? 'taken' : undefined}>
                    <td>
                      <input
                        id={id}
                        type="checkbox"
                        checked={taken}
                        onChange={(e) =>
                          onSelected(e.target.checked ? [...selected, f.field] : selected.filter((s) => s !== f.field))
                        }
                      />
                    </td>
                    <th scope="row">
                      <label htmlFor={id}>{t(mergeFieldKey(f.field))}</label>
                      <span className="merge-mode">{t(f.mode === 'add' ? 'merge.modeAdd' : 'merge.modeReplace')}</span>
                    </th>
                    <td>{describe(f.field, f.current, i18n)}</td>
                    <td>{describe(f.field, f.incoming, i18n)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          ) : (
            <p className="muted">{t('merge.nothingNew', { name: preview.candidate.name })}</p>
          )}
          {unchanged.length ? (
            <p className="merge-unchanged">{t('merge.unchanged', { fields: unchanged.map((f) => t(mergeFieldKey(f.field))).join(', ') })}</p>
          ) : null}
          </>
        )
      ) : null}
    </section>
  );
}

/** A merge value as a short line: lists of entries by their names, the address on one line. */
function describe(field: MergeField, value: unknown, i18n: I18n): string {
  const none = i18n.t('merge.none');
  if (value === null || value === undefined || value === '') return none;
  if (field === 'address') {
    const a = value as Address;
    const line = [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    return line || none;
  }
  if (field === 'birthDate' && typeof value === 'string') return i18n.date(value);
  if (field === 'phones' && Array.isArray(value)) return value.length ? value.map((p) => formatPhone(String(p))).join(', ') : none;
  if (Array.isArray(value)) {
    if (value.length === 0) return none;
    const names = value.map((entry) => entryName(entry)).filter(Boolean);
    const shown = names.slice(0, 4).join(', ');
    return names.length > 4 ? `${shown} ${i18n.t('merge.more', { n: names.length - 4 })}` : shown;
  }
  if (typeof value === 'string') return value.length > 140 ? `${value.slice(0, 140)}…` : value;
  return none;
}

function entryName(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (!entry || typeof entry !== 'object') return '';
  const e = entry as Record<string, unknown>;
  const parts = [e.position, e.name, e.institution, e.studyType, e.area, e.language].filter((v): v is string => typeof v === 'string' && v !== '');
  return parts.slice(0, 2).join(', ');
}

function isBlank(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') {
    const a = v as Partial<Address>;
    return !a.street && !a.postalCode && !a.city;
  }
  return false;
}
