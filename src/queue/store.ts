// The queue store's interface: small and portable, so a PostgreSQL implementation can follow the SQLite one.
import type { TimelineEvent } from './events.js';
import type { AttemptRecord, ChangeResult, DueMessage, HeldMessage, HeldMessageDetail, MessageDetail, MessageSummary, NewMessage } from './types.js';
import type { QueueState } from '../shared/types.js';

/** The ids the caller has in flight; read live, because the claim's own flush may start more of them. */
export interface InFlightSet {
  has(id: string): boolean;
  readonly size: number;
}

export type WriteHealth =
  | { writable: true; keptWrites: 0 }
  | { writable: false; reason: string; since: number; keptWrites: number };

export interface QueueStore {
  /**
   * Store the message, its recipients and its first events; resolves only once the commit is durable. By default a
   * failed commit rejects (the SMTP client hears 4xx and retries); with `keepOnFailure` (a DSN, whose sender cannot
   * be asked to retry) the write is kept and retried until the disk takes it.
   */
  enqueue(msg: NewMessage, options?: { keepOnFailure?: boolean }): Promise<void>;
  /** Append events to a message's timeline (durable with the next commit). */
  addEvents(events: TimelineEvent[]): void;
  /** A message's timeline, oldest first. */
  timeline(messageId: string): TimelineEvent[];
  /** Called after each durable enqueue, so delivery can start at once instead of waiting for its next poll. */
  onEnqueued(listener: (msg: NewMessage) => void): void;
  /**
   * Called after each durable commit with the timeline events it committed (accept's, delivery's and the operator's),
   * once per commit: the one event stream that metrics (and webhooks) read. Listeners run on the hot path: keep them
   * cheap and never throw.
   */
  onEvents(listener: (events: TimelineEvent[]) => void): void;

  /**
   * Up to `limit` messages with recipients due at `now`, oldest due first, leaving out the ids in `skip` (those the
   * engine already has in flight), and at most `maxBytes` of bodies (the first message is read whatever its size, so
   * one larger than the budget still goes). Nothing is marked: a message in flight when the process dies is simply due again.
   */
  claimDue(now: number, limit: number, skip: InFlightSet, maxBytes?: number): DueMessage[];
  /**
   * Write one attempt's per-recipient outcomes and events in one transaction; resolves once committed. A commit that
   * fails (a full disk) keeps the record and tries again: the promise waits, and the message is not claimed as due
   * meanwhile, so a write failure never sends a message twice.
   */
  recordAttempt(record: AttemptRecord): Promise<void>;
  /** Whether commits currently succeed; when not, why, since when, and how many kept writes wait. */
  writeHealth(): WriteHealth;

  list(filter: { state?: QueueState; limit: number }): MessageSummary[];
  show(id: string): MessageDetail | null;
  /** Make the message's pending recipients due now; returns how many. */
  retry(id: string, now: number): number;
  /** Drop the message's pending recipients and body (the timeline stays); false when there is no such message. */
  remove(id: string, now: number): boolean;

  /** Messages held for review (state 'quarantined'), oldest first. */
  listHeld(limit: number): HeldMessage[];
  /** A held message with its recipients, header section and timeline; null when there is none or it is not held. */
  showHeld(id: string): HeldMessageDetail | null;
  /** A held message's bytes (for an operator to read); null when there is none or it is not held. */
  heldRaw(id: string): Buffer | null;
  /** Hand a held message to delivery: its held recipients become due now. */
  release(id: string, now: number, by: string): ChangeResult;
  /** Drop a held message as `remove` does (the same delete), only if it is still held. */
  removeHeld(id: string, now: number, by: string): ChangeResult;

  /** Flush pending commits and close. */
  close(): Promise<void>;
}
