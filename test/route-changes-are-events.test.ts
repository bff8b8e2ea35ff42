// Acceptance: every change of a route's state is an event of the queue's one stream, counted in metrics and carried
// by webhooks. A block (AOL's CON:B1 at connect, over loopback) pauses an IP on the refused message's timeline; when
// the pause runs out, `route-resumed` (by the timer) follows with no message. A rate-limit reply (Gmail's 421 4.7.28)
// slows a route; back at full rate it is `route-recovered` and its record leaves the table. An operator's pause and
// resume from another process (the CLI writes the table itself) are heard within the relay's next look. A listing in
// a DNSBL zone served on loopback is `route-listed` and `route-paused`, its delisting `route-delisted` and
// `route-resumed`. All on the engine's clock: the minutes pass without waiting.
import { afterEach, describe, expect, it } from 'vitest';
import { createRouteActions } from '../src/operate/route-actions.js';
import { createAuditLog } from '../src/operate/audit.js';
import { createMetrics } from '../src/operate/metrics.js';
import { payloadsOf } from '../src/operate/webhooks/events.js';
import { createSuppressionList } from '../src/feedback/suppressions.js';
import { ROUTE_EVENT_TYPES, type RouteEventType, type TimelineEvent } from '../src/queue/events.js';
import { createQueueDepth } from '../src/queue/sqlite-depth.js';
import { eventsWithoutMessage } from '../src/queue/sqlite-search.js';
import { startBlocklistWatch } from '../src/routes/blocklists.js';
import { createRouteStore } from '../src/routes/store.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';
import { startDns, type Zone } from './helpers/dns-server.js';
import { testMessage } from './helpers/queue-fixture.js';
import { startRoutedEngine, type RoutingFixture } from './helpers/routing-fixture.js';
import { startTarget } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

const CON_B1 = { code: 521, text: '5.2.1 :  (CON:B1) https://postmaster.yahooinc.com/error-codes' };
const GMAIL_4728 = { code: 421, text: '4.7.28 [127.0.0.3] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.' };
const pools = { default: [{ address: '127.0.0.2', ehlo: 'a.relay.test' }, { address: '127.0.0.3', ehlo: 'b.relay.test' }] };

let fx: RoutingFixture | undefined;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await fx?.close();
  await Promise.all(closers.splice(0).map((c) => c()));
});

/** The route events no message carries, oldest first, as `event source provider by`. */
const isRouteEvent = (e: TimelineEvent): e is Extract<TimelineEvent, { type: RouteEventType }> => (ROUTE_EVENT_TYPES as readonly string[]).includes(e.type);
const line = (e: Extract<TimelineEvent, { type: RouteEventType }>) => `${e.type} ${e.data.source} ${e.data.provider} ${e.data.by}`;
const changes = (f: RoutingFixture) => f.store.timeline('').filter(isRouteEvent).map(line);

