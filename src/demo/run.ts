// `mailwarden demo`: the relay as `mailwarden start` assembles it, on a scratch data folder, in front of three
// simulated providers on loopback, sending from a pool of loopback addresses (127.0.0.2 …), fed by a hosting server's
// senders of which one is hijacked. What happens is reported as it happens (the relay's committed events, its route
// table, the providers' view of each address), and summed up at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { parseConfig } from '../config/load.js';
import { startRelay } from '../relay.js';
import { createRouteStore } from '../routes/store.js';
import type { RouteState } from '../routes/types.js';
import { silentLogger } from '../shared/logger.js';
import { seededRng } from '../shared/prng.js';
import { openDatabase } from '../store/sqlite.js';
import { seedHistory } from './history.js';
import { startProviderSim, type ProviderSim, type SimulatedProvider } from './provider-sim.js';
import { buildTraffic, type DemoMessage } from './traffic.js';

export interface DemoOptions {
  senders: number;
  seconds: number;
  /** Content scoring and sender behaviour on (the relay's default) or off. */
  protection: boolean;
  seed: number;
  /** Source addresses of the relay's pool: 127.0.0.2 onwards. */
  addresses: number;
}

/** What the providers think of one source address, and what the relay's route table says about it. */
export interface AddressView {
  address: string;
  /** Simulated providers that refuse this address now. */
  blockedBy: SimulatedProvider[];
  /** The relay's routes from this address that are not ok: "paused yahoo", "slowed microsoft-consumer". */
  routes: string[];
}

export interface DemoTally {
  seconds: number;
  submitted: number;
  /** Accepted by the relay (250), held among them, refused (5xx) and deferred (4xx) at SMTP time. */
  accepted: number;
  held: number;
  refused: number;
  deferred: number;
  /** Messages the providers took, and how many of those they saw as spam. */
  delivered: number;
  spamDelivered: number;
  /** The ordinary senders' mail that the relay refused, deferred or held: what protection cost the innocent. */
  innocentStopped: number;
  /** Why, for each of those: the relay's reply or the signals that held it. */
  innocentWhy: string[];
  /** The other senders' messages the relay accepted, and how many of them the providers took by the end. */
  innocentAccepted: number;
  innocentDelivered: number;
  addresses: AddressView[];
}

export interface DemoResult extends DemoTally {
  protection: boolean;
  senders: number;
  hijacked: string;
  hijackedSubmitted: number;
  /** Seconds into the run at which the hijacked identity was first refused as suspended (undefined: never). */
  suspendedAt?: number;
  suspendedAfter: number;
  suspension: string;
  /** Route reactions seen during the run, in order. */
  reactions: string[];
}

export interface DemoView {
  /** A line about something that happened (a suspension, a route paused or slowed). */
  news(line: string): void;
  /** The counters, about once a second. */
  tally(t: DemoTally): void;
}

const ACCOUNT = 'webhost';
const PROVIDERS: Array<{ name: SimulatedProvider; domains: string[] }> = [
  { name: 'gmail', domains: ['gmail.com'] },
  { name: 'microsoft', domains: ['outlook.com', 'hotmail.com'] },
  { name: 'aol', domains: ['aol.com', 'yahoo.com'] },
];
/** Submissions side by side: a hosting server's outgoing connections. */
const CONCURRENCY = 8;

const seconds = (ms: number) => Math.round(ms / 100) / 10;

function describeRoute(s: RouteState): string {
  return `${s.status} ${s.provider === '*' ? 'everywhere' : s.provider}`;
}

/** The block's first suspect, as the route's `why` names it (the feedback stage's block suspects). */
function suspectOf(why: string): string {
  const m = / Suspects: ([^:;]+): (\d+ of \d+)/.exec(why);
  return m ? `; main suspect ${m[1]} (${m[2]} messages)` : '';
}

