// '.'→250 latency of honest clients, alone and under an AUTH flood. The relay runs as its own process (the built CLI,
// durable queue as configured by default, delivering to a local smtp-sink); this process is the clients. Honest
// clients log in once on the implicit-TLS listener, then send messages back to back and time each final "." to its
// 250. The flood is wrong-password AUTH over TLS from many loopback addresses (127.1.x.y, a few attempts each, so the
// per-address AUTH throttle never blocks it: a botnet's shape), bounded by a count and by the phase's duration.
// Prints p50/p99/max without and with the flood, the ratios, and how the flood's attempts were answered.
//
// Peer: Postfix with Dovecot SASL is not installed here, so there is no measured peer figure. (In that design the
// password check runs in Dovecot's auth worker processes, apart from the smtpd and cleanup processes that write and
// fsync the queue file, so a flood costs CPU but cannot queue ahead of the queue's fsync, which is what this relay
// now also guarantees with its own password threads.)
//
// Usage: npm run bench:auth-flood -- [SECONDS per phase=15] [HONEST clients=4] [FLOOD connections=40] [FLOOD attempts=3000]
// Env: MW_CLI=/path/to/dist/cli/main.js measures another build (e.g. the code before the change);
//      PW_THREADS=N sets limits.passwordChecks.threads (default: the configuration's default).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawSmtp, type RawSmtp } from '../test/helpers/raw-smtp.js';
import { CLI, cli, spawnRelay, writeConfig } from '../test/helpers/relay-process.js';
import { startSink } from '../test/helpers/smtp-sink.js';

const [seconds = 15, honestClients = 4, floodConns = 40, floodMax = 3000] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
const ATTEMPTS_PER_ADDRESS = 3; // below the AUTH throttle's default of 5 failures per address
const PASSWORD = 'honest client password';
const plain = (user: string, pass: string) => 'AUTH PLAIN ' + Buffer.from(`\0${user}\0${pass}`).toString('base64');
/** About 4 KB, the size bench:relay uses. */
const body = ['From: honest@customer.test', 'To: rcpt@example.test', 'Subject: bench', '', ...new Array<string>(50).fill('x'.repeat(76)), ''].join('\r\n');

/** The flood: wrong passwords from many addresses until `until` or `max` attempts; replies counted by code. */
async function flood(port: number, until: number, conns: number, max: number): Promise<Record<string, number>> {
  const answers: Record<string, number> = {};
  const count = (key: string) => void (answers[key] = (answers[key] ?? 0) + 1);
  let sent = 0;
  let address = 0;
  await Promise.all(Array.from({ length: conns }, async () => {
    while (Date.now() < until && sent < max) {
      const a = address++;
      let c: RawSmtp;
      try {
        c = await rawSmtp(port, { tls: true, localAddress: `127.1.${(a >> 8) & 255}.${(a & 255) || 1}` });
      } catch {
        count('connect failed');
        continue;
      }
      await c.command('EHLO flood.test');
      for (let i = 0; i < ATTEMPTS_PER_ADDRESS && Date.now() < until && sent < max; i++) {
        sent++;
        const reply = await c.command(plain('honest', `guess-${a}-${i}`));
        count(reply.slice(0, 9).trim());
        if (reply === '(closed)') break;
      }
      c.end();
    }
  }));
  return answers;
}

// The flood runs in a process of its own (this file with --flood PORT UNTIL CONNS MAX), so its TLS work does not
// delay the honest clients' own event loop and with it their measured latencies.
if (process.argv[2] === '--flood') {
  const [port, until, conns, max] = process.argv.slice(3).map(Number) as [number, number, number, number];
  process.stdout.write(JSON.stringify(await flood(port, until, conns, max)));
  process.exit(0);
}

function floodProcess(port: number, until: number): Promise<Record<string, number>> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--flood', String(port), String(until), String(floodConns), String(floodMax)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(`flood process exited ${code}`)))));
}

