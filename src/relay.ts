// The relay assembled: one database under dataDir, the queue and account stores on it, the delivery engine, the
// SMTP listeners, then the admin listener (metrics see every event from the first message on). Closing runs the other
// way round: stop the admin listener, stop accepting and let sessions in flight finish (their messages are queued
// durably), stop delivery after the sends in progress, flush the queue's last commit, close.
import { startListeners, type ListenerHandle } from './accept/index.js';
import { createSqliteAccountStore } from './accounts/sqlite-accounts.js';
import { builtinRules, classifyReply } from './classify/index.js';
import type { Config } from './config/schema.js';
import { createRelayPolicy } from './decide/relay-policy.js';
import { acceptAllPolicy, type MessagePolicy } from './decide/types.js';
import { startDeliveryEngine } from './deliver/engine.js';
import { createOperate } from './operate/index.js';
import type { AdminServer } from './operate/server.js';
import { startRetention } from './operate/retention.js';
import { createQueueDepth } from './queue/sqlite-depth.js';
import { createSqliteQueueStore } from './queue/sqlite-store.js';
import type { Logger } from './shared/logger.js';
import { openDatabase } from './store/sqlite.js';

export interface Relay {
  ports: ListenerHandle['ports'] & { admin?: number };
  databaseFile: string;
  close(): Promise<void>;
}

export interface RelayOptions {
  config: Config;
  logger: Logger;
  /**
   * The decide stage's policy. By default it is built from the configuration: content scoring and sender behaviour
   * when `policy.enabled` (the default), accept-all when not. Tests pass their own to provoke chosen verdicts.
   */
  policy?: MessagePolicy;
}

export async function startRelay(opts: RelayOptions): Promise<Relay> {
  const { config, logger } = opts;
  builtinRules(); // a broken reply-rule file stops start-up here, not at the first bounce
  const db = openDatabase(config.storage.sqlitePath);
  const store = createSqliteQueueStore(db, config.storage);
  const accounts = createSqliteAccountStore(db);
  const queueDepth = createQueueDepth(db);
  const operate = config.admin.enabled ? createOperate({ config, db, store, accounts, queueDepth, logger: logger.child({ stage: 'operate' }) }) : null;
  const retention = startRetention(db, config.retention, logger.child({ stage: 'retention' }));
  const ownPolicy = opts.policy ? null : config.policy.enabled ? await createRelayPolicy({ config, db, logger: logger.child({ stage: 'decide' }) }) : null;
  const basePolicy = opts.policy ?? ownPolicy ?? acceptAllPolicy;
  const policy = operate ? operate.wrapPolicy(basePolicy) : basePolicy;
  // Delivery first, so that it sees the very first message queued.
  const engine = startDeliveryEngine({ config, store, policy, logger: logger.child({ stage: 'deliver' }), classify: classifyReply });
  let listeners: ListenerHandle | null = null;
  let admin: AdminServer | null = null;
  try {
    listeners = await startListeners({ config, store, accounts, policy, logger });
    if (operate) admin = await operate.start();
  } catch (err) {
    retention.stop();
    await operate?.close();
    await listeners?.close();
    await engine.close();
    await ownPolicy?.close();
    await store.close();
    db.close();
    throw err;
  }
  const running = listeners;
  let closed: Promise<void> | null = null;
  return {
    ports: { ...running.ports, ...(admin ? { admin: admin.port } : {}) },
    databaseFile: config.storage.sqlitePath,
    close() {
      closed ??= (async () => {
        retention.stop();
        await operate?.close();
        await running.close();
        await engine.close();
        await ownPolicy?.close(); // writes the behaviour counters' last batch before the final commit
        await store.close();
        db.close();
      })();
      return closed;
    },
  };
}
