// How many messages wait in each live state, for the metrics scrape and the health check. Only the live states: the
// final ones (delivered, bounced ...) are history that grows without bound, and counting them at every scrape would
// cost more as the relay ages; their rates come from the event counters instead.
import type { Db } from '../store/sqlite.js';
import type { QueueState } from '../shared/types.js';

export const LIVE_STATES = ['queued', 'deferred', 'quarantined'] as const satisfies readonly QueueState[];
export type LiveState = (typeof LIVE_STATES)[number];

/** Returns a function counting messages per live state; each count is a range scan of the (state, received_at) index. */
export function createQueueDepth(db: Db): () => Record<LiveState, number> {
  const count = db.prepare('SELECT count(*) AS n FROM messages WHERE state = ?').pluck();
  return () => {
    const depth = {} as Record<LiveState, number>;
    for (const state of LIVE_STATES) depth[state] = count.get(state) as number;
    return depth;
  };
}
