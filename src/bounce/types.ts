// What the bounce stage reads out of a bounce or report email, and what it answers (issue 3, `mailwarden bounce`).
import type { Action, Blame, Phase, Reason } from '../classify/types.js';
import type { BounceKind } from '../shared/types.js';

export { BOUNCE_KINDS, type BounceKind } from '../shared/types.js';

/** RFC 3464 §2.3.3 Action values. */
export type DsnAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

/** A parser's answer: "not this kind" is distinct from "this kind, but broken" (DESIGN.md §3.6). */
export type ParseResult<T> =
  | { kind: 'not-this-kind' }
  | { kind: 'broken'; error: string }
  | { kind: 'found'; value: T };

/** What one bounce says about one recipient, before classification. */
export interface RecipientFacts {
  recipient: string;
  /** RFC 3463 enhanced status code, e.g. "5.1.1". */
  status: string | null;
  /** RFC 5321 basic reply code. */
  code: number | null;
  /** The remote server's reply, or the reporting MTA's own wording when no reply exists. */
  diagnostic: string | null;
  remoteMta: string | null;
  dsnAction: DsnAction | null;
  /** The SMTP command the reply answered, when the bounce says so. */
  phase: Phase | null;
  /**
   * A reason the bounce states outside any SMTP reply, known only at the bounce level: the MTA gave up after
   * retrying (expired), the destination host does not exist (hostunknown), a mailing-list refusal, etc.
   */
  hint: Reason | null;
  /** Set when the bounce format never names the SMTP command its replies answered (nonstandard/gateways.ts). */
  commandless?: boolean;
  /**
   * Set when `hint` comes from a fixed notice whose every wording is known (a list manager's): it decides, the words
   * are only quoted (Mailman's "content filtering rules" are its MIME-type filter, not a spam filter).
   */
  hintDecides?: boolean;
  /**
   * A DSN's Final-Recipient when the recipient is its Original-Recipient: the address the report's human-readable
   * text names (the MTA writes where it tried to deliver, not what the sender wrote).
   */
  finalRecipient?: string;
}

/** What an RFC 5965 feedback report says, kept for the feedback-loop stage. */
export interface FeedbackFacts {
  feedbackType: string;
  userAgent: string | null;
  originalMailFrom: string | null;
  originalRcptTo: string | null;
  sourceIp: string | null;
  arrivalDate: string | null;
  reportedDomain: string | null;
  /** Headers of the reported message (RFC 5965 §2 (c)): our trace header ties the complaint to a sender. */
  original: { messageId: string | null; trace: string | null; from: string | null; to: string | null; subject: string | null };
}

export interface QuotedTrace {
  returnPath: string | null;
  trace: string | null;
}

/** One classified recipient, in the field names of the `bounce --json` contract. */
export interface BounceRecipient {
  recipient: string;
  status: string | null;
  code: number | null;
  diagnostic: string | null;
  remote_mta: string | null;
  reason: Reason;
  blame: Blame;
  action: Action;
  explanation: string;
}

export interface BounceReport {
  kind: BounceKind;
  recipients: BounceRecipient[];
  /** Present for ARF reports. */
  feedback?: FeedbackFacts;
  /**
   * What a structured report (Amazon SES's JSON) says of the message it is about, where no header line of the raw
   * text shows it: the envelope sender (`mail.source`, our return path) and our trace header (`mail.headers`).
   */
  quoted?: QuotedTrace;
  /** Set when the message claims a kind (e.g. multipart/report) but its report part is unusable. */
  broken?: string;
}
