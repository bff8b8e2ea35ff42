// The queue store's interface: small and portable, so a PostgreSQL implementation can follow the SQLite one.
import type { TimelineEvent } from '../shared/types.js';
import type { NewMessage } from './types.js';

export interface QueueStore {
  /** Store the message, its recipients and its first events; resolves only once the commit is durable. */
  enqueue(msg: NewMessage): Promise<void>;
  /** Append events to a message's timeline (durable with the next commit). */
  addEvents(events: TimelineEvent[]): void;
  /** A message's timeline, oldest first. */
  timeline(messageId: string): TimelineEvent[];
  /** Called after each durable enqueue, so delivery can start at once instead of waiting for its next poll. */
  onEnqueued(listener: (msg: NewMessage) => void): void;
  /** Flush pending commits and close. */
  close(): Promise<void>;
}
