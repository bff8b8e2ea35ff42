// Prometheus metrics, fed by the queue store's event stream (store.onEvents): the same typed events the timeline,
// logs and API show, so a counter never disagrees with `queue show`. Queue depth is counted at scrape time.
// One registry per relay (not prom-client's global one), so several relays in one process never share counters.
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { LIVE_STATES, type LiveState } from '../queue/sqlite-depth.js';
import type { TimelineEvent } from '../queue/events.js';
import type { Verdict } from '../shared/types.js';

export interface Metrics {
  registry: Registry;
  /** The store's event listener: a switch and a counter increment per event (it runs at the relay's full rate). */
  record(events: TimelineEvent[]): void;
  /** A message the decide stage refused at SMTP time: it never reaches the store, so it is counted here. */
  refused(verdict: Verdict): void;
}

export function createMetrics(queueDepth: () => Record<LiveState, number>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const received = new Counter({
    name: 'mailwarden_messages_received_total', help: 'Messages received from clients and stored', registers: [registry],
  });
  const accepted = new Counter({
    name: 'mailwarden_messages_accepted_total', help: 'Messages stored, by the verdict that let them in', labelNames: ['verdict'], registers: [registry],
  });
  const refused = new Counter({
    name: 'mailwarden_messages_refused_total', help: 'Messages refused at SMTP time by a policy verdict', labelNames: ['verdict'], registers: [registry],
  });
  const outcomes = new Counter({
    name: 'mailwarden_recipient_outcomes_total',
    help: 'Recipient outcomes of delivery attempts, by result and by the classified reason of the reply',
    labelNames: ['result', 'reason'], registers: [registry],
  });
  const dsns = new Counter({
    name: 'mailwarden_dsn_sent_total', help: 'Delivery status notifications queued for senders', labelNames: ['action'], registers: [registry],
  });
  // The feedback stage's events: reports by what became of them, and what they caused.
  const reports = new Counter({
    name: 'mailwarden_feedback_reports_total',
    help: 'Reports and bounces sent back to the relay, by result (traced, untraceable, forged, duplicate, backscatter) and kind',
    labelNames: ['result', 'kind'], registers: [registry],
  });
  const feedback = new Counter({
    name: 'mailwarden_feedback_events_total',
    help: 'What traced reports said: complaint, unsubscribe, late-hard-bounce, late-soft-bounce',
    labelNames: ['type'], registers: [registry],
  });
  const suppressed = new Counter({
    name: 'mailwarden_suppressions_added_total', help: 'Recipients added to the suppression list, by reason', labelNames: ['reason'], registers: [registry],
  });
  const held = new Counter({
    name: 'mailwarden_feedback_senders_held_total',
    help: 'Senders over a complaint or bounce limit, by recommendation and whether the hold was applied',
    labelNames: ['recommendation', 'applied'], registers: [registry],
  });
  const blocks = new Counter({
    name: 'mailwarden_blocks_with_suspects_total', help: 'Provider blocks of the relay whose likely senders were named', registers: [registry],
  });
  // Only the kind as a label: providers include arbitrary recipient domains, a label that could grow without limit.
  const routeReactions = new Counter({
    name: 'mailwarden_route_reactions_total', help: 'Routes (source IP x provider) slowed or paused by a reply', labelNames: ['reaction'], registers: [registry],
  });
  const routeChanges = new Counter({
    name: 'mailwarden_route_changes_total',
    help: 'Route (source IP x provider) state changes, by event and by who or what made them (reaction, operator, blocklist, timer, recovery, delisting)',
    labelNames: ['event', 'by'], registers: [registry],
  });
  new Gauge({
    name: 'mailwarden_queue_messages', help: 'Messages waiting in the queue, by state', labelNames: ['state'], registers: [registry],
    collect() {
      const depth = queueDepth();
      for (const state of LIVE_STATES) this.set({ state }, depth[state]);
    },
  });

  return {
    registry,
    refused: (verdict) => refused.inc({ verdict }),
    record(events) {
      for (const e of events) {
        switch (e.type) {
          case 'received':
            if (!('dsnFor' in e.data)) received.inc(); // our own DSNs are counted as dsn-sent
            break;
          case 'verdict':
            accepted.inc({ verdict: e.data.verdict });
            break;
          case 'delivered':
          case 'deferred':
          case 'bounced':
          case 'expired':
            // The reason is one of the classifier's closed set of names, so the label cannot grow without limit.
            outcomes.inc({ result: e.type, reason: e.data.reason });
            break;
          case 'dsn-sent':
            dsns.inc({ action: e.data.action });
            break;
          case 'report-received':
            reports.inc({ result: 'traced', kind: e.data.kind });
            break;
          case 'report-untraceable':
            reports.inc({ result: 'untraceable', kind: e.data.kind });
            break;
          case 'report-forged':
            reports.inc({ result: 'forged', kind: e.data.kind });
            break;
          case 'report-duplicate':
            reports.inc({ result: 'duplicate', kind: e.data.kind });
            break;
          case 'backscatter-dropped':
            reports.inc({ result: 'backscatter', kind: e.data.kind });
            break;
          case 'complaint':
          case 'unsubscribe':
            feedback.inc({ type: e.type });
            break;
          case 'late-bounce':
            feedback.inc({ type: e.data.hard ? 'late-hard-bounce' : 'late-soft-bounce' });
            break;
          case 'suppressed':
            suppressed.inc({ reason: e.data.reason });
            break;
          case 'sender-held':
            held.inc({ recommendation: e.data.recommendation, applied: String(e.data.applied) });
            break;
          case 'block-suspects':
            blocks.inc();
            break;
          case 'route-slowed':
          case 'route-paused':
          case 'route-recovered':
          case 'route-resumed':
          case 'route-listed':
          case 'route-delisted':
            routeChanges.inc({ event: e.type, by: e.data.by });
            if (e.data.by === 'reaction') routeReactions.inc({ reaction: e.type });
            break;
          case 'attempt':
          case 'identity':
          case 'queued':
          case 'quarantined':
          case 'released':
          case 'retry-requested':
          case 'deleted':
            break;
          default: {
            const never: never = e;
            throw new Error(`unhandled event ${JSON.stringify(never)}`);
          }
        }
      }
    },
  };
}
