// The feedback stage assembled on the shared database: suppression list, report intake, rates, and the narrow seams
// the other stages call: `accept` (RCPT TO check, Feedback-ID, backscatter), `returnPath` (delivery's envelope
// sender), `onEvents` (the queue's event stream: the relay's own deliveries, in-band hard bounces, blocks),
// `startListener` (the feedback domains). Only the return path depends on `feedback.enabled`: the rest needs no VERP.
import type { AcceptFeedback } from '../accept/context.js';
import type { TlsMaterial } from '../accept/secrets.js';
import type { ByteBudget } from '../shared/byte-budget.js';
import { parseBounce, type BounceRecipient } from '../bounce/index.js';
import { buildDsn } from '../deliver/dsn.js';
import type { Config } from '../config/schema.js';
import type { TimelineEvent } from '../queue/events.js';
import type { QueueStore } from '../queue/store.js';
import type { DueMessage } from '../queue/types.js';
import type { Logger } from '../shared/logger.js';
import type { Reputation, TracedIdentity } from '../reputation/index.js';
import type { BlockSuspects } from '../routes/index.js';
import { identityKey } from '../shared/types.js';
import type { Db } from '../store/sqlite.js';
import { quotedRefusal } from './backscatter.js';
import { createBlockWatch } from './block-watch.js';
import { feedbackIdValue } from './feedback-id.js';
import { suspendThroughDecide } from './hold-adapter.js';
import { createInbox } from './inbox.js';
import { createIntake, isHardReason, type Intake } from './intake.js';
import { startFeedbackListener, type FeedbackListener } from './listener.js';
import { createRateStore, accountSubject, identitySubject } from './rate-store.js';
import { createReportStore, type ReportStore } from './report-store.js';
import { returnPath } from './return-path.js';
import { createSuppressionList, suppressionReply, type SuppressionList } from './suppressions.js';
import type { MessageLookup, SentMessage } from './trace-report.js';

export { suppressionReply } from './suppressions.js';
export type { Suppression } from './suppressions.js';

/** What the accept stage asks of the feedback stage. */

export interface Feedback {
  suppressions: SuppressionList;
  reports: ReportStore;
  intake: Intake;
  accept: AcceptFeedback;
  /** The VERP envelope sender for one recipient of a message; null keeps the original (feedback disabled, DSNs). */
  returnPath(m: Pick<DueMessage, 'id' | 'identity' | 'mailFrom'>, rcpt: string): string | null;
  /** Reads the queue's committed outcome events: deliveries are the rates' denominators, in-band hard bounces count
   * and suppress the recipient for the account, and a block of the relay names its suspects (block-watch.ts). */
  onEvents(events: readonly TimelineEvent[]): void;
  /** The identities a block of the relay by `provider` names (block-watch.ts): the routes stage's `suspects`. */
  blockSuspects: BlockSuspects;
  /** Takes in, every second, the reports `feedback import` hands to the running relay (inbox.ts). */
  startInbox(): { stop(): void };
  /** `dataBudget`: the relay's bytes-in-flight budget, shared with the accept stage's listeners. */
  startListener(tls: TlsMaterial, dataBudget: ByteBudget): Promise<FeedbackListener>;
  close(): void;
}

/** How often the relay looks for reports `feedback import` handed to it, as routes are re-read every second. */
const INBOX_MS = 1000;

/** An identity key back to account and sub (`identityKey()`: `account/sub`, or the account alone). */
function identityOfKey(key: string): TracedIdentity {
  const slash = key.indexOf('/');
  return slash < 0 ? { account: key, sub: '' } : { account: key.slice(0, slash), sub: key.slice(slash + 1) };
}

export interface FeedbackOptions {
  config: Config;
  db: Db;
  store: QueueStore;
  secret: string;
  logger: Logger;
  /** The reputation stage, when the relay runs its own policy: complaints, late bounces and block suspects raise
   * the sender's risk there. */
  reputation?: Pick<Reputation, 'recordComplaint' | 'recordBounce' | 'recordBlockSuspect'>;
  clock?: () => number;
}

