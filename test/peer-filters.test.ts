// The optional peer filters against the real daemons from Debian's packages, started by this test on loopback ports
// of their own: SpamAssassin's spamd and Rspamd each add one rule to the verdict. Skipped, with a message, when the
// daemon binaries are not installed (apt-get install spamassassin spamd rspamd).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSchema } from '../src/config/schema.js';
import { createContentScorer } from '../src/inspect/content/index.js';
import { compose } from './helpers/compose.js';

// The standard test string both filters know (SpamAssassin's GTUBE), so no real spam is needed.
const GTUBE = 'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X';
const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const isRoot = process.getuid?.() === 0;
const userExists = (u: string) => spawnSync('id', [u]).status === 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function waitListening(port: number, child: ChildProcess, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 5; i++) {
    if (child.exitCode !== null) throw new Error(`daemon exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing listens on ${port} after ${seconds} s`);
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mailwarden-peers-'));
  chmodSync(work, 0o755);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a peer that cannot be reached', () => {
  it('adds a zero-score rule saying so, and the message is still scored', async () => {
    const port = await freePort();
    const scorer = createContentScorer(contentSchema.parse({ spamassassin: { enabled: true, port, timeoutMs: 2000 } }));
    const v = await scorer.check(await compose());
    expect(v.rules).toContainEqual(expect.objectContaining({ name: 'SPAMASSASSIN_UNAVAILABLE', score: 0 }));
    expect(v.action).toBe('accept');
  });
});

describe.skipIf(!has('spamd'))('SpamAssassin spamd (skipped: spamd not installed)', () => {
  let spamd: ChildProcess | undefined;
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    const home = join(work, 'sa-home');
    mkdirSync(home);
    const asUser = isRoot && userExists('debian-spamd') ? ['-u', 'debian-spamd'] : [];
    if (asUser.length) spawnSync('chown', ['debian-spamd', home]);
    spamd = spawn('spamd', ['-L', '-x', ...asUser, `--listen=127.0.0.1:${port}`, '--allowed-ips=127.0.0.1',
      '--max-children=1', '--min-children=1', `--helper-home-dir=${home}`, '--cf=use_bayes 0', '--cf=bayes_auto_learn 0',
      '-s', join(work, 'spamd.log')], { stdio: 'ignore' });
    await waitListening(port, spamd, 120);
  }, 150_000);
  afterAll(() => stop(spamd));

  it('merges its score into the verdict as the SPAMASSASSIN rule', async () => {
    const scorer = createContentScorer(contentSchema.parse({ spamassassin: { enabled: true, port } }));
    const v = await scorer.check(await compose({ text: `Test message.\n${GTUBE}\n` }));
    const rule = v.rules.find((r) => r.name === 'SPAMASSASSIN');
    expect(rule?.score).toBeGreaterThanOrEqual(100); // GTUBE scores 1000
    expect(rule?.description).toContain('GTUBE');
    expect(v).toMatchObject({ spam: true, action: 'reject' });
  });
});

describe.skipIf(!has('rspamd'))('Rspamd /checkv2 (skipped: rspamd not installed)', () => {
  let rspamd: ChildProcess | undefined;
  let dns: UdpSocket | undefined;
  let port = 0;
  beforeAll(async () => {
    // A resolver that answers SERVFAIL to everything, so Rspamd's DNS lists fail at once and nothing leaves the host.
    dns = createSocket('udp4');
    dns.on('message', (q, peer) => {
      if (q.length < 12) return;
      const a = Buffer.from(q);
      a[2] = 0x80 | (q[2]! & 0x79);
      a[3] = 0x82;
      a.writeUInt16BE(0, 6);
      a.writeUInt16BE(0, 8);
      a.writeUInt16BE(0, 10);
      dns!.send(a, peer.port, peer.address);
    });
    await new Promise<void>((r) => dns!.bind(0, '127.0.0.1', r));
    port = await freePort();
    const [controller, proxy] = [await freePort(), await freePort()];
    const dir = join(work, 'rspamd');
    for (const d of ['local.d', 'override.d', 'db', 'run', 'log']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'override.d', 'worker-normal.inc'), `bind_socket = "127.0.0.1:${port}";\n`);
    writeFileSync(join(dir, 'override.d', 'worker-controller.inc'), `bind_socket = "127.0.0.1:${controller}";\n`);
    writeFileSync(join(dir, 'override.d', 'worker-proxy.inc'), `bind_socket = "127.0.0.1:${proxy}";\n`);
    writeFileSync(join(dir, 'local.d', 'options.inc'), `dns { nameserver = ["127.0.0.1:${dns.address().port}"]; timeout = 1s; retransmits = 1; }\n`);
    const asUser = isRoot && userExists('_rspamd') ? ['-u', '_rspamd', '-g', '_rspamd'] : ['-i'];
    if (isRoot && userExists('_rspamd')) spawnSync('chown', ['-R', '_rspamd', dir]);
    rspamd = spawn('rspamd', ['-f', ...asUser, `--var=LOCAL_CONFDIR=${dir}`, `--var=DBDIR=${dir}/db`, `--var=RUNDIR=${dir}/run`,
      `--var=LOGDIR=${dir}/log`, '-p', join(dir, 'run', 'rspamd.pid')], { stdio: 'ignore' });
    await waitListening(port, rspamd, 120);
  }, 150_000);
  afterAll(async () => {
    await stop(rspamd);
    dns?.close();
  });

  it('merges its answer into the verdict as the RSPAMD rule', async () => {
    const scorer = createContentScorer(contentSchema.parse({ rspamd: { enabled: true, url: `http://127.0.0.1:${port}` } }));
    const v = await scorer.check(await compose({ text: `Test message.\n${GTUBE}\n` }), { authUser: 'alice', mailFrom: 'alice@example.com', recipients: ['bob@example.org'] });
    const rule = v.rules.find((r) => r.name.startsWith('RSPAMD'));
    expect(rule?.name).toBe('RSPAMD');
    expect(rule?.score).toBeGreaterThanOrEqual(15); // GTUBE is Rspamd's reject, at its reject score
    expect(rule?.description).toMatch(/^Rspamd scores .*GTUBE/);
    expect(v).toMatchObject({ spam: true, action: 'reject' });
  });
});
