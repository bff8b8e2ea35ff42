// The live state of one sender identity and of one login, as plain data: what the counter store keeps in memory and
// writes to disk. The functions here are the only ones that mutate it.
import { newBaseline, newPeriod, rollover, type Baseline, type Period } from './baseline.js';
import { newRing, type Ring } from './ring.js';

/** Known recipient domains and From addresses per identity are bounded; the least recently used are forgotten. */
export const MAX_KNOWN_DOMAINS = 5000;
export const MAX_KNOWN_FROMS = 200;
export const MAX_KNOWN_NETWORKS = 100;
export const MAX_KNOWN_LINKS = 1000;
/** Refused or held messages kept per identity for `senders show` (the log has every one). */
export const MAX_REFUSALS = 10;
/** New identities of a login remembered for the per-hour cap (more than any sane cap). */
export const MAX_NEW_IDENTITIES = 1000;

/** A refused or held message as `senders show` lists it: enough to find it in the log and to tell the customer why. */
export interface RefusalRecord {
  /** The queue id (held mail) or the refusal's id (the same form; named in the SMTP reply and the log line). */
  id: string;
  at: number;
  verdict: string;
  code: string;
  from: string;
  to: string[];
  subject: string;
  /** The evidence that counted, in words. */
  why: string[];
}

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
  /** Domains its links led to -> first used (kept in least-recently-used order, like recipient domains). */
  links: Map<string, number>;
  /** Latest refused or held messages, newest last. */
  refusals: RefusalRecord[];
  /**
   * On a login's aggregate state only (key `account/*`): identities first seen in the last hour, with when, oldest
   * first (the per-login cap on new identities).
   */
  newIdentities: Array<[string, number]>;
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
    links: new Map(),
    refusals: [],
    newIdentities: [],
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

/** Record when `value` was first used (kept while it stays in use); evicts the least recently used past `max`. */
export function firstUse(known: Map<string, number>, value: string, now: number, max: number): void {
  const first = known.get(value) ?? now;
  known.delete(value);
  known.set(value, first);
  if (known.size > max) known.delete(known.keys().next().value!);
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
  return JSON.stringify({ ...s, domains: [...s.domains], froms: [...s.froms], links: [...s.links] });
}

export function identityFromJson(json: string): IdentityState {
  type Stored = Omit<IdentityState, 'domains' | 'froms' | 'links'> & { domains: [string, number][]; froms: [string, number][]; links?: [string, number][] };
  const raw = JSON.parse(json) as Stored;
  // Rows written before links, refusals and new identities were kept start with none.
  return {
    ...raw,
    baseline: { ...raw.baseline, peakRepeatDay: raw.baseline.peakRepeatDay ?? 0 },
    period: { ...raw.period, dayPeakRepeatDay: raw.period.dayPeakRepeatDay ?? 0 },
    domains: new Map(raw.domains),
    froms: new Map(raw.froms),
    links: new Map(raw.links ?? []),
    refusals: raw.refusals ?? [],
    newIdentities: raw.newIdentities ?? [],
  };
}

export function loginToJson(s: LoginState): string {
  return JSON.stringify({ ...s, networks: [...s.networks], flagged: [...s.flagged] });
}

export function loginFromJson(json: string): LoginState {
  type Flags = LoginState['flagged'] extends Map<string, infer V> ? V : never;
  const raw = JSON.parse(json) as { name: string; networks: [string, number][]; failures: number[]; flagged: [string, Flags][] };
  return { name: raw.name, networks: new Map(raw.networks), failures: raw.failures, flagged: new Map(raw.flagged) };
}
