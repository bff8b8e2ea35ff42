// Scenario: the delivery thread dies while it holds outbound sessions. The messages it had in flight must be failed
// for a retry (deferred, never bounced or lost), a new thread started, and every acknowledged message delivered once
// the destination answers. Real relay, real SMTP on port 0, the thread killed with Worker.terminate().
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterEach, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { acceptAllPolicy } from '../src/decide/types.js';
import { startRelay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { openQueue, tempDir } from './helpers/queue-fixture.js';
import { waitUntil } from './helpers/wait.js';
import { watchWorkers } from './helpers/worker-threads.js';

const N = 4;

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A destination that, while `holding`, reads each message but keeps its reply back: the sends stay in flight. */
async function startHoldingMx() {
  const mx = { port: 0, holding: true, held: 0, delivered: [] as string[] };
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (mx.holding) {
          mx.held += 1; // never answered: the relay's session dies with its thread
          return;
        }
        mx.delivered.push(/Subject: (.*)/.exec(Buffer.concat(chunks).toString())?.[1] ?? '');
        cb(null);
      });
    },
  });
  // The killed thread's sockets may close with a reset, which smtp-server reports here: expected, not a failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  mx.port = (server.server.address() as AddressInfo).port;
  return { mx, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

it('messages in flight on a dead delivery thread are deferred, then delivered by a new thread', async () => {
  const { mx, close: closeMx } = await startHoldingMx();
  cleanup.push(closeMx);
  const workers = watchWorkers();
  cleanup.push(() => workers.stop());
  const dataDir = tempDir('mw-dthread-');
  const config = parseConfig({
    hostname: 'relay.mailwarden.test', dataDir, log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } }, admin: { enabled: false },
    delivery: { routes: { '*': `127.0.0.1:${mx.port}` }, pollIntervalMs: 50, retrySchedule: [1] },
  });
  // accept-all: the only thread is the delivery thread
  const relay = await startRelay({ config, logger: silentLogger, policy: acceptAllPolicy });
  let relayOpen = true;
  cleanup.push(async () => { if (relayOpen) await relay.close(); });

  const client = nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true, pool: false });
  const ids: string[] = [];
  for (let i = 0; i < N; i++) {
    const info = await client.sendMail({
      envelope: { from: 'alice@hosting.test', to: [`bob${i}@dest.test`] },
      raw: `From: <alice@hosting.test>\r\nTo: <bob${i}@dest.test>\r\nSubject: in flight ${i}\r\n\r\nHello ${i}.\r\n`,
    });
    ids.push(/queued as (\S+)/.exec(info.response)![1]!);
  }
  await waitUntil('the destination holding a message', () => mx.held > 0);
  expect(workers.started).toHaveLength(1);

  const exitCode = await workers.started[0]!.terminate();
  expect(exitCode).toBe(1); // terminated, not a clean close
  mx.holding = false;
  await waitUntil('every acknowledged message delivered', () => ids.every((_, i) => mx.delivered.includes(`in flight ${i}`)));
  expect(workers.started.length).toBe(2); // the retry started a new thread

  await relay.close();
  relayOpen = false;
  const store = openQueue(config);
  cleanup.push(() => store.close());
  const timelines = ids.map((id) => store.timeline(id).map((e) => e.type));
  for (const [i, id] of ids.entries()) {
    expect(store.show(id)?.state, `message ${i}`).toBe('delivered');
    expect(timelines[i]).not.toContain('bounced');
    expect(timelines[i]).not.toContain('dsn-sent');
  }
  // Every send the dead thread held was failed without a reply, for a retry: an attempt with no code, then deferred.
  const stopped = ids.flatMap((id) => store.timeline(id).filter((e) => e.type === 'attempt' && e.data.reply === 'delivery thread stopped'));
  expect(stopped.length).toBeGreaterThanOrEqual(mx.held);
  for (const e of stopped) expect(e.type === 'attempt' && e.data.code).toBeNull();
  for (const id of ids) {
    const types = store.timeline(id).map((e) => e.type);
    const failed = store.timeline(id).findIndex((e) => e.type === 'attempt' && e.data.reply === 'delivery thread stopped');
    if (failed >= 0) expect(types[failed + 1]).toBe('deferred');
  }
});
