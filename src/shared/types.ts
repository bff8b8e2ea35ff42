// Closed sets and plain records shared by every stage. Unions of string literals, so that a `switch` over them is
// checked for exhaustiveness by the compiler (DESIGN.md §3.4).

/** Who is responsible for a message: the account (login or trusted network) and the identity below it. */
export interface SenderIdentity {
  /** Account name: the AUTH user, or the name of the trusted network the client connected from. */
  account: string;
  /** Sub-identity below the account (a cPanel user, a PHP script, Postfix's authenticated sender); '' when none. */
  sub: string;
  /** Which source produced `sub`: 'auth', 'client-ip', 'header:<name>' or 'none'. */
  source: string;
}

/** The stable key that counters, suspensions and complaints use for one sender identity. */
export function identityKey(id: SenderIdentity): string {
  return id.sub ? `${id.account}/${id.sub}` : id.account;
}

export type QueueState = 'queued' | 'deferred' | 'delivered' | 'bounced' | 'expired' | 'quarantined' | 'deleted';

export type Verdict = 'accept' | 'tag' | 'defer' | 'reject' | 'quarantine' | 'suspend';

export type EventType =
  | 'received'
  | 'identity'
  | 'verdict'
  | 'queued'
  | 'attempt'
  | 'delivered'
  | 'deferred'
  | 'bounced'
  | 'expired'
  | 'dsn-sent'
  | 'quarantined'
  | 'released'
  | 'retry-requested'
  | 'deleted';

/** One entry of a message's timeline; `data` carries the event's typed details as plain JSON. */
export interface TimelineEvent {
  messageId: string;
  at: number; // epoch milliseconds
  type: EventType;
  recipient?: string;
  data: Record<string, unknown>;
}
