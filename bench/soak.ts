// npm run bench:soak [-- --minutes N] (or SOAK_MINUTES=N; default 20): the relay under steady load for a long time.
//
//   smtp-source (Postfix's, small batches every second) -> mailwarden relay (dist/, a fresh data dir) -> smtp-sink
//
// First a burst measures the capacity on this machine (end-to-end messages per second, CAP_MSGS messages at
// concurrency 20); then the soak offers half of it (SOAK_RATE overrides) for the chosen minutes. Once a minute it
// prints the relay's RSS, its open file descriptors (/proc/PID/fd), the queue's pending messages and the age of the
// oldest one, and what the sink received. At the end a verdict: flat, or which figure kept growing (the last third of
// the samples against the second minute on; the first minute is warm-up). Loopback only; the relay and the sink are
// stopped by PID. Environment: SOAK_MINUTES, SOAK_RATE, CAP_MSGS (2000), SIZE (4096 bytes), KEEP=1 keeps the scratch dir.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const ROOT = join(import.meta.dirname, '..');
const SMTP_SOURCE = ['/usr/sbin/smtp-source', '/usr/lib/postfix/sbin/smtp-source'].find(existsSync);
const SMTP_SINK = ['/usr/sbin/smtp-sink', '/usr/lib/postfix/sbin/smtp-sink'].find(existsSync);

function arg(name: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name}/${env} must be a positive number, got ${String(raw)}`);
  return n;
}

const minutes = arg('minutes', 'SOAK_MINUTES', 20);
const capMsgs = arg('cap-msgs', 'CAP_MSGS', 2000);
const size = arg('size', 'SIZE', 4096);
const scratch = mkdtempSync(join(tmpdir(), 'mw-soak-'));
const children: ChildProcess[] = [];
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

async function waitPort(port: number, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (spawnSync('ss', ['-Hltn', `sport = :${port}`]).stdout.toString().trim()) return;
    await sleep(100);
  }
  throw new Error(`${what} does not listen on ${port}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGTERM');
  });
}

// ------------------------------------------------------------------------------------------------------ the sink
const sinkOut = join(scratch, 'sink.out');
async function startSink(): Promise<number> {
  const port = await freePort();
  const out = await import('node:fs').then((fs) => fs.openSync(sinkOut, 'w'));
  // -c prints a running transaction count (mesg=N) to its output: that is what was received.
  const sink = spawn(SMTP_SINK!, ['-u', 'nobody', '-c', `127.0.0.1:${port}`, '1024'], { stdio: ['ignore', out, out] });
  children.push(sink);
  await waitPort(port, 'smtp-sink');
  return port;
}
function sinkCount(): number {
  const tail = readFileSync(sinkOut).subarray(-200).toString('latin1');
  const all = [...tail.matchAll(/mesg=(\d+)/g)];
  return all.length ? Number(all[all.length - 1]![1]) : 0;
}

// ----------------------------------------------------------------------------------------------------- the relay
async function startRelay(sinkPort: number): Promise<{ pid: number; port: number; db: string; child: ChildProcess }> {
  const port = await freePort();
  const dir = join(scratch, 'relay');
  // The settings of bench/relay.sh: one client address sends everything, scanning on, thresholds out of reach.
  writeFileSync(join(scratch, 'mailwarden.yaml'), `hostname: relay.soak.test
dataDir: ${dir}
log: { level: warn, file: ${join(scratch, 'mailwarden.log')} }
limits: { maxConnectionsPerIp: 1000 }
listeners:
  submission: { enabled: false }
  smtps: { enabled: false }
  relay: { port: ${port} }
admin: { port: 0 }
content: { thresholds: { tag: 1000, quarantine: 1000, reject: 1000 } }
policy:
  accounts:
    local: { tagScore: 1000, quarantineScore: 1000, suspendScore: 1000, newIdentityPerHour: 100000000, maxPerHour: 0, loginNewPerHour: 100000000, loginMaxPerHour: 0 }
delivery:
  routes: { "*": "127.0.0.1:${sinkPort}" }
`);
  const out = await import('node:fs').then((fs) => fs.openSync(join(scratch, 'relay.stdout'), 'w'));
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), '--config', join(scratch, 'mailwarden.yaml'), 'start'], { stdio: ['ignore', out, out] });
  children.push(child);
  await waitPort(port, 'mailwarden');
  return { pid: child.pid!, port, db: join(dir, 'mailwarden.sqlite'), child };
}

// ------------------------------------------------------------------------------------------------------- figures
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
const dbMb = (file: string) => [file, `${file}-wal`].reduce((a, f) => a + (existsSync(f) ? statSync(f).size : 0), 0) / 1048576;
const openFds = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

function queueFigures(dbFile: string): { pending: number; oldestS: number } {
  if (!existsSync(dbFile)) return { pending: 0, oldestS: 0 };
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 2000');
    const row = db.prepare("SELECT count(*) AS n, min(received_at) AS oldest FROM messages WHERE state IN ('queued', 'deferred')").get() as { n: number; oldest: number | null };
    return { pending: row.n, oldestS: row.oldest === null ? 0 : (Date.now() - row.oldest) / 1000 };
  } finally {
    db.close();
  }
}

function source(port: number, msgs: number, conc: number): ChildProcess {
  const child = spawn(SMTP_SOURCE!, ['-s', String(conc), '-m', String(msgs), '-l', String(size), '-f', 'sender@soak.test', '-t', 'rcpt@example.net', `127.0.0.1:${port}`], { stdio: 'ignore' });
  children.push(child);
  child.once('exit', () => children.splice(children.indexOf(child), 1));
  return child;
}
const exited = (c: ChildProcess) => new Promise<number>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code ?? 1))));

