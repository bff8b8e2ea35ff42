// A change of one route (source IP × provider) caused by a remote reply: the routes stage decides it, the queue's
// timeline records it on the message whose reply it was, metrics and webhooks read it from there. Here, at the
// bottom, because both the routes and the queue (one layer) speak it.

export interface RouteChange {
  source: string;
  provider: string;
  /** slowed: the messages per minute now allowed; paused: epoch ms at which the pause ends. */
  rate?: number;
  until?: number;
  /** The classified explanation and the senders that made up the route's recent mail. */
  why: string;
  reply: string;
}
