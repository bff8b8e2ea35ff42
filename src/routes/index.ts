// Routing for the delivery engine: which source address a message leaves from, whether its route may carry it now,
// and what a refused delivery changes about the route. The engine asks `admit` before handing a message to the
// dispatcher and tells `observe` every reply; the decisions themselves are the pure functions of react.ts.
import type { Classification, Phase, ReplyInput } from '../classify/types.js';
import type { Config } from '../config/schema.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../store/sqlite.js';
import { poolOf, pickWeighted, type PoolMember } from './pools.js';
import { shapingOf } from './providers.js';
import { currentRate, nextRouteState, reactionTo, spentBy } from './react.js';
import { createShaper } from './shaper.js';
import { createRouteStore, type RouteStore } from './store.js';
import { DEFAULT_SOURCE, EVERY_PROVIDER, type RouteState } from './types.js';

/** The route a message was admitted to, and how the dispatcher should send over it. */
export interface Route {
  source: string;
  provider: string;
  /** Bind outgoing connections to this address and greet with this name (absent without pools). */
  localAddress?: string;
  ehloName?: string;
  /** 0 = the relay's general setting. */
  connections: number;
  messagesPerConnection: number;
}

export type Admission =
  | { kind: 'send'; route: Route }
  /** The route's rate allows the message in `ms`: hold it that long. */
  | { kind: 'wait'; ms: number }
  /** No route may carry it for a while: defer it until `until` with our own `reply`. */
  | { kind: 'defer'; until: number; reply: string };

export interface ObservedReply {
  rcpt: string;
  code: number | null;
  reply: string;
  phase?: Phase;
}

export interface Routing {
  /** Choose a route for one message of `account` to `provider`. */
  admit(account: string, provider: string): Admission;
  /** React to the replies of one send over `route`. */
  observe(route: Route, replies: readonly ObservedReply[], mx: string): Observation;
  /**
   * Read the route table again (an operator's change from another process) and end the states that are spent: a
   * pause whose time is up, a slowdown back at its full rate. `admit` does it at most once a second; the relay also
   * calls it on a timer, so that a route's recovery is heard while no mail is sent.
   */
  refresh(): void;
}

export interface Observation {
  /**
   * Per recipient, when it should be tried again when that differs from the retry schedule: at once after its IP was
   * paused (it goes out from another one), after the delay a greylisting server asked for.
   */
  retryAt: Map<string, number>;
  /** The route states the replies changed, each with the recipient whose reply changed it. */
  changes: Array<{ rcpt: string; state: RouteState }>;
}

/**
 * The identities a block of the relay names as its likely cause (the feedback stage's block suspects, the same list
 * as its `block-suspects` event): named in the `why` of the pause or slow-down it causes. None for a refusal that
 * blames no sender (a rate limit).
 */
export type BlockSuspects = (provider: string, block: Classification, at: number) => ReadonlyArray<{ identity: string; why: string }>;

export interface RoutingOptions {
  db: Db;
  /** The route table (the relay passes the one its transition listener hears); else one on `db`. */
  routes?: RouteStore;
  config: Config;
  logger: Logger;
  classify: (input: ReplyInput) => Classification;
  suspects?: BlockSuspects;
  clock?: () => number;
  random?: () => number;
}

/** How often the states are read again from the database, to pick up an operator's pause or resume. */
const RELOAD_MS = 1000;

const routeKey = (source: string, provider: string) => `${source}|${provider}`;

