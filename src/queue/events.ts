// The timeline's event types: one discriminated union by `type`. Every message's timeline, the store's event stream
// (store.onEvents), the logs, the admin API, metrics, webhooks and reputation all speak these. Each variant carries
// what its readers need, so none of them has to pair one event with another or read the queue tables back.
// Delivery's events are about a message of the queue; the feedback stage's are about a message the relay sent (the
// one a report was traced to) or, for a report tied to none, about no message (`messageId` '').
import type { Classification, Phase, Reason } from '../classify/types.js';
import type { RouteChange } from '../shared/route-change.js';
import type { BounceKind, Evidence, SenderIdentity, SuppressionReason, Verdict } from '../shared/types.js';

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
  /** Header fields the client left out and the relay supplied (Date, Message-ID: RFC 6409 §8.2-8.3). */
  addedHeaders?: string[];
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

/** Where a report came in: the feedback listener, `mailwarden feedback import`, the HTTP endpoint. */
export type ReportSource = 'smtp' | 'import' | 'http';

/** How a report was tied to a message: the VERP return path (recipient included) or the signed trace header. */
export type TraceVia = 'verp' | 'trace-header';

/** Why a report could not be tied to a message of ours. */
export type UntraceableReason = 'no-trace' | 'unknown-message' | 'unknown-recipient';

/** An identity a provider's block names as a likely cause: what it sent there just before, and its share of the blame. */
export interface BlockSuspect {
  identity: string;
  sent: number;
  /** Share of all mail toward the provider in the window. */
  share: number;
  /** 0..1: the share, raised by the identity's own complaints and hard bounces toward the provider. */
  risk: number;
  why: string;
}

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
  // The feedback stage: each report and what it was traced to, what it caused, and the suspects a block names.
  | Event<'report-received', { reportId: number; kind: BounceKind; source: ReportSource; via: TraceVia; identity: string }>
  | Event<'report-untraceable', { reportId: number; kind: BounceKind; source: ReportSource; reason: UntraceableReason }>
  | Event<'report-forged', { reportId: number; kind: BounceKind; source: ReportSource; claimed: string }>
  | Event<'report-duplicate', { kind: BounceKind; source: ReportSource; key: string }>
  | Event<'complaint', { identity: string; feedbackType: string; userAgent: string | null }>
  | RecipientEvent<'late-bounce', { identity: string; reason: Reason; status: string | null; hard: boolean }>
  | Event<'unsubscribe', { identity: string }>
  | RecipientEvent<'suppressed', { account: string; reason: SuppressionReason; until: number; source: string }>
  | Event<'sender-held', { subject: string; recommendation: 'hold' | 'suspend'; evidence: Evidence[]; applied: boolean }>
  | Event<'backscatter-dropped', { kind: BounceKind; refusal: string }>
  | RecipientEvent<'block-suspects', { provider: string; code: number | null; reason: Reason; suspects: BlockSuspect[] }>
  // Route changes (src/routes): on a message's timeline, the route this recipient's reply slowed or paused (a paused
  // route's recipient is retried at once from another IP of the pool); with no message (id ''), every other change:
  // set or lifted by an operator, a pause run out, a slowed route back at full rate, a blocklist listing or delisting.
  | Event<RouteEventType, RouteChange>;

export const ROUTE_EVENT_TYPES = ['route-slowed', 'route-paused', 'route-recovered', 'route-resumed', 'route-listed', 'route-delisted'] as const;
export type RouteEventType = (typeof ROUTE_EVENT_TYPES)[number];

export type EventType = TimelineEvent['type'];

/** An event as a producer hands it over with a new message (the store adds the message id). */
export type NewEvent = TimelineEvent extends infer E ? (E extends TimelineEvent ? Omit<E, 'messageId'> : never) : never;
