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
import { countRefusals } from './operate/count-refusals.js';
import { createMetrics } from './operate/metrics.js';
import { startAdminServer, type AdminServer } from './operate/server.js';
import { createTokenStore } from './operate/tokens.js';
import { createQueueDepth } from './queue/sqlite-depth.js';
import { createSqliteQueueStore } from './queue/sqlite-store.js';
import { startBlocklistWatch } from './routes/blocklists.js';
import { createRouting } from './routes/index.js';
import { dkimDir } from './dkim/keys.js';
import { createSigner } from './dkim/sign.js';
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
  const metrics = config.admin.enabled ? createMetrics(queueDepth) : null;
  if (metrics) store.onEvents(metrics.record);
  const ownPolicy = opts.policy ? null : config.policy.enabled ? await createRelayPolicy({ config, db, logger: logger.child({ stage: 'decide' }) }) : null;
  const basePolicy = opts.policy ?? ownPolicy ?? acceptAllPolicy;
  const policy = metrics ? countRefusals(basePolicy, metrics.refused) : basePolicy;
  // Delivery first, so that it sees the very first message queued.
  const deliverLogger = logger.child({ stage: 'deliver' });
  const routing = createRouting({ db, config, logger: deliverLogger, classify: classifyReply });
  const blocklists = startBlocklistWatch({ db, config, logger: deliverLogger, checkAtStart: true });
  const sign = createSigner(dkimDir(config.dataDir), (err, domain) => deliverLogger.error({ event: 'dkim-failed', domain, err: err.message }, 'could not sign'));
  const engine = startDeliveryEngine({ config, store, policy, logger: deliverLogger, classify: classifyReply, routing, sign });
  let listeners: ListenerHandle | null = null;
  let admin: AdminServer | null = null;
  try {
    listeners = await startListeners({ config, store, accounts, policy, logger });
    if (metrics) {
      admin = await startAdminServer({
        config: config.admin, store, accounts, tokens: createTokenStore(db), metrics, probeQueue: queueDepth,
        logger: logger.child({ stage: 'operate' }),
      });
    }
  } catch (err) {
    await listeners?.close();
    await engine.close();
    await blocklists.close();
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
        await admin?.close();
        await running.close();
        await engine.close();
        await blocklists.close();
        await ownPolicy?.close(); // writes the behaviour counters' last batch before the final commit
        await store.close();
        db.close();
      })();
      return closed;
    },
  };
}
