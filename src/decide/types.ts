// The one closed verdict type of the decide stage, and the hook the accept stage calls (protocol and policy apart:
// the SMTP code never knows a spam rule, a rule never writes to a socket).
import type { SenderIdentity, Verdict } from '../shared/types.js';

/** One piece of evidence that led to a decision: a content rule, a behaviour signal or a limit. */
export interface Evidence {
  /** 'content' | 'behaviour' | 'limit' | 'account' | 'peer' ... where the evidence came from. */
  kind: string;
  name: string;
  score: number;
  description: string;
}

export interface Decision {
  verdict: Verdict;
  /** Short bracketed code for the SMTP reply and logs, e.g. 'MW-SPAM', 'MW-SUSPENDED'. */
  code: string;
  /** One plain-language sentence, safe to send to the SMTP client. */
  reason: string;
  evidence: Evidence[];
  /** Headers added when the verdict is 'tag' (or always, e.g. a score header). */
  addHeaders?: Array<[string, string]>;
  /** A link to the end user's page about this refusal (set by src/operate/enduser when that page is enabled). */
  link?: string;
}

/** What the accept stage knows when it asks for a decision. */
export interface SenderContext {
  identity: SenderIdentity;
  clientIp: string;
  authenticated: boolean;
  mailFrom: string;
  now: number;
}

export interface MessageContext extends SenderContext {
  recipients: string[];
  /** The message as received (before our own headers are added). */
  raw: Buffer;
}

/** An AUTH attempt as the accept stage saw it (for "new network for this login" and "failures before success"). */
export interface AuthAttempt {
  username: string;
  clientIp: string;
  success: boolean;
  now: number;
}

/** The final outcome of one recipient, reported by the deliver stage (for hard-bounce shares per identity). */
export interface DeliveryResult {
  identity: SenderIdentity;
  messageId: string;
  recipient: string;
  outcome: 'delivered' | 'deferred' | 'bounced' | 'expired';
  /** Classified reason of the remote reply (classify/types.ts Reason), when there was a reply. */
  reason?: string;
  now: number;
}

/**
 * The policy the accept stage consults. `checkSender` runs at MAIL FROM (cheap: suspensions, rate limits) and may
 * return null to let the transaction go on; `checkMessage` runs after DATA and always returns a decision;
 * `accepted` tells the policy what was finally queued (to update counters); `authAttempt` and `deliveryResult` feed
 * the behaviour signals that only the accept and deliver stages see.
 */
export interface MessagePolicy {
  checkSender(ctx: SenderContext): Promise<Decision | null>;
  checkMessage(ctx: MessageContext): Promise<Decision>;
  accepted(ctx: MessageContext, decision: Decision, queueId: string): void;
  /** Every AUTH attempt, successful or not. */
  authAttempt(attempt: AuthAttempt): void;
  /** Every recipient outcome of a delivery attempt. */
  deliveryResult(result: DeliveryResult): void;
}

/** The policy used until content and behaviour scoring are configured: accept everything, record nothing. */
export const acceptAllPolicy: MessagePolicy = {
  checkSender: async () => null,
  checkMessage: async () => ({ verdict: 'accept', code: 'MW-OK', reason: 'accepted', evidence: [] }),
  accepted: () => {},
  authAttempt: () => {},
  deliveryResult: () => {},
};
