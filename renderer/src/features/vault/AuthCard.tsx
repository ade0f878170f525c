import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.ts';

/** The calm, centred card every screen before the register uses. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <main className="auth" id="main">
      <div className="auth-card">
        <p className="brand" aria-hidden="true">
          <span className="brand-mark">K</span> {t('app.name')}
        </p>
        <h1>{title}</h1>
        {intro ? <p className="intro">{intro}</p> : null}
        {children}
      </div>
    </main>
  );
}
