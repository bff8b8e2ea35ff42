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

/** Token names: short, printable, safe in logs and shell commands. */
export const TOKEN_NAME = /^[A-Za-z0-9._-]{1,64}$/;
const TOKEN_PREFIX = 'mwt_';

export interface TokenInfo {
  name: string;
  createdAt: number; // epoch ms
}

export class TokenExistsError extends Error {
  constructor(readonly tokenName: string) {
    super(`token "${tokenName}" already exists`);
  }
}

export interface TokenStore {
  /** Make a new token; returns the secret, which is not stored and cannot be shown again. */
  create(name: string, now: number): string;
  list(): TokenInfo[];
  /** False when there is no such token. */
  revoke(name: string): boolean;
  /** The token's name, or null when the secret matches no token. */
  verify(secret: string): string | null;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function createTokenStore(db: Db): TokenStore {
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO api_tokens (name, hash, created_at) VALUES (?, ?, ?)');
  const exists = db.prepare('SELECT 1 FROM api_tokens WHERE name = ?').pluck();
  const all = db.prepare('SELECT name, created_at FROM api_tokens ORDER BY name');
  const del = db.prepare('DELETE FROM api_tokens WHERE name = ?');
  // Looking up by hash leaks nothing useful through timing: the hash of a guess says nothing about the secret.
  const byHash = db.prepare('SELECT name FROM api_tokens WHERE hash = ?').pluck();
  return {
    create(name, now) {
      if (exists.get(name)) throw new TokenExistsError(name);
      const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      insert.run(name, hashOf(secret), now);
      return secret;
    },
    list: () => (all.all() as Array<{ name: string; created_at: number }>).map((r) => ({ name: r.name, createdAt: r.created_at })),
    revoke: (name) => del.run(name).changes > 0,
    verify(secret) {
      if (!secret.startsWith(TOKEN_PREFIX)) return null;
      return (byHash.get(hashOf(secret)) as string | undefined) ?? null;
    },
  };
}
