// Every report, from whichever door (SMTP listener, `feedback import`, the HTTP endpoint), goes through here: read it
// with the bounce reader, drop backscatter and auto-replies, trace it to a message and identity, guard against
// replays, then act: complaints and hard bounces suppress the recipient and count toward the sender's rates, and a
// rate over its threshold holds the sender. Garbage is refused with a clear error and changes nothing.
import { parseBounce, type BounceRecipient, type BounceReport, type ReadOptions } from '../bounce/index.js';
import { splitMbox } from '../bounce/mbox.js';
import type { Config } from '../config/schema.js';
import type { ReportSource, TimelineEvent } from '../queue/events.js';
import type { Reputation, TracedIdentity } from '../reputation/index.js';
import { providerOf } from '../routes/providers.js';
import { domainOf } from '../shared/address.js';
import { identityKey } from '../shared/types.js';
import { quotedRefusal } from './backscatter.js';
import { forwardedReports } from './digest.js';
import type { SenderAction } from './hold-adapter.js';
import { assessRates, type RateAssessment } from './rates.js';
import { accountSubject, identitySubject, providerSubject, type RateStore } from './rate-store.js';
import type { ReportStatus, ReportStore } from './report-store.js';
import type { SuppressionList, SuppressionReason } from './suppressions.js';
import { traceReport, type MessageLookup, type SentMessage, type TraceResult } from './trace-report.js';

export interface IntakeDeps {
  config: Config;
  secret: string;
  lookup: MessageLookup;
  suppressions: SuppressionList;
  rates: RateStore;
  reports: ReportStore;
  /** Where the stage's events go: the queue's event stream (and the log). */
  emit: (event: TimelineEvent) => void;
  /** The reputation stage's sender risk: complaints and permanent late bounces count there as at delivery. */
  reputation?: Pick<Reputation, 'recordComplaint' | 'recordBounce'>;
  /** Tells the message's own sender about recipients that bounced late (the return path hid them from it). */
  notifySender?: (m: SentMessage, failed: BounceRecipient[], now: number) => void;
  /** Applies a hold; null only records the recommendation. */
  act: SenderAction | null;
  clock?: () => number;
}

export type IntakeResult =
  | { status: 'rejected'; error: string }
  | { status: ReportStatus | 'backscatter'; reportId: number | null; kind: BounceReport['kind']; reason: string; messageId: string; identity: string; recipients: string[]; held: RateAssessment[] };

export interface Intake {
  /** One report, or an mbox file of several (one result each). Never throws on what a stranger sends. */
  process(raw: Buffer, from: { source: ReportSource; envelopeRecipients?: string[] }): IntakeResult[];
  /**
   * Measure the sender's rates now and hold it when one is over its limit (a `sender-held` event on `messageId`'s
   * timeline): after each report, and after hard bounces at delivery (a bought list bounces while we send).
   */
  assess(messageId: string, identity: TracedIdentity, now: number): RateAssessment[];
}

/** Reports taken from one digest at most (the bounce reader reads no more of one either). */
const MAX_DIGEST_REPORTS = 100;

/** Complaint-like feedback types (RFC 5965 §7.3, plus what providers send); others are recorded but not acted upon. */
const COMPLAINT_TYPES = new Set(['abuse', 'fraud', 'virus', 'other', 'complaint']);
const UNSUBSCRIBE_TYPES = new Set(['opt-out', 'unsubscribe']);
/** Reasons that say the mailbox itself is gone: the address must not be tried again. */
const HARD_REASONS = new Set(['userunknown', 'hostunknown', 'hasmoved', 'suspend']);

export const isHardReason = (reason: string) => HARD_REASONS.has(reason);

/** A permanent failure (5.x.x, or a 5xx reply): what delivery would have called `bounced`. */
const isPermanent = (r: BounceRecipient) => (r.status?.startsWith('5') ?? false) || (r.code !== null && r.code >= 500);