// ------------------------------------------------------------------------------------------------------ the run
async function main(): Promise<void> {
  if (!SMTP_SOURCE || !SMTP_SINK) throw new Error('smtp-source/smtp-sink not found (apt-get install postfix)');
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('not built (npm run build)');
  const sinkPort = await startSink();
  const relay = await startRelay(sinkPort);
  log(`relay pid ${relay.pid} on 127.0.0.1:${relay.port} -> smtp-sink 127.0.0.1:${sinkPort}; scratch ${scratch}`);

  // Capacity: a burst, timed until the sink has every message.
  const t0 = Date.now();
  if ((await exited(source(relay.port, capMsgs, 20))) !== 0) throw new Error('smtp-source failed during the capacity burst');
  while (sinkCount() < capMsgs && Date.now() - t0 < 300_000) await sleep(50);
  const capacity = capMsgs / ((Date.now() - t0) / 1000);
  const rate = process.env.SOAK_RATE ? arg('rate', 'SOAK_RATE', 1) : Math.max(1, Math.floor(capacity / 2));
  log(`capacity ${capacity.toFixed(0)} msgs/s end to end (${capMsgs} messages); soak at ${rate} msgs/s for ${minutes} min`);

  // db_mb grows with the mail: delivered messages keep their timeline rows until retention removes them.
  const header = 'minute  rss_mb  open_fds  queue_pending  oldest_queued_s  sent  received  relay_cpu_s  db_mb';
  console.log(header);
  const samples: Array<{ rss: number; fds: number; pending: number; oldest: number }> = [];
  const start = Date.now();
  const end = start + minutes * 60_000;
  const sentBase = sinkCount();
  let sent = 0;
  let skipped = 0;
  let batch: ChildProcess | null = null;
  let nextMinute = start + 60_000;
  while (Date.now() < end) {
    const tick = Date.now();
    // One batch a second; a batch still running (the relay is slower than the offered load) is not doubled up.
    if (!batch || batch.exitCode !== null) {
      batch = source(relay.port, rate, Math.min(10, rate));
      sent += rate;
    } else skipped++;
    if (Date.now() >= nextMinute) {
      nextMinute += 60_000;
      sample();
    }
    await sleep(Math.max(0, 1000 - (Date.now() - tick)));
  }
  if (samples.length < Math.floor(minutes)) sample(); // the last minute ends with the loop
  function sample(): void {
    const q = queueFigures(relay.db);
    const s = { rss: rssMb(relay.pid), fds: openFds(relay.pid), pending: q.pending, oldest: q.oldestS };
    samples.push(s);
    const cpu = readFileSync(`/proc/${relay.pid}/stat`, 'utf8').replace(/.*\) /, '').split(' ');
    const cpuS = (Number(cpu[11]) + Number(cpu[12])) / 100;
    console.log(`${String(samples.length).padStart(6)}  ${s.rss.toFixed(0).padStart(6)}  ${String(s.fds).padStart(8)}  ${String(s.pending).padStart(13)}  ${s.oldest.toFixed(1).padStart(15)}  ${String(sent).padStart(6)}  ${String(sinkCount() - sentBase).padStart(8)}  ${cpuS.toFixed(0).padStart(11)}  ${dbMb(relay.db).toFixed(1).padStart(5)}`);
  }
  if (batch) await exited(batch);
  const drainStart = Date.now();
  while (sinkCount() - sentBase < sent && Date.now() - drainStart < 60_000) await sleep(100);
  const received = sinkCount() - sentBase;
  log(`offered ${sent}, received ${received} (${sent - received} missing after a 60 s drain), ${skipped} seconds skipped because a batch was still running`);
  console.log(verdict(samples, sent, received));
}

/** Flat when the last third of the samples is not above the early ones by more than noise. */
function verdict(samples: Array<{ rss: number; fds: number; pending: number; oldest: number }>, sent: number, received: number): string {
  if (samples.length < 3) return 'verdict: too short to judge (needs 3 minutes or more)';
  const early = samples.slice(1, Math.max(2, Math.ceil(samples.length / 3)));
  const late = samples.slice(-Math.ceil(samples.length / 3));
  const avg = (xs: typeof samples, k: keyof (typeof samples)[number]) => xs.reduce((a, s) => a + s[k], 0) / xs.length;
  const problems: string[] = [];
  const rssGrowth = avg(late, 'rss') - avg(early, 'rss');
  if (rssGrowth > Math.max(30, 0.15 * avg(early, 'rss'))) problems.push(`RSS grew ${rssGrowth.toFixed(0)} MB`);
  const fdGrowth = avg(late, 'fds') - avg(early, 'fds');
  if (fdGrowth > 10) problems.push(`open fds grew by ${fdGrowth.toFixed(0)}`);
  if (avg(late, 'pending') > Math.max(50, 2 * avg(early, 'pending'))) problems.push(`queue grew to ${avg(late, 'pending').toFixed(0)} pending`);
  if (Math.max(...late.map((s) => s.oldest)) > 60) problems.push(`oldest queued message ${Math.max(...late.map((s) => s.oldest)).toFixed(0)} s old`);
  if (received < sent) problems.push(`${sent - received} messages not received`);
  return problems.length ? `verdict: NOT FLAT: ${problems.join('; ')}` : `verdict: flat (RSS ${rssGrowth >= 0 ? '+' : ''}${rssGrowth.toFixed(0)} MB, fds ${fdGrowth >= 0 ? '+' : ''}${fdGrowth.toFixed(0)}, queue and oldest age stayed bounded, nothing missing)`;
}

async function cleanup(): Promise<void> {
  for (const c of [...children].reverse()) await stop(c);
  if (process.env.KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
}

process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
try {
  await main();
} catch (err) {
  console.error(`soak: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
