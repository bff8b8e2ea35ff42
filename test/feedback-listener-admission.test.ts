// Scenario: the feedback listener faces the internet. One address that opens connections and says nothing must not
// hold every slot: past limits.maxConnectionsPerIp it gets 421, and once it lets go, reports get in again, also after
// sessions that used STARTTLS.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { startRelay, type Relay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { tempDir } from './helpers/queue-fixture.js';
import { rawSmtp } from './helpers/raw-smtp.js';

let relay: Relay;
beforeAll(async () => {
  const config = parseConfig({
    hostname: 'relay.mailwarden.test', dataDir: tempDir('mw-feedback-gate-'), log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } }, admin: { enabled: false },
    limits: { maxConnectionsPerIp: 2 },
    feedback: { enabled: true, bounceDomain: 'bounces.test', listener: { enabled: true, port: 0 } },
  });
  relay = await startRelay({ config, logger: silentLogger });
});
afterAll(async () => relay.close());

function silent(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' }, () => resolve(s));
    s.on('error', reject);
  });
}

/** The greeting a new connection gets once the server has seen earlier ones close (bounded wait). */
async function greetingOnceFree(port: number): Promise<string> {
  let greeting = '';
  for (let i = 0; i < 100 && !greeting.startsWith('220 '); i++) {
    await new Promise((r) => setTimeout(r, 20));
    const c = await rawSmtp(port);
    greeting = c.greeting;
    c.end();
    await c.closed;
  }
  return greeting;
}

describe('the feedback listener admits connections per address', () => {
  it('refuses a third silent connection from one address, and admits again once they close', async () => {
    const port = relay.ports.feedback!;
    const held = [await silent(port), await silent(port)];
    const third = await rawSmtp(port);
    expect(third.greeting).toBe('421 4.7.0 Too many connections from your address, try again later');
    await third.closed;
    for (const s of held) s.destroy();
    expect(await greetingOnceFree(port)).toMatch(/^220 /);
  });

  it('gives slots back after STARTTLS sessions', async () => {
    const port = relay.ports.feedback!;
    for (let i = 0; i < 4; i++) {
      const c = await rawSmtp(port);
      expect(c.greeting).toMatch(/^220 /);
      expect(await c.command('EHLO reporter.test')).toMatch(/^250/);
      expect(await c.command('STARTTLS')).toMatch(/^220 /);
      await c.startTls();
      c.end();
      await c.closed;
    }
    expect(await greetingOnceFree(port)).toMatch(/^220 /);
  });
});