export function createIntake(deps: IntakeDeps): Intake {
  const { config, suppressions, rates, reports, emit } = deps;
  const clock = deps.clock ?? Date.now;
  const f = config.feedback;
  const readOptions: ReadOptions = { limits: config.bounce, traceHeader: config.identity.traceHeader };
  const traceSettings = { bounceDomain: f.bounceDomain, traceHeader: config.identity.traceHeader, secret: deps.secret };
  const days = (d: number, now: number) => (d === 0 ? 0 : now + d * 86_400_000);
  const expiry: Record<SuppressionReason, number> = { 'hard-bounce': f.suppressDays.hardBounce, complaint: f.suppressDays.complaint, unsubscribe: f.suppressDays.unsubscribe, manual: 0 };

  function suppress(m: SentMessage, rcpt: string, reason: SuppressionReason, reportId: number, now: number): void {
    const until = days(expiry[reason], now);
    const source = `report:${reportId}`;
    suppressions.add({ account: m.identity.account, recipient: rcpt, reason, source, createdAt: now, expiresAt: until });
    emit({ type: 'suppressed', at: now, messageId: m.id, recipient: rcpt, data: { account: m.identity.account, reason, until, source } });
  }

  /**
   * The identity first; the account only when no single identity explains it (complaints spread over many). A hold
   * is an event on the timeline of the message whose report tipped it.
   */
  function assess(messageId: string, identity: TracedIdentity, now: number): RateAssessment[] {
    const windowMs = f.windowHours * 3_600_000;
    const unknownMs = f.unknownUserMinutes * 60_000;
    const subjects = [
      { kind: 'identity' as const, key: identityKey(identity), store: identitySubject(identityKey(identity)) },
      ...(identity.sub ? [{ kind: 'account' as const, key: identity.account, store: accountSubject(identity.account) }] : []),
    ];
    for (const s of subjects) {
      const counts = rates.window(s.store, windowMs, now);
      const unknown = rates.window(s.store, unknownMs, now).unknownUsers;
      const a = assessRates({ kind: s.kind, key: s.key }, counts, unknown, f.thresholds);
      if (a.recommendation === 'none') continue;
      const applied = deps.act ? deps.act(a, now) : false;
      if (applied || !deps.act) {
        emit({ type: 'sender-held', at: now, messageId, data: { subject: `${s.kind}:${s.key}`, recommendation: a.recommendation, evidence: a.evidence, applied } });
      }
      return [a];
    }
    return [];
  }

  function onArf(report: BounceReport, m: SentMessage, rcpts: string[], reportId: number, now: number): { status: ReportStatus; reason: string } {
    const type = report.feedback?.feedbackType ?? 'abuse';
    const key = identityKey(m.identity);
    if (UNSUBSCRIBE_TYPES.has(type)) {
      emit({ type: 'unsubscribe', at: now, messageId: m.id, ...(rcpts[0] ? { recipient: rcpts[0] } : {}), data: { identity: key } });
      for (const r of rcpts) suppress(m, r, 'unsubscribe', reportId, now);
      return { status: 'applied', reason: `unsubscribe` };
    }
    if (!COMPLAINT_TYPES.has(type)) return { status: 'ignored', reason: `feedback type ${type}` };
    // Toward the recipient's provider too: a block there weighs the complaints its users made (block-watch.ts).
    const atProviders = rcpts.map((r) => providerSubject(providerOf(undefined, domainOf(r)), key));
    rates.add([identitySubject(key), accountSubject(m.identity.account), ...atProviders], 'complaints', now, true);
    deps.reputation?.recordComplaint(m.identity, now);
    emit({ type: 'complaint', at: now, messageId: m.id, ...(rcpts[0] ? { recipient: rcpts[0] } : {}), data: { identity: key, feedbackType: type, userAgent: report.feedback?.userAgent ?? null } });
    for (const r of rcpts) suppress(m, r, 'complaint', reportId, now);
    return { status: 'applied', reason: `complaint (${type})${rcpts.length ? '' : ', recipient not named'}` };
  }

  function onBounce(report: BounceReport, m: SentMessage, rcpts: string[], reportId: number, now: number): { status: ReportStatus; reason: string } {
    const key = identityKey(m.identity);
    const wanted = new Set(rcpts.map((r) => r.toLowerCase()));
    // A bounce to a VERP address is about that one recipient, whatever address the remote MTA printed.
    // A success notice (DSN Action: delivered, relayed) is no bounce.
    const failures = report.recipients.filter((r) => r.reason !== 'delivered');
    const about = failures.filter((r) => wanted.has(r.recipient.toLowerCase()));
    const lines = about.length > 0 ? about : rcpts.length === 1 && failures.length === 1 ? [{ ...failures[0]!, recipient: rcpts[0]! }] : [];
    let hard = 0;
    const failed: BounceRecipient[] = [];
    for (const r of lines) {
      const rcpt = m.recipients.find((x) => x.toLowerCase() === r.recipient.toLowerCase()) ?? r.recipient;
      const permanent = isPermanent(r);
      const isHard = permanent && isHardReason(r.reason);
      failed.push({ ...r, recipient: rcpt });
      emit({ type: 'late-bounce', at: now, messageId: m.id, recipient: rcpt, data: { identity: key, reason: r.reason, status: r.status, hard: isHard } });
      // The remote host accepted the message and failed it later: to the sender's reputation it is a bounce like one
      // refused while we sent (its HARD_BOUNCES signal, unknown addresses counted apart).
      if (permanent) deps.reputation?.recordBounce(m.identity, r.reason, now);
      if (!isHard) continue;
      hard++;
      rates.add([identitySubject(key), accountSubject(m.identity.account)], 'hard_bounces', now, true);
      if (r.reason === 'userunknown') rates.add([identitySubject(key), accountSubject(m.identity.account)], 'unknown_users', now, true);
      suppress(m, rcpt, 'hard-bounce', reportId, now);
    }
    if (failed.length > 0) deps.notifySender?.(m, failed, now);
    if (lines.length === 0) return { status: 'ignored', reason: 'the report names no failed recipient of the message' };
    return { status: 'applied', reason: hard > 0 ? `${hard} hard bounce(s)` : `soft bounce (${lines.map((l) => l.reason).join(', ')})` };
  }

  function processOne(raw: Buffer, source: ReportSource, envelope: string[]): IntakeResult {
    const now = clock();
    const report = parseBounce(raw, readOptions);
    if (report.kind === 'unknown') {
      return { status: 'rejected', error: report.broken ? `unusable report: ${report.broken}` : 'not a bounce or feedback report' };
    }
    const base = { kind: report.kind, messageId: '', identity: '', recipients: [] as string[], held: [] as RateAssessment[] };
    const record = (status: ReportStatus, reason: string, extra: Partial<{ messageId: string; identity: string; recipient: string }> = {}) =>
      reports.add({ at: now, source, kind: report.kind, status, reason, messageId: extra.messageId ?? '', identity: extra.identity ?? '', recipient: extra.recipient ?? '', raw });

    const refusal = quotedRefusal(report, raw, config.hostname);
    if (refusal) {
      emit({ type: 'backscatter-dropped', at: now, messageId: '', data: { kind: report.kind, refusal } });
      return { ...base, status: 'backscatter', reportId: null, reason: 'a bounce of mail this relay refused' };
    }
    if (report.kind === 'autoreply') return { ...base, status: 'ignored', reportId: null, reason: 'auto-reply' };

    const trace: TraceResult = traceReport(raw, report, envelope, deps.lookup, traceSettings);
    if (trace.kind === 'forged') {
      const reportId = record('forged', 'trace fails its HMAC', { messageId: trace.claimed });
      emit({ type: 'report-forged', at: now, messageId: '', data: { reportId, kind: report.kind, source, claimed: trace.claimed } });
      return { ...base, status: 'forged', reportId, reason: `forged trace (claims message ${trace.claimed})` };
    }
    if (trace.kind === 'untraceable') {
      const reportId = record('untraceable', trace.reason);
      emit({ type: 'report-untraceable', at: now, messageId: '', data: { reportId, kind: report.kind, source, reason: trace.reason } });
      return { ...base, status: 'untraceable', reportId, reason: trace.reason };
    }
    const m = trace.message;
    const key = identityKey(m.identity);
    const traced = { messageId: m.id, identity: key, recipients: trace.recipients };
    // The same report about the same message and recipient, however often it comes; a different status (a success
    // notice, then a failure) is a different report.
    const kindKey = report.kind === 'arf' ? `arf:${report.feedback?.feedbackType ?? ''}` : `bounce:${report.recipients.map((r) => r.status ?? r.reason).join('+')}`;
    const replayKey = `${kindKey}:${m.id}:${trace.recipients.map((r) => r.toLowerCase()).sort().join(',') || '*'}`;
    if (!reports.claim(replayKey, now)) {
      record('duplicate', replayKey, { messageId: m.id, identity: key, recipient: trace.recipients.join(',') });
      emit({ type: 'report-duplicate', at: now, messageId: m.id, data: { kind: report.kind, source, key: replayKey } });
      return { ...base, ...traced, status: 'duplicate', reportId: null, reason: 'already counted' };
    }
    const reportId = record('applied', '', { messageId: m.id, identity: key, recipient: trace.recipients.join(',') });
    emit({ type: 'report-received', at: now, messageId: m.id, data: { reportId, kind: report.kind, source, via: trace.via, identity: key } });
    const outcome = report.kind === 'arf' ? onArf(report, m, trace.recipients, reportId, now) : onBounce(report, m, trace.recipients, reportId, now);
    reports.settle(reportId, outcome.status, outcome.reason);
    const held = outcome.status === 'applied' ? assess(m.id, m.identity, now) : [];
    return { ...base, ...traced, status: outcome.status, reportId, reason: outcome.reason, held };
  }

  return {
    assess,
    process(raw, from) {
      if (raw.length > config.bounce.maxBytes) {
        return [{ status: 'rejected', error: `report too large: ${raw.length} bytes, the limit is ${config.bounce.maxBytes} (bounce.maxBytes)` }];
      }
      // An mbox of reports, and in it a digest of forwarded reports: each report is taken in on its own.
      const reports = splitMbox(raw).flatMap((one) => forwardedReports(one, MAX_DIGEST_REPORTS) ?? [one]);
      return reports.map((one) => processOne(one, from.source, from.envelopeRecipients ?? []));
    },
  };
}
