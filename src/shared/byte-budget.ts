// A budget of bytes held in memory at once (messages in DATA): memory is bounded by bytes, since one 25 MB message
// weighs what thousands of small ones do and a count of messages bounds nothing.

export interface ByteBudget {
  readonly limit: number;
  /** Bytes taken and not given back. */
  used(): number;
  /** Take `n` bytes; false, and nothing taken, when that would go past the limit. */
  tryTake(n: number): boolean;
  give(n: number): void;
}

export function byteBudget(limit: number): ByteBudget {
  let used = 0;
  return {
    limit,
    used: () => used,
    tryTake(n) {
      if (used + n > limit) return false;
      used += n;
      return true;
    },
    give(n) {
      used = Math.max(0, used - n);
    },
  };
}
