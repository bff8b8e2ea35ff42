// The state of one route: what the relay sends from one source IP to one provider.
import type { RouteEnder, RouteSetter } from '../shared/route-change.js';

/** 'ok' is the absence of a record: only slowed and paused routes are stored. */
export type RouteStatus = 'ok' | 'slowed' | 'paused';

/** Who put the route in its state. */
export type RouteCause = RouteSetter;

/** Provider name of a route that covers every destination of a source IP (a blocklist listing, an operator's pause). */
export const EVERY_PROVIDER = '*';

/** The source address of mail sent without a pool: the operating system picks the address. */
export const DEFAULT_SOURCE = 'default';

export interface RouteState {
  source: string;
  provider: string;
  status: Exclude<RouteStatus, 'ok'>;
  since: number;
  /** Paused: epoch ms at which the pause ends; 0 means until lifted (an operator, a delisting). */
  until: number;
  /** Slowed: messages per minute allowed at `since`, and the rate it climbs back to before the route is ok again. */
  rate: number;
  ceiling: number;
  why: string;
  /** The remote reply that caused it ('' for an operator's or a blocklist's decision). */
  reply: string;
  by: RouteCause;
}

/**
 * One change of a route's state, as the route table's listener hears it: a state set (`after`, by its `by`; `before`
 * undefined when the route was ok) or a state ended (`before`, by what ended it; the route is ok again).
 */
export type RouteTransition =
  | { at: number; before?: RouteState; after: RouteState; cause: RouteCause }
  | { at: number; before: RouteState; after?: undefined; cause: RouteEnder };
