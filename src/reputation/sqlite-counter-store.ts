// The embedded CounterStore: an in-memory working set over two SQLite tables, written in one transaction per flush
// (every `flushMs`, and at close) so that the message hot path never waits for a disk write. A crash loses at most the
// last `flushMs` of counts: counters are evidence for a decision, not records that must be durable per message.
import type { Db } from '../store/sqlite.js';
import type { CounterStore } from './counter-store.js';
import { startFlushTimer } from './flush-timer.js';
import {
  identityFromJson,
  identityToJson,
  loginFromJson,
  loginToJson,
  newIdentityState,
  newLoginState,
  type IdentityState,
  type LoginState,
} from './state.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS behaviour_identities (
  key TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  last_seen INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS behaviour_logins (
  name TEXT PRIMARY KEY,
  state TEXT NOT NULL
);
`;

/** States kept in memory after a flush; beyond this the least recently loaded are dropped (they are on disk). */
const MAX_WORKING_SET = 20_000;

export function createSqliteCounterStore(db: Db, opts: { flushMs: number }): CounterStore {
  db.exec(SCHEMA);
  const selectIdentity = db.prepare('SELECT state FROM behaviour_identities WHERE key = ?').pluck();
  const upsertIdentity = db.prepare(
    `INSERT INTO behaviour_identities (key, state, last_seen) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET state = excluded.state, last_seen = excluded.last_seen`,
  );
  const selectKeys = db.prepare('SELECT key FROM behaviour_identities').pluck();
  const selectLogin = db.prepare('SELECT state FROM behaviour_logins WHERE name = ?').pluck();
  const upsertLogin = db.prepare(
    'INSERT INTO behaviour_logins (name, state) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state',
  );

  const identities = new Map<string, IdentityState>();
  const logins = new Map<string, LoginState>();
  const dirtyIdentities = new Set<string>();
  const dirtyLogins = new Set<string>();

  const writeBatch = db.transaction(() => {
    for (const key of dirtyIdentities) {
      const s = identities.get(key)!;
      upsertIdentity.run(key, identityToJson(s), s.lastSeen);
    }
    for (const name of dirtyLogins) upsertLogin.run(name, loginToJson(logins.get(name)!));
  });

  function flush(): void {
    if (dirtyIdentities.size === 0 && dirtyLogins.size === 0) return;
    writeBatch();
    dirtyIdentities.clear();
    dirtyLogins.clear();
    for (const key of identities.keys()) {
      if (identities.size <= MAX_WORKING_SET) break;
      identities.delete(key);
    }
  }

  // A failed batch leaves the dirty sets as they were, so the next flush writes them again.
  const stopTimer = startFlushTimer(flush, opts.flushMs);

  /** The state in memory, else read once from its table (identities and logins are cached the same way). */
  function cached<T>(memory: Map<string, T>, select: { get(key: string): unknown }, fromJson: (json: string) => T, key: string): T | undefined {
    let state = memory.get(key);
    if (!state) {
      const json = select.get(key) as string | undefined;
      if (json === undefined) return undefined;
      state = fromJson(json);
      memory.set(key, state);
    }
    return state;
  }
  const load = (key: string) => cached(identities, selectIdentity, identityFromJson, key);
  const loadLogin = (name: string) => cached(logins, selectLogin, loginFromJson, name);

  return {
    identity(key, now) {
      let state = load(key);
      if (!state) {
        state = newIdentityState(key, now);
        identities.set(key, state);
      }
      dirtyIdentities.add(key);
      return state;
    },
    findIdentity: load,
    identityKeys() {
      const keys = new Set([...(selectKeys.all() as string[]), ...identities.keys()]);
      return [...keys].sort();
    },
    login(name) {
      const state = loadLogin(name) ?? newLoginState(name);
      logins.set(name, state);
      dirtyLogins.add(name);
      return state;
    },
    findLogin: loadLogin,
    flush,
    close() {
      stopTimer?.();
      flush();
    },
  };
}
