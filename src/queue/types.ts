// What the accept stage hands to the queue. The queue owns everything after this (see store.ts).
import type { SenderIdentity, TimelineEvent } from '../shared/types.js';

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
  events: Omit<TimelineEvent, 'messageId'>[];
}
