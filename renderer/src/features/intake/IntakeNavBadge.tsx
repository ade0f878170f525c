import { useI18n } from '../../i18n/index.ts';
import { useIntake } from './store.ts';

/** How many CVs wait for review, beside "Intake" in the menu. */
export function IntakeNavBadge() {
  const i18n = useI18n();
  const waiting = useIntake((s) => s.counts.review);
  if (waiting === 0) return null;
  return (
    <span className="nav-badge" aria-label={i18n.plural('intake.flag.waiting', waiting)}>
      {i18n.number(waiting)}
    </span>
  );
}