export async function runDemo(o: DemoOptions, view: DemoView): Promise<DemoResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mailwarden-demo-'));
  const addresses = Array.from({ length: o.addresses }, (_, i) => `127.0.0.${i + 2}`);
  const sims: Array<{ name: SimulatedProvider; domains: string[]; sim: ProviderSim }> = [];
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dataDir, { recursive: true, force: true })];
  try {
    // Each provider's reputation for an address drops 10 points per spam message and refuses it below 50: five spam
    // messages from one address get it blocked there, and the block lasts (as a real listing outlives a short demo).
    // Microsoft also rate-limits every 40th message from an address, to show the slow-down.
    for (const p of PROVIDERS) {
      const sim = await startProviderSim({ provider: p.name, spamPenalty: 10, blockBelow: 50, rateLimitEvery: p.name === 'microsoft' ? 40 : 0 });
      sims.push({ ...p, sim });
      cleanups.unshift(() => sim.close());
    }
    const config = parseConfig({
      dataDir,
      hostname: 'relay.demo.test',
      log: { level: 'silent' },
      listeners: { relay: { port: 0 }, submission: { enabled: false }, smtps: { enabled: false } },
      admin: { enabled: false },
      trustedNetworks: { [ACCOUNT]: ['127.0.0.1/32'] },
      limits: { maxConnectionsPerIp: CONCURRENCY + 4 },
      identity: { presets: ['exim-authuser'] },
      policy: { enabled: o.protection },
      delivery: {
        routes: Object.fromEntries(sims.flatMap((s) => s.domains.map((d) => [d, `127.0.0.1:${s.sim.port}`]))),
        pools: { default: addresses.map((address, i) => ({ address, ehlo: `mx${i + 1}.relay.demo.test` })) },
        // A short demo: deferred mail comes back within seconds, not minutes.
        retrySchedule: [5, 10, 20],
        pollIntervalMs: 250,
      },
    });
    const rng = seededRng(o.seed);
    seedHistory(config, rng, { account: ACCOUNT, senders: o.senders, days: 7, now: Date.now() });
    const relay = await startRelay({ config, logger: silentLogger });
    cleanups.unshift(() => relay.close());
    // The route table as `mailwarden routes` reads it: a second connection to the relay's database.
    const routesDb = openDatabase(relay.databaseFile);
    cleanups.unshift(() => void routesDb.close());
    const routeStore = createRouteStore(routesDb);

    const { messages, hijacked } = buildTraffic(rng, {
      senders: o.senders, seconds: o.seconds, perSecond: Math.max(5, o.senders / 20), hijackedPerSecond: 8, hijackAt: 0.2,
    });
    const hijackedFrom = messages.find((m) => m.sender === hijacked)!.from;
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const r: DemoResult = {
      protection: o.protection, senders: o.senders, hijacked: `${ACCOUNT}/${hijacked}`, hijackedSubmitted: 0, suspendedAfter: 0, suspension: '',
      reactions: [], seconds: 0, submitted: 0, accepted: 0, held: 0, refused: 0, deferred: 0, delivered: 0, spamDelivered: 0, innocentStopped: 0, innocentWhy: [], innocentAccepted: 0, innocentDelivered: 0, addresses: [],
    };
    // The other senders' held mail. A hold's events and the 250 naming its queue id race each other (the events are
    // committed before the reply is written, but reach this process on their own schedule), so each side keeps what
    // it saw and the later one counts.
    const heldWhy = new Map<string, string>();
    const innocentIds = new Map<string, string>();
    const countHeldInnocent = (id: string) => {
      const why = heldWhy.get(id);
      const sender = innocentIds.get(id);
      if (why === undefined || sender === undefined) return;
      r.innocentStopped++;
      r.innocentWhy.push(`${sender}: held: ${why}`);
    };
    relay.onEvents((events) => {
      for (const e of events) {
        if (e.type === 'quarantined') r.held++;
        if (e.type !== 'verdict' || e.data.verdict !== 'quarantine') continue;
        heldWhy.set(e.messageId, e.data.evidence.filter((x) => x.score > 0).map((x) => x.name).join(', '));
        countHeldInnocent(e.messageId);
      }
    });

    let routes = new Map<string, string>();
    const look = (): DemoTally => {
      const states = routeStore.all();
      const now = new Map(states.map((s) => [`${s.source} ${s.provider}`, `${describeRoute(s)}${s.status === 'slowed' ? ` to ${Math.round(s.rate)}/min` : ''}`]));
      for (const s of states) {
        const what = now.get(`${s.source} ${s.provider}`)!;
        if (routes.get(`${s.source} ${s.provider}`) === what) continue;
        const line = `${s.source} ${what} (${s.by})${s.reply ? `: "${s.reply.slice(0, 70)}…"` : ''}${s.status === 'paused' ? suspectOf(s.why) : ''}`;
        r.reactions.push(`${seconds(elapsed())} s ${line}`);
        view.news(line);
      }
      routes = now;
      r.seconds = seconds(elapsed());
      r.delivered = sims.reduce((n, s) => n + s.sim.delivered.length, 0);
      r.spamDelivered = sims.reduce((n, s) => n + s.sim.delivered.filter((d) => d.spam).length, 0);
      r.innocentDelivered = sims.reduce((n, s) => n + s.sim.delivered.filter((d) => d.from !== hijackedFrom).length, 0);
      r.addresses = addresses.map((address) => ({
        address,
        blockedBy: sims.filter((s) => s.sim.blocks(address)).map((s) => s.name),
        routes: states.filter((s) => s.source === address).map(describeRoute),
      }));
      const { protection: _p, senders: _s, hijacked: _h, hijackedSubmitted: _hs, suspendedAt: _sa, suspendedAfter: _sf, suspension: _su, reactions: _r, ...tally } = r;
      return tally;
    };

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: relay.ports.relay!, pool: true, maxConnections: CONCURRENCY, maxMessages: Infinity, ignoreTLS: true });
    cleanups.unshift(() => transport.close());
    const submit = async (m: DemoMessage) => {
      r.submitted++;
      if (m.hijacked) r.hijackedSubmitted++;
      try {
        const info = await transport.sendMail({ envelope: { from: m.from, to: [m.to] }, from: m.from, to: m.to, subject: m.subject, text: m.text, headers: { 'X-AuthUser': m.sender } });
        r.accepted++;
        const id = /queued as (\S+)/.exec(info.response)?.[1];
        if (m.sender !== hijacked) {
          r.innocentAccepted++;
          if (id) {
            innocentIds.set(id, m.sender);
            countHeldInnocent(id);
          }
        }
      } catch (err) {
        const e = err as { responseCode?: number; response?: string };
        if (!e.responseCode) throw err;
        if (e.responseCode >= 500) r.refused++;
        else r.deferred++;
        if (m.sender !== hijacked) {
          r.innocentStopped++;
          r.innocentWhy.push(`${m.sender}: ${e.response ?? e.responseCode}`);
        }
        if (m.hijacked && r.suspendedAt === undefined && e.response?.includes('MW-SUSPENDED')) {
          r.suspendedAt = seconds(elapsed());
          r.suspendedAfter = r.hijackedSubmitted;
          r.suspension = e.response;
          view.news(`${r.hijacked} suspended after ${r.hijackedSubmitted} messages: ${e.response}`);
        }
      }
    };

    const ticker = setInterval(() => view.tally(look()), 1000);
    cleanups.unshift(() => clearInterval(ticker));
    view.news(`${o.senders} senders of account ${ACCOUNT} start sending; ${r.hijacked} will be taken over after ${seconds(o.seconds * 200)} s`);
    // The senders, in time: each message is submitted when its moment comes, CONCURRENCY at a time.
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < messages.length) {
        const m = messages[next++]!;
        const wait = m.at - elapsed();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (m.hijacked && r.hijackedSubmitted === 0) view.news(`${r.hijacked} is taken over and starts sending phishing`);
        await submit(m);
      }
    }));
    // What the relay accepted leaves within seconds; mail on a paused route waits for the pause to end.
    const drainUntil = elapsed() + Math.min(10_000, o.seconds * 500);
    while (elapsed() < drainUntil && r.delivered + r.held < r.accepted) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      look();
    }
    clearInterval(ticker);
    view.tally(look());
    return r;
  } finally {
    for (const c of cleanups) await c();
  }
}
