import { scryptSync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CURRENT_COST, generatePassword, hashPassword, hashPasswordSync, needsRehash, verifyPasswordSync } from './password.js';
import { createPasswordPool, PasswordPoolBusy } from './password-pool.js';

/** A hash made the way an older release made them: N=2^14 (the cost before OWASP's current figure). */
function olderHash(password: string): string {
  const salt = Buffer.from('0123456789abcdef');
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

describe('scrypt password hashes', () => {
  it("hashes at OWASP's scrypt cost, verifies the right password and refuses a wrong one", async () => {
    expect(CURRENT_COST).toEqual({ N: 131072, r: 8, p: 1 });
    const hash = await hashPassword('s3cret-pass');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(verifyPasswordSync('s3cret-pass', hash)).toBe(true);
    expect(verifyPasswordSync('s3cret-pasS', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  }, 30_000);
  it('salts each hash', () => {
    const cheap = { N: 1024, r: 8, p: 1 } as unknown as typeof CURRENT_COST;
    expect(hashPasswordSync('same', cheap)).not.toEqual(hashPasswordSync('same', cheap));
  });
  it('refuses an unknown account and a malformed hash', () => {
    expect(verifyPasswordSync('anything', null)).toBe(false);
    expect(verifyPasswordSync('anything', 'md5$abc')).toBe(false);
  }, 30_000);
  it('reads the cost parameters from the hash string, and an older cost needs a rehash', () => {
    expect(verifyPasswordSync('pw-older', olderHash('pw-older'))).toBe(true);
    expect(needsRehash(olderHash('pw-older'))).toBe(true);
  });
  it('generates long random passwords', () => {
    expect(generatePassword()).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

describe('the password pool', () => {
  const pool = createPasswordPool({ threads: 1, maxQueued: 1 });
  afterAll(() => pool.close());

  it('checks on its own thread and hands back a rehash for an older hash only when the password is right', async () => {
    const wrong = await pool.verify('nope', olderHash('pw-older'));
    expect(wrong).toEqual({ ok: false, rehash: null });
    const right = await pool.verify('pw-older', olderHash('pw-older'));
    expect(right.ok).toBe(true);
    expect(right.rehash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(verifyPasswordSync('pw-older', right.rehash)).toBe(true);
  }, 60_000);

  it('refuses at once past its threads and its queue, and takes work again afterwards', async () => {
    const older = olderHash('x');
    // One runs, one waits, the third is refused without waiting.
    const results = await Promise.allSettled([pool.verify('x', older), pool.verify('y', older), pool.verify('z', older)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(PasswordPoolBusy);
    expect(pool.pending()).toBe(0);
    expect((await pool.verify('y', older)).ok).toBe(false);
  }, 60_000);
});
