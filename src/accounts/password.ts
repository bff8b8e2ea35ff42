// Password hashing with scrypt (node:crypto). The hash string carries its own parameters and salt, so the cost can
// be raised later without invalidating stored hashes: `scrypt$N$r$p$<salt b64>$<hash b64>`.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const DEFAULTS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, opts: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // maxmem must cover 128 * N * r bytes; scrypt refuses otherwise.
    scrypt(password, salt, keyLength, { ...opts, maxmem: 256 * (opts.N ?? DEFAULTS.N) * (opts.r ?? DEFAULTS.r) }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, DEFAULTS, KEY_LENGTH);
  return ['scrypt', DEFAULTS.N, DEFAULTS.r, DEFAULTS.p, salt.toString('base64'), key.toString('base64')].join('$');
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

/** A hash of a random password: verifying an unknown user against it costs as much as verifying a real one. */
const decoyHash = hashPassword(randomBytes(16).toString('hex'));

/**
 * Constant-time check of `password` against `stored`. With `stored` null (no such account) the work is still done
 * against a decoy hash, so response time does not tell which account names exist.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = parseHash(stored ?? (await decoyHash));
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, { N: parsed.N, r: parsed.r, p: parsed.p }, parsed.key.length);
  return timingSafeEqual(key, parsed.key) && stored !== null;
}

/** A password for `accounts add` when none is given: 24 characters of base64url (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