const dir = mkdtempSync(join(tmpdir(), 'mw-bench-authflood-'));
const sink = await startSink();
const configFile = writeConfig(dir, {
  dataDir: join(dir, 'data'),
  hostname: 'relay.bench.test',
  listeners: { submission: { enabled: false }, smtps: { host: '127.0.0.1', port: 0 }, relay: { enabled: false } },
  delivery: { routes: { '*': `127.0.0.1:${sink.port}` } },
  // The honest account sends far more than a new sender may: its rate limits and risk thresholds are lifted, so every
  // message is stored and acknowledged (the policy and content scoring still run on each).
  policy: { accounts: { honest: { newIdentityPerHour: 100_000_000, maxPerHour: 0, loginNewPerHour: 100_000_000, loginMaxPerHour: 0, tagScore: 1000, quarantineScore: 1000, suspendScore: 1000 } } },
  log: { level: 'warn' },
  ...(process.env.PW_THREADS ? { limits: { passwordChecks: { threads: Number(process.env.PW_THREADS) } } } : {}),
});
const passwordFile = join(dir, 'pw');
writeFileSync(passwordFile, PASSWORD);
cli(configFile, 'accounts', 'add', 'honest', '--password-file', passwordFile);
const relay = await spawnRelay(configFile, process.env.MW_CLI ?? CLI);
const port = relay.ports.smtps!;

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;
}

/** Honest clients, logged in once before any flood (a login during one may itself wait or get 454). */
async function loginHonest(): Promise<RawSmtp[]> {
  return Promise.all(Array.from({ length: honestClients }, async () => {
    const c = await rawSmtp(port, { tls: true });
    await c.command('EHLO honest.test');
    const auth = await c.command(plain('honest', PASSWORD));
    if (!auth.startsWith('235')) throw new Error(`honest login refused: ${auth}`);
    return c;
  }));
}

/** Each honest session sends messages back to back until `until`; every '.'→250 in ms. */
async function honest(sessions: RawSmtp[], until: number): Promise<{ latencies: number[]; failures: string[] }> {
  const latencies: number[] = [];
  const failures: string[] = [];
  await Promise.all(sessions.map(async (c) => {
    while (Date.now() < until) {
      await c.command('MAIL FROM:<honest@customer.test>');
      await c.command('RCPT TO:<rcpt@example.test>');
      await c.command('DATA');
      c.write(body);
      const t0 = process.hrtime.bigint();
      const reply = await c.command('.');
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (reply.startsWith('250')) latencies.push(ms);
      else failures.push(reply);
    }
  }));
  return { latencies, failures };
}

function summary(name: string, r: { latencies: number[]; failures: string[] }, phaseS: number) {
  const sorted = [...r.latencies].sort((x, y) => x - y);
  return { name, n: sorted.length, perS: sorted.length / phaseS, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN, failures: r.failures };
}

try {
  const sessions = await loginHonest();
  await honest(sessions, Date.now() + 2000); // warm-up: the first commits, the delivery path
  const quiet = summary('alone', await honest(sessions, Date.now() + seconds * 1000), seconds);
  const until = Date.now() + seconds * 1000;
  const [loaded, answers] = await Promise.all([honest(sessions, until), floodProcess(port, until)]);
  for (const c of sessions) c.end();
  const busy = summary('under flood', loaded, seconds);
  const fmt = (x: number) => x.toFixed(1).padStart(8);
  console.log(`auth-flood: ${honestClients} honest clients, ${seconds} s per phase; flood of up to ${floodMax} wrong-password AUTH over ${floodConns} TLS connections`);
  console.log(`relay: ${process.env.MW_CLI ?? CLI}`);
  console.log(`${'phase'.padEnd(12)} ${'msgs'.padStart(6)} ${'msg/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
  for (const s of [quiet, busy]) console.log(`${s.name.padEnd(12)} ${String(s.n).padStart(6)} ${s.perS.toFixed(1).padStart(7)} ${fmt(s.p50)} ${fmt(s.p99)} ${fmt(s.max)}${s.failures.length ? `  failures: ${s.failures.length} (${s.failures[0]})` : ''}`);
  console.log(`ratio under flood / alone: p50 ${(busy.p50 / quiet.p50).toFixed(2)}x, p99 ${(busy.p99 / quiet.p99).toFixed(2)}x, max ${(busy.max / quiet.max).toFixed(2)}x`);
  console.log(`flood answers: ${Object.entries(answers).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  console.log('peer: Postfix + Dovecot SASL is not available on this machine; no peer figure (see the header of bench/auth-flood.ts)');
} finally {
  relay.proc.kill('SIGTERM');
  await relay.exited;
  await sink.stop();
  rmSync(dir, { recursive: true, force: true });
}
