// What the accept stage hands to the queue. The queue owns everything after this (see store.ts).
import type { Classification } from '../classify/types.js';
import type { QueueState, SenderIdentity } from '../shared/types.js';
import type { NewEvent, TimelineEvent } from './events.js';

export interface NewMessage {
  /** Queue id, unique, sortable by time (see newQueueId). */
  id: string;
  receivedAt: number; // epoch ms
  identity: SenderIdentity;
  /** Envelope sender; '' is the null sender (<>), which never gets a bounce. */
  mailFrom: string;
  recipients: string[];
  /** The message exactly as it will be delivered (our Received and trace headers already prepended). */
  raw: Buffer;
  clientIp: string;
  heloName: string;
  /** 'queued' for normal mail, 'quarantined' for mail held for review by policy. */
  initialState: 'queued' | 'quarantined';
  /** Whether the content needs SMTPUTF8 / 8BITMIME from the next hop. */
  smtpUtf8: boolean;
  eightBit: boolean;
  /** Events recorded at acceptance (received, identity, verdict ...), stored in the same commit. */
  events: NewEvent[];
}

/** A recipient still to be delivered, as the delivery engine gets it from the queue. */
export interface DueRecipient {
  rcpt: string;
  domain: string;
  attempts: number;
}

/** A message with the recipients that are due now: one unit of the delivery engine's bounded window. */
export interface DueMessage {
  id: string;
  receivedAt: number;
  identity: SenderIdentity;
  mailFrom: string;
  raw: Buffer;
  smtpUtf8: boolean;
  eightBit: boolean;
  delayWarned: boolean;
  recipients: DueRecipient[];
}

/** The state a recipient is left in by one delivery attempt. */
export type AttemptState = 'delivered' | 'deferred' | 'bounced' | 'expired';

export interface RecipientOutcome {
  rcpt: string;
  state: AttemptState;
  /** The reply code, null when there was none (network error, local decision without a code). */
  code: number | null;
  /** The exact reply (or the local reason) that decided the outcome. */
  reply: string;
  /** The host that answered, '' when no host was reached. */
  remoteMta: string;
  /** When a deferred recipient is tried again (ignored for final states). */
  nextAttemptAt: number;
  /** The reply's classification, stored as JSON with the recipient. */
  classification: Classification;
}

/** Everything one delivery attempt changes, written in one transaction. */
export interface AttemptRecord {
  messageId: string;
  at: number;
  outcomes: RecipientOutcome[];
  events: TimelineEvent[];
  /** Set when this attempt sent the one delay warning the message gets. */
  delayWarned?: boolean;
}

/** One line of `queue list`. */
export interface MessageSummary {
  id: string;
  receivedAt: number;
  state: QueueState;
  account: string;
  sub: string;
  mailFrom: string;
  size: number;
  recipients: number;
  pending: number;
}

/** A recipient as `queue show` prints it. */
export interface RecipientStatus {
  rcpt: string;
  state: QueueState;
  attempts: number;
  nextAttemptAt: number;
  lastCode: number | null;
  lastReply: string | null;
  lastAttemptAt: number | null;
  remoteMta: string | null;
  /** The last reply's classification; null before the first attempt. */
  classification: Classification | null;
}

/** A message held for review, as `quarantine list` prints it. */
export interface HeldMessage {
  id: string;
  receivedAt: number;
  account: string;
  sub: string;
  mailFrom: string;
  size: number;
  recipients: number;
  subject: string;
  /** Verdict code and the names of the signals and rules that held it. */
  code: string;
  evidence: string[];
}

export interface HeldMessageDetail extends HeldMessage {
  recipientList: string[];
  /** The header section as stored (our Received and trace headers first). */
  headers: string;
  timeline: TimelineEvent[];
}

/** What an operator's change to one message came to. */
export type ChangeResult = 'done' | 'not-found' | 'not-held';

export interface MessageDetail extends MessageSummary {
  identitySource: string;
  clientIp: string;
  heloName: string;
  recipientStatus: RecipientStatus[];
  timeline: TimelineEvent[];
}
