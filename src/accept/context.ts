// What every SMTP handler of the accept stage shares: configuration, stores, policy, limits, and per-session state.
import type { PasswordPool } from '../accounts/password-pool.js';
import type { AccountStore } from '../accounts/types.js';
import type { Config } from '../config/schema.js';
import type { Decision, MessagePolicy } from '../decide/types.js';
import type { AccountOrigin } from '../identify/identify.js';
import type { HeaderSource } from '../identify/sources.js';
import type { QueueStore } from '../queue/store.js';
import type { Logger } from '../shared/logger.js';
import type { SenderIdentity } from '../shared/types.js';
import type { ByteBudget } from '../shared/byte-budget.js';
import type { AuthThrottle } from './throttle.js';
import type { TrustedNetworkMatcher } from './trusted-networks.js';

/** What the accept stage asks the feedback stage (which implements it, one layer up): the accept stage depends on
 * this port only, never on src/feedback. */
export interface AcceptFeedback {
  /** RCPT TO: the refusal for this account's mail to `rcpt` when the recipient is suppressed, else null. */
  suppressedReply(account: string, rcpt: string): { code: number; text: string } | null;
  /** The `Feedback-ID` header value for mail of this identity. */
  feedbackId(identity: Pick<SenderIdentity, 'account' | 'sub'>): string;
  /** A null-sender bounce of mail the relay itself refused: the refusal it quotes (drop the message), else null. */
  backscatter(raw: Buffer, mailFrom: string): string | null;
}

export type ListenerKind = 'submission' | 'smtps' | 'relay';

export interface AcceptContext {
  config: Config;
  store: QueueStore;
  accounts: AccountStore;
  policy: MessagePolicy;
  logger: Logger;
  clock: () => number;
  traceSecret: string;
  sources: HeaderSource[];
  trusted: TrustedNetworkMatcher;
  authThrottle: AuthThrottle;
  /** Clients whose AUTH failures the per-address throttle does not count (`limits.authFailures.exemptNetworks`). */
  authExempt: TrustedNetworkMatcher;
  /** AUTH password checks, on threads of their own with a cap (never libuv's threadpool, where fsync runs). */
  passwords: PasswordPool;
  /** Bytes of messages in DATA across all listeners, bounded by `limits.maxBytesInFlight`. */
  dataBudget: ByteBudget;
  /** Suppression list, Feedback-ID and backscatter (the feedback stage); absent in tests of the accept stage alone. */
  feedback?: AcceptFeedback;
}

/** What we know about one SMTP session beyond smtp-server's own session object. */
export interface SessionState {
  listener: ListenerKind;
  /** Who answers for this session's mail: set at AUTH, or at connect for a trusted network; null = nobody. */
  origin: AccountOrigin | null;
  /** A sender-stage decision that lets the transaction go on but must still apply (quarantine, tag). */
  senderDecision: Decision | null;
}
