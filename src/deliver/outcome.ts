// Turn the replies of one delivery attempt into recipient states, timeline events, log lines, policy feedback and,
// where the sender must be told, a DSN. The attempt's outcomes and its DSN are handed to the store in the same tick,
// so they land in the same group commit: a crash cannot leave a bounce recorded without its DSN or the reverse.
import type { Classification, ReplyInput } from '../classify/types.js';
import type { Config } from '../config/schema.js';
import type { MessagePolicy } from '../decide/types.js';
import type { QueueStore } from '../queue/store.js';
import type { DueMessage, RecipientOutcome } from '../queue/types.js';
import type { Logger } from '../shared/logger.js';
import type { TimelineEvent } from '../shared/types.js';
import type { JobResult } from './dispatcher.js';
import { buildDsn, type DsnRecipient } from './dsn.js';
import { enhancedStatus, judgeReply } from './retry.js';

export interface OutcomeInput {
  message: DueMessage;
  domain: string;
  result: JobResult;
  now: number;
  config: Config;
  store: QueueStore;
  policy: MessagePolicy;
  logger: Logger;
  classify?: (input: ReplyInput) => Classification;
  /**
   * Recipients to retry at a set time instead of by the schedule (src/routes decides): after the delay a greylisting
   * server asked for, or at once when the refusal was of the source IP (the retry leaves from another one). Such a
   * refusal is not the recipient's, so even a 5xx is retried, within the message's lifetime.
   */
  retryAt?: ReadonlyMap<string, number>;
}

function dsnRecipient(o: RecipientOutcome, action: DsnRecipient['action'], now: number): DsnRecipient {
  return {
    rcpt: o.rcpt, action, status: o.state === 'expired' && o.code === null ? '4.4.7' : enhancedStatus(o.reply, o.code),
    reply: o.reply, remoteMta: o.remoteMta, lastAttemptAt: now, expired: o.state === 'expired',
    ...(o.classification ? { classification: o.classification as Classification } : {}),
  };
}

export async function recordOutcome(input: OutcomeInput): Promise<void> {
  const { message: m, result, now, config, store, logger } = input;
  const d = config.delivery;
  const policy = { scheduleS: d.retrySchedule, maxLifetimeS: d.maxLifetimeS };
  const attempts = new Map(m.recipients.map((r) => [r.rcpt, r.attempts]));
  const events: TimelineEvent[] = [];
  const outcomes: RecipientOutcome[] = result.replies.map((r) => {
    const judged = judgeReply(r.code, policy, m.receivedAt, (attempts.get(r.rcpt) ?? 0) + 1, now);
    const at = input.retryAt?.get(r.rcpt);
    const verdict = at === undefined || judged.state === 'delivered' || at > m.receivedAt + d.maxLifetimeS * 1000
      ? judged : { state: 'deferred' as const, nextAttemptAt: at };
    const classification = input.classify?.({ text: r.reply, phase: r.phase, ...(result.remoteMta ? { mx: result.remoteMta } : {}) });
    events.push(
      { messageId: m.id, at: now, type: 'attempt', recipient: r.rcpt,
        data: { host: result.remoteMta, ip: result.remoteIp, phase: r.phase, code: r.code, reply: r.reply, ...(classification ? { classification } : {}) } },
      { messageId: m.id, at: now, type: verdict.state, recipient: r.rcpt,
        data: verdict.state === 'deferred' ? { nextAttemptAt: verdict.nextAttemptAt } : {} },
    );
    return { rcpt: r.rcpt, state: verdict.state, code: r.code, reply: r.reply, remoteMta: result.remoteMta, nextAttemptAt: verdict.nextAttemptAt, ...(classification ? { classification } : {}) };
  });

  // Never a DSN to the null sender (RFC 5321 §4.5.5): that is how bounce loops start.
  const canNotify = m.mailFrom !== '';
  const failed = outcomes.filter((o) => o.state === 'bounced' || o.state === 'expired');
  const deferred = outcomes.filter((o) => o.state === 'deferred');
  const warnDelay = canNotify && !m.delayWarned && d.delayWarningHours > 0 && deferred.length > 0 &&
    now - m.receivedAt >= d.delayWarningHours * 3600_000;
  const dsns = [
    ...(canNotify && failed.length > 0 ? [failed.map((o) => dsnRecipient(o, 'failed', now))] : []),
    ...(warnDelay ? [deferred.map((o) => dsnRecipient(o, 'delayed', now))] : []),
  ].map((recipients) => buildDsn({ reportingMta: config.hostname, original: { id: m.id, mailFrom: m.mailFrom, receivedAt: m.receivedAt, raw: m.raw }, recipients, now }));
  for (const dsn of dsns) {
    events.push({ messageId: m.id, at: now, type: 'dsn-sent', data: { dsnId: dsn.id, to: m.mailFrom, recipients: dsn.recipients.length, action: dsn.events[0]?.data.action } });
  }
  if (warnDelay) m.delayWarned = true; // the message's other domain jobs must not warn again

  for (const e of events) logger.info({ queueId: e.messageId, event: e.type, rcpt: e.recipient, ...e.data }, e.type);
  for (const o of outcomes) {
    input.policy.deliveryResult({
      identity: m.identity, messageId: m.id, recipient: o.rcpt, outcome: o.state, now,
      ...(o.classification ? { reason: (o.classification as Classification).reason } : {}),
    });
  }
  // Same tick: the DSNs and the attempt share one commit (see the header comment).
  await Promise.all([
    ...dsns.map((dsn) => store.enqueue(dsn)),
    store.recordAttempt({ messageId: m.id, at: now, outcomes, events, ...(warnDelay ? { delayWarned: true } : {}) }),
  ]);
}