describe('route changes', () => {
  it('are events: paused → resumed, slowed → recovered, an operator from another process, listed → delisted', async () => {
    const aol = await startTarget({ connect: (ip) => (ip.endsWith('127.0.0.2') ? CON_B1 : null) });
    const gmail = await startTarget({ data: (n) => (n === 1 ? GMAIL_4728 : null) });
    closers.push(() => aol.close(), () => gmail.close());
    const zone: Zone = {};
    const dns = await startDns(zone);
    closers.push(() => dns.close());
    fx = startRoutedEngine({
      pools, dnsServers: [dns.server],
      routes: { 'aol.com': `127.0.0.1:${aol.port}`, 'gmail.com': `127.0.0.1:${gmail.port}` },
      shaping: { google: { messagesPerMinute: 60 } },
      reactions: { pauseMinutes: 30, recoveryMinutes: 4 },
      blocklists: { zones: [{ zone: 'zen.test' }] },
    }); // the pool picks 127.0.0.2 first while both are clean
    const f = fx;
    const metrics = createMetrics(createQueueDepth(f.db));
    f.store.onEvents(metrics.record);
    const streamed: TimelineEvent[] = [];
    f.store.onEvents((events) => streamed.push(...events));

    // A block: 127.0.0.2 is paused toward Yahoo/AOL on the refused message's timeline, the message leaves from .3.
    const blocked = testMessage(['carol@aol.com']);
    await f.store.enqueue(blocked);
    await waitUntil('the block and the retry', () => f.store.timeline(blocked.id).some((e) => e.type === 'delivered'));
    expect(f.store.timeline(blocked.id).find((e) => e.type === 'route-paused')).toMatchObject({
      recipient: 'carol@aol.com', data: { source: '127.0.0.2', provider: 'yahoo', by: 'reaction' },
    });

    // A rate limit: the route it came over is slowed, on that message's timeline.
    const limited = testMessage(['frank@gmail.com']);
    await f.store.enqueue(limited);
    await waitUntil('the slowdown recorded', () => f.store.timeline(limited.id).some((e) => e.type === 'route-slowed'));
    const slowed = f.store.timeline(limited.id).find((e) => e.type === 'route-slowed')!;
    expect(slowed.data).toMatchObject({ provider: 'google', rate: 30, by: 'reaction' });
    const gmailSource = isRouteEvent(slowed) ? slowed.data.source : '';
    expect(changes(f)).toEqual([]); // a reply's own change is on its message only

    // Four minutes on, the slowed route is back at full rate; thirty, the pause is over. Neither had a message.
    f.clock.now += 4 * 60_000;
    f.routing.refresh();
    expect(changes(f)).toEqual([`route-recovered ${gmailSource} google recovery`]);
    f.clock.now += 26 * 60_000;
    f.routing.refresh();
    expect(changes(f)).toEqual([`route-recovered ${gmailSource} google recovery`, 'route-resumed 127.0.0.2 yahoo timer']);
    expect(f.routes.all()).toEqual([]); // spent states leave the table: an ok route has no record

    // An operator pauses and resumes from the CLI, another process with its own handle on the table.
    const cliDb = openDatabase(f.db.name);
    closers.push(async () => void cliDb.close());
    const cli = createRouteActions({ routes: createRouteStore(cliDb), suppressions: createSuppressionList(cliDb), audit: createAuditLog(cliDb), clock: () => f.clock.now });
    cli.pauseRoute('ops@cli', '127.0.0.3', '*', 0, 'maintenance');
    f.routing.refresh();
    cli.resumeRoute('ops@cli', '127.0.0.3');
    f.routing.refresh();
    expect(changes(f).slice(2)).toEqual(['route-paused 127.0.0.3 * operator', 'route-resumed 127.0.0.3 * operator']);

    // The blocklist watch: listed, then delisted.
    const watch = startBlocklistWatch({ db: f.db, routes: f.table, config: f.config, logger: silentLogger, clock: () => f.clock.now });
    closers.push(() => watch.close());
    zone['2.0.0.127.zen.test'] = { A: ['127.0.0.4'] };
    await watch.checkNow();
    await watch.checkNow(); // still listed: nothing new
    delete zone['2.0.0.127.zen.test'];
    await watch.checkNow();
    expect(changes(f).slice(4)).toEqual([
      'route-listed 127.0.0.2 * blocklist', 'route-paused 127.0.0.2 * blocklist',
      'route-delisted 127.0.0.2 * delisting', 'route-resumed 127.0.0.2 * delisting',
    ]);
    const listed = f.store.timeline('').find((e) => e.type === 'route-listed')!;
    expect(listed.data).toMatchObject({ why: 'listed on zen.test (127.0.0.4)', until: 0 });

    // The console's list reads the same events, newest first.
    expect(eventsWithoutMessage(f.db, ROUTE_EVENT_TYPES, 3).map(line)).toEqual([
      'route-resumed 127.0.0.2 * delisting', 'route-delisted 127.0.0.2 * delisting', 'route-paused 127.0.0.2 * blocklist',
    ]);

    // Metrics count every change by event and cause; webhooks carry them (no message id where there is none).
    await waitUntil('the stream has them all', () => streamed.filter(isRouteEvent).length === 10);
    const counted = (await metrics.registry.getSingleMetric('mailwarden_route_changes_total')!.get()).values
      .map((v) => `${v.labels.event as string} ${v.labels.by as string} ${v.value}`).sort();
    expect(counted).toEqual([
      'route-delisted delisting 1', 'route-listed blocklist 1', 'route-paused blocklist 1', 'route-paused operator 1',
      'route-paused reaction 1', 'route-recovered recovery 1', 'route-resumed delisting 1', 'route-resumed operator 1',
      'route-resumed timer 1', 'route-slowed reaction 1',
    ]);
    const payloads = payloadsOf(streamed).filter((p) => p.event.startsWith('route-'));
    expect(payloads.map((p) => p.event)).toEqual(expect.arrayContaining(['route-recovered', 'route-resumed', 'route-listed', 'route-delisted']));
    expect(payloads.find((p) => p.event === 'route-recovered')).not.toHaveProperty('messageId');
  });
});
