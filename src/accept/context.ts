// What every SMTP handler of the accept stage shares: configuration, stores, policy, limits, and per-session state.
import type { AccountStore } from '../accounts/types.js';
import type { Config } from '../config/schema.js';
import type { Decision, MessagePolicy } from '../decide/types.js';
import type { AccountOrigin } from '../identify/identify.js';
import type { HeaderSource } from '../identify/sources.js';
import type { QueueStore } from '../queue/store.js';
import type { Logger } from '../shared/logger.js';
import type { AuthThrottle } from './throttle.js';
import type { TrustedNetworkMatcher } from './trusted-networks.js';

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
}

/** What we know about one SMTP session beyond smtp-server's own session object. */
export interface SessionState {
  listener: ListenerKind;
  /** Who answers for this session's mail: set at AUTH, or at connect for a trusted network; null = nobody. */
  origin: AccountOrigin | null;
  /** A sender-stage decision that lets the transaction go on but must still apply (quarantine, tag). */
  senderDecision: Decision | null;
}
