// What an operator sees about sender identities: standing risk, trust, baseline, recent counters and suspension,
// read from the same tables the relay writes (it may be running).
import type { Config } from '../config/schema.js';
import { createCampaignTracker } from '../inspect/behaviour/campaign.js';
import { createSqliteCounterStore } from '../inspect/behaviour/sqlite-counter-store.js';
import { createBehaviour } from '../inspect/behaviour/tracker.js';
import type { Db } from '../store/sqlite.js';
import { thresholdsFor } from './index.js';
import { createSuspensions, isInForce, type Suspension } from './suspensions.js';

const accountOf = (key: string) => (key.includes('/') ? key.slice(0, key.indexOf('/')) : key);

export function senderReports(db: Db, config: Config, now: number) {
  const store = createSqliteCounterStore(db, { flushMs: 0 });
  const behaviour = createBehaviour(store, createCampaignTracker());
  const suspensions = createSuspensions(db);
  const byIdentity = new Map(suspensions.list().map((s) => [s.identity, s]));

  function report(key: string) {
    const counters = behaviour.report(key, thresholdsFor(config, accountOf(key)), now);
    const s: Suspension | undefined = byIdentity.get(key);
    return { identity: key, suspended: s ? isInForce(s, now) : false, suspension: s ?? null, counters: counters ?? null };
  }

  return {
    keys: () => [...new Set([...store.identityKeys(), ...byIdentity.keys()])].sort(),
    report,
    suspensions,
  };
}

export type SenderReport = ReturnType<ReturnType<typeof senderReports>['report']>;
