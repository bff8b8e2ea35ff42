// Acceptance: a provider refuses one of the relay's IPs at connect with its real block text (AOL's CON:B1). The relay
// pauses that IP toward that provider, and the same message leaves at once from the
// other IP of the pool; later mail to that provider avoids the paused IP, mail to others still uses it.
import { afterEach, describe, expect, it } from 'vitest';
import { startRoutedEngine, type RoutingFixture } from './helpers/routing-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { testMessage } from './helpers/queue-fixture.js';
import { waitUntil } from './helpers/wait.js';

const CON_B1 = { code: 521, text: '5.2.1 :  (CON:B1) https://postmaster.yahooinc.com/error-codes' };
const pools = { default: [{ address: '127.0.0.2', ehlo: 'a.relay.test' }, { address: '127.0.0.3', ehlo: 'b.relay.test' }] };

let fx: RoutingFixture | undefined;
const targets: Target[] = [];
afterEach(async () => {
  await fx?.close();
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

describe('an IP block', () => {
  it('pauses the IP toward the provider and sends the message from the other IP', async () => {
    const aol = await startTarget({ connect: (ip) => (ip.endsWith('127.0.0.2') ? CON_B1 : null) });
    const other = await startTarget();
    targets.push(aol, other);
    fx = startRoutedEngine({ pools, routes: { 'aol.com': `127.0.0.1:${aol.port}`, 'example.org': `127.0.0.1:${other.port}` } });

    const first = testMessage(['carol@aol.com']);
    await fx.store.enqueue(first);
    const [got] = await aol.waitFor(1);
    expect(got!.remoteAddress).toMatch(/127\.0\.0\.3$/);
    expect(got!.helo).toBe('b.relay.test');
    expect(aol.sessions).toBe(2); // one refused from 127.0.0.2, one accepted from 127.0.0.3

    const [paused] = fx.routes.all();
    expect(paused).toMatchObject({ source: '127.0.0.2', provider: 'yahoo', status: 'paused', by: 'reaction' });
    expect(paused!.reply).toContain('CON:B1');
    // Nobody had sent AOL anything before this block, so nobody is named: the refused message did not cause it
    // (test/block-names-its-suspects.test.ts names the senders of the mail before a block).
    expect(paused!.why).toContain('AOL refuses connections');
    expect(paused!.why).not.toContain('Suspects');
    await waitUntil('the delivery recorded', () => fx!.store.timeline(first.id).some((e) => e.type === 'delivered'));
    expect(fx.store.timeline(first.id).map((e) => e.type)).toEqual(['received', 'queued', 'attempt', 'deferred', 'route-paused', 'attempt', 'delivered']);

    // Yahoo and AOL share MX hosts and reputation: yahoo.com mail now avoids the paused IP too ...
    await fx.store.enqueue(testMessage(['dave@aol.com']));
    await aol.waitFor(2);
    expect(aol.sessions).toBe(2); // the open session from 127.0.0.3 carried it
    // ... while another provider still gets mail from 127.0.0.2.
    await fx.store.enqueue(testMessage(['erin@example.org']));
    const [toOther] = await other.waitFor(1);
    expect(toOther!.remoteAddress).toMatch(/127\.0\.0\.2$/);
  });

  it('defers the mail until the pause ends when no clean IP is left', async () => {
    const aol = await startTarget({ connect: () => CON_B1 });
    targets.push(aol);
    fx = startRoutedEngine({ pools, routes: { 'aol.com': `127.0.0.1:${aol.port}` }, reactions: { pauseMinutes: 30 } });
    const m = testMessage(['carol@aol.com']);
    await fx.store.enqueue(m);
    await waitUntil('a deferral for the paused route', () => fx!.store.timeline(m.id).some((e) => e.type === 'attempt' && String(e.data.reply).includes('MW-ROUTE-PAUSED')));
    expect(fx.routes.all().map((s) => `${s.source} ${s.status}`)).toEqual(['127.0.0.2 paused', '127.0.0.3 paused']);
    const deferrals = fx.store.timeline(m.id).filter((e) => e.type === 'deferred');
    expect(deferrals.at(-1)!.data.nextAttemptAt).toBe(fx.clock.now + 30 * 60_000);
    expect(fx.store.show(m.id)!.recipientStatus[0]!.state).toBe('deferred'); // a 5xx about the IP never bounces the mail
  });
});
