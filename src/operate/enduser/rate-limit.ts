// A fixed-window request counter per client address for the public end-user pages: enough to stop a script from
// walking tokens or flooding review requests. Bounded: the table is cleared when the window turns.
export function createRateLimit(perMinute: number, clock: () => number) {
  let window = -1;
  const seen = new Map<string, number>();
  return (client: string): boolean => {
    const w = Math.floor(clock() / 60_000);
    if (w !== window) {
      window = w;
      seen.clear();
    }
    const n = (seen.get(client) ?? 0) + 1;
    seen.set(client, n);
    return n <= perMinute;
  };
}
