// The compromised-account scenario over real SMTP: the relay's accept stage and policy (content scoring and sender
// behaviour, as `mailwarden start` builds it) run in this process on an injected clock, a Nodemailer client submits
// every simulated message through ONE login (STARTTLS + AUTH) to the submission port on loopback, and the queue
// database tells what was queued, held or refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { startListeners } from '../../src/accept/index.js';
import { hashPassword } from '../../src/accounts/password.js';
import { createSqliteAccountStore } from '../../src/accounts/sqlite-accounts.js';
import { parseConfig } from '../../src/config/load.js';
import { createRelayPolicy } from '../../src/decide/relay-policy.js';
import { createSqliteQueueStore } from '../../src/queue/sqlite-store.js';
import { silentLogger } from '../../src/shared/logger.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { createHeap } from './heap.js';
import { seededRng } from '../../src/shared/prng.js';
import { buildWorld, START, type SimEvent, type WorldOptions } from './world.js';

export interface ScenarioOptions extends WorldOptions {
  seed: number;
  /** SMTP connections used side by side. */
  concurrency: number;
}

export interface ScenarioResult {
  seed: number;
  hijacked: string;
  messagesSubmitted: number;
  /** Spam queued for delivery (it would have left), held for review, refused, and still deferred at the end. */
  spamLeft: number;
  spamDeferred: number;
  spamHeld: number;
  spamRefused: number;
  /** How many spam messages had been submitted when the first was refused as suspended (0: never suspended). */
  stoppedAfter: number;
  suspensionReason: string;
  /** Legitimate messages of the last day (newsletter and neighbours) that were deferred, held or refused. */
  legitSent: number;
  legitDelayed: number;
  legitRefused: number;
  /** The hijacked identity's own ordinary mail after its suspension: refused with it, by design; not counted above. */
  hijackedOwnRefused: number;
  /** During the learning week: deferrals (the newsletter earning its volume) and anything refused or held. */
  historyDeferrals: number;
  historyRefusedOrHeld: number;
}

/** A 4xx makes the client wait this long before trying that sender's mail again, as a queueing MTA would. */
const CLIENT_RETRY_MS = 30 * 60_000;
/** Events sent side by side share one clock reading, so they must be due within this much of each other. */
const BATCH_WINDOW_MS = 1000;
const ACCOUNT = 'webhost';
const PASSWORD = 'sim-password-not-secret';

type Outcome = { code: number; queueId?: string; text: string };

