// The policy the relay runs, assembled in one place so that the relay and the compromise simulation decide alike:
// the sender's reputation (fed by the queue's committed events) and content scoring (with the enabled peer filters)
// on a worker thread (src/inspect/threaded-inspector.ts), feeding the decision. Both close with the policy.
import type { Config } from '../config/schema.js';
import { createThreadedInspector } from '../inspect/threaded-inspector.js';
import { localModelPath } from '../learn/local-model.js';
import { createReputation, type Reputation, type ReputationOptions } from '../reputation/index.js';
import type { Logger } from '../shared/logger.js';
import { createPolicy } from './index.js';
import type { MessagePolicy } from './types.js';

export type RelayPolicy = MessagePolicy & {
  /** The sender reputation this policy decides with: reports traced to a sender (complaints, late bounces) go here. */
  reputation: Reputation;
  /** Stop the inspection thread and write reputation's last batch: after the queue store closed (its last events). */
  close(): Promise<void>;
};

export async function createRelayPolicy(opts: ReputationOptions & { config: Config; logger: Logger }): Promise<RelayPolicy> {
  const inspector = await createThreadedInspector(opts.config.content, opts.config.storage.sqlitePath, localModelPath(opts.config.dataDir));
  const reputation = createReputation(opts);
  return {
    ...createPolicy({ config: opts.config, reputation, logger: opts.logger, inspect: inspector.inspect }),
    reputation,
    async close() {
      reputation.close();
      await inspector.close();
    },
  };
}
