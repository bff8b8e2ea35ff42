// The events an operator can subscribe a webhook to, and how the queue's timeline events become them.
import type { TimelineEvent } from '../../queue/events.js';

export const WEBHOOK_EVENTS = [
  'delivered', 'deferred', 'bounced', 'expired', 'held', 'released', 'deleted',
  'sender-suspended', 'sender-reinstated', 'review-requested',
  // Route changes: a reply's (on its message), an operator's, a pause run out, a recovery, a blocklist listing.
  'route-slowed', 'route-paused', 'route-recovered', 'route-resumed', 'route-listed', 'route-delisted',
  // The feedback stage's: what the world sent back about a message, and what the relay did about it.
  'complaint', 'late-bounce', 'recipient-suppressed', 'sender-held', 'block-suspects',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What a receiver gets as the JSON body. */
export interface WebhookPayload {
  event: WebhookEvent;
  at: number; // epoch ms
  messageId?: string;
  recipient?: string;
  data: Record<string, unknown>;
}

function eventOf(type: TimelineEvent['type']): WebhookEvent | null {
  switch (type) {
    case 'delivered':
    case 'deferred':
    case 'bounced':
    case 'expired':
    case 'released':
    case 'deleted':
    case 'route-slowed':
    case 'route-paused':
    case 'route-recovered':
    case 'route-resumed':
    case 'route-listed':
    case 'route-delisted':
      return type;
    case 'quarantined':
      return 'held';
    case 'complaint':
    case 'late-bounce':
    case 'sender-held':
    case 'block-suspects':
      return type;
    case 'suppressed':
      return 'recipient-suppressed';
    case 'received':
    case 'identity':
    case 'verdict':
    case 'queued':
    case 'attempt':
    case 'dsn-sent':
    case 'retry-requested':
    case 'report-received':
    case 'report-untraceable':
    case 'report-forged':
    case 'report-duplicate':
    case 'unsubscribe':
    case 'backscatter-dropped':
      return null;
    default: {
      const never: never = type;
      throw new Error(`unhandled event type ${String(never)}`);
    }
  }
}

/**
 * One committed batch of timeline events as webhook payloads. An outcome carries the reply of its own attempt (the
 * delivery stage writes each recipient's attempt just before its outcome), so a receiver sees why without asking.
 */
export function payloadsOf(events: readonly TimelineEvent[]): WebhookPayload[] {
  const out: WebhookPayload[] = [];
  let attempt: Extract<TimelineEvent, { type: 'attempt' }> | undefined;
  for (const e of events) {
    if (e.type === 'attempt') {
      attempt = e;
      continue;
    }
    const event = eventOf(e.type);
    if (!event) continue;
    const reply = attempt && attempt.recipient === e.recipient && attempt.messageId === e.messageId
      ? { code: attempt.data.code, reply: attempt.data.reply, reason: attempt.data.classification.reason }
      : {};
    out.push({ event, at: e.at, ...(e.messageId ? { messageId: e.messageId } : {}), ...(e.recipient ? { recipient: e.recipient } : {}), data: { ...e.data, ...reply } });
    attempt = undefined;
  }
  return out;
}
