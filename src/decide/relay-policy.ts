// The policy the relay runs: content scoring (with the enabled peer filters) feeding the behaviour-aware decision,
// both built from the configuration. The scorer runs on a worker thread (src/inspect/threaded-inspector.ts), which
// closes with the policy. One place, so the relay and the compromise simulation decide alike.
import type { Config } from '../config/schema.js';
import { createThreadedInspector } from '../inspect/threaded-inspector.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../store/sqlite.js';
import { createPolicy, type Policy } from './index.js';

export type RelayPolicy = Omit<Policy, 'close'> & { close(): Promise<void> };

export async function createRelayPolicy(opts: { config: Config; db: Db; logger: Logger; clock?: () => number }): Promise<RelayPolicy> {
  const inspector = await createThreadedInspector(opts.config.content);
  const policy = createPolicy({ ...opts, inspect: inspector.inspect });
  return {
    ...policy,
    async close() {
      policy.close();
      await inspector.close();
    },
  };
}