export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const world = buildWorld(seededRng(o.seed), o);
  const dataDir = mkdtempSync(join(tmpdir(), 'mw-sim-'));
  let now = START;
  const clock = () => now;
  const config = parseConfig({
    dataDir,
    hostname: 'relay.sim.test',
    log: { level: 'silent' },
    listeners: { submission: { port: 0 }, smtps: { enabled: false }, relay: { enabled: false } },
    storage: { groupCommitMs: 1 },
    // One hosting server logs in for all its users and names each with X-AuthUser: the operator trusts it to.
    identity: { presets: ['exim-authuser'], trustHeadersOnSubmission: [ACCOUNT] },
    limits: { maxConnectionsPerIp: o.concurrency + 4 },
  });
  const db = openDatabase(config.storage.sqlitePath);
  const store = createSqliteQueueStore(db, { groupCommitMs: config.storage.groupCommitMs });
  const accounts = createSqliteAccountStore(db);
  await accounts.add({ name: ACCOUNT, passwordHash: await hashPassword(PASSWORD), allowedDomains: [], enforceDomains: false, createdAt: START });
  const policy = await createRelayPolicy({ config, db, events: store, logger: silentLogger, clock });
  const listeners = await startListeners({ config, store, accounts, policy, logger: silentLogger, clock });
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: listeners.ports.submission!,
    secure: false,
    requireTLS: true,
    tls: { rejectUnauthorized: false },
    auth: { user: ACCOUNT, pass: PASSWORD },
    pool: true,
    maxConnections: o.concurrency,
    maxMessages: Infinity,
  });

  const send = async (e: SimEvent): Promise<Outcome> => {
    try {
      const info = await transport.sendMail({ envelope: { from: e.message.from, to: [e.message.to] }, raw: e.message.raw });
      return { code: 250, queueId: /queued as (\S+)/.exec(info.response)?.[1], text: info.response };
    } catch (err) {
      const e2 = err as { responseCode?: number; response?: string; message: string };
      if (!e2.responseCode) throw err;
      return { code: e2.responseCode, text: e2.response ?? e2.message };
    }
  };

  const heap = createHeap<SimEvent>();
  for (const e of world.events) heap.push(e);
  const retryAt = new Map<string, number>();
  const queued: Array<{ e: SimEvent; queueId: string }> = [];
  const r: ScenarioResult = {
    seed: o.seed, hijacked: world.hijacked, messagesSubmitted: 0, spamLeft: 0, spamDeferred: 0, spamHeld: 0, spamRefused: 0, stoppedAfter: 0,
    suspensionReason: '', legitSent: 0, legitDelayed: 0, legitRefused: 0, hijackedOwnRefused: 0, historyDeferrals: 0, historyRefusedOrHeld: 0,
  };
  const delayed = new Set<number>();
  let spamSubmitted = 0;

  try {
    while (heap.size > 0) {
      // A batch of events sent side by side, all due within a second: the clock stands at the first one's time.
      const batch: SimEvent[] = [];
      while (batch.length < o.concurrency && heap.size > 0) {
        if (batch.length > 0 && heap.peek()!.at - batch[0]!.at > BATCH_WINDOW_MS) break;
        const e = heap.pop()!;
        const wait = retryAt.get(e.sub) ?? 0;
        if (wait > e.at) heap.push({ ...e, at: wait });
        else batch.push(e);
      }
      if (batch.length === 0) continue;
      now = Math.max(now, batch[0]!.at);
      const outcomes = await Promise.all(batch.map(send));
      batch.forEach((e, i) => {
        const out = outcomes[i]!;
        r.messagesSubmitted++;
        if (e.kind === 'spam') spamSubmitted++;
        if (out.code === 250) {
          queued.push({ e, queueId: out.queueId! });
          return;
        }
        if (out.code >= 400 && out.code < 500) {
          if (e.kind === 'history') r.historyDeferrals++;
          else if (e.kind !== 'spam') delayed.add(e.seq);
          const retry = e.at + CLIENT_RETRY_MS;
          retryAt.set(e.sub, retry);
          // The simulation ends with the attack day's morning; what is still waiting then has not left.
          if (retry < world.end) heap.push({ ...e, at: retry });
          else if (e.kind === 'spam') r.spamDeferred++;
          return;
        }
        if (e.kind === 'spam') {
          r.spamRefused++;
          if (!r.stoppedAfter && out.text.includes('MW-SUSPENDED')) {
            r.stoppedAfter = spamSubmitted;
            r.suspensionReason = out.text;
          }
        } else if (e.kind === 'history') r.historyRefusedOrHeld++;
        else if (e.sub === world.hijacked && r.stoppedAfter > 0) r.hijackedOwnRefused++;
        else r.legitRefused++;
      });
    }
  } finally {
    transport.close();
    await listeners.close();
    await store.close();
    await policy.close();
  }

  const states = new Map(
    (db.prepare('SELECT id, state FROM messages').all() as Array<{ id: string; state: string }>).map((row) => [row.id, row.state]),
  );
  for (const { e, queueId } of queued) {
    const held = states.get(queueId) === 'quarantined';
    if (e.kind === 'spam') {
      if (held) r.spamHeld++;
      else r.spamLeft++;
    }
    else if (e.kind === 'history') r.historyRefusedOrHeld += held ? 1 : 0;
    else if (held) delayed.add(e.seq);
  }
  r.legitSent = world.events.filter((e) => e.kind === 'legit' || e.kind === 'newsletter').length - r.hijackedOwnRefused;
  r.legitDelayed = delayed.size;
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  return r;
}
