// The compromise variants against the engine: the relay's own policy (content scoring on its inspection thread,
// reputation, the decision table, `decisionReply`) called the way the accept stage calls it, on a simulated clock,
// without the SMTP sockets, so that a day-long attack runs in seconds. `scenario.ts` runs the same world over real
// SMTP for the burst.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import { createRelayPolicy } from '../../src/decide/relay-policy.js';
import { decisionReply, stricterDecision } from '../../src/decide/reply.js';
import type { MessageContext } from '../../src/decide/types.js';
import { newQueueId } from '../../src/queue/id.js';
import { silentLogger } from '../../src/shared/logger.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { createHeap } from './heap.js';
import { seededRng } from '../../src/shared/prng.js';
import { buildWorld, START, type SimEvent, type Variant, type WorldOptions } from './world.js';

export interface VariantResult {
  variant: Variant;
  seed: number;
  spam: number;
  /** Spam queued for delivery: it would have left. */
  spamDelivered: number;
  spamHeld: number;
  spamRefused: number;
  /** Spam still deferred when the simulation ended. */
  spamDeferred: number;
  /**
   * Legitimate mail on the attack day. The attacked identities' own mail once their attack began is counted apart
   * (`attackedOwnStopped`): holding or refusing a hijacked identity's mail is the containment working.
   */
  legit: number;
  legitHeld: number;
  legitRefused: number;
  legitDeferred: number;
  attackedOwnStopped: number;
  /** The first refusal or hold of spam: its reply and evidence, as the customer would read it. */
  firstStop: string;
  history: { deferred: number; heldOrRefused: number };
}

/** A 4xx makes the client wait this long before trying that sender's mail again, as a queueing MTA would. */
const CLIENT_RETRY_MS = 30 * 60_000;
const ACCOUNT = 'webhost';

export interface VariantOptions extends WorldOptions {
  seed: number;
  variant: Variant;
  /**
   * Content scoring that never objects (its thresholds out of reach): what containment does alone when the phishing
   * is new enough that no content rule knows it.
   */
  contentBlind?: boolean;
}

export async function runVariant(o: VariantOptions): Promise<VariantResult> {
  const world = buildWorld(seededRng(o.seed), o);
  const dataDir = mkdtempSync(join(tmpdir(), 'mw-sim-engine-'));
  let now = START;
  const blind = { content: { thresholds: { tag: 1000, quarantine: 1000, reject: 1000 } } };
  const config = parseConfig({ dataDir, hostname: 'relay.sim.test', log: { level: 'silent' }, ...(o.contentBlind ? blind : {}) });
  const db = openDatabase(config.storage.sqlitePath);
  const policy = await createRelayPolicy({ config, db, logger: silentLogger, clock: () => now });
  const r: VariantResult = {
    variant: o.variant, seed: o.seed, spam: 0, spamDelivered: 0, spamHeld: 0, spamRefused: 0, spamDeferred: 0,
    legit: 0, legitHeld: 0, legitRefused: 0, legitDeferred: 0, attackedOwnStopped: 0, firstStop: '', history: { deferred: 0, heldOrRefused: 0 },
  };
  const underAttack = new Set<string>();
  const heap = createHeap<SimEvent>();
  for (const e of world.events) heap.push(e);
  const retryAt = new Map<string, number>();
  const deferredLegit = new Set<number>();

  try {
    for (let e = heap.pop(); e; e = heap.pop()) {
      const wait = retryAt.get(e.sub) ?? 0;
      if (wait > e.at) {
        heap.push({ ...e, at: wait });
        continue;
      }
      now = Math.max(now, e.at);
      const ctx: MessageContext = {
        identity: { account: ACCOUNT, sub: e.sub, source: 'header:X-AuthUser' },
        clientIp: '192.0.2.10',
        authenticated: true,
        mailFrom: e.message.from,
        now,
        recipients: [e.message.to],
        raw: Buffer.from(e.message.raw),
      };
      const id = newQueueId(now);
      const atMailFrom = await policy.checkSender(ctx);
      const decision = atMailFrom ? stricterDecision(atMailFrom, await policy.checkMessage(ctx)) : await policy.checkMessage(ctx);
      const reply = decisionReply(decision, id);
      if (reply.kind === 'enqueue') policy.accepted(ctx, decision, id);
      else policy.refused(ctx, decision, id);
      const spam = e.kind === 'spam';
      if (spam) underAttack.add(e.sub);
      if (process.env.SIM_TRACE && (spam || e.sub === process.env.SIM_TRACE) && r.spamDelivered + r.spamHeld + r.spamRefused < 40)
        console.log(e.kind, e.sub, new Date(now).toISOString(), decision.verdict, decision.evidence.filter((x) => x.score > 0).map((x) => `${x.name}=${x.score}`).join(' '));
      const stopped = reply.kind === 'refuse' ? reply.code === 550 : reply.state === 'quarantined';
      if (spam && stopped && !r.firstStop)
        r.firstStop = `${reply.kind === 'refuse' ? `${reply.code} ${reply.text}` : `held: ${decision.reason}`} | ${decision.evidence.filter((x) => x.score > 0).map((x) => `${x.name}: ${x.description}`).join('; ')}`;
      if (reply.kind === 'refuse' && reply.code === 451) {
        if (e.kind === 'history') r.history.deferred++;
        else if (!spam) deferredLegit.add(e.seq);
        const retry = e.at + CLIENT_RETRY_MS;
        retryAt.set(e.sub, retry);
        if (retry < world.end) heap.push({ ...e, at: retry });
        else if (spam) r.spamDeferred++;
        continue;
      }
      if (spam) {
        if (reply.kind === 'refuse') r.spamRefused++;
        else if (stopped) r.spamHeld++;
        else r.spamDelivered++;
      } else if (e.kind === 'history') {
        if (stopped) r.history.heldOrRefused++;
      } else if (underAttack.has(e.sub)) {
        if (stopped) r.attackedOwnStopped++;
      } else {
        r.legit++;
        if (reply.kind === 'refuse') r.legitRefused++;
        else if (stopped) r.legitHeld++;
      }
    }
  } finally {
    await policy.close();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  r.spam = r.spamDelivered + r.spamHeld + r.spamRefused + r.spamDeferred;
  r.legitDeferred = deferredLegit.size;
  return r;
}

/** One line per variant, as `sim:compromise` prints it. */
export function variantLine(v: VariantResult): string {
  return `${v.variant.padEnd(7)} seed ${v.seed}: spam delivered ${v.spamDelivered} of ${v.spam} (held ${v.spamHeld}, refused ${v.spamRefused}, deferred ${v.spamDeferred}); legitimate ${v.legit}: held ${v.legitHeld}, refused ${v.legitRefused}, deferred ${v.legitDeferred}; the attacked identities' own mail stopped ${v.attackedOwnStopped}`;
}

/** The floors of issue 9: at most 25 spam messages delivered per variant, no legitimate message held or refused. */
export const meetsFloors = (v: VariantResult) => v.spamDelivered <= 25 && v.legitHeld + v.legitRefused === 0;
