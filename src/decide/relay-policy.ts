// The policy the relay runs: content scoring (with the enabled peer filters) feeding the behaviour-aware decision,
// both built from the configuration. One place, so the relay and the compromise simulation decide alike.
import type { Config } from '../config/schema.js';
import { createContentScorer } from '../inspect/content/index.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../store/sqlite.js';
import { createPolicy, type Policy } from './index.js';

export function createRelayPolicy(opts: { config: Config; db: Db; logger: Logger; clock?: () => number }): Policy {
  const scorer = createContentScorer(opts.config.content);
  return createPolicy({ ...opts, content: (raw, ctx) => scorer.check(raw, ctx) });
}
