// Password guesses sent in parallel, each on its own TLS connection: the throttle counts every attempt before its
// (slow) password check, so no more than `max` guesses are checked per block period; the rest get 454 at once.
// (Counting only after the check let all of them through: each saw no failures yet.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acceptAllPolicy } from '../src/decide/types.js';
import { startHarness, type Harness } from './helpers/accept-harness.js';
import { rawSmtp } from './helpers/raw-smtp.js';

const GUESSES = 18; // below limits.maxConnectionsPerIp (20): every guess gets its own session
const MAX = 5;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustedNetworks: {}, limits: { authFailures: { max: MAX, windowMs: 600_000, blockMs: 900_000 } } }, acceptAllPolicy);
  await h.addAccount('alice', 'correct horse battery');
});
afterAll(async () => h.close());

const plain = (user: string, pass: string) => 'AUTH PLAIN ' + Buffer.from(`\0${user}\0${pass}`).toString('base64');

it(`of ${GUESSES} parallel guesses at most ${MAX} are checked, the others get 454`, async () => {
  const sessions = await Promise.all(Array.from({ length: GUESSES }, async () => {
    const c = await rawSmtp(h.ports.smtps!, { tls: true });
    await c.command('EHLO guesser.test');
    return c;
  }));
  // Every AUTH is on the wire before any answer comes back.
  const replies = await Promise.all(sessions.map((c, i) => c.command(plain('alice', `guess${i}`))));
  for (const c of sessions) c.end();
  const codes = replies.map((r) => r.slice(0, 3));
  expect(codes.filter((c) => c === '535').length).toBeLessThanOrEqual(MAX);
  expect(codes.filter((c) => c === '454').length).toBeGreaterThanOrEqual(GUESSES - MAX);
}, 60_000);
