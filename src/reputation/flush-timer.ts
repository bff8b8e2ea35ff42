// The timer behind the behaviour stores' batched writes (sqlite-counter-store.ts, window-journal.ts).

/**
 * Calls `flush` every `ms` (no timer when `ms` is 0: the caller flushes itself), without keeping the process alive.
 * The timer's flush must not throw: an exception in a timer ends the process, and a full disk would so stop the relay
 * with it. A failed batch is the caller's to keep (its pending writes stay pending), so the next flush writes it again.
 * Returns the timer's stop, or null when there is none.
 */
export function startFlushTimer(flush: () => void, ms: number): (() => void) | null {
  if (ms <= 0) return null;
  const timer = setInterval(() => {
    try {
      flush();
    } catch {
      // kept for the next flush (see above)
    }
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}
