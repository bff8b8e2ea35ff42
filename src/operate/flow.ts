// Mail flow for the console's overview: per-minute counts of each outcome over the last day, fed by the same event
// stream as the metrics (and the refusals, which never reach the store). In memory and fixed in size (a day of
// minutes); at start it is filled again from the queue's timelines (`seed`), so only refusals before a restart are lost.
import type { TimelineEvent } from '../queue/events.js';
import type { Verdict } from '../shared/types.js';

export const OUTCOMES = ['delivered', 'deferred', 'bounced', 'expired', 'held', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const MINUTES = 24 * 60;
const MINUTE = 60_000;

export interface FlowSeries {
  /** Start of each bucket, epoch ms, oldest first. */
  starts: number[];
  counts: Record<Outcome, number[]>;
}

/** The timeline event types the chart counts. */
export const FLOW_EVENT_TYPES = ['delivered', 'deferred', 'bounced', 'expired', 'quarantined'] as const satisfies ReadonlyArray<TimelineEvent['type']>;

function outcomeOf(e: Pick<TimelineEvent, 'type'>): Outcome | null {
  switch (e.type) {
    case 'delivered':
    case 'deferred':
    case 'bounced':
    case 'expired':
      return e.type;
    case 'quarantined':
      return 'held';
    default:
      return null;
  }
}

export function createFlow(clock: () => number = Date.now) {
  const counts = OUTCOMES.map(() => new Uint32Array(MINUTES));
  const minuteOf = new Float64Array(MINUTES).fill(-1); // which minute each slot holds, so stale slots read as 0

  function add(outcome: Outcome, at: number): void {
    const minute = Math.floor(at / MINUTE);
    const slot = minute % MINUTES;
    if (minuteOf[slot] !== minute) {
      for (const c of counts) c[slot] = 0;
      minuteOf[slot] = minute;
    }
    counts[OUTCOMES.indexOf(outcome)]![slot]!++;
  }

  return {
    record(events: ReadonlyArray<Pick<TimelineEvent, 'type' | 'at'>>): void {
      for (const e of events) {
        const o = outcomeOf(e);
        if (o) add(o, e.at);
      }
    },
    refused: (_verdict: Verdict) => add('refused', clock()),
    /** The last `minutes` (at most a day) in `buckets` equal buckets. */
    series(minutes: number, buckets: number): FlowSeries {
      const span = Math.min(minutes, MINUTES);
      const width = Math.max(1, Math.floor(span / buckets));
      const last = Math.floor(clock() / MINUTE);
      const first = last - width * buckets + 1;
      const starts: number[] = [];
      const out = Object.fromEntries(OUTCOMES.map((o) => [o, new Array<number>(buckets).fill(0)])) as Record<Outcome, number[]>;
      for (let b = 0; b < buckets; b++) {
        starts.push((first + b * width) * MINUTE);
        for (let m = first + b * width; m < first + (b + 1) * width; m++) {
          const slot = ((m % MINUTES) + MINUTES) % MINUTES;
          if (minuteOf[slot] !== m) continue;
          OUTCOMES.forEach((o, i) => (out[o][b]! += counts[i]![slot]!));
        }
      }
      return { starts, counts: out };
    },
  };
}

export type Flow = ReturnType<typeof createFlow>;
