import { useEffect } from 'react';
import { api } from '../api/client.ts';

export const PING_INTERVAL_MS = 30_000;

/**
 * Tells the core the user is here, so the idle lock waits. Throttled: at most one
 * `session.ping` per 30 s however busy the keyboard and mouse are. Every other call
 * already counts as activity in the core, so this only covers reading and scrolling.
 */
export function useActivityPing(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last < PING_INTERVAL_MS) return;
      last = now;
      api()
        .call('session.ping', {})
        .catch(() => {
          // A locked vault announces itself through the vault.locked event and onFailure.
        });
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true, capture: true });
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [enabled]);
}
