// A delivery engine with routing (IP pools, shaping, reactions) over a real SQLite file in a temp folder, the
// routing's route table in the same database, both on one injectable clock; the feedback stage's block watch reads the
// queue's events, so that a block's pause names its suspects as in the relay. The route table's transitions become
// events of the queue's stream as in the relay; `routes` is a second handle on the table, as the CLI has one.
import { classifyReply } from '../../src/classify/index.js';
import type { Config } from '../../src/config/schema.js';
import { startDeliveryEngine, type DeliveryEngine } from '../../src/deliver/engine.js';
import { createBlockWatch } from '../../src/feedback/block-watch.js';
import { createRateStore } from '../../src/feedback/rate-store.js';
import { recordRouteTransitions } from '../../src/deliver/route-events.js';
import type { QueueStore } from '../../src/queue/store.js';
import { createSqliteQueueStore } from '../../src/queue/sqlite-store.js';
import { createRouting, type Routing } from '../../src/routes/index.js';
import { createRouteStore, type RouteStore } from '../../src/routes/store.js';
import { silentLogger } from '../../src/shared/logger.js';
import { openDatabase, type Db } from '../../src/store/sqlite.js';
import { tempDir, testConfig } from './queue-fixture.js';

export interface RoutingFixture {
  store: QueueStore;
  engine: DeliveryEngine;
  routing: Routing;
  /** The relay's handle on the route table (its transitions are events); `routes` is another one, as the CLI's. */
  table: RouteStore;
  routes: RouteStore;
  db: Db;
  config: Config;
  clock: { now: number };
  close(): Promise<void>;
}

/** `random` picks within a pool (0 = the first address with weight). */
export function startRoutedEngine(delivery: Record<string, unknown>, random = () => 0): RoutingFixture {
  const clock = { now: Date.UTC(2026, 0, 1) };
  const config = testConfig(tempDir(), delivery);
  const db = openDatabase(config.storage.sqlitePath);
  const store = createSqliteQueueStore(db, config.storage);
  const rates = createRateStore(db, { flushMs: config.policy.flushMs });
  const blocks = createBlockWatch({ rates, windowMs: config.feedback.suspectWindowMinutes * 60_000, emit: (e) => store.addEvents([e]) });
  store.onEvents(blocks.onEvents);
  const table = createRouteStore(db, { onTransition: recordRouteTransitions(store, silentLogger), clock: () => clock.now });
  const routing = createRouting({ db, routes: table, config, logger: silentLogger, classify: classifyReply, clock: () => clock.now, random, suspects: blocks.suspectsOf });
  const engine = startDeliveryEngine({ config, store, logger: silentLogger, clock: () => clock.now, classify: classifyReply, routing });
  return {
    store, engine, routing, table, routes: createRouteStore(db), db, config, clock,
    async close() {
      await engine.close();
      await store.close();
      rates.close();
      db.close();
    },
  };
}

/** Messages the route from the pool to `provider` admits in one minute when offered one every second, on the clock. */
export function admittedInAMinute(f: RoutingFixture, provider: string): number {
  let sent = 0;
  for (let s = 0; s < 60; s++) {
    f.clock.now += 1000;
    if (f.routing.admit('probe', provider).kind === 'send') sent += 1;
  }
  return sent;
}
