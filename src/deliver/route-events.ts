// Route changes as events of the queue's one stream. A reply's own change (a slowdown, a pause) is written by
// recordOutcome on the timeline of the message whose reply it was, in the attempt's commit; every other change (a
// pause set or lifted by an operator, a pause whose time ran out, a slowed route back at its full rate, a blocklist
// listing or delisting) is about no message: it is written with message id '', as the feedback stage writes a report
// traced to none. Metrics, webhooks and the console read both from the stream.
import type { TimelineEvent } from '../queue/events.js';
import type { QueueStore } from '../queue/store.js';
import type { RouteState, RouteTransition } from '../routes/types.js';
import type { Logger } from '../shared/logger.js';
import type { RouteChange } from '../shared/route-change.js';

type RouteEvent = Extract<TimelineEvent, { data: RouteChange }>;

/** What a state says as an event's data. */
export function routeChangeOf(s: RouteState, by: RouteChange['by'] = s.by): RouteChange {
  return { source: s.source, provider: s.provider, why: s.why, reply: s.reply, by, ...(s.status === 'slowed' ? { rate: s.rate } : { until: s.until }) };
}

/** The event(s) one transition makes, message id '' (none for a reply's own change: recordOutcome writes those). */
export function routeEventsOf(t: RouteTransition): RouteEvent[] {
  const event = (type: RouteEvent['type'], data: RouteChange): RouteEvent => ({ messageId: '', at: t.at, type, data });
  if (t.after) {
    const { after, before } = t;
    if (after.by === 'reaction') return [];
    if (after.status === 'slowed') return [event('route-slowed', routeChangeOf(after))];
    if (after.by !== 'blocklist') return [event('route-paused', routeChangeOf(after))];
    // A listing; a route already paused for a listing that changed (another zone) is not paused again.
    const listed = event('route-listed', routeChangeOf(after));
    return before?.by === 'blocklist' && before.status === 'paused' ? [listed] : [listed, event('route-paused', routeChangeOf(after))];
  }
  const { before, cause } = t;
  if (before.status === 'slowed') return [event('route-recovered', routeChangeOf(before, cause))];
  const resumed = event('route-resumed', routeChangeOf(before, cause));
  return cause === 'delisting' ? [event('route-delisted', routeChangeOf(before, cause)), resumed] : [resumed];
}

/** The route table's listener in the relay: each transition's events into the queue's stream, and a log line each. */
export function recordRouteTransitions(store: Pick<QueueStore, 'addEvents'>, logger: Logger): (t: RouteTransition) => void {
  return (t) => {
    const events = routeEventsOf(t);
    if (events.length === 0) return;
    for (const e of events) logger.info({ event: e.type, ...e.data }, `${e.type} ${e.data.source} toward ${e.data.provider} (${e.data.by})`);
    store.addEvents(events);
  };
}
