import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../queue/events.js';
import { createMetrics } from './metrics.js';

const base = { messageId: 'M1', at: 0 };
const identity = { account: 'shop', sub: '', source: 'auth' };
const outcome = (type: 'delivered' | 'bounced' | 'expired', recipient: string, reason: 'userunknown' | 'expired' | 'delivered'): TimelineEvent =>
  ({ ...base, type, recipient, data: { identity: 'shop', code: null, reason } });

describe('metrics from the event stream', () => {
  it('counts clients’ messages, verdicts, and each outcome with the reason it carries', async () => {
    const metrics = createMetrics(() => ({ queued: 3, deferred: 2, quarantined: 0 }));
    metrics.record([
      { ...base, type: 'received', data: { clientIp: '192.0.2.1', helo: 'h', listener: 'submission', tls: true, size: 10, mailFrom: 'a@shop.test', recipients: ['x@y.test'] } },
      { ...base, type: 'identity', data: identity },
      { ...base, type: 'verdict', data: { verdict: 'tag', code: 'MW-TAGGED', reason: 'accepted', evidence: [] } },
      { ...base, type: 'queued', data: {} },
      { ...base, type: 'received', data: { dsnFor: 'M0', action: 'failed' } }, // our own DSN is not a client's message
    ]);
    metrics.record([
      outcome('bounced', 'a@x.test', 'userunknown'),
      { ...base, type: 'deferred', recipient: 'b@x.test', data: { identity: 'shop', code: 451, reason: 'ratelimited', nextAttemptAt: 1 } },
      outcome('expired', 'c@x.test', 'expired'),
      outcome('delivered', 'd@x.test', 'delivered'),
      { ...base, type: 'dsn-sent', data: { dsnId: 'D1', to: 'a@shop.test', recipients: 2, action: 'failed' } },
    ]);
    metrics.refused('reject');
    const text = await metrics.registry.metrics();
    for (const line of [
      'mailwarden_messages_received_total 1',
      'mailwarden_messages_accepted_total{verdict="tag"} 1',
      'mailwarden_messages_refused_total{verdict="reject"} 1',
      'mailwarden_recipient_outcomes_total{result="bounced",reason="userunknown"} 1',
      'mailwarden_recipient_outcomes_total{result="deferred",reason="ratelimited"} 1',
      'mailwarden_recipient_outcomes_total{result="expired",reason="expired"} 1',
      'mailwarden_recipient_outcomes_total{result="delivered",reason="delivered"} 1',
      'mailwarden_dsn_sent_total{action="failed"} 1',
      'mailwarden_queue_messages{state="queued"} 3',
      'mailwarden_queue_messages{state="deferred"} 2',
    ]) expect(text.split('\n')).toContain(line);
  });
});
