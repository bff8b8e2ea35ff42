// Route states in the relay's database, so that the relay and `mailwarden routes` see the same matrix: a pause set by
// an operator takes effect on the relay's next reload, a pause set by a reaction is visible to the CLI at once. Every
// change is a transition for the store's one listener (the relay's writes each as an event), including a change
// another process made, heard at the next read.
import type { Db } from '../store/sqlite.js';
import type { RouteEnder } from '../shared/route-change.js';
import type { RouteCause, RouteState, RouteTransition } from './types.js';

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
  /** Every stored state; with a listener, changes another process made since the last read are heard first. */
  all(): RouteState[];
  put(state: RouteState): void;
  /**
   * Remove the records of a source (for one provider, or all of it); `by` limits it to one cause, `end` says what
   * ended them (an operator, by default). Returns how many.
   */
  clear(source: string, provider?: string, by?: RouteCause, end?: RouteEnder): number;
  /** Remove a state that is spent (its pause ran out, its rate climbed back) unless it was replaced meanwhile. */
  end(state: RouteState, end: RouteEnder): boolean;
}

export interface RouteStoreOptions {
  /**
   * Hears every transition: those made through this store at once, those made by another process (`mailwarden
   * routes pause|resume` writes the table itself) at the next `all()`. Only the relay listens.
   */
  onTransition?: (t: RouteTransition) => void;
  clock?: () => number;
}

interface Row {
  source: string; provider: string; status: RouteState['status']; since: number; until: number; rate: number;
  ceiling: number; why: string; reply: string; by: RouteCause;
}

const keyOf = (s: { source: string; provider: string }) => `${s.source}|${s.provider}`;
const same = (a: RouteState, b: RouteState) =>
  a.status === b.status && a.since === b.since && a.until === b.until && a.rate === b.rate && a.why === b.why && a.by === b.by;

export function createRouteStore(db: Db, opts: RouteStoreOptions = {}): RouteStore {
  db.exec(SCHEMA);
  const { onTransition } = opts;
  const clock = opts.clock ?? Date.now;
  const selectAll = db.prepare('SELECT * FROM route_states ORDER BY source, provider');
  const selectOne = db.prepare('SELECT * FROM route_states WHERE source = ? AND provider = ?');
  const upsert = db.prepare(
    `INSERT INTO route_states (source, provider, status, since, until, rate, ceiling, why, reply, by)
     VALUES (@source, @provider, @status, @since, @until, @rate, @ceiling, @why, @reply, @by)
     ON CONFLICT (source, provider) DO UPDATE SET status = excluded.status, since = excluded.since, until = excluded.until,
       rate = excluded.rate, ceiling = excluded.ceiling, why = excluded.why, reply = excluded.reply, by = excluded.by`,
  );
  const matching = `source = @source AND (@provider IS NULL OR provider = @provider) AND (@by IS NULL OR by = @by)`;
  const selectMatching = db.prepare(`SELECT * FROM route_states WHERE ${matching}`);
  const remove = db.prepare(`DELETE FROM route_states WHERE ${matching}`);
  const removeUnchanged = db.prepare(
    'DELETE FROM route_states WHERE source = @source AND provider = @provider AND status = @status AND since = @since AND until = @until',
  );
  /** The table as this store last saw it (only kept with a listener): what another process changed is the difference. */
  let seen: Map<string, RouteState> | undefined;
  const row = (r: Row): RouteState => ({ ...r });
  const set = (after: RouteState, before?: RouteState) => {
    seen?.set(keyOf(after), after);
    onTransition?.({ at: clock(), after, cause: after.by, ...(before ? { before } : {}) });
  };
  const ended = (before: RouteState, cause: RouteEnder) => {
    seen?.delete(keyOf(before));
    onTransition?.({ at: clock(), before, cause });
  };
  const clearRows = db.transaction((args: { source: string; provider: string | null; by: RouteCause | null }) => {
    const rows = (selectMatching.all(args) as Row[]).map(row);
    remove.run(args);
    return rows;
  });
  const putRow = db.transaction((s: RouteState) => {
    const before = selectOne.get(s.source, s.provider) as Row | undefined;
    upsert.run(s);
    return before && row(before);
  });

  return {
    all() {
      const states = (selectAll.all() as Row[]).map(row);
      if (!onTransition) return states;
      const now = new Map(states.map((s) => [keyOf(s), s]));
      if (seen) {
        // Another process's change: only an operator's command writes the table outside the relay.
        for (const [key, after] of now) {
          const before = seen.get(key);
          if (!before || !same(before, after)) onTransition({ at: clock(), ...(before ? { before } : {}), after, cause: after.by });
        }
        for (const [key, before] of seen) if (!now.has(key)) onTransition({ at: clock(), before, cause: 'operator' });
      }
      seen = now;
      return states;
    },
    put(state) {
      const before = putRow(state);
      if (!before || !same(before, state)) set(state, before);
    },
    clear(source, provider, by, end = 'operator') {
      const rows = clearRows({ source, provider: provider ?? null, by: by ?? null });
      for (const before of rows) ended(before, end);
      return rows.length;
    },
    end(state, end) {
      if (removeUnchanged.run(state).changes === 0) return false;
      ended(state, end);
      return true;
    },
  };
}
