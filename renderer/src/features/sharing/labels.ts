import type { ShareRefusal, TransferAssessment } from '../../../../shared/contract/sharing.ts';
import type { I18n } from '../../i18n/index.ts';

/** The transfer basis in the user's language (the core's message is English). */
export function transferText(i18n: I18n, a: TransferAssessment): string {
  const country = i18n.country(a.country);
  switch (a.code) {
    case 'eea':
      return i18n.t('sharing.transfer.eea', { country });
    case 'adequacy':
      return i18n.t('sharing.transfer.adequacy', { country, act: a.decision?.act ?? '', date: a.decision ? i18n.date(a.decision.date) : '' });
    case 'scc':
      return i18n.t('sharing.transfer.scc', { reference: a.safeguardReference ?? '' });
    case 'adequacyScopeNotConfirmed':
      return i18n.t('sharing.transfer.adequacyScopeNotConfirmed', { country, scope: a.decision?.scope ?? '' });
    case 'noBasis':
      return i18n.t('sharing.transfer.noBasis', { country });
  }
}

export const refusalText = (i18n: I18n, refusal: ShareRefusal) => i18n.t(`sharing.refusal.${refusal}`);

/** The refusals a failed share carries in its details, if any. */
export function refusalsOf(error: unknown): ShareRefusal[] {
  const refused = (error as { details?: { refused?: { refusal?: unknown }[] } } | null)?.details?.refused;
  if (!Array.isArray(refused)) return [];
  return refused.map((r) => r.refusal).filter((r): r is ShareRefusal => typeof r === 'string');
}

/** A Standard Webhooks secret: whsec_ and 32 random bytes in base64. */
export function generateSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `whsec_${btoa(binary)}`;
}
