// Route states in the relay's database, so that the relay and `mailwarden routes` see the same matrix: a pause set by
// an operator takes effect on the relay's next reload, a pause set by a reaction is visible to the CLI at once.
import type { Db } from '../store/sqlite.js';
import type { RouteCause, RouteState } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS route_states (
  source TEXT NOT NULL,            -- source IP address, or 'default'
  provider TEXT NOT NULL,          -- provider name, a domain, or '*' for every destination
  status TEXT NOT NULL,            -- 'slowed' | 'paused'
  since INTEGER NOT NULL,
  until INTEGER NOT NULL,          -- paused: epoch ms; 0 = until lifted
  rate REAL NOT NULL,              -- slowed: messages per minute at 'since'
  ceiling REAL NOT NULL,           -- slowed: messages per minute at which the route is ok again
  why TEXT NOT NULL,
  reply TEXT NOT NULL,
  by TEXT NOT NULL,                -- 'reaction' | 'operator' | 'blocklist'
  PRIMARY KEY (source, provider)
);
`;

export interface RouteStore {
  all(): RouteState[];
  put(state: RouteState): void;
  /** Remove the records of a source (for one provider, or all of it); `by` limits it to one cause. Returns how many. */
  clear(source: string, provider?: string, by?: RouteCause): number;
}

interface Row {
  source: string; provider: string; status: RouteState['status']; since: number; until: number; rate: number;
  ceiling: number; why: string; reply: string; by: RouteCause;
}

export function createRouteStore(db: Db): RouteStore {
  db.exec(SCHEMA);
  const selectAll = db.prepare('SELECT * FROM route_states ORDER BY source, provider');
  const upsert = db.prepare(
    `INSERT INTO route_states (source, provider, status, since, until, rate, ceiling, why, reply, by)
     VALUES (@source, @provider, @status, @since, @until, @rate, @ceiling, @why, @reply, @by)
     ON CONFLICT (source, provider) DO UPDATE SET status = excluded.status, since = excluded.since, until = excluded.until,
       rate = excluded.rate, ceiling = excluded.ceiling, why = excluded.why, reply = excluded.reply, by = excluded.by`,
  );
  const remove = db.prepare(
    `DELETE FROM route_states WHERE source = @source AND (@provider IS NULL OR provider = @provider) AND (@by IS NULL OR by = @by)`,
  );
  return {
    all: () => (selectAll.all() as Row[]).map((r) => ({ ...r })),
    put: (s) => void upsert.run(s),
    clear: (source, provider, by) => remove.run({ source, provider: provider ?? null, by: by ?? null }).changes,
  };
}
