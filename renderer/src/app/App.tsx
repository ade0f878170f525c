import { useEffect } from 'react';
import { api } from '../api/client.ts';
import { CreateVault } from '../features/vault/CreateVault.tsx';
import { RecoveryKey } from '../features/vault/RecoveryKey.tsx';
import { Unlock } from '../features/vault/Unlock.tsx';
import { AuthCard } from '../features/vault/AuthCard.tsx';
import { useI18n } from '../i18n/index.ts';
import { useActivityPing } from './activity.ts';
import { phaseOf, useSession } from './stores/session.ts';
import { useSettings } from './stores/settings.ts';
import { useUi } from './stores/ui.ts';
import { useToasts } from './stores/toasts.ts';
import { Workspace } from './Workspace.tsx';

/** Routing by state: what the vault's state is decides the screen. */
export function App() {
  const { t } = useI18n();
  const phase = useSession(phaseOf);
  const recoveryKey = useSession((s) => s.recoveryKey);
  const refresh = useSession((s) => s.refresh);

  useEffect(() => {
    const session = useSession.getState();
    void useSettings.getState().load().catch(() => {});
    void session.refresh();
    const offLocked = api().on('vault.locked', ({ reason }) => {
      useSession.getState().lockedByCore(reason);
      useUi.getState().reset();
      useToasts.getState().clear();
    });
    const offUnlocked = api().on('vault.unlocked', () => void useSession.getState().refresh());
    // After a dropped connection the vault may have locked meanwhile.
    const offReconnect = api().onReconnect(() => void useSession.getState().refresh());
    const offFailure = api().onFailure((error) => {
      if (error.code === 'VAULT_LOCKED' && useSession.getState().status?.state === 'unlocked') {
        useSession.getState().lockedByCore('idle');
        useUi.getState().reset();
      }
    });
    return () => {
      offLocked();
      offUnlocked();
      offReconnect();
      offFailure();
    };
  }, []);

  // The recovery key screen counts too: an idle lock there would hide the key for good.
  useActivityPing(phase === 'unlocked' || phase === 'recoveryKey');

  switch (phase) {
    case 'starting':
      return (
        <main className="auth" id="main" aria-busy="true">
          <p className="muted">{t('app.loading')}</p>
        </main>
      );
    case 'unreachable':
      return (
        <AuthCard title={t('app.unreachable')}>
          <button type="button" className="primary" onClick={() => void refresh()}>
            {t('app.retry')}
          </button>
        </AuthCard>
      );
    case 'create':
      return <CreateVault />;
    case 'recoveryKey':
      return <RecoveryKey recoveryKey={recoveryKey ?? ''} />;
    case 'locked':
      return <Unlock />;
    case 'unlocked':
      return <Workspace />;
  }
}
