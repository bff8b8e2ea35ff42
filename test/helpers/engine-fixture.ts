// One delivery engine over a real SQLite queue in a temp folder, with the test's routes and an injectable clock.
import { startDeliveryEngine, type DeliveryEngine, type DeliveryEngineOptions } from '../../src/deliver/engine.js';
import type { QueueStore } from '../../src/queue/store.js';
import { silentLogger } from '../../src/shared/logger.js';
import { openQueue, tempDir, testConfig } from './queue-fixture.js';

export interface EngineFixture {
  store: QueueStore;
  engine: DeliveryEngine;
  clock: { now: number };
  dataDir: string;
  close(): Promise<void>;
}

export function startEngine(delivery: Record<string, unknown>, extra: Partial<DeliveryEngineOptions> = {}, dataDir = tempDir()): EngineFixture {
  const clock = { now: Date.UTC(2026, 0, 1) };
  const config = testConfig(dataDir, delivery);
  const store = openQueue(config);
  const engine = startDeliveryEngine({ config, store, logger: silentLogger, clock: () => clock.now, ...extra });
  return {
    store, engine, clock, dataDir,
    async close() {
      await engine.close();
      await store.close();
    },
  };
}
