import { useCallback, useEffect, useState } from 'react';
import type { Candidate, HistoryEntry } from '../../../../shared/contract/candidates.ts';
import { api } from '../../api/client.ts';

export interface CandidateRecord {
  candidate: Candidate | null;
  history: HistoryEntry[];
  error: unknown;
  loading: boolean;
  reload(): Promise<Candidate | null>;
}

/** One candidate and its history, kept fresh when the core says it changed. */
export function useCandidate(id: string, options: { live: boolean } = { live: true }): CandidateRecord {
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const [c, h] = await Promise.all([
        api().call('candidates.get', { id }),
        api().call('candidates.history', { id }),
      ]);
      setCandidate(c);
      setHistory(h);
      setError(null);
      return c;
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    setCandidate(null);
    setHistory([]);
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!options.live) return;
    return api().on('candidates.changed', (event) => {
      if (event.id === id) void reload();
    });
  }, [id, reload, options.live]);

  return { candidate, history, error, loading, reload };
}
