// The classification contract of a remote reply (issue "Reply intelligence"; DESIGN.md §2). Other stages (deliver,
// react, bounce, feedback) and outside checks rely on these names exactly.

/** Sisimai's reason names (2026 list), lower-case. */
export const REASONS = [
  'authfailure', 'badreputation', 'blocked', 'contenterror', 'delivered', 'emailtoolarge', 'expired',
  'failedstarttls', 'feedback', 'filtered', 'hasmoved', 'hostunknown', 'mailboxfull', 'mailererror', 'networkerror',
  'norelaying', 'notaccept', 'notcompliantrfc', 'onhold', 'policyviolation', 'ratelimited', 'rejected', 'requireptr',
  'securityerror', 'spamdetected', 'suppressed', 'suspend', 'syntaxerror', 'systemerror', 'systemfull', 'undefined',
  'userunknown', 'vacation', 'virusdetected',
] as const;
export type Reason = (typeof REASONS)[number];

export const BLAMES = [
  'recipient', 'sender-ip', 'sender-domain', 'sender-volume', 'sender-config', 'content', 'remote', 'network', 'local',
  'none',
] as const;
export type Blame = (typeof BLAMES)[number];

export const SCOPES = ['recipient', 'message', 'destination', 'session'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * What the relay itself does about the reply: nothing (a report, not a failure); retry on its schedule; retry-later
 * (greylisting: after the delay the reply asks for); slow-down (slow the sending IP toward that provider, retry);
 * pause-route (pause the sending IP toward that provider, send the message from another IP of the pool at once);
 * bounce (return the message to its sender with a DSN). Only actions the relay performs belong here: the route
 * reactions (src/routes/react.ts) are driven by this field, and an action is added with the code that performs it.
 */
export const ACTIONS = ['none', 'retry', 'retry-later', 'slow-down', 'pause-route', 'bounce'] as const;
export type Action = (typeof ACTIONS)[number];

/** The SMTP phase the reply answered (RFC 5321 §3): a refusal at connect or MAIL is never the recipient's fault. */
export const PHASES = ['connect', 'helo', 'mail', 'rcpt', 'data', 'eod'] as const;
export type Phase = (typeof PHASES)[number];

export interface ReplyInput {
  /** The reply text, possibly multi-line ("550-5.7.1 ...\n550 5.7.1 ..."), code included when the peer sent one. */
  text: string;
  phase?: Phase;
  /** The remote MX host name, used to detect the provider. */
  mx?: string;
  /** An enhanced status given separately (e.g. a DSN's Status: field) when the text lacks one. */
  status?: string;
}

export interface Classification {
  code: number | null;
  status: string | null;
  reason: Reason;
  blame: Blame;
  permanent: boolean;
  scope: Scope;
  provider: string | null;
  action: Action;
  explanation: string;
  fix: string;
  link: string | null;
  /** Id of the rule that decided, or 'fallback-status' / 'fallback-code'. */
  rule: string;
}
