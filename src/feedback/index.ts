// The feedback stage assembled on the shared database: suppression list, report intake, rates, and the narrow seams
// the other stages call: `accept` (RCPT TO check, Feedback-ID, backscatter), `returnPath` (delivery's envelope
// sender), `observe` (counts the relay's own deliveries and hard bounces), `startListener` (the feedback domains).
import type { TlsMaterial } from '../accept/secrets.js';
import { parseBounce, type BounceRecipient } from '../bounce/index.js';
import { buildDsn } from '../deliver/dsn.js';
import type { Config } from '../config/schema.js';
import type { MessagePolicy } from '../decide/types.js';
import type { QueueStore } from '../queue/store.js';
import type { DueMessage } from '../queue/types.js';
import type { Logger } from '../shared/logger.js';
import { identityKey, type SenderIdentity } from '../shared/types.js';
import type { Db } from '../store/sqlite.js';
import { quotedRefusal } from './backscatter.js';
import type { FeedbackEvent, FeedbackEventSink } from './events.js';
import { feedbackIdValue } from './feedback-id.js';
import { suspendThroughDecide } from './hold-adapter.js';
import { createIntake, isHardReason, type Intake } from './intake.js';
import { startFeedbackListener, type FeedbackListener } from './listener.js';
import { createRateStore, accountSubject, identitySubject } from './rate-store.js';
import { createReportStore, type ReportStore } from './report-store.js';
import { returnPath } from './return-path.js';
import { createSuppressionList, type Suppression, type SuppressionList } from './suppressions.js';
import type { MessageLookup, SentMessage } from './trace-report.js';

export { suppressionReply } from './suppressions.js';
export type { Suppression } from './suppressions.js';

/** What the accept stage asks of the feedback stage. */
export interface AcceptFeedback {
  /** RCPT TO: the suppression in force for this account's mail to `rcpt`, if any. */
  isSuppressed(account: string, rcpt: string): Suppression | null;
  /** The `Feedback-ID` header value for mail of this identity. */
  feedbackId(identity: Pick<SenderIdentity, 'account' | 'sub'>): string;
  /** A null-sender bounce of mail the relay itself refused: the refusal it quotes (drop the message), else null. */
  backscatter(raw: Buffer, mailFrom: string): string | null;
}

export interface Feedback {
  suppressions: SuppressionList;
  reports: ReportStore;
  intake: Intake;
  accept: AcceptFeedback;
  /** The VERP envelope sender for one recipient of a message; null keeps the original (feedback disabled, DSNs). */
  returnPath(m: Pick<DueMessage, 'id' | 'identity' | 'mailFrom'>, rcpt: string): string | null;
  /** The policy, with its delivery results also counted here (the rates' denominators, in-band hard bounces). */
  observe<P extends MessagePolicy>(policy: P): P;
  startListener(tls: TlsMaterial): Promise<FeedbackListener>;
  close(): void;
}

export interface FeedbackOptions {
  config: Config;
  db: Db;
  store: QueueStore;
  secret: string;
  logger: Logger;
  /** The decide stage's complaint signal (Policy.complaint), when the relay runs that policy. */
  complaint?: (identity: SenderIdentity, now: number) => void;
  clock?: () => number;
}

export function createFeedback(opts: FeedbackOptions): Feedback {
  const { config, db, store, logger } = opts;
  const clock = opts.clock ?? Date.now;
  const suppressions = createSuppressionList(db);
  const reports = createReportStore(db);
  const rates = createRateStore(db, { flushMs: config.policy.flushMs });
  const emit: FeedbackEventSink = (e: FeedbackEvent) => {
    reports.addEvent(e);
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
    ...(opts.complaint ? { complaint: opts.complaint } : {}),
  });
  const settings = { bounceDomain: config.feedback.bounceDomain, secret: opts.secret };
  const readOptions = { limits: config.bounce, traceHeader: config.identity.traceHeader };

  return {
    suppressions,
    reports,
    intake,
    accept: {
      isSuppressed: (account, rcpt) => suppressions.isSuppressed(account, rcpt, clock()),
      feedbackId: (identity) => feedbackIdValue(identity, config.feedback.feedbackIdSender),
      backscatter(raw, mailFrom) {
        if (mailFrom !== '') return null; // bounces come from the null sender (RFC 5321 §4.5.5)
        const refusal = quotedRefusal(parseBounce(raw, readOptions), raw, config.hostname);
        if (refusal) emit({ type: 'backscatter-dropped', at: clock(), messageId: '', data: { refusal } });
        return refusal;
      },
    },
    returnPath(m, rcpt) {
      if (!config.feedback.enabled || m.mailFrom === '') return null; // a DSN keeps its null sender
      return returnPath(m.id, identityKey(m.identity), rcpt, settings);
    },
    observe(policy) {
      const deliveryResult: MessagePolicy['deliveryResult'] = (r) => {
        policy.deliveryResult(r);
        const subjects = [identitySubject(identityKey(r.identity)), accountSubject(r.identity.account)];
        if (r.outcome === 'delivered') rates.add(subjects, 'delivered', r.now);
        if (r.outcome !== 'bounced' || !r.reason || !isHardReason(r.reason)) return;
        // A mailbox that does not exist, refused while we sent: never try it again for this account.
        rates.add(subjects, 'hard_bounces', r.now);
        if (r.reason === 'userunknown') rates.add(subjects, 'unknown_users', r.now);
        const until = config.feedback.suppressDays.hardBounce === 0 ? 0 : r.now + config.feedback.suppressDays.hardBounce * 86_400_000;
        const source = `delivery:${r.messageId}`;
        suppressions.add({ account: r.identity.account, recipient: r.recipient, reason: 'hard-bounce', source, createdAt: r.now, expiresAt: until });
        emit({ type: 'suppressed', at: r.now, messageId: r.messageId, recipient: r.recipient, data: { account: r.identity.account, reason: 'hard-bounce', until, source } });
      };
      return { ...policy, deliveryResult };
    },
    startListener: (tls) => startFeedbackListener({ config, tls, intake, logger }),
    close() {
      rates.close();
    },
  };
}
