// `mailwarden config check` refuses everything `start` would refuse, with the key's path and what is wrong, and for
// a misspelt key it names the valid one meant. Each bad file is checked through the built CLI, as an operator would.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { CLI, writeConfig } from './helpers/relay-process.js';

function check(config: Record<string, unknown>): { status: number | null; stderr: string; stdout: string } {
  const file = writeConfig(tempDir('mw-check-'), config);
  const r = spawnSync(process.execPath, [CLI, '--config', file, 'config', 'check'], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('config check', () => {
  it.each([
    ['a bad CIDR', { trustedNetworks: { farm: ['10.0.0.0/8', '192.0.2.300/24'] } }, /trustedNetworks\.farm\.1: .*192\.0\.2\.300/],
    ['a route to host:notaport', { delivery: { routes: { 'partner.example': 'mx.partner.example:smtp' } } }, /delivery\.routes\.partner\.example: bad port/],
    ['a DNS server with a bad port', { delivery: { dnsServers: ['127.0.0.1:abc'] } }, /delivery\.dnsServers\.0: bad port/],
    ['a regular expression that does not compile', { identity: { headers: [{ header: 'X-User', pattern: '([a-z' }] } }, /identity\.headers\.0\.pattern: .*not a valid regular expression/],
    ['two listeners on one port', { listeners: { submission: { port: 2600 }, relay: { port: 2600 } } }, /listeners\.relay\.port: 127\.0\.0\.1:2600 is also used by listeners\.submission/],
    ['a listener on the admin port', { listeners: { relay: { host: '0.0.0.0', port: 8025 } } }, /admin\.port: .*listeners\.relay/],
    ['an empty retrySchedule', { delivery: { retrySchedule: [] } }, /delivery\.retrySchedule: needs at least one interval/],
  ])('refuses %s with the key path', (_what, config, message) => {
    const r = check(config);
    expect(r.stdout).not.toMatch(/valid/);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
  });

  it('names the nearest valid key for a misspelt one', () => {
    expect(check({ listners: { relay: { port: 2525 } } }).stderr).toMatch(/listners.*did you mean "listeners"/);
    expect(check({ limits: { maxClient: 10 } }).stderr).toMatch(/limits: .*maxClient.*did you mean "maxClients"/);
  });

  it('accepts the same listeners on different addresses', () => {
    const r = check({ listeners: { submission: { host: '127.0.0.1', port: 2600 }, relay: { host: '127.0.0.2', port: 2600 } } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
