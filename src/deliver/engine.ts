// The delivery engine: keeps a bounded window of messages in flight (never the whole queue in memory), groups each
// message's due recipients by domain, finds the next hops, hands the sends to the dispatcher, and turns the replies
// into recipient states, timeline events and DSNs. A message just queued is started at once; the
// poll picks up retries, the backlog beyond the window, and whatever was in flight when the process last stopped.
import { classifyReply, type Classification, type ReplyInput } from '../classify/index.js';
import type { Config } from '../config/schema.js';
import type { QueueStore } from '../queue/store.js';
import type { DueMessage, NewMessage } from '../queue/types.js';
import type { Logger } from '../shared/logger.js';
import type { Observation, Routing } from '../routes/index.js';
import { providerOf } from '../routes/providers.js';
import type { JobResult } from './dispatcher.js';
import { readFileSync } from 'node:fs';
import { applyPolicy } from '../mtasts/policy.js';
import type { StsCacheStore } from '../mtasts/cache-store.js';
import { createStsSource } from '../mtasts/fetch.js';
import { createMxResolver, type Destination, type MxResolver } from './mx.js';
import { recordOutcome } from './outcome.js';
import { parseRoutes, routeFor, type NextHop } from './routes.js';
import { createThreadedDispatcher } from './threaded-dispatcher.js';
import { domainOf } from '../shared/address.js';

export interface DeliveryEngineOptions {
  config: Config;
  store: QueueStore;
  logger: Logger;
  /** Epoch milliseconds; injectable so expiry can be tested without waiting days. */
  clock?: () => number;
  /** Reply classification; the built-in rules by default. */
  classify?: (input: ReplyInput) => Classification;
  /** Replaces the MX resolver built from `delivery.dnsServers`. */
  resolver?: MxResolver;
  /**
   * The envelope sender for one recipient (the feedback stage's VERP return path); null keeps the message's own.
   * With one, each recipient goes in a transaction of its own, so a bounce names exactly whom it is about.
   */
  returnPath?: (m: DueMessage, rcpt: string) => string | null;
  /** Source addresses, shaping and reactions per provider; without it every message leaves the same way at once. */
  routing?: Routing;
  /** Signs a message before it leaves (DKIM, src/dkim); never rejects. */
  sign?: (raw: Buffer) => Promise<Buffer>;
  /** Where MTA-STS policies outlive a restart (the relay's database); memory only without it. */
  stsCache?: StsCacheStore;
  /** The copy of a (signed) message for a transaction with one recipient: its trace header names that recipient. */
  forRecipient?: (raw: Buffer, m: DueMessage, rcpt: string) => Buffer;
}

export interface DeliveryEngine {
  /** Look for due work now instead of at the next poll (after `queue retry`, or in tests after moving the clock). */
  poll(): void;
  /** Stop taking work, let the sends in progress finish and their outcomes be written. */
  close(): Promise<void>;
}

/** How long an unused outbound connection stays open waiting for another message to the same destination. */
const CONNECTION_IDLE_MS = 2000;

function dueFromNew(m: NewMessage): DueMessage {
  return {
    id: m.id, receivedAt: m.receivedAt, identity: m.identity, mailFrom: m.mailFrom, raw: m.raw, smtpUtf8: m.smtpUtf8,
    eightBit: m.eightBit, delayWarned: false,
    recipients: [...new Set(m.recipients)].map((rcpt) => ({ rcpt, domain: domainOf(rcpt), attempts: 0 })),
  };
}

