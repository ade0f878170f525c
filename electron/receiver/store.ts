import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/**
 * What the receiver got, applied once per webhook-id. Kept as an append-only
 * JSON-lines file (one line per applied message), read back at start so that
 * deduplication survives a restart; without a file, in memory only.
 */

export interface ReceivedMessage {
  /** The webhook-id. */
  id: string;
  receivedAt: string;
  type: string;
  data: Record<string, unknown>;
}

export class ReceiverStore {
  private readonly seen = new Set<string>();
  private readonly log: ReceivedMessage[] = [];
  /** The newest profile per reference; deletion requests remove them. */
  private readonly profiles = new Map<string, ReceivedMessage>();

  constructor(private readonly file: string | null = null) {
    if (file && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        // A line cut short by a crash was never acknowledged: the sender sends it again.
        if (!line.trim()) continue;
        try {
          this.remember(JSON.parse(line) as ReceivedMessage);
        } catch {
          continue;
        }
      }
    }
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  /** Applies a message unless its id was applied before; true when it was new. */
  apply(message: ReceivedMessage): boolean {
    if (this.seen.has(message.id)) return false;
    // Written before it counts as received: an acknowledged message is never lost by a restart.
    if (this.file) appendFileSync(this.file, `${JSON.stringify(message)}\n`);
    this.remember(message);
    return true;
  }

  messages(): readonly ReceivedMessage[] {
    return this.log;
  }

  /** Profiles held now (shared and not asked to be deleted since). */
  heldProfiles(): ReceivedMessage[] {
    return [...this.profiles.values()];
  }

  private remember(message: ReceivedMessage): void {
    this.seen.add(message.id);
    this.log.push(message);
    const ref = typeof message.data.profileRef === 'string' ? message.data.profileRef : null;
    if (!ref) return;
    if (message.type === 'candidate.profile.shared') this.profiles.set(ref, message);
    if (message.type === 'candidate.profile.deletion_requested') this.profiles.delete(ref);
  }
}
