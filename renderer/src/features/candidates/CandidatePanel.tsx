import { useUi } from '../../app/stores/ui.ts';
import { useI18n } from '../../i18n/index.ts';
import { CandidateCreator, CandidateEditor } from './CandidateEditor.tsx';
import { CandidateView } from './CandidateView.tsx';

/** The side panel beside the list: one candidate, read or edited, or a new one. */
export function CandidatePanel() {
  const panel = useUi((s) => s.panel);
  const { t } = useI18n();
  if (!panel) return null;
  return (
    <aside className="panel" aria-label={t('candidate.panel')}>
      {panel.mode === 'create' ? (
        <CandidateCreator />
      ) : panel.mode === 'edit' ? (
        <CandidateEditor key={`edit-${panel.id}`} id={panel.id} />
      ) : (
        <CandidateView key={`view-${panel.id}`} id={panel.id} />
      )}
    </aside>
  );
}
