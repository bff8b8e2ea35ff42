// The relay assembled: one database under dataDir, the queue and account stores on it, the delivery engine, the
// SMTP listeners, then the admin listener (metrics see every event from the first message on). Closing runs the other
// way round: stop the admin listener, stop accepting and let sessions in flight finish (their messages are queued
// durably), stop delivery after the sends in progress, flush the queue's last commit, close.
import { startListeners, type ListenerHandle } from './accept/index.js';
import { byteBudget } from './shared/byte-budget.js';
import { createSqliteAccountStore } from './accounts/sqlite-accounts.js';
import { builtinRules, classifyReply } from './classify/index.js';
import { join } from 'node:path';
import type { Config } from './config/schema.js';
import { createRelayPolicy } from './decide/relay-policy.js';
import { acceptAllPolicy, type MessagePolicy } from './decide/types.js';
import { startDeliveryEngine } from './deliver/engine.js';
import { createStsCacheStore } from './mtasts/cache-store.js';
import { loadTlsMaterial, loadTraceSecret } from './accept/secrets.js';
import { stampRecipient } from './accept/trace.js';
import { createFeedback } from './feedback/index.js';
import type { FeedbackListener } from './feedback/listener.js';
import { createOperate } from './operate/index.js';
import type { AdminServer } from './operate/server.js';
import { startRetention } from './operate/retention.js';
import { startLocalLearning } from './learn/local-model.js';
import type { TimelineEvent } from './queue/events.js';
import { createQueueDepth } from './queue/sqlite-depth.js';
import { claimDataDir, warnLoosePermissions } from './queue/data-dir.js';
import { createSqliteQueueStore } from './queue/sqlite-store.js';
import { startBlocklistWatch } from './routes/blocklists.js';
import { createRouting } from './routes/index.js';
import { createRouteStore } from './routes/store.js';
import { recordRouteTransitions } from './deliver/route-events.js';
import { dkimDir } from './dkim/keys.js';
import { createSigner } from './dkim/sign.js';
import type { Logger } from './shared/logger.js';
import { openDatabase } from './store/sqlite.js';

/** How often the relay looks for route states that ran their course (and for an operator's change from the CLI). */
const ROUTE_REFRESH_MS = 1000;

export interface Relay {
  ports: ListenerHandle['ports'] & { admin?: number; feedback?: number };
  databaseFile: string;
  /** The queue's committed events, in commit order (for an embedding program: the demo's live view). */
  onEvents(listener: (events: TimelineEvent[]) => void): void;
  close(): Promise<void>;
}

export interface RelayOptions {
  config: Config;
  logger: Logger;
  /**
   * The decide stage's policy. By default it is built from the configuration: content scoring and the sender's
   * reputation when `policy.enabled` (the default), accept-all when not. Tests pass their own to provoke chosen verdicts.
   */
  policy?: MessagePolicy;
}

