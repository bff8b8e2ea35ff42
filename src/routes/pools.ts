// Source addresses: the pools of IPs mail leaves from, which pool an account uses, and the choice of one address
// for a message. Warm-up weights make a new IP carry a small share until its reputation is built.

export interface PoolMember {
  address: string;
  /** Our name in EHLO from this address; it should match the address's PTR. */
  ehlo: string;
  /** The PTR the address should have (informational: `mailwarden routes` shows it). */
  ptr: string;
  /** Relative share of the pool's mail (a warming IP starts low). */
  weight: number;
}

export type Pools = Readonly<Record<string, readonly PoolMember[]>>;

/** The pool of an account: its own entry, else the '*' entry, else the pool named 'default'; none when no pools. */
export function poolOf(pools: Pools, accountPools: Readonly<Record<string, string>>, account: string): readonly PoolMember[] {
  const name = accountPools[account] ?? accountPools['*'] ?? 'default';
  return pools[name] ?? [];
}

/** One member by weight; `random` in [0, 1). Members of weight 0 are chosen only when all have weight 0. */
export function pickWeighted(members: readonly PoolMember[], random: number): PoolMember | undefined {
  const total = members.reduce((s, m) => s + m.weight, 0);
  if (total <= 0) return members[Math.floor(random * members.length)];
  let left = random * total;
  for (const m of members) {
    left -= m.weight;
    if (left < 0) return m;
  }
  return members[members.length - 1];
}
