// The operate side assembled for one relay: metrics, the overview's flow, webhooks, the audit log, the end user's
// links, and the admin listener that serves them. The relay creates it before its listeners (so that every event
// and refusal is seen), wraps its policy with it, then starts the admin listener.
import { loadTraceSecret } from '../accept/secrets.js';
import type { AccountStore } from '../accounts/types.js';
import type { Config } from '../config/schema.js';
import type { MessagePolicy } from '../decide/types.js';
import type { Intake } from '../feedback/intake.js';
import { createSuppressionList } from '../feedback/suppressions.js';
import type { LiveState } from '../queue/sqlite-depth.js';
import { recentEvents } from '../queue/sqlite-search.js';
import type { QueueStore } from '../queue/store.js';
import { thresholdsFor } from '../reputation/index.js';
import { createRouteStore, type RouteStore } from '../routes/store.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../store/sqlite.js';
import { createHmac } from 'node:crypto';
import { createActions } from './actions.js';
import { createAuditLog } from './audit.js';
import { countRefusals } from './count-refusals.js';
import { createDecideData } from './data/decide.js';
import { createNotices } from './enduser/notices.js';
import { withEndUserLinks } from './enduser/refusal-links.js';
import { createFlow, FLOW_EVENT_TYPES } from './flow.js';
import { createMetrics } from './metrics.js';
import { startAdminServer, type AdminServer } from './server.js';
import { createTokenStore } from './tokens.js';
import { startWebhookDispatcher } from './webhooks/dispatcher.js';
import { createWebhookStore } from './webhooks/store.js';

export interface OperateOptions {
  config: Config;
  db: Db;
  store: QueueStore;
  accounts: AccountStore;
  queueDepth: () => Record<LiveState, number>;
  logger: Logger;
  clock?: () => number;
  /** The feedback stage's intake, for reports posted to /api/v1/feedback. */
  feedback?: Intake;
  /** The relay's route table (its transitions are events); else one on `db`. */
  routes?: RouteStore;
}

/** The base URL of end-user links: the configured one, or the admin listener's own address (its port once bound). */
function linkBase(config: Config, port: number): string {
  const host = config.admin.host.includes(':') ? `[${config.admin.host}]` : config.admin.host;
  const base = config.enduser.baseUrl || `http://${host}:${port}/`;
  return base.endsWith('/') ? base : `${base}/`;
}

export function createOperate(opts: OperateOptions) {
  const { config, db, store, logger } = opts;
  const clock = opts.clock ?? Date.now;
  const metrics = createMetrics(opts.queueDepth);
  const flow = createFlow(clock);
  flow.record(recentEvents(db, clock() - 86_400_000, FLOW_EVENT_TYPES)); // the last day, so a restart keeps the chart
  const webhooks = createWebhookStore(db);
  const dispatcher = startWebhookDispatcher({ store: webhooks, config: config.webhooks, registry: metrics.registry, logger: logger.child({ stage: 'webhooks' }), clock });
  store.onEvents(metrics.record);
  store.onEvents(flow.record);
  store.onEvents(dispatcher.record);
  const audit = createAuditLog(db);
  const decide = createDecideData(db, config, store);
  const routes = opts.routes ?? createRouteStore(db);
  const suppressions = createSuppressionList(db);
  const actions = createActions({
    store, accounts: opts.accounts, decide, audit, publish: dispatcher.publish, webhooks, webhooksChanged: dispatcher.reload, routes, suppressions,
    selfReinstate: config.enduser.selfReinstate, lowRiskBelow: (account) => thresholdsFor(config, account).tagScore, clock,
  });
  // Its own key, derived from the trace secret: one secret file to keep, and a link MAC is never a valid trace MAC.
  const notices = config.enduser.enabled
    ? createNotices(db, createHmac('sha256', loadTraceSecret(config)).update('mailwarden end-user links').digest('hex'))
    : null;
  let admin: AdminServer | null = null;

  return {
    metrics,
    /** The relay's policy with refusals counted (metrics, flow) and, when enabled, end-user links in refusal texts. */
    wrapPolicy(policy: MessagePolicy): MessagePolicy {
      const counted = countRefusals(policy, (verdict) => {
        metrics.refused(verdict);
        flow.refused(verdict);
      });
      return notices ? withEndUserLinks(counted, { notices, baseUrl: () => linkBase(config, admin?.port ?? config.admin.port), ttlMs: config.enduser.linkTtlHours * 3600_000 }) : counted;
    },
    async start(): Promise<AdminServer> {
      admin = await startAdminServer({
        config, db, store, accounts: opts.accounts, tokens: createTokenStore(db), metrics, probeQueue: opts.queueDepth,
        queueDepth: opts.queueDepth, decide, audit, webhooks, actions, flow, routes, suppressions, notices, logger, clock,
        ...(opts.feedback ? { feedback: opts.feedback } : {}),
      });
      return admin;
    },
    async close(): Promise<void> {
      await admin?.close();
      await dispatcher.close();
    },
  };
}
