// Scenario: the content inspection thread dies while sessions wait for its verdict. Those sessions get a temporary
// failure (451 4.3.0, no internal text) and nothing of theirs is queued; the next message starts a new thread and is
// scored and accepted as usual. Real relay with its own policy, real SMTP on port 0.
import nodemailer from 'nodemailer';
import { afterEach, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { startRelay } from '../src/relay.js';
import { silentLogger } from '../src/shared/logger.js';
import { openQueue, tempDir } from './helpers/queue-fixture.js';
import { startTarget } from './helpers/target-server.js';
import { watchWorkers } from './helpers/worker-threads.js';

const WAITING = 3;

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

it('sessions waiting on a dead inspection thread get 451, and the next message is scored on a new thread', async () => {
  const target = await startTarget();
  cleanup.push(() => target.close());
  const workers = watchWorkers();
  cleanup.push(() => workers.stop());
  const config = parseConfig({
    hostname: 'relay.mailwarden.test', dataDir: tempDir('mw-ithread-'), log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } }, admin: { enabled: false },
    delivery: { routes: { '*': `127.0.0.1:${target.port}` }, pollIntervalMs: 50 },
  });
  const relay = await startRelay({ config, logger: silentLogger });
  let relayOpen = true;
  cleanup.push(async () => { if (relayOpen) await relay.close(); });
  // The delivery thread starts with the first delivery only: the one thread started so far is the inspector.
  expect(workers.started).toHaveLength(1);
  const inspector = workers.started[0]!;

  // Hold the jobs back from the thread until WAITING sessions wait on it, then kill it: the jobs die with the thread
  // as if it had crashed mid-scoring, and none can be answered by a race with the kill.
  let held = 0;
  inspector.postMessage = (jobs: unknown[]) => {
    held += jobs.length;
    if (held >= WAITING) void inspector.terminate();
  };

  const client = nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, secure: false, ignoreTLS: true });
  const send = (i: number) => client.sendMail({
    envelope: { from: 'alice@hosting.test', to: ['bob@dest.test'] },
    raw: `From: Alice <alice@hosting.test>\r\nTo: Bob <bob@dest.test>\r\nDate: ${new Date().toUTCString()}\r\n` +
      `Message-ID: <note-${i}@hosting.test>\r\nSubject: notes from the meeting ${i}\r\n\r\n` +
      'Hi Bob,\r\n\r\nthanks for coming by yesterday. I wrote up what we agreed about the garden fence and will\r\n' +
      'send the drawing once Carol has looked at it.\r\n\r\nAlice\r\n',
  });
  const waiting = await Promise.allSettled(Array.from({ length: WAITING }, (_, i) => send(i)));
  for (const r of waiting) {
    expect(r.status).toBe('rejected');
    const err = (r as PromiseRejectedResult).reason as { responseCode: number; response: string };
    expect(err.responseCode).toBe(451);
    expect(err.response).toMatch(/^451 4\.3\.0 /);
    expect(err.response).not.toMatch(/thread|inspect/i); // internal error text never reaches the peer
  }

  const info = await send(WAITING);
  expect(info.response).toMatch(/^250 /);
  expect(workers.started.filter((w) => w !== inspector).length).toBeGreaterThanOrEqual(1); // a new inspection thread
  const [delivered] = await target.waitFor(1);
  expect(delivered!.raw.toString()).toContain(`Message-ID: <note-${WAITING}@hosting.test>`);

  await relay.close();
  relayOpen = false;
  const store = openQueue(config);
  cleanup.push(() => store.close());
  const queued = store.list({ limit: 10 });
  expect(queued.map((m) => m.id)).toEqual([/queued as (\S+)/.exec(info.response)![1]]); // the refused ones stored nothing
  const verdict = store.timeline(queued[0]!.id).find((e) => e.type === 'verdict');
  expect(verdict?.data).toMatchObject({ verdict: 'accept' });
  // scored by the new thread, not let through unscored
  expect(verdict?.data.evidence).toContainEqual(expect.objectContaining({ kind: 'content', name: 'CONTENT_VERDICT' }));
});
