// Scenario: a password guesser keeps trying from one address. After the configured failures it gets a temporary
// refusal (454 4.7.0) even for the right password, until the block expires; other addresses are not affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessagePolicy } from '../src/decide/types.js';
import type { AuthAttempt } from '../src/reputation/index.js';
import { acceptAllPolicy } from '../src/decide/types.js';
import { startHarness, type Harness } from './helpers/accept-harness.js';
import { rawSmtp } from './helpers/raw-smtp.js';

let h: Harness;
let now = 1_800_000_000_000;
const attempts: AuthAttempt[] = [];
const policy: MessagePolicy = { ...acceptAllPolicy, authAttempt: (a) => void attempts.push(a) };

beforeAll(async () => {
  h = await startHarness({ trustedNetworks: {}, limits: { authFailures: { max: 3, windowMs: 60_000, blockMs: 600_000, exemptNetworks: ['127.0.0.9/32'] } } }, policy, () => now);
  await h.addAccount('alice', 'correct horse battery');
});
afterAll(async () => h.close());

const plain = (user: string, pass: string) => 'AUTH PLAIN ' + Buffer.from(`\0${user}\0${pass}`).toString('base64');

async function tryLogin(pass: string, localAddress = '127.0.0.1'): Promise<string> {
  const c = await rawSmtp(h.ports.smtps!, { tls: true, localAddress });
  await c.command('EHLO guesser.test');
  const reply = await c.command(plain('alice', pass));
  c.end();
  return reply;
}

describe('AUTH failure throttling', () => {
  it('refuses further AUTH with 454 after 3 failures, logs it, and lets the right password in after the block', async () => {
    expect(await tryLogin('guess1')).toMatch(/^535 /);
    expect(await tryLogin('guess2')).toMatch(/^535 /);
    expect(await tryLogin('guess3')).toMatch(/^535 /);
    expect(await tryLogin('correct horse battery')).toBe('454 4.7.0 Too many failed logins from your address, try again later');
    expect(h.logs.filter((l) => l.event === 'auth-throttled')).toHaveLength(1);
    expect(h.logs.filter((l) => l.event === 'auth-failed').at(-1)).toMatchObject({ blocked: true, ip: '127.0.0.1', user: 'alice' });
    now += 600_001;
    expect(await tryLogin('correct horse battery')).toMatch(/^235 /);
    expect(attempts.map((a) => a.success)).toEqual([false, false, false, false, true]);
  });

  it("does not count the failures of an exempt network (the operator's webmail), but the account still sees them", async () => {
    const before = attempts.length;
    for (let i = 0; i < 6; i++) expect(await tryLogin(`typo${i}`, '127.0.0.9')).toMatch(/^535 /);
    expect(await tryLogin('correct horse battery', '127.0.0.9')).toMatch(/^235 /);
    expect(attempts.slice(before).map((a) => [a.clientIp, a.success])).toEqual([...Array(6).fill(['127.0.0.9', false]), ['127.0.0.9', true]]);
  });
});

