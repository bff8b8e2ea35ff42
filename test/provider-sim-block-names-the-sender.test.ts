// Acceptance over the provider simulator: a hijacked sender's spam drags one IP's reputation at a simulated AOL down
// until AOL refuses that IP at connect (CON:B1). The relay pauses the IP toward Yahoo/AOL, names the hijacked sender
// as the main suspect, and the other customers' mail leaves from the clean IP; a greylisting provider's deferral is
// retried after the delay it asked for.
import { afterEach, describe, expect, it } from 'vitest';
import { testMessage } from './helpers/queue-fixture.js';
import { startProviderSim, type ProviderSim } from '../src/demo/provider-sim.js';
import { startRoutedEngine, type RoutingFixture } from './helpers/routing-fixture.js';
import { waitUntil } from './helpers/wait.js';
import { payloadsOf } from '../src/operate/webhooks/events.js';

const pools = { default: [{ address: '127.0.0.2', ehlo: 'a.relay.test' }, { address: '127.0.0.3', ehlo: 'b.relay.test' }] };
let fx: RoutingFixture | undefined;
const sims: ProviderSim[] = [];
afterEach(async () => {
  await fx?.close();
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

const spamFrom = (sub: string, rcpt: string) => ({
  ...testMessage([rcpt], { subject: 'you are a lottery winner', body: 'Claim your crypto giveaway now.\r\n' }),
  identity: { account: 'acme', sub, source: 'header:x-authuser' },
});

describe('the provider simulator', () => {
  it('blocks the IP a hijacked sender spammed from; the relay pauses it, names the sender and moves to the clean IP', async () => {
    const aol = await startProviderSim({ provider: 'aol', spamPenalty: 20, blockBelow: 50 });
    sims.push(aol);
    // One message per connection, so that each message meets the provider's connect-time check.
    fx = startRoutedEngine({ pools, routes: { 'aol.com': `127.0.0.1:${aol.port}` }, shaping: { yahoo: { messagesPerConnection: 1 } } });
    for (let i = 1; i <= 3; i++) {
      await fx.store.enqueue(spamFrom('hijacked', `victim${i}@aol.com`));
      await waitUntil(`spam ${i} delivered`, () => aol.delivered.length === i);
    }
    expect(aol.reputation('127.0.0.2')).toBe(40); // three spams from 127.0.0.2: below the block threshold

    const clean = testMessage(['carol@aol.com']); // identity acme/shop
    await fx.store.enqueue(clean);
    await waitUntil('the clean message delivered', () => aol.delivered.length === 4);
    expect(aol.refused.get('127.0.0.2')).toBe(1);
    expect(aol.delivered[3]).toMatchObject({ to: ['carol@aol.com'], sourceIp: '127.0.0.3', spam: false });
    const [paused] = fx.routes.all();
    expect(paused).toMatchObject({ source: '127.0.0.2', provider: 'yahoo', status: 'paused' });
    // The suspects the feedback stage names for the block: the clean message was refused, so only the spam counts.
    expect(paused!.why).toMatch(/ Suspects: acme\/hijacked: 3 of 3 messages to yahoo \(100 %\) before the blocked refusal\.$/);
    // The pause is an event on the timeline of the message whose refusal caused it, and so reaches webhooks.
    const timeline = fx.store.timeline(clean.id);
    const event = timeline.find((e) => e.type === 'route-paused');
    expect(event).toMatchObject({ recipient: 'carol@aol.com', data: { source: '127.0.0.2', provider: 'yahoo', until: paused!.until } });
    expect(event!.data).toMatchObject({ reply: expect.stringContaining('CON:B1') });
    expect(payloadsOf(timeline).map((p) => p.event)).toContain('route-paused');
  });

  it('retries a greylisted recipient after the delay the provider asked for', async () => {
    const gmail = await startProviderSim({ provider: 'gmail', greylist: true });
    sims.push(gmail);
    fx = startRoutedEngine({ pools, routes: { 'gmail.com': `127.0.0.1:${gmail.port}` } });
    const m = testMessage(['dave@gmail.com']);
    await fx.store.enqueue(m);
    await waitUntil('the greylisting deferral', () => fx!.store.timeline(m.id).some((e) => e.type === 'deferred'));
    expect(fx.store.timeline(m.id).find((e) => e.type === 'deferred')!.data.nextAttemptAt).toBe(fx.clock.now + 300_000);
    expect(fx.routes.all()).toEqual([]); // greylisting says nothing about the route
    fx.clock.now += 300_000;
    fx.engine.poll();
    await waitUntil('the retry delivered', () => gmail.delivered.length === 1);
  });
});
