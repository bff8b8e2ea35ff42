// What the relay does about a classified reply, as pure functions: first the kind of reaction the reply calls for,
// then the route state it leads to. The reaction is the classification's `action` (decided in
// src/classify/reasons.ts from the reason, blame, scope and permanence), so that what `explain` and the rule files
// say the relay does is what it does.
import type { Classification } from '../classify/types.js';
import type { RouteState } from './types.js';

export type Reaction =
  /** Retry this message after `ms` (greylisting): nothing is wrong with the route. */
  | { kind: 'retry-after'; ms: number }
  /** The provider accepts less from this source IP: slow down. */
  | { kind: 'slow' }
  /** The provider refuses this source IP: stop using it toward the provider and send from another one. */
  | { kind: 'pause' }
  | { kind: 'none' };

export interface ReactionSettings {
  /** Multiplicative decrease of the rate at each rate-limit reply (AIMD). */
  slowFactor: number;
  /** Minutes for a slowed route to climb back to its ceiling, in equal steps per minute (additive increase). */
  recoveryMinutes: number;
  /** Length of a pause after an IP block. */
  pauseMinutes: number;
  /** Greylisting delay when the reply does not say how long to wait. */
  greylistDelayS: number;
}

/** "try again in 300 seconds", "retry in 5 minutes": the wait a greylisting server asks for. */
function askedDelayMs(text: string): number | undefined {
  const m = /\b(\d{1,5})\s*(s|sec|secs|seconds?|m|min|mins|minutes?)\b/i.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * (m[2]!.toLowerCase().startsWith('m') ? 60_000 : 1000);
}

/** The reaction a reply calls for. `reply` is its text (for a greylisting delay). */
export function reactionTo(c: Classification, reply: string, s: ReactionSettings): Reaction {
  switch (c.action) {
    case 'retry-later':
      return { kind: 'retry-after', ms: askedDelayMs(reply) ?? s.greylistDelayS * 1000 };
    case 'slow-down':
      return { kind: 'slow' };
    case 'pause-route':
      return { kind: 'pause' };
    case 'none':
    case 'retry':
    case 'bounce':
      return { kind: 'none' };
    default: {
      const never: never = c.action;
      throw new Error(`unhandled action ${String(never)}`);
    }
  }
}

/**
 * The rate a slowed route allows at `now`: it climbs from `rate` back to `ceiling` in `recoveryMinutes` equal steps,
 * one per whole minute since the slowdown; `undefined` once it is back (the route is ok again).
 */
export function currentRate(state: RouteState, now: number, s: ReactionSettings): number | undefined {
  if (state.status !== 'slowed') return undefined;
  const minutes = Math.floor(Math.max(0, now - state.since) / 60_000);
  const step = (state.ceiling - state.rate) / Math.max(1, s.recoveryMinutes);
  const rate = state.rate + step * minutes;
  return rate >= state.ceiling ? undefined : rate;
}

/** Whether a state has run its course: a pause whose time is up ('timer'), a slowdown back at its ceiling ('recovery'). */
export function spentBy(state: RouteState, now: number, s: ReactionSettings): 'timer' | 'recovery' | undefined {
  if (state.status === 'paused') return state.until !== 0 && state.until <= now ? 'timer' : undefined;
  return currentRate(state, now, s) === undefined ? 'recovery' : undefined;
}

export interface RouteContext {
  source: string;
  provider: string;
  now: number;
  /** The route's state before this reply (undefined when ok). */
  current: RouteState | undefined;
  /** Messages per minute the route carried lately, and its configured limit (0 = none). */
  measuredPerMinute: number;
  limitPerMinute: number;
  why: string;
  reply: string;
}

/** The route's new state after a reaction; `undefined` when the reaction leaves the route as it is. */
export function nextRouteState(r: Reaction, ctx: RouteContext, s: ReactionSettings): RouteState | undefined {
  const { current, now } = ctx;
  const base = { source: ctx.source, provider: ctx.provider, since: now, why: ctx.why, reply: ctx.reply, by: 'reaction' as const };
  if (r.kind === 'pause') {
    // A pause in force is not shortened; a longer one (an operator's, a listing's) is kept as it is.
    const until = now + s.pauseMinutes * 60_000;
    if (current?.status === 'paused' && (current.until === 0 || current.until >= until)) return undefined;
    return { ...base, status: 'paused', until, rate: 0, ceiling: 0 };
  }
  if (r.kind === 'slow') {
    if (current?.status === 'paused') return undefined;
    // Once per minute at most: the replies to messages already in flight at the slowdown are not news (as TCP halves
    // its window once per round trip, not once per lost packet).
    if (current?.status === 'slowed' && now - current.since < 60_000) return undefined;
    // Multiplicative decrease of the rate the route is allowed now: its current slowed rate, else its limit, else
    // (no limit) what it was measured to send. The ceiling stays where the first slowdown found it.
    const running = current ? (currentRate(current, now, s) ?? current.ceiling) : ctx.limitPerMinute || ctx.measuredPerMinute;
    const ceiling = current?.ceiling ?? Math.max(1, ctx.limitPerMinute || running);
    const rate = Math.max(1, Math.max(1, running) * s.slowFactor);
    return { ...base, status: 'slowed', until: 0, rate, ceiling };
  }
  return undefined;
}
