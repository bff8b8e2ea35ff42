// The relay assembled: one database under dataDir, the queue and account stores on it, the delivery engine, then
// the SMTP listeners. Closing runs the other way round: stop accepting and let sessions in flight finish (their
// messages are queued durably), stop delivery after the sends in progress, flush the queue's last commit, close.
import { startListeners, type ListenerHandle } from './accept/index.js';
import { createSqliteAccountStore } from './accounts/sqlite-accounts.js';
import { builtinRules, classifyReply } from './classify/index.js';
import type { Config } from './config/schema.js';
import { acceptAllPolicy, type MessagePolicy } from './decide/types.js';
import { startDeliveryEngine } from './deliver/engine.js';
import { createSqliteQueueStore } from './queue/sqlite-store.js';
import type { Logger } from './shared/logger.js';
import { openDatabase } from './store/sqlite.js';

export interface Relay {
  ports: ListenerHandle['ports'];
  databaseFile: string;
  close(): Promise<void>;
}

export interface RelayOptions {
  config: Config;
  logger: Logger;
  /** The decide stage's policy; accept-all until content and behaviour scoring are wired in. */
  policy?: MessagePolicy;
}

export async function startRelay(opts: RelayOptions): Promise<Relay> {
  const { config, logger } = opts;
  const policy = opts.policy ?? acceptAllPolicy;
  builtinRules(); // a broken reply-rule file stops start-up here, not at the first bounce
  const db = openDatabase(config.storage.sqlitePath);
  const store = createSqliteQueueStore(db, config.storage);
  const accounts = createSqliteAccountStore(db);
  // Delivery first, so that it sees the very first message queued.
  const engine = startDeliveryEngine({ config, store, policy, logger: logger.child({ stage: 'deliver' }), classify: classifyReply });
  let listeners: ListenerHandle;
  try {
    listeners = await startListeners({ config, store, accounts, policy, logger });
  } catch (err) {
    await engine.close();
    await store.close();
    db.close();
    throw err;
  }
  let closed: Promise<void> | null = null;
  return {
    ports: listeners.ports,
    databaseFile: config.storage.sqlitePath,
    close() {
      closed ??= (async () => {
        await listeners.close();
        await engine.close();
        await store.close();
        db.close();
      })();
      return closed;
    },
  };
}
