// Scenario: an operator looks at the route matrix, pauses one IP toward a provider and resumes it; the relay's routing
// (on the same database file) follows within its reload interval. Runs the built CLI (dist/), as the operator would.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../src/classify/index.js';
import { createRouting } from '../src/routes/index.js';
import { createRouteStore } from '../src/routes/store.js';
import { recordRouteTransitions } from '../src/deliver/route-events.js';
import { createSqliteQueueStore } from '../src/queue/sqlite-store.js';
import { silentLogger } from '../src/shared/logger.js';
import { openDatabase } from '../src/store/sqlite.js';
import { tempDir, testConfig } from './helpers/queue-fixture.js';
import { waitUntil } from './helpers/wait.js';

const pools = { default: [{ address: '127.0.0.2', ehlo: 'a.relay.test', ptr: 'a.relay.test' }, { address: '127.0.0.3', ehlo: 'b.relay.test' }] };

function cli(configFile: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli/main.js', '-c', configFile, 'routes', ...args], (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }));
  });
}

describe('routes CLI', () => {
  it('lists, pauses and resumes routes, and the relay follows', async () => {
    const dataDir = tempDir();
    const configFile = join(dataDir, 'mailwarden.yaml');
    writeFileSync(configFile, JSON.stringify({ dataDir, delivery: { pools } })); // JSON is YAML
    const lines = async (args: string[]) => (await cli(configFile, args)).out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);

    expect((await lines(['--json'])).map((v) => `${v.source} ${v.provider} ${v.state}`)).toEqual(['127.0.0.2 * ok', '127.0.0.3 * ok']);

    const config = testConfig(dataDir, { pools });
    const db = openDatabase(config.storage.sqlitePath);
    // The relay's side: its route table hears the CLI's changes and writes them into its event stream.
    const store = createSqliteQueueStore(db, config.storage);
    const table = createRouteStore(db, { onTransition: recordRouteTransitions(store, silentLogger) });
    const routing = createRouting({ db, routes: table, config, logger: silentLogger, classify: classifyReply, random: () => 0 });
    const sourceFor = (provider: string) => {
      const a = routing.admit('acme', provider);
      return a.kind === 'send' ? a.route.localAddress : a.kind;
    };
    expect(sourceFor('yahoo')).toBe('127.0.0.2');

    expect(await cli(configFile, ['pause', '127.0.0.2', 'yahoo', '--minutes', '30', '--reason', 'complaints at AOL'])).toMatchObject({ code: 0, out: 'paused 127.0.0.2 toward yahoo for 30 minutes\n' });
    const paused = (await lines(['--json'])).find((v) => v.source === '127.0.0.2')!;
    expect(paused).toMatchObject({ provider: 'yahoo', state: 'paused', by: 'operator', why: 'complaints at AOL' });
    expect((await cli(configFile, [])).out).toMatch(/^127\.0\.0\.2\s+yahoo\s+paused\s+until 20\d\d-/m);
    await waitUntil('the relay sees the pause', () => sourceFor('yahoo') === '127.0.0.3');
    expect(sourceFor('google')).toBe('127.0.0.2'); // other providers keep the IP

    expect(await cli(configFile, ['resume', '127.0.0.2'])).toMatchObject({ code: 0, out: 'resumed 127.0.0.2 (1 route)\n' });
    // The first stderr line names the configuration and data directory (every command that opens the store says it).
    const refused = await cli(configFile, ['resume', '127.0.0.2']);
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n').slice(1).join('\n')).toBe('mailwarden: 127.0.0.2 is neither paused nor slowed\n');
    await waitUntil('the relay sees the resume', () => sourceFor('yahoo') === '127.0.0.2');
    store.timeline(''); // commits what the relay heard
    const changes = await lines(['changes', '--json']);
    expect(changes.map((c) => `${c.event} ${c.source} ${c.provider} ${c.by}`)).toEqual(['route-resumed 127.0.0.2 yahoo operator', 'route-paused 127.0.0.2 yahoo operator']);
    expect(changes[1]).toMatchObject({ why: 'complaints at AOL' });
    expect((await cli(configFile, ['changes'])).out).toMatch(/^\S+\s+route-resumed\s+127\.0\.0\.2\s+yahoo\s+operator/m);
    await store.close();
    db.close();
  });
});
