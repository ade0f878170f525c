import type { RightsRequest } from '../../../../shared/contract/privacy.ts';
import type { I18n } from '../../i18n/index.ts';

/** "12 dager igjen", "Frist i dag", "Forfalt for 3 dager siden". */
export function deadlineText(i18n: I18n, request: Pick<RightsRequest, 'daysLeft'>): string {
  if (request.daysLeft === 0) return i18n.t('privacy.requests.dueToday');
  if (request.daysLeft > 0) return i18n.plural('privacy.requests.daysLeft', request.daysLeft);
  return i18n.plural('privacy.requests.overdue', -request.daysLeft);
}

/** How urgent a deadline looks: overdue, within a week, or calm. */
export function deadlineTone(request: Pick<RightsRequest, 'daysLeft'>): 'overdue' | 'soon' | 'calm' {
  if (request.daysLeft < 0) return 'overdue';
  return request.daysLeft <= 7 ? 'soon' : 'calm';
}
