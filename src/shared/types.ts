// Closed sets and plain records shared by every stage. Unions of string literals, so that a `switch` over them is
// checked for exhaustiveness by the compiler.

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
export function identityKey(id: Pick<SenderIdentity, 'account' | 'sub'>): string {
  return id.sub ? `${id.account}/${id.sub}` : id.account;
}

/** What an email sent back to the relay is (`src/bounce` tells them apart; the feedback stage's events name it). */
export const BOUNCE_KINDS = ['dsn', 'nondsn', 'arf', 'autoreply', 'unknown'] as const;
export type BounceKind = (typeof BOUNCE_KINDS)[number];

/** Why a recipient is on the suppression list (the feedback stage's list; its events name the reason). */
export const SUPPRESSION_REASONS = ['hard-bounce', 'complaint', 'unsubscribe', 'manual'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export type QueueState = 'queued' | 'deferred' | 'delivered' | 'bounced' | 'expired' | 'quarantined' | 'deleted';

export type Verdict = 'accept' | 'tag' | 'defer' | 'reject' | 'quarantine' | 'suspend';

/**
 * One piece of evidence behind a decision: a content rule, a behaviour signal, a limit or a suspension. Produced by
 * inspect and reputation, weighed by decide, kept in the verdict event and in suspensions.
 */
export interface Evidence {
  kind: EvidenceKind;
  name: string;
  score: number;
  description: string;
}

export type EvidenceKind = 'content' | 'behaviour' | 'limit' | 'account' | 'feedback';
