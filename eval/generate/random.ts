// A seeded pseudo-random source for the mail generators: the same seed gives the same message on every machine.
// mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast and good enough to vary test content.

export interface Rand {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export function rand(seed: number): Rand {
  let a = (seed ^ 0x9e3779b9) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
  };
}

/** Seed ranges: rules and scores are designed looking only at DEV seeds; figures are reported on REPORT seeds. */
export const DEV_SEEDS = { first: 1, count: 1000 } as const;
export const REPORT_SEEDS = { first: 1_000_001, count: 1000 } as const;

export function seeds(range: { first: number; count: number }, count = range.count): number[] {
  return Array.from({ length: Math.min(count, range.count) }, (_, i) => range.first + i);
}
