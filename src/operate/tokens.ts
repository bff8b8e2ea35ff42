// API tokens for the admin API. There is no default password: an operator creates a named token with the CLI, sees it
// once, and only its SHA-256 hash is stored. A fast hash is right here (unlike for passwords, see accounts/password.ts):
// the token is 256 random bits, so no dictionary or brute force can reach it and a slow KDF would only cost every
// request time.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/sqlite.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS api_tokens (
  name TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
`;

/** 'admin' may change things; 'viewer' may only read (GET). Tokens made before roles existed stay admin. */
export type Role = 'admin' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'viewer'];

/** Who made a request: the token's name (written to the audit log) and its role. */
export interface Operator {
  name: string;
  role: Role;
}

function addRoleColumn(db: Db): void {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('api_tokens') as string[];
  if (!columns.includes('role')) db.exec(`ALTER TABLE api_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'admin'`);
}

/** Token names: short, printable, safe in logs and shell commands. */
export const TOKEN_NAME = /^[A-Za-z0-9._-]{1,64}$/;
const TOKEN_PREFIX = 'mwt_';

export interface TokenInfo {
  name: string;
  role: Role;
  createdAt: number; // epoch ms
}

export class TokenExistsError extends Error {
  constructor(readonly tokenName: string) {
    super(`token "${tokenName}" already exists`);
  }
}

export interface TokenStore {
  /** Make a new token; returns the secret, which is not stored and cannot be shown again. */
  create(name: string, now: number, role?: Role): string;
  list(): TokenInfo[];
  /** False when there is no such token. */
  revoke(name: string): boolean;
  /** The token's name and role, or null when the secret matches no token. */
  verify(secret: string): Operator | null;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function createTokenStore(db: Db): TokenStore {
  db.exec(SCHEMA);
  addRoleColumn(db);
  const insert = db.prepare('INSERT INTO api_tokens (name, hash, created_at, role) VALUES (?, ?, ?, ?)');
  const exists = db.prepare('SELECT 1 FROM api_tokens WHERE name = ?').pluck();
  const all = db.prepare('SELECT name, role, created_at FROM api_tokens ORDER BY name');
  const del = db.prepare('DELETE FROM api_tokens WHERE name = ?');
  // Looking up by hash leaks nothing useful through timing: the hash of a guess says nothing about the secret.
  const byHash = db.prepare('SELECT name, role FROM api_tokens WHERE hash = ?');
  return {
    create(name, now, role = 'admin') {
      if (exists.get(name)) throw new TokenExistsError(name);
      const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      insert.run(name, hashOf(secret), now, role);
      return secret;
    },
    list: () => (all.all() as Array<{ name: string; role: Role; created_at: number }>).map((r) => ({ name: r.name, role: r.role, createdAt: r.created_at })),
    revoke: (name) => del.run(name).changes > 0,
    verify(secret) {
      if (!secret.startsWith(TOKEN_PREFIX)) return null;
      return (byHash.get(hashOf(secret)) as Operator | undefined) ?? null;
    },
  };
}
