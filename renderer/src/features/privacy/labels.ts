import type { RightsRequestChannel } from '../../../../shared/contract/privacy.ts';
import type { I18n } from '../../i18n/index.ts';

/** How a request came in: the consent sources, and a letter. */
export const channelLabel = (i18n: I18n, channel: RightsRequestChannel) =>
  channel === 'letter' ? i18n.t('privacy.channel.letter') : i18n.t(`privacy.source.${channel}`);