export function createFeedback(opts: FeedbackOptions): Feedback {
  const { config, db, store, logger } = opts;
  const clock = opts.clock ?? Date.now;
  const suppressions = createSuppressionList(db);
  const reports = createReportStore(db);
  const rates = createRateStore(db, { flushMs: config.policy.flushMs });
  /** Into the queue's one event stream (timeline, metrics, webhooks), committed with its next group commit. */
  const emit = (e: TimelineEvent) => {
    store.addEvents([e]);
    logger.info({ event: e.type, queueId: e.messageId || undefined, rcpt: e.recipient, ...e.data }, e.type);
  };
  const lookup: MessageLookup = (queueId) => {
    const m = store.show(queueId);
    return m && { id: m.id, receivedAt: m.receivedAt, identity: { account: m.account, sub: m.sub, source: m.identitySource }, mailFrom: m.mailFrom, recipients: m.recipientStatus.map((r) => r.rcpt) };
  };
  /** The bounce, restated as our own DSN to the customer's envelope sender: the return path was ours, the mail theirs. */
  const notifySender = (m: SentMessage, failed: BounceRecipient[], now: number) => {
    if (m.mailFrom === '') return;
    const dsn = buildDsn({
      reportingMta: config.hostname,
      // The body is no longer ours to quote (it may be gone); the DSN names the queue id and each recipient.
      original: { id: m.id, mailFrom: m.mailFrom, receivedAt: m.receivedAt || now, raw: Buffer.alloc(0) },
      recipients: failed.map((r) => ({
        rcpt: r.recipient, action: 'failed', status: r.status ?? (r.code && r.code >= 500 ? '5.0.0' : '4.0.0'), reply: r.diagnostic ?? r.explanation,
        remoteMta: r.remote_mta ?? '', lastAttemptAt: now, expired: false,
      })),
      now,
    });
    store.enqueue(dsn).catch((err: Error) => logger.error({ event: 'dsn-failed', queueId: m.id, err: err.message }, 'could not queue the DSN of a late bounce'));
  };
  const intake = createIntake({
    config, secret: opts.secret, lookup, suppressions, rates, reports, emit, notifySender, act: config.feedback.act ? suspendThroughDecide(db) : null, clock,
    ...(opts.reputation ? { reputation: opts.reputation } : {}),
  });
  const blocks = createBlockWatch({ rates, windowMs: config.feedback.suspectWindowMinutes * 60_000, emit, ...(opts.reputation ? { reputation: opts.reputation } : {}) });
  const settings = { bounceDomain: config.feedback.bounceDomain, secret: opts.secret };
  const readOptions = { limits: config.bounce, traceHeader: config.identity.traceHeader };

  return {
    suppressions,
    reports,
    intake,
    accept: {
      suppressedReply(account, rcpt) {
        const s = suppressions.isSuppressed(account, rcpt, clock());
        return s && suppressionReply(s);
      },
      feedbackId: (identity) => feedbackIdValue(identity, config.feedback.feedbackIdSender),
      backscatter(raw, mailFrom) {
        if (mailFrom !== '') return null; // bounces come from the null sender (RFC 5321 §4.5.5)
        const report = parseBounce(raw, readOptions);
        const refusal = quotedRefusal(report, raw, config.hostname);
        if (refusal) emit({ type: 'backscatter-dropped', at: clock(), messageId: '', data: { kind: report.kind, refusal } });
        return refusal;
      },
    },
    returnPath(m, rcpt) {
      if (!config.feedback.enabled || m.mailFrom === '') return null; // a DSN keeps its null sender
      return returnPath(m.id, identityKey(m.identity), rcpt, settings);
    },
    onEvents(events) {
      // The store's listeners must never throw (metrics and reputation listen on the same stream): a write that
      // fails here (a full disk) is logged and that batch's feedback is lost, never the events themselves.
      try {
        observe(events);
      } catch (err) {
        logger.error({ event: 'feedback-failed', err: (err as Error).message }, 'could not record delivery outcomes for feedback');
      }
    },
    blockSuspects: (provider, block, at) => blocks.suspectsOf(provider, block, at),
    startInbox() {
      const inbox = createInbox(db);
      const timer = setInterval(() => {
        try {
          inbox.drain(intake, clock());
        } catch (err) {
          logger.error({ event: 'feedback-inbox-failed', err: (err as Error).message }, 'could not take in imported reports');
        }
      }, INBOX_MS);
      timer.unref();
      return { stop: () => clearInterval(timer) };
    },
    startListener: (tls, dataBudget) => startFeedbackListener({ config, tls, intake, logger, dataBudget }),
    close() {
      rates.close();
    },
  };

  /** Deliveries count for the rates; a hard bounce suppresses its recipient and has the sender measured. */
  function observe(events: readonly TimelineEvent[]): void {
    blocks.onEvents(events);
    /** Identity key -> the last message of this batch that hard-bounced for it: rates are measured once per batch. */
    const bouncedFor = new Map<string, { messageId: string; at: number }>();
    for (const e of events) {
      if (e.type !== 'delivered' && e.type !== 'bounced') continue;
      const { account } = identityOfKey(e.data.identity);
      const subjects = [identitySubject(e.data.identity), accountSubject(account)];
      if (e.type === 'delivered') rates.add(subjects, 'delivered', e.at);
      if (e.type !== 'bounced' || !isHardReason(e.data.reason)) continue;
      // A mailbox that does not exist, refused while we sent: never try it again for this account.
      rates.add(subjects, 'hard_bounces', e.at);
      bouncedFor.set(e.data.identity, { messageId: e.messageId, at: e.at });
      if (e.data.reason === 'userunknown') rates.add(subjects, 'unknown_users', e.at);
      const until = config.feedback.suppressDays.hardBounce === 0 ? 0 : e.at + config.feedback.suppressDays.hardBounce * 86_400_000;
      const source = `delivery:${e.messageId}`;
      suppressions.add({ account, recipient: e.recipient, reason: 'hard-bounce', source, createdAt: e.at, expiresAt: until });
      emit({ type: 'suppressed', at: e.at, messageId: e.messageId, recipient: e.recipient, data: { account, reason: 'hard-bounce', until, source } });
    }
    for (const [key, b] of bouncedFor) intake.assess(b.messageId, identityOfKey(key), b.at);
  }
}
