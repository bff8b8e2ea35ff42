// An AUTH flood larger than the password pool: the checks past its threads and queue are refused at once with
// 454 4.7.0 (no queue a stranger can grow), and a message sent meanwhile gets its 250 before the flood's checks are
// all done — password checks no longer share a thread pool with the fsync that the 250 waits for. And a login with
// a hash made at an older scrypt cost moves the stored hash to today's cost.
import { scryptSync } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acceptAllPolicy } from '../src/decide/types.js';
import { startHarness, testMessage, type Harness } from './helpers/accept-harness.js';
import { rawSmtp, type RawSmtp } from './helpers/raw-smtp.js';

const FLOOD = 12; // below limits.maxConnectionsPerIp (20): one session each
const THREADS = 1;
const QUEUED = 2;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    limits: {
      passwordChecks: { threads: THREADS, maxQueued: QUEUED },
      // High enough that the AUTH throttle refuses none of the flood: only the pool's cap can answer 454 here.
      authFailures: { max: 1000, windowMs: 600_000, blockMs: 900_000 },
    },
  }, acceptAllPolicy);
  await h.addAccount('alice', 'correct horse battery');
});
afterAll(async () => h.close());

const plain = (user: string, pass: string) => 'AUTH PLAIN ' + Buffer.from(`\0${user}\0${pass}`).toString('base64');

async function tlsSession(): Promise<RawSmtp> {
  const c = await rawSmtp(h.ports.smtps!, { tls: true });
  await c.command('EHLO guesser.test');
  return c;
}

it(`of ${FLOOD} parallel wrong passwords the pool checks ${THREADS + QUEUED}, refuses the rest with 454 4.7.0, and a message sent meanwhile gets its 250 first`, async () => {
  const honest = await rawSmtp(h.ports.relay!);
  await honest.command('EHLO honest.test');
  const flood = await Promise.all(Array.from({ length: FLOOD }, () => tlsSession()));

  const order: string[] = [];
  // Every AUTH is on the wire before the message starts.
  const replies = Promise.all(flood.map((c, i) => c.command(plain('alice', `guess${i}`)).then((r) => {
    order.push(`auth ${r.slice(0, 3)}`);
    return r;
  })));
  expect(await honest.command('MAIL FROM:<sender@customer.test>')).toMatch(/^250/);
  expect(await honest.command('RCPT TO:<rcpt@example.test>')).toMatch(/^250/);
  expect(await honest.command('DATA')).toMatch(/^354/);
  const acked = await honest.command(testMessage({ subject: 'during the flood' }) + '.');
  order.push(`data ${acked.slice(0, 3)}`);
  const authReplies = await replies;
  for (const c of [honest, ...flood]) c.end();

  expect(acked).toMatch(/^250/);
  const refused = authReplies.filter((r) => r.startsWith('454 4.7.0'));
  expect(authReplies.filter((r) => r.startsWith('535')).length).toBe(THREADS + QUEUED);
  expect(refused.length).toBe(FLOOD - THREADS - QUEUED);
  // The acknowledgement did not wait for the checked guesses: at least the last one came after it.
  expect(order.indexOf('data 250')).toBeLessThan(order.lastIndexOf('auth 535'));
  expect(h.messages().map((m) => m.recipients)).toEqual([['rcpt@example.test']]);
  expect(h.logs.filter((l) => l.event === 'auth-busy').length).toBe(refused.length);
}, 120_000);

it('a login with a hash of an older scrypt cost rehashes it at the current cost, and the new hash logs in', async () => {
  const salt = Buffer.from('0123456789abcdef');
  const older = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('old but right', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
  await h.accounts.add({ name: 'bob', passwordHash: older, allowedDomains: [], enforceDomains: false, createdAt: Date.now() });
  const first = await tlsSession();
  expect(await first.command(plain('bob', 'old but right'))).toMatch(/^235/);
  first.end();
  const stored = (await h.accounts.get('bob'))!.passwordHash;
  expect(stored).not.toBe(older);
  expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
  const again = await tlsSession();
  expect(await again.command(plain('bob', 'old but right'))).toMatch(/^235/);
  expect(await again.command(plain('bob', 'a wrong one'))).toMatch(/^503|^535/); // already logged in, or refused
  again.end();
  expect(h.logs.some((l) => l.event === 'password-rehashed' && l.user === 'bob')).toBe(true);
}, 120_000);
