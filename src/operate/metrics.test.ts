import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../shared/types.js';
import { createMetrics } from './metrics.js';

const ev = (type: TimelineEvent['type'], data: Record<string, unknown> = {}, recipient?: string): TimelineEvent =>
  ({ messageId: 'M1', at: 0, type, data, ...(recipient ? { recipient } : {}) });

describe('metrics from the event stream', () => {
  it('counts clients’ messages, verdicts, and each outcome with the reason of its own attempt', async () => {
    const metrics = createMetrics(() => ({ queued: 3, deferred: 2, quarantined: 0 }));
    metrics.record([
      ev('received'), ev('identity'), ev('verdict', { verdict: 'tag' }), ev('queued'),
      ev('received', { dsnFor: 'M0' }), // our own DSN is not a client's message
    ]);
    metrics.record([
      ev('attempt', { classification: { reason: 'userunknown' } }, 'a@x.test'), ev('bounced', {}, 'a@x.test'),
      ev('attempt', { classification: { reason: 'no-such-reason' } }, 'b@x.test'), ev('deferred', {}, 'b@x.test'),
      ev('expired', {}, 'c@x.test'), // no attempt of its own: not the previous recipient's reason
      ev('dsn-sent', { action: 'failed' }),
    ]);
    metrics.refused('reject');
    const text = await metrics.registry.metrics();
    for (const line of [
      'mailwarden_messages_received_total 1',
      'mailwarden_messages_accepted_total{verdict="tag"} 1',
      'mailwarden_messages_refused_total{verdict="reject"} 1',
      'mailwarden_recipient_outcomes_total{result="bounced",reason="userunknown"} 1',
      'mailwarden_recipient_outcomes_total{result="deferred",reason="unclassified"} 1',
      'mailwarden_recipient_outcomes_total{result="expired",reason="unclassified"} 1',
      'mailwarden_dsn_sent_total{action="failed"} 1',
      'mailwarden_queue_messages{state="queued"} 3',
      'mailwarden_queue_messages{state="deferred"} 2',
    ]) expect(text.split('\n')).toContain(line);
  });
});
