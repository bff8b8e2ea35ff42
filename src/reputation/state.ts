// The live state of one sender identity and of one login, as plain data: what the counter store keeps in memory and
// writes to disk. The functions here are the only ones that mutate it.
import { newBaseline, newPeriod, rollover, type Baseline, type Period } from './baseline.js';
import { newRing, type Ring } from './ring.js';

/** Known recipient domains and From addresses per identity are bounded; the least recently used are forgotten. */
export const MAX_KNOWN_DOMAINS = 5000;
export const MAX_KNOWN_FROMS = 200;
export const MAX_KNOWN_NETWORKS = 100;

export interface IdentityState {
  key: string;
  firstSeen: number;
  lastSeen: number;
  /**
   * Last minute in 12 five-second buckets (attempts as they are judged: messages and recipients), last hour in 60
   * one-minute buckets and last day in 24 one-hour buckets (accepted mail and its outcomes).
   */
  minute: Ring;
  hour: Ring;
  day: Ring;
  baseline: Baseline;
  period: Period;
  /** Recipient domain / From address -> last used (epoch ms); Map order is least recently used first. */
  domains: Map<string, number>;
  froms: Map<string, number>;
}

export interface LoginState {
  name: string;
  /** Client networks (/24, /64) that authenticated successfully -> last seen. */
  networks: Map<string, number>;
  /** Times of recent AUTH failures (bounded by the failure window). */
  failures: number[];
  /** Client IP -> signals that hold for a while after a suspicious AUTH: name and until when. */
  flagged: Map<string, { signal: 'new-network' | 'auth-failures'; until: number; detail: string }[]>;
}

export function newIdentityState(key: string, now: number): IdentityState {
  return {
    key,
    firstSeen: now,
    lastSeen: now,
    minute: newRing(5_000, 12),
    hour: newRing(60_000, 60),
    day: newRing(3_600_000, 24),
    baseline: newBaseline(),
    period: newPeriod(now),
    domains: new Map(),
    froms: new Map(),
  };
}

export function newLoginState(name: string): LoginState {
  return { name, networks: new Map(), failures: [], flagged: new Map() };
}

/** Bring the identity's baseline up to `now` (folding hours and days that ended). */
export function touch(state: IdentityState, now: number): void {
  rollover(state.baseline, state.period, now);
  state.lastSeen = Math.max(state.lastSeen, now);
}

/** Record `value` as used at `now`; returns whether it was new. Evicts the least recently used past `max`. */
export function remember(known: Map<string, number>, value: string, now: number, max: number): boolean {
  const isNew = !known.has(value);
  known.delete(value);
  known.set(value, now);
  if (known.size > max) known.delete(known.keys().next().value!);
  return isNew;
}

// JSON forms: Maps become entry arrays.
export function identityToJson(s: IdentityState): string {
  return JSON.stringify({ ...s, domains: [...s.domains], froms: [...s.froms] });
}

export function identityFromJson(json: string): IdentityState {
  const raw = JSON.parse(json) as Omit<IdentityState, 'domains' | 'froms'> & { domains: [string, number][]; froms: [string, number][] };
  return { ...raw, domains: new Map(raw.domains), froms: new Map(raw.froms) };
}

export function loginToJson(s: LoginState): string {
  return JSON.stringify({ ...s, networks: [...s.networks], flagged: [...s.flagged] });
}

export function loginFromJson(json: string): LoginState {
  type Flags = LoginState['flagged'] extends Map<string, infer V> ? V : never;
  const raw = JSON.parse(json) as { name: string; networks: [string, number][]; failures: number[]; flagged: [string, Flags][] };
  return { name: raw.name, networks: new Map(raw.networks), failures: raw.failures, flagged: new Map(raw.flagged) };
}
