import type { ProfileMessage, ShareMode, ShareRefusal, TransferAssessment } from '../../../../shared/contract/sharing.ts';
import { ShareModes } from '../../../../shared/contract/sharing.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { refusalText, transferText } from './labels.ts';

/**
 * The parts of a share preview used both on the candidate screen (one candidate)
 * and on a vacancy's shortlist (many): the profile mode, why a candidate cannot be
 * sent, and exactly what would leave.
 */

/**
 * Full profile or anonymised (initials and region). A share starts from its connection's
 * setting; the connection form sets that default (and says so in its label).
 */
export function ModeField({ value, onChange, label }: { value: ShareMode; onChange: (mode: ShareMode) => void; label?: string }) {
  const { t } = useI18n();
  return (
    <Field label={label ?? t('sharing.share.mode')} className="narrow">
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as ShareMode)}>
          {ShareModes.map((m) => (
            <option key={m} value={m}>
              {t(`sharing.mode.${m}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Why this cannot be sent, in plain words; for a missing transfer basis, what the country lacks. */
export function RefusalReason({ refusal, transfer }: { refusal: ShareRefusal; transfer: TransferAssessment | null }) {
  const i18n = useI18n();
  return (
    <>
      <p>{refusalText(i18n, refusal)}</p>
      {refusal === 'noTransferBasis' && transfer ? <p>{transferText(i18n, transfer)}</p> : null}
    </>
  );
}

/** The fields a profile carries, by name (the same for every candidate of one share). */
export function ProfileFields({ document }: { document: ProfileMessage }) {
  const { t } = useI18n();
  return (
    <p className="small">
      {t('sharing.share.fields', { fields: document.data.fields.map((f) => t(`sharing.field.${f}`)).join(', ') })}
      {document.data.mode === 'anonymised' ? <span className="muted"> · {t('sharing.mode.anonymised')}</span> : null}
    </p>
  );
}

/** The document itself, exactly as it will be posted. */
export function ProfileJson({ document, label }: { document: ProfileMessage; label?: string }) {
  return (
    <pre className="share-json" tabIndex={0} aria-label={label}>
      {JSON.stringify(document, null, 2)}
    </pre>
  );
}

/** Both: what a single share shows. */
export function ProfileDocument({ document }: { document: ProfileMessage }) {
  return (
    <>
      <ProfileFields document={document} />
      <ProfileJson document={document} />
    </>
  );
}
