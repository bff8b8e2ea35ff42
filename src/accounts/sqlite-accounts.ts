// The embedded SQLite implementation of the account store. Whether an account is suspended is not kept here: an
// account's suspension is one of reputation's (src/reputation/suspensions.ts, keyed by the account name), the one
// suspension model for accounts and sender identities.
import { createSuspensions, operatorSuspension } from '../reputation/suspensions.js';
import type { Db } from '../store/sqlite.js';
import { AccountExistsError, type Account, type AccountStore } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  name TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  allowed_domains TEXT NOT NULL,
  enforce_domains INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
`;

interface Row {
  name: string;
  password_hash: string;
  allowed_domains: string;
  enforce_domains: number;
  created_at: number;
}

export function createSqliteAccountStore(db: Db): AccountStore {
  db.exec(SCHEMA);
  const suspensions = createSuspensions(db);
  const insert = db.prepare(
    'INSERT INTO accounts (name, password_hash, allowed_domains, enforce_domains, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectOne = db.prepare('SELECT * FROM accounts WHERE name = ?');
  const selectAll = db.prepare('SELECT * FROM accounts ORDER BY name');
  const updatePassword = db.prepare('UPDATE accounts SET password_hash = ? WHERE name = ?');
  const remove = db.prepare('DELETE FROM accounts WHERE name = ?');

  function fromRow(r: Row): Account {
    const suspension = suspensions.active(r.name, Date.now());
    return {
      name: r.name,
      passwordHash: r.password_hash,
      allowedDomains: JSON.parse(r.allowed_domains) as string[],
      enforceDomains: r.enforce_domains === 1,
      suspended: suspension !== undefined,
      suspendReason: suspension?.reason ?? '',
      createdAt: r.created_at,
    };
  }

  return {
    async add(a) {
      try {
        insert.run(a.name, a.passwordHash, JSON.stringify(a.allowedDomains), a.enforceDomains ? 1 : 0, a.createdAt);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new AccountExistsError(a.name);
        throw err;
      }
    },
    async get(name) {
      const row = selectOne.get(name) as Row | undefined;
      return row && fromRow(row);
    },
    async list() {
      return (selectAll.all() as Row[]).map(fromRow);
    },
    async setSuspended(name, suspended, reason) {
      if (!selectOne.get(name)) return false;
      const now = Date.now();
      if (suspended) suspensions.suspend(operatorSuspension(name, reason, now));
      else suspensions.reinstate(name, now);
      return true;
    },
    async setPassword(name, passwordHash) {
      return updatePassword.run(passwordHash, name).changes > 0;
    },
    async delete(name) {
      return remove.run(name).changes > 0;
    },
  };
}
