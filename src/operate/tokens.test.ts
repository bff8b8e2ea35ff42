import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import { TokenExistsError, createTokenStore } from './tokens.js';

describe('API tokens', () => {
  it('verifies a created token by its hash only, and not after it is revoked', () => {
    const db = openDatabase(':memory:');
    const tokens = createTokenStore(db);
    const secret = tokens.create('ops', 1_000);
    expect(secret).toMatch(/^mwt_[A-Za-z0-9_-]{43}$/);
    expect(tokens.verify(secret)).toEqual({ name: 'ops', role: 'admin' });
    expect(tokens.verify(secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(tokens.verify('')).toBeNull();
    expect(JSON.stringify(db.prepare('SELECT * FROM api_tokens').all())).not.toContain(secret.slice(4));
    expect(() => tokens.create('ops', 2_000)).toThrow(TokenExistsError);
    const viewer = tokens.create('ci', 3_000, 'viewer');
    expect(viewer).not.toBe(secret);
    expect(tokens.verify(viewer)).toEqual({ name: 'ci', role: 'viewer' });
    expect(tokens.list()).toEqual([{ name: 'ci', role: 'viewer', createdAt: 3_000 }, { name: 'ops', role: 'admin', createdAt: 1_000 }]);
    expect(tokens.revoke('ops')).toBe(true);
    expect(tokens.revoke('ops')).toBe(false);
    expect(tokens.verify(secret)).toBeNull();
  });
});
