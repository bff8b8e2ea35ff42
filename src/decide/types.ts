// The one closed verdict type of the decide stage, and the hook the accept stage calls (protocol and policy apart:
// the SMTP code never knows a spam rule, a rule never writes to a socket).
import type { AuthAttempt, MessageFacts } from '../reputation/index.js';
import type { Evidence, SenderIdentity, Verdict } from '../shared/types.js';

export interface Decision {
  verdict: Verdict;
  /** Short bracketed code for the SMTP reply and logs, e.g. 'MW-SPAM', 'MW-SUSPENDED'. */
  code: string;
  /** One plain-language sentence, safe to send to the SMTP client. */
  reason: string;
  evidence: Evidence[];
  /** Headers added when the verdict is 'tag' (or always, e.g. a score header). */
  addHeaders?: Array<[string, string]>;
  /** What reputation learnt of the message in checkMessage, handed back with `accepted` to count it. */
  facts?: MessageFacts;
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

/**
 * The policy the accept stage consults. `checkSender` runs at MAIL FROM (cheap: suspensions, rate limits) and may
 * return null to let the transaction go on; `checkMessage` runs after DATA and always returns a decision;
 * `accepted` tells the policy what was finally queued (to update counters); `authAttempt` feeds the AUTH signals
 * that only the accept stage sees. Delivery outcomes reach reputation through the queue's event stream.
 */
export interface MessagePolicy {
  checkSender(ctx: SenderContext): Promise<Decision | null>;
  checkMessage(ctx: MessageContext): Promise<Decision>;
  accepted(ctx: MessageContext, decision: Decision, queueId: string): void;
  /** A message refused or deferred after DATA, under the id its reply names (counts against the sender, logs it). */
  refused(ctx: MessageContext, decision: Decision, id: string): void;
  /** Every AUTH attempt, successful or not. */
  authAttempt(attempt: AuthAttempt): void;
}

/** The policy used until content and behaviour scoring are configured: accept everything, record nothing. */
export const acceptAllPolicy: MessagePolicy = {
  checkSender: async () => null,
  checkMessage: async () => ({ verdict: 'accept', code: 'MW-OK', reason: 'accepted', evidence: [] }),
  accepted: () => {},
  refused: () => {},
  authAttempt: () => {},
};
