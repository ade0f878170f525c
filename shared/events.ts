import type { IntakeProgress } from './contract/intake.ts';

/** Events the core pushes to the renderer, with their payloads. */
export interface EventPayloads {
  /** The vault was locked (by the user, the idle timer or shutdown). */
  'vault.locked': { reason: 'user' | 'idle' | 'shutdown' };
  'vault.unlocked': { vaultId: string };
  /** A candidate was created, changed or removed (erased): lists refresh. */
  'candidates.changed': { id: string; kind: 'created' | 'updated' | 'erased' };
  /** An intake job changed state or page (OCR page x of y), or failed with its reason. */
  'intake.progress': IntakeProgress;
  /** A retention run erased `done` of `total` due candidates; `finished` once it has ended (or was cancelled). */
  'retention.progress': { done: number; total: number; dryRun: boolean; finished: boolean };
  /** A candidate's timeline changed (logged, edited, synced): open timelines refresh. */
  'activity.changed': { candidateId: string };
  /** Mailbox logging: `done` of `total` new messages of a folder; `finished` once the run has ended. */
  'mail.sync.progress': { folder: string; done: number; total: number; logged: number; finished: boolean };
  /** Outbox items were queued or changed state (sent, retried, withheld…): outbox views refresh. */
  'sharing.outbox': { ids: string[] };
}

export type EventName = keyof EventPayloads;

export const EventNames: readonly EventName[] = ['vault.locked', 'vault.unlocked', 'candidates.changed', 'intake.progress', 'retention.progress', 'sharing.outbox', 'activity.changed', 'mail.sync.progress'];