export function createRouting(opts: RoutingOptions): Routing {
  const { config, logger } = opts;
  const d = config.delivery;
  const clock = opts.clock ?? Date.now;
  const random = opts.random ?? Math.random;
  const settings = d.reactions;
  const store = opts.routes ?? createRouteStore(opts.db);
  const shaper = createShaper();
  let states = new Map<string, RouteState>();
  let loadedAt = -Infinity;

  function refresh(): void {
    loadedAt = performance.now();
    const now = clock();
    // A spent state leaves the table (an ok route has no record), and its end is heard as a transition.
    const live = store.all().filter((s) => {
      const end = spentBy(s, now, settings);
      if (end) store.end(s, end);
      return !end;
    });
    states = new Map(live.map((s) => [routeKey(s.source, s.provider), s]));
  }

  function reload(): void {
    if (performance.now() - loadedAt >= RELOAD_MS) refresh();
  }

  /** The state in force for a source toward a provider: a pause of the whole source first, then the route's own. */
  function stateOf(source: string, provider: string, now: number): RouteState | undefined {
    for (const key of [routeKey(source, EVERY_PROVIDER), routeKey(source, provider)]) {
      const s = states.get(key);
      if (s?.status === 'paused' && (s.until === 0 || s.until > now)) return s;
    }
    const own = states.get(routeKey(source, provider));
    return own?.status === 'slowed' && currentRate(own, now, settings) !== undefined ? own : undefined;
  }

  function candidates(account: string): PoolMember[] {
    const pool = poolOf(d.pools, d.accountPools, account);
    return pool.length > 0 ? [...pool] : [{ address: DEFAULT_SOURCE, ehlo: config.hostname, ptr: '', weight: 1 }];
  }

  function save(state: RouteState): void {
    store.put(state);
    states.set(routeKey(state.source, state.provider), state);
  }

  return {
    admit(account, provider) {
      const now = clock();
      reload();
      const all = candidates(account).map((m) => ({ m, state: stateOf(m.address, provider, now) }));
      const usable = all.filter((c) => c.state?.status !== 'paused');
      if (usable.length === 0) {
        const ends = all.map((c) => c.state!.until).filter((u) => u > 0);
        const until = ends.length > 0 ? Math.min(...ends) : now + settings.pauseMinutes * 60_000;
        const why = all[0]!.state!.why;
        return { kind: 'defer', until, reply: `451 4.7.0 [MW-ROUTE-PAUSED] every source address is paused toward ${provider} (${why})` };
      }
      // A clean address before a slowed one: mail moves away from an IP the provider already complained about.
      const clean = usable.filter((c) => !c.state);
      const chosen = pickWeighted((clean.length > 0 ? clean : usable).map((c) => c.m), random())!;
      const state = usable.find((c) => c.m === chosen)!.state;
      const shaping = shapingOf(provider, d.shaping);
      const slowed = state ? currentRate(state, now, settings) : undefined;
      const perMinute = slowed === undefined ? shaping.messagesPerMinute : Math.min(slowed, shaping.messagesPerMinute || Infinity);
      const key = routeKey(chosen.address, provider);
      const ms = shaper.take(key, { perMinute, perHour: shaping.messagesPerHour }, now);
      if (ms > settings.maxHoldS * 1000) {
        return { kind: 'defer', until: now + ms, reply: `451 4.7.0 [MW-ROUTE-SHAPED] ${provider} takes no more mail from ${chosen.address} for now` };
      }
      if (ms > 0) return { kind: 'wait', ms };
      return {
        kind: 'send',
        route: {
          source: chosen.address, provider, connections: shaping.connections, messagesPerConnection: shaping.messagesPerConnection,
          ...(chosen.address === DEFAULT_SOURCE ? {} : { localAddress: chosen.address, ehloName: chosen.ehlo }),
        },
      };
    },

    observe(route, replies, mx) {
      const retryAt = new Map<string, number>();
      const changes: Observation['changes'] = [];
      if (!d.reactions.enabled) return { retryAt, changes };
      const now = clock();
      const key = routeKey(route.source, route.provider);
      for (const r of replies) {
        if (r.code === null || r.code < 400) continue; // no reply at all says nothing about the route's reputation
        const c = opts.classify({ text: r.reply, phase: r.phase, ...(mx ? { mx } : {}) });
        const reaction = reactionTo(c, r.reply, settings);
        if (reaction.kind === 'retry-after') retryAt.set(r.rcpt, now + reaction.ms);
        if (reaction.kind === 'pause') retryAt.set(r.rcpt, now);
        if (reaction.kind !== 'slow' && reaction.kind !== 'pause') continue;
        const named = opts.suspects?.(route.provider, c, now) ?? [];
        const who = named.map((s) => `${s.identity}: ${s.why}`).join('; ');
        const next = nextRouteState(reaction, {
          source: route.source, provider: route.provider, now, current: states.get(key),
          measuredPerMinute: shaper.recentPerMinute(key, now), limitPerMinute: shapingOf(route.provider, d.shaping).messagesPerMinute,
          why: `${c.explanation}${who ? ` Suspects: ${who}.` : ''}`, reply: r.reply,
        }, settings);
        if (!next) continue;
        save(next);
        changes.push({ rcpt: r.rcpt, state: next });
        logger.warn(
          { event: `route-${next.status}`, source: next.source, provider: next.provider, until: next.until || undefined, rate: next.status === 'slowed' ? next.rate : undefined, reply: r.reply, suspects: named.map((s) => s.identity) },
          next.status === 'paused' ? `paused ${next.source} toward ${next.provider}` : `slowed ${next.source} toward ${next.provider}`,
        );
      }
      return { retryAt, changes };
    },

    refresh,
  };
}
