import { useCallback, useEffect, useState } from 'react';
import type { ConsentEvent, CurrentConsents, LegalHold, PolicyVersion, RightsRequest } from '../../../../shared/contract/privacy.ts';
import { api } from '../../api/client.ts';

export interface CandidatePrivacyData {
  current: CurrentConsents;
  events: ConsentEvent[];
  requests: RightsRequest[];
  holds: LegalHold[];
  policies: PolicyVersion[];
  /** Client names by id, for sharing consents. */
  clients: Map<string, string>;
}

/** One candidate's consents, requests and holds, reloaded after each change. */
export function useCandidatePrivacy(candidateId: string) {
  const [data, setData] = useState<CandidatePrivacyData | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const [current, events, requests, holds, policies, clients] = await Promise.all([
        api().call('privacy.consents.current', { candidateId }),
        api().call('privacy.consents.list', { candidateId }),
        api().call('privacy.requests.list', { candidateId, status: 'all' }),
        api().call('privacy.holds.list', { candidateId, state: 'active' }),
        api().call('privacy.policy.list', {}),
        api().call('clients.list', { limit: 500 }),
      ]);
      setData({ current, events, requests, holds, policies, clients: new Map(clients.items.map((c) => [c.id, c.name])) });
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [candidateId]);

  useEffect(() => {
    setData(null);
    void reload();
  }, [reload]);

  return { data, error, reload };
}