export async function startRelay(opts: RelayOptions): Promise<Relay> {
  const { config, logger } = opts;
  builtinRules(); // a broken reply-rule file stops start-up here, not at the first bounce
  const claim = claimDataDir(config.dataDir); // before anything is written: a second relay stops here
  const file = config.storage.sqlitePath;
  let db;
  try {
    db = openDatabase(file);
  } catch (err) {
    claim.release();
    throw err;
  }
  warnLoosePermissions([config.dataDir, file, `${file}-wal`, `${file}-shm`, join(config.dataDir, 'trace-secret'), join(config.dataDir, 'tls'), ...(config.log.file ? [config.log.file] : [])], logger);
  const store = createSqliteQueueStore(db, config.storage, { sampleRate: config.content.learning.sampleRate });
  const accounts = createSqliteAccountStore(db);
  const queueDepth = createQueueDepth(db);
  // Its reputation reads the same committed events as metrics (delivery outcomes), from the first message on.
  const ownPolicy = opts.policy || !config.policy.enabled ? null : await createRelayPolicy({ config, db, events: store, logger: logger.child({ stage: 'decide' }) });
  const traceSecret = loadTraceSecret(config);
  const feedback = createFeedback({
    config, db, store, secret: traceSecret, logger: logger.child({ stage: 'feedback' }),
    ...(ownPolicy ? { reputation: ownPolicy.reputation } : {}),
  });
  // The rates' denominators and in-band hard bounces come from the same committed outcome events.
  store.onEvents(feedback.onEvents);
  // Reports `feedback import` hands over while this relay runs: counted here, where metrics and webhooks live.
  const inbox = feedback.startInbox();
  const deliverLogger = logger.child({ stage: 'deliver' });
  // One route table for routing, the blocklist watch and the operator's actions: each of its transitions becomes an
  // event of the queue's stream (a reply's own change is written with its message by the delivery stage).
  const routes = createRouteStore(db, { onTransition: recordRouteTransitions(store, deliverLogger) });
  const operate = config.admin.enabled
    ? createOperate({ config, db, store, accounts, queueDepth, logger: logger.child({ stage: 'operate' }), feedback: feedback.intake, routes })
    : null;
  const retention = startRetention(db, config.retention, logger.child({ stage: 'retention' }));
  const learning = startLocalLearning(db, config.content.learning, config.dataDir, logger.child({ stage: 'learn' }));
  const basePolicy = opts.policy ?? ownPolicy ?? acceptAllPolicy;
  const policy = operate ? operate.wrapPolicy(basePolicy) : basePolicy;
  // Delivery first, so that it sees the very first message queued.
  // A pause names the block's suspects as the feedback stage's block-suspects event does: one computation.
  const routing = createRouting({ db, routes, config, logger: deliverLogger, classify: classifyReply, suspects: feedback.blockSuspects });
  routing.refresh(); // what ended while the relay was down ends now
  const routeTimer = setInterval(routing.refresh, ROUTE_REFRESH_MS);
  routeTimer.unref();
  const blocklists = startBlocklistWatch({ db, routes, config, logger: deliverLogger, checkAtStart: true });
  const sign = createSigner(dkimDir(config.dataDir), (err, domain) => deliverLogger.error({ event: 'dkim-failed', domain, err: err.message }, 'could not sign'));
  const stsCache = createStsCacheStore(db);
  stsCache.prune(Date.now());
  const engine = startDeliveryEngine({
    config, store, logger: deliverLogger, classify: classifyReply, returnPath: feedback.returnPath, routing, sign, stsCache,
    forRecipient: (raw, m, rcpt) => stampRecipient(raw, config.identity.traceHeader, m.id, m.identity, rcpt, traceSecret),
  });
  let listeners: ListenerHandle | null = null;
  let admin: AdminServer | null = null;
  let reports: FeedbackListener | null = null;
  try {
    const dataBudget = byteBudget(config.limits.maxBytesInFlight);
    listeners = await startListeners({ config, store, accounts, policy, logger, feedback: feedback.accept, dataBudget });
    if (config.feedback.listener.enabled) reports = await feedback.startListener(await loadTlsMaterial(config, logger), dataBudget);
    if (operate) admin = await operate.start();
  } catch (err) {
    clearInterval(routeTimer);
    retention.stop();
    learning.stop();
    await operate?.close();
    await reports?.close();
    await listeners?.close();
    await engine.close();
    await blocklists.close();
    inbox.stop();
    feedback.close();
    await store.close();
    await ownPolicy?.close();
    db.close();
    claim.release();
    throw err;
  }
  const running = listeners;
  const reportListener = reports;
  let closed: Promise<void> | null = null;
  return {
    ports: { ...running.ports, ...(admin ? { admin: admin.port } : {}), ...(reportListener ? { feedback: reportListener.port } : {}) },
    databaseFile: config.storage.sqlitePath,
    onEvents: (listener) => store.onEvents(listener),
    close() {
      closed ??= (async () => {
        clearInterval(routeTimer);
        retention.stop();
        learning.stop();
        await operate?.close();
        await reportListener?.close();
        await running.close();
        await engine.close();
        await blocklists.close();
        await store.close(); // its last events reach reputation before reputation writes its last batch
        await ownPolicy?.close();
        inbox.stop();
        feedback.close();
        db.close();
        claim.release();
      })();
      return closed;
    },
  };
}
