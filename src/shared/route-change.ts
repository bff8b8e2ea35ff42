// A change of one route (source IP × provider): the routes stage makes it, the queue's event stream records it (on
// the timeline of the message whose reply caused it, else with no message), metrics and webhooks read it from there.
// Here, at the bottom, because both the routes and the queue (one layer) speak it.

/** Who puts a route in a state: a remote reply, an operator, the blocklist watch. */
export type RouteSetter = 'reaction' | 'operator' | 'blocklist';

/** What returns a route to ok: its pause ran out, its rate climbed back, an operator, a delisting. */
export type RouteEnder = 'timer' | 'recovery' | 'operator' | 'delisting';

export interface RouteChange {
  source: string;
  provider: string;
  /** slowed: the messages per minute now allowed; paused: epoch ms at which the pause ends (0 = until lifted). */
  rate?: number;
  until?: number;
  /**
   * Set: the classified explanation and the senders that made up the route's recent mail, the operator's reason or
   * the listing. Ended: why the route had been slowed or paused.
   */
  why: string;
  reply: string;
  by: RouteSetter | RouteEnder;
}