export function startDeliveryEngine(opts: DeliveryEngineOptions): DeliveryEngine {
  const { config, store, logger } = opts;
  const d = config.delivery;
  const clock = opts.clock ?? Date.now;
  const classify = opts.classify ?? classifyReply;
  const routes = parseRoutes(d.routes);
  const resolver = opts.resolver ?? createMxResolver(d.dnsServers, { port: d.mxPort, dane: d.dane.enabled });
  const trustedCa = d.mtaSts.caFile ? readFileSync(d.mtaSts.caFile, 'utf8') : '';
  const sts = d.mtaSts.enabled
    ? createStsSource({ dnsServers: d.dnsServers, httpsPort: d.mtaSts.httpsPort, trustedCa, onProblem: (domain, problem) => logger.warn({ event: 'mta-sts-failed', domain, problem }, 'no MTA-STS policy'), ...(opts.stsCache ? { persisted: opts.stsCache } : {}) })
    : undefined;
  const dispatcher = createThreadedDispatcher({
    session: { ehloName: config.hostname, tls: d.tls, connectTimeoutMs: d.connectTimeoutMs, replyTimeoutMs: d.replyTimeoutMs, ...(trustedCa ? { trustedCa } : {}) },
    maxConnections: d.maxConnectionsPerDestination,
    maxMessagesPerConnection: d.maxMessagesPerConnection,
    idleMs: CONNECTION_IDLE_MS,
  }, (err) => logger.error({ event: 'delivery-thread-failed', err: err.message }, 'the delivery thread stopped'));
  /** Message id -> number of its domain jobs not finished yet. */
  const inFlight = new Map<string, number>();
  /** Message id -> bytes of its body held while in flight; their sum is bounded by `delivery.maxBytesInFlight`. */
  const heldBytes = new Map<string, number>();
  let bytesInFlight = 0;
  const bytesFree = () => d.maxBytesInFlight - bytesInFlight;
  const recording = new Set<Promise<void>>();
  /** Messages the shaper holds back for a moment; on close they simply stay due in the queue. */
  const held = new Set<NodeJS.Timeout>();
  let backlog = false;
  let closing = false;
  let pollScheduled = false;

  async function destinationOf(domain: string): Promise<Destination> {
    const hops = routeFor(routes, domain);
    if (hops) return { kind: 'hops', hops };
    const dest = await resolver.resolve(domain);
    // DANE outranks MTA-STS (RFC 8461 §2): a domain whose MX hosts publish validated TLSA records is held to them.
    if (!sts || dest.kind !== 'hops' || dest.hops.some((h) => h.dane)) return dest;
    // MTA-STS (src/mtasts): which MX hosts the domain's policy allows, and that they need valid TLS.
    const decision = applyPolicy(domain, await sts.policyFor(domain, clock()), dest.hops);
    if (decision.kind === 'refuse') return { kind: 'fail', permanent: false, code: 451, reply: decision.reply };
    if (decision.kind === 'enforce') return { kind: 'hops', hops: decision.hops };
    if (decision.mismatched.length > 0) logger.warn({ event: 'mta-sts-testing', domain, mismatched: decision.mismatched }, 'MX hosts outside the MTA-STS policy (testing mode)');
    return dest;
  }

  function finishJob(m: DueMessage, domain: string, result: JobResult, seen?: Observation): void {
    const p = recordOutcome({ message: m, domain, result, now: clock(), config, store, logger, classify, ...(seen ? { retryAt: seen.retryAt, routeChanges: seen.changes } : {}) })
      .catch((err: Error) => logger.error({ queueId: m.id, err: err.message }, 'could not record a delivery attempt'))
      .finally(() => {
        recording.delete(p);
        const left = (inFlight.get(m.id) ?? 1) - 1;
        if (left > 0) inFlight.set(m.id, left);
        else settle(m.id);
        if (backlog) schedulePoll();
      });
    recording.add(p);
  }

  async function startJob(m: DueMessage, domain: string, rcpts: string[]): Promise<void> {
    const dest = await destinationOf(domain);
    if (dest.kind === 'fail') {
      finishJob(m, domain, { replies: rcpts.map((rcpt) => ({ rcpt, code: dest.permanent ? dest.code : null, reply: dest.reply })), remoteMta: '', remoteIp: '' });
      return;
    }
    send(m, domain, rcpts, dest.hops);
  }

  // The routing seam (src/routes): the source address and the route's shaping before the send, the reaction to
  // the replies after it; then the DKIM signature (src/dkim).
  function send(m: DueMessage, domain: string, rcpts: string[], hops: NextHop[]): void {
    const { routing } = opts;
    const admission = routing?.admit(m.identity.account, providerOf(hops[0]?.name, domain));
    if (admission?.kind === 'wait') {
      const timer = setTimeout(() => {
        held.delete(timer);
        send(m, domain, rcpts, hops);
      }, admission.ms);
      held.add(timer);
      return;
    }
    if (admission?.kind === 'defer') {
      const replies = rcpts.map((rcpt) => ({ rcpt, code: 451, reply: admission.reply }));
      return finishJob(m, domain, { replies, remoteMta: '', remoteIp: '' }, { retryAt: new Map(rcpts.map((r) => [r, admission.until])), changes: [] });
    }
    const route = admission?.route;
    // The feedback stage's VERP return path, when it has one, puts each recipient in a transaction of its own.
    const perRecipient = rcpts.map((rcpt) => opts.returnPath?.(m, rcpt) ?? null);
    const envelopes = perRecipient.every((from) => from === null)
      ? [{ from: m.mailFrom, to: rcpts }]
      : rcpts.map((rcpt, i) => ({ from: perRecipient[i] ?? m.mailFrom, to: [rcpt] }));
    // The domain's outcome is recorded once, when all its transactions answered (one DSN, one commit).
    const results: JobResult[] = [];
    const done = (result: JobResult) => {
      results.push(result);
      if (results.length < envelopes.length) return;
      const answered = results.find((r) => r.remoteMta) ?? results[0]!;
      const merged: JobResult = { replies: results.flatMap((r) => r.replies), remoteMta: answered.remoteMta, remoteIp: answered.remoteIp };
      finishJob(m, domain, merged, route && routing?.observe(route, merged.replies, merged.remoteMta));
    };
    const submit = (signed: Buffer) => {
      for (const e of envelopes) {
        const raw = e.to.length === 1 && opts.forRecipient ? opts.forRecipient(signed, m, e.to[0]!) : signed;
        dispatcher.submit(hops, { envelope: { ...e, size: raw.length, eightBit: m.eightBit }, raw, ...(route ? { route } : {}), done });
      }
    };
    if (opts.sign) void opts.sign(m.raw).then(submit);
    else submit(m.raw);
  }

  function settle(id: string): void {
    inFlight.delete(id);
    bytesInFlight -= heldBytes.get(id) ?? 0;
    heldBytes.delete(id);
  }

  function start(m: DueMessage): void {
    const byDomain = new Map<string, string[]>();
    for (const r of m.recipients) byDomain.set(r.domain, [...(byDomain.get(r.domain) ?? []), r.rcpt]);
    if (byDomain.size === 0) return;
    inFlight.set(m.id, byDomain.size);
    heldBytes.set(m.id, m.raw.length);
    bytesInFlight += m.raw.length;
    for (const [domain, rcpts] of byDomain) void startJob(m, domain, rcpts);
  }

  function poll(): void {
    pollScheduled = false;
    if (closing) return;
    const free = d.maxInFlight - inFlight.size;
    if (free <= 0 || bytesFree() <= 0) {
      backlog = true;
      return;
    }
    let due: DueMessage[];
    try {
      due = store.claimDue(clock(), free, inFlight, bytesFree());
    } catch (err) {
      // e.g. SQLITE_BUSY while an operator's command holds a write lock: the next poll tries again.
      logger.error({ event: 'poll-failed', err: (err as Error).message }, 'could not read due messages');
      return;
    }
    // The claim may also have stopped at the byte budget: while a message as large as any accepted might not fit,
    // the next finished job looks again rather than the next poll.
    backlog = due.length === free || bytesFree() < config.limits.maxMessageBytes;
    for (const m of due) start(m);
  }

  function schedulePoll(): void {
    if (pollScheduled || closing) return;
    pollScheduled = true;
    setImmediate(poll);
  }

  store.onEnqueued((msg) => {
    // A poll may already have picked it up: it is readable as soon as committed, before its fsync completes.
    if (closing || msg.initialState !== 'queued' || inFlight.has(msg.id)) return;
    if (inFlight.size >= d.maxInFlight || (inFlight.size > 0 && msg.raw.length > bytesFree())) {
      backlog = true; // it is on disk; a later poll takes it
      return;
    }
    start(dueFromNew(msg));
  });

  const timer = setInterval(poll, d.pollIntervalMs);
  schedulePoll(); // resume: whatever was due (or in flight) when the process stopped

  return {
    poll: schedulePoll,
    async close() {
      closing = true;
      clearInterval(timer);
      for (const t of held) clearTimeout(t);
      await dispatcher.close();
      while (recording.size > 0) await Promise.all([...recording]);
    },
  };
}
