// The timeline's event types: one discriminated union by `type`. Every message's timeline, the store's event stream
// (store.onEvents), the logs, the admin API, metrics and reputation all speak these. Each variant carries what its
// readers need, so none of them has to pair one event with another or read the queue tables back.
import type { Classification, Phase, Reason } from '../classify/types.js';
import type { RouteChange } from '../shared/route-change.js';
import type { Evidence, SenderIdentity, Verdict } from '../shared/types.js';

/** What a delivery status notification reports (RFC 3464 Action). */
export type DsnAction = 'failed' | 'delayed';

interface Event<T extends string, D> {
  messageId: string;
  at: number; // epoch milliseconds
  type: T;
  recipient?: string;
  data: D;
}

/** An event about one recipient. */
type RecipientEvent<T extends string, D> = Event<T, D> & { recipient: string };

/** A client's message as the accept stage took it. */
export interface ClientReceipt {
  clientIp: string;
  helo: string;
  listener: string;
  tls: boolean;
  size: number;
  mailFrom: string;
  recipients: string[];
}

/** A DSN the relay wrote itself about another message. */
export interface DsnReceipt {
  dsnFor: string;
  action: DsnAction;
}

/** A recipient's result of one delivery attempt: whose mail it was, the reply code and its classified reason. */
export interface OutcomeData {
  /** identityKey() of the message's sender, for reputation. */
  identity: string;
  code: number | null;
  reason: Reason;
}

export type OutcomeType = 'delivered' | 'deferred' | 'bounced' | 'expired';

export type TimelineEvent =
  | Event<'received', ClientReceipt | DsnReceipt>
  | Event<'identity', SenderIdentity>
  | Event<'verdict', { verdict: Verdict; code: string; reason: string; evidence: Evidence[] }>
  | Event<'queued', { recipients?: number }>
  | Event<'quarantined', Record<string, never>>
  | RecipientEvent<'attempt', { host: string; ip: string; phase?: Phase; code: number | null; reply: string; classification: Classification }>
  | RecipientEvent<'delivered' | 'bounced' | 'expired', OutcomeData>
  | RecipientEvent<'deferred', OutcomeData & { nextAttemptAt: number }>
  | Event<'dsn-sent', { dsnId: string; to: string; recipients: number; action: DsnAction }>
  | Event<'released', { by: string }>
  | Event<'retry-requested', { recipients: number }>
  | Event<'deleted', { recipients: number; by: string }>
  // Route reactions (src/routes): the route this recipient's reply slowed or paused; a paused route's recipient is
  // retried at once from another IP of the pool.
  | RecipientEvent<'route-slowed' | 'route-paused', RouteChange>;

export type EventType = TimelineEvent['type'];

/** An event as a producer hands it over with a new message (the store adds the message id). */
export type NewEvent = TimelineEvent extends infer E ? (E extends TimelineEvent ? Omit<E, 'messageId'> : never) : never;
