import { useEffect } from 'react';
import { CandidateList } from '../features/candidates/CandidateList.tsx';
import { CandidatePanel } from '../features/candidates/CandidatePanel.tsx';
import { IntakeNavBadge } from '../features/intake/IntakeNavBadge.tsx';
import { IntakeRoot, openFilePicker } from '../features/intake/IntakeRoot.tsx';
import { IntakeView } from '../features/intake/IntakeView.tsx';
import { ActivityRoot, openCallDialog } from '../features/activity/ActivityRoot.tsx';
import { SettingsView } from '../features/settings/SettingsView.tsx';
import { PrivacyView } from '../features/privacy/PrivacyView.tsx';
import { SharingView } from '../features/sharing/SharingView.tsx';
import { SearchView } from '../features/search/SearchView.tsx';
import { ClientsView } from '../features/clients/ClientsView.tsx';
import { useI18n } from '../i18n/index.ts';
import { HelpOverlay } from './HelpOverlay.tsx';
import { findShortcut, isTypingTarget, type ShortcutId } from './shortcuts.ts';
import { useSession } from './stores/session.ts';
import { useUi } from './stores/ui.ts';
import { Toasts } from './Toasts.tsx';

function run(id: ShortcutId) {
  const ui = useUi.getState();
  switch (id) {
    case 'new':
      return ui.openPanel({ mode: 'create' });
    case 'lock':
      return void useSession.getState().lock();
    case 'filter':
      return ui.focusFilter();
    case 'list':
      return ui.focusList();
    case 'edit':
      if (ui.panel?.mode === 'view') ui.openPanel({ mode: 'edit', id: ui.panel.id });
      return;
    // Shortcuts named after the screen they open.
    case 'settings':
    case 'intake':
    case 'clients':
    case 'privacy':
    case 'sharing':
      return ui.setView(id);
    case 'pickFiles':
      return openFilePicker();
    case 'help':
      return ui.setHelpOpen(true);
    case 'logCall':
      return openCallDialog();
    case 'search':
      return ui.focusSearch();
  }
}

/** The unlocked app: header with navigation, the register or settings, the side panel. */
export function Workspace() {
  const { t } = useI18n();
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  const panel = useUi((s) => s.panel);
  const helpOpen = useUi((s) => s.helpOpen);
  const setHelpOpen = useUi((s) => s.setHelpOpen);
  const owner = useSession((s) => s.status?.owner);
  const lock = useSession((s) => s.lock);

  // Right after unlocking, the arrow keys should already move in the list.
  useEffect(() => useUi.getState().focusList(), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const ui = useUi.getState();
      if (event.key === 'Escape') {
        if (ui.helpOpen) return; // the dialog closes itself
        if (ui.panel) {
          event.preventDefault();
          ui.closePanel();
        } else if (ui.view === 'settings') {
          event.preventDefault();
          ui.focusList();
        }
        return;
      }
      if (ui.helpOpen) return;
      const shortcut = findShortcut(event, isTypingTarget(event.target));
      if (!shortcut) return;
      event.preventDefault();
      run(shortcut.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className={`workspace${panel && view === 'candidates' ? ' with-panel' : ''}`}>
      <a className="skip" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">
            K
          </span>{' '}
          {t('app.name')}
        </p>
        <nav aria-label={t('nav.main')}>
          <ul>
            <li>
              <button type="button" aria-current={view === 'candidates' ? 'page' : undefined} onClick={() => setView('candidates')}>
                {t('nav.candidates')}
              </button>
            </li>
            <li>
              <button type="button" aria-current={view === 'search' ? 'page' : undefined} onClick={() => setView('search')} aria-keyshortcuts="Control+K">
                {t('nav.search')}
              </button>
            </li>
            <li>
              <button type="button" aria-current={view === 'clients' ? 'page' : undefined} onClick={() => setView('clients')} aria-keyshortcuts="Alt+K">
                {t('nav.clients')}
              </button>
            </li>
            <li>
              <button type="button" aria-current={view === 'intake' ? 'page' : undefined} onClick={() => setView('intake')} aria-keyshortcuts="Alt+M">
                {t('nav.intake')}
                <IntakeNavBadge />
              </button>
            </li>
            <li>
              <button type="button" aria-current={view === 'privacy' ? 'page' : undefined} onClick={() => setView('privacy')} aria-keyshortcuts="Alt+P">
                {t('nav.privacy')}
              </button>
            </li>
            <li>
              <button type="button" aria-current={view === 'sharing' ? 'page' : undefined} onClick={() => setView('sharing')} aria-keyshortcuts="Alt+D">
                {t('nav.sharing')}
              </button>
            </li>
            <li>
              <button
                type="button"
                aria-current={view === 'settings' ? 'page' : undefined}
                onClick={() => setView('settings')}
                aria-keyshortcuts="Control+,"
              >
                {t('nav.settings')}
              </button>
            </li>
          </ul>
        </nav>
        <div className="topbar-end">
          {owner ? <span className="muted small signed-in">{t('app.signedInAs', { name: owner.name })}</span> : null}
          <button type="button" className="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="F1">
            {t('nav.help')}
          </button>
          <button type="button" onClick={() => void lock()} aria-keyshortcuts="Control+L" title="Ctrl+L">
            {t('nav.lock')}
          </button>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {view === 'candidates' ? (
          <>
            <CandidateList />
            <CandidatePanel />
          </>
        ) : view === 'clients' ? (
          <ClientsView />
        ) : view === 'intake' ? (
          <IntakeView />
        ) : view === 'privacy' ? (
          <PrivacyView />
        ) : view === 'sharing' ? (
          <SharingView />
        ) : view === 'search' ? (
          <SearchView />
        ) : (
          <SettingsView />
        )}
      </main>
      <IntakeRoot />
      <ActivityRoot />
      <Toasts />
      {helpOpen ? <HelpOverlay onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
