// Durability: load messages into the running relay from concurrent clients, kill -9 it in the middle, restart it on
// the same data folder. Every message that got its 250 reaches the destination; duplicates are allowed only for
// messages in flight at the kill; none is lost. The test prints the counts.
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { spawnRelay, writeConfig, type RelayProcess } from './helpers/relay-process.js';
import { startSink, type Sink } from './helpers/smtp-sink.js';
import { waitUntil } from './helpers/wait.js';

const N = 300;
const CLIENTS = 8;

let sink: Sink | undefined;
let relay: RelayProcess | undefined;
afterAll(async () => {
  relay?.proc.kill('SIGTERM');
  await relay?.exited;
  await sink?.stop();
});

function connect(port: number): Promise<SMTPConnection> {
  const c = new SMTPConnection({ host: '127.0.0.1', port, ignoreTLS: true, name: 'loadgen.test' });
  c.on('error', () => {});
  return new Promise((resolve, reject) => c.connect((err) => (err ? reject(err) : resolve(c))));
}

function send(c: SMTPConnection, i: number): Promise<void> {
  const raw = `From: load@hosting.test\r\nTo: sink@dest.test\r\nSubject: durability ${i}\r\n\r\nmessage ${i}\r\n${'x'.repeat(1000)}\r\n`;
  return new Promise((resolve, reject) => c.send({ from: 'load@hosting.test', to: ['sink@dest.test'] }, raw, (err) => (err ? reject(err) : resolve())));
}

it('kill -9 under load loses no acknowledged message', async () => {
  sink = await startSink();
  const dir = tempDir('mw-durable-');
  const configFile = writeConfig(dir, {
    hostname: 'relay.mailwarden.test', dataDir: dir, log: { level: 'warn', file: `${dir}/mailwarden.log` },
    listeners: { submission: { port: 0 }, smtps: { port: 0 }, relay: { port: 0 } },
    delivery: { routes: { '*': `127.0.0.1:${sink.port}` }, pollIntervalMs: 100, retrySchedule: [1] },
  });
  relay = await spawnRelay(configFile);
  const port = relay.ports.relay!;

  const acked = new Set<number>();
  let next = 0;
  let killed = false;
  const client = async () => {
    let c: SMTPConnection | null = null;
    while (!killed && next < N) {
      const i = next++;
      try {
        c ??= await connect(port);
        await send(c, i);
        acked.add(i);
        if (acked.size >= N / 2 && !killed) {
          killed = true;
          relay!.proc.kill('SIGKILL');
        }
      } catch {
        c?.close();
        c = null; // an unacknowledged message: the client would send it again; it is not counted as acknowledged
      }
    }
    c?.close();
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const attempted = next;
  expect(await relay.exited).toBe('SIGKILL');

  relay = await spawnRelay(configFile);
  const subjects = () => sink!.messages().map((m) => Number(/Subject: durability (\d+)/.exec(m.raw)?.[1] ?? -1));
  await waitUntil('every acknowledged message at the sink', () => {
    const seen = new Set(subjects());
    return [...acked].every((i) => seen.has(i));
  }, 60_000);
  await new Promise((r) => setTimeout(r, 500)); // let stragglers (re-deliveries of in-flight messages) arrive
  const got = subjects();
  const counts = new Map<number, number>();
  for (const i of got) counts.set(i, (counts.get(i) ?? 0) + 1);
  const lost = [...acked].filter((i) => !counts.has(i));
  const duplicates = [...counts.values()].reduce((s, n) => s + n - 1, 0);
  const unackedDelivered = [...counts.keys()].filter((i) => !acked.has(i)).length;
  console.log(`durability: attempted ${attempted}, acknowledged ${acked.size}, delivered ${counts.size} unique ` +
    `(${unackedDelivered} not acknowledged: in flight at the kill), duplicates ${duplicates}, lost ${lost.length}`);
  expect(lost).toEqual([]);
  expect(duplicates).toBeLessThanOrEqual(CLIENTS + 200); // only what was in flight: clients' sessions + delivery window
});
