import type { PrivacyOverview } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { upcomingErasures } from './retention.ts';

export async function privacyOverview(ctx: CoreContext): Promise<PrivacyOverview> {
  const counts = await ctx.vault.requireSession().db.call('privacy.overview', { now: ctx.clock.now().toISOString() });
  return { ...counts, upcoming: await upcomingErasures(ctx, 30) };
}
