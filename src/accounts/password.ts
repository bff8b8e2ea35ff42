// Password hashing with scrypt (node:crypto). The hash string carries its own parameters and salt, so the cost can
// be raised without invalidating stored hashes: `scrypt$N$r$p$<salt b64>$<hash b64>`; a login with an older hash
// is rehashed at the current cost (password-pool.ts).
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * OWASP Password Storage Cheat Sheet (scrypt): N=2^17 (128 MiB), r=8 (1024-byte blocks), p=1. Each check holds
 * 128 * N * r bytes while it runs, which is why AUTH checks run on a small pool of their own with a cap.
 */
export const CURRENT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

// scrypt refuses to run when 128 * N * r (plus a little) exceeds maxmem; twice that leaves room.
const withMaxmem = (opts: Required<Pick<ScryptOptions, 'N' | 'r' | 'p'>>): ScryptOptions => ({ ...opts, maxmem: 256 * opts.N * opts.r });

function format(cost: typeof CURRENT_COST, salt: Buffer, key: Buffer): string {
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * For one-off hashing (an operator setting a password, the CLI): libuv's threadpool, as node:crypto does. AUTH, which
 * a stranger can repeat at will, never comes here: it goes through the password pool.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, withMaxmem(CURRENT_COST), (err, k) => (err ? reject(err) : resolve(k))),
  );
  return format(CURRENT_COST, salt, key);
}

/** The same, blocking: for the password pool's threads, where blocking is the point. */
export function hashPasswordSync(password: string, cost: typeof CURRENT_COST = CURRENT_COST): string {
  const salt = randomBytes(SALT_LENGTH);
  return format(cost, salt, scryptSync(password, salt, KEY_LENGTH, withMaxmem(cost)));
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return null;
  const key = Buffer.from(parts[5]!, 'base64');
  if (key.length === 0) return null;
  return { N, r, p, salt: Buffer.from(parts[4]!, 'base64'), key };
}

/** Whether a stored hash was made at a lower cost than today's (a login with it should rehash). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return parsed !== null && (parsed.N < CURRENT_COST.N || parsed.r < CURRENT_COST.r || parsed.p < CURRENT_COST.p);
}

/**
 * Stands in for an unknown account's hash: today's cost, a random salt and a random key. Checking against it costs
 * what checking a real hash does, and no password matches it (the key is no scrypt output at all).
 */
const DECOY = format(CURRENT_COST, randomBytes(SALT_LENGTH), randomBytes(KEY_LENGTH));

/**
 * Constant-time check of `password` against `stored`, blocking (a password-pool thread runs it). With `stored` null
 * (no such account) the work is still done, against the decoy, so response time does not tell which account names
 * exist.
 */
export function verifyPasswordSync(password: string, stored: string | null): boolean {
  const parsed = parseHash(stored ?? DECOY);
  if (!parsed) return false;
  const key = scryptSync(password, parsed.salt, parsed.key.length, withMaxmem({ N: parsed.N, r: parsed.r, p: parsed.p }));
  return timingSafeEqual(key, parsed.key) && stored !== null;
}

/** A password for `accounts add` when none is given: 24 characters of base64url (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
