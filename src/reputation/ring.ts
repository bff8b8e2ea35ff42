// Sliding-window counters as rings of fixed-width buckets: adding is O(1) (plus clearing the buckets skipped since
// the last write, at most the ring's length), and the window sum is the sum of the ring. Plain data so that it can be
// stored as JSON and read back after a restart.

/** What every identity counts. A fixed list so that a bucket is a small array of numbers. */
export const METRICS = [
  'messages',
  'recipients',
  'newDomainRecipients',
  'newFromAddresses',
  'delivered',
  'bounced',
  'unknownRecipients',
  'complaints',
  /** Times the identity was named as a likely cause of a provider's block, and the sum of its share of the blame. */
  'blockNamings',
  'blockRisk',
  'refused',
  'held',
  'newLinkRecipients',
  /** Recipients of mail with a new link domain who are also at a domain the identity never wrote to. */
  'newLinkStrangers',
] as const;
export type Metric = (typeof METRICS)[number];
export type MetricCounts = Record<Metric, number>;
export type MetricDelta = Partial<MetricCounts>;

export interface Ring {
  /** Width of one bucket in milliseconds. */
  width: number;
  /** Index (time / width) of the newest bucket written. */
  head: number;
  /** buckets[i % length] holds one number per metric, in METRICS order. */
  buckets: number[][];
}

export function newRing(width: number, length: number): Ring {
  return { width, head: 0, buckets: Array.from({ length }, () => METRICS.map(() => 0)) };
}

/** Move the ring to `now`, zeroing buckets that fell out of the window. Time going backwards changes nothing. */
function advance(ring: Ring, now: number): void {
  const index = Math.floor(now / ring.width);
  if (index <= ring.head) return;
  const steps = Math.min(index - ring.head, ring.buckets.length);
  for (let s = 1; s <= steps; s++) ring.buckets[(index - steps + s) % ring.buckets.length]!.fill(0);
  ring.head = index;
}

export function addToRing(ring: Ring, now: number, delta: MetricDelta): void {
  advance(ring, now);
  const index = Math.floor(now / ring.width);
  // A late event (an older timestamp still inside the window) lands in its own bucket; older than the window: dropped.
  if (index <= ring.head - ring.buckets.length) return;
  const bucket = ring.buckets[index % ring.buckets.length]!;
  METRICS.forEach((m, i) => {
    // A bucket stored before a metric was added is shorter: the missing counts start at 0.
    bucket[i] = (bucket[i] ?? 0) + (delta[m] ?? 0);
  });
}

/** Sums over the window that ends at `now` (the ring's length times its width). */
export function ringSums(ring: Ring, now: number): MetricCounts {
  advance(ring, now);
  const sums = METRICS.map(() => 0);
  for (const bucket of ring.buckets) bucket.forEach((v, i) => (sums[i]! += v));
  return Object.fromEntries(METRICS.map((m, i) => [m, sums[i]!])) as MetricCounts;
}

/**
 * A ring that counts one number (a campaign's recipients, say): the same buckets with a single value each, so that
 * the window logic above is shared.
 */
export function newCountRing(width: number, length: number): Ring {
  return { width, head: 0, buckets: Array.from({ length }, () => [0]) };
}

export function addCount(ring: Ring, now: number, n: number): void {
  advance(ring, now);
  const index = Math.floor(now / ring.width);
  if (index <= ring.head - ring.buckets.length) return;
  ring.buckets[index % ring.buckets.length]![0]! += n;
}

export function countSum(ring: Ring, now: number): number {
  advance(ring, now);
  return ring.buckets.reduce((sum, b) => sum + b[0]!, 0);
}

export function zeroCounts(): MetricCounts {
  return Object.fromEntries(METRICS.map((m) => [m, 0])) as MetricCounts;
}
