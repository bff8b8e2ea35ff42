// Turn the replies of one delivery attempt into recipient states, timeline events, log lines and, where the sender
// must be told, a DSN (reputation learns the outcomes from the events, once they are committed). The attempt's outcomes and its DSN are handed to the store in the same tick,
// so they land in the same group commit: a crash cannot leave a bounce recorded without its DSN or the reverse.
import type { Classification, ReplyInput } from '../classify/types.js';
import type { Config } from '../config/schema.js';
import type { QueueStore } from '../queue/store.js';
import type { DueMessage, RecipientOutcome } from '../queue/types.js';
import type { Logger } from '../shared/logger.js';
import type { DsnAction, TimelineEvent } from '../queue/events.js';
import { identityKey } from '../shared/types.js';
import type { Observation } from '../routes/index.js';
import type { JobResult } from './dispatcher.js';
import { buildDsn, type DsnRecipient } from './dsn.js';
import { routeChangeOf } from './route-events.js';
import { enhancedStatus, outcomeOf } from './retry.js';

export interface OutcomeInput {
  message: DueMessage;
  domain: string;
  result: JobResult;
  now: number;
  config: Config;
  store: QueueStore;
  logger: Logger;
  classify: (input: ReplyInput) => Classification;
  /**
   * Recipients to retry at a set time instead of by the schedule (src/routes decides): after the delay a greylisting
   * server asked for, or at once when the refusal was of the source IP (the retry leaves from another one). Such a
   * refusal is not the recipient's, so even a 5xx is retried, within the message's lifetime.
   */
  retryAt?: ReadonlyMap<string, number>;
  /** Route states the replies changed (src/routes): each becomes an event on this message, with its recipient. */
  routeChanges?: Observation['changes'];
}

function dsnRecipient(o: RecipientOutcome, action: DsnAction, now: number): DsnRecipient {
  return {
    rcpt: o.rcpt, action, status: o.state === 'expired' && o.code === null ? '4.4.7' : enhancedStatus(o.reply, o.code),
    reply: o.reply, remoteMta: o.remoteMta, lastAttemptAt: now, expired: o.state === 'expired',
    classification: o.classification,
  };
}

export async function recordOutcome(input: OutcomeInput): Promise<void> {
  const { message: m, result, now, config, store, logger } = input;
  const d = config.delivery;
  const schedule = { scheduleS: d.retrySchedule, maxLifetimeS: d.maxLifetimeS };
  const attempts = new Map(m.recipients.map((r) => [r.rcpt, r.attempts]));
  const events: TimelineEvent[] = [];
  const sender = identityKey(m.identity);
  const outcomes: RecipientOutcome[] = result.replies.map((r) => {
    // Classify first: the classification decides the outcome. The code is the one the SMTP client read off the wire.
    const classification = { ...input.classify({ text: r.reply, phase: r.phase, ...(result.remoteMta ? { mx: result.remoteMta } : {}) }), code: r.code };
    const outcome = outcomeOf(classification, schedule, {
      attempts: (attempts.get(r.rcpt) ?? 0) + 1, receivedAt: m.receivedAt, now, ...(input.retryAt?.has(r.rcpt) ? { retryAt: input.retryAt.get(r.rcpt)! } : {}),
    });
    events.push(
      { messageId: m.id, at: now, type: 'attempt', recipient: r.rcpt,
        data: { host: result.remoteMta, ip: result.remoteIp, phase: r.phase, code: r.code, reply: r.reply, classification } },
      outcome.state === 'deferred'
        ? { messageId: m.id, at: now, type: 'deferred', recipient: r.rcpt, data: { identity: sender, code: r.code, reason: classification.reason, nextAttemptAt: outcome.nextAttemptAt } }
        : { messageId: m.id, at: now, type: outcome.state, recipient: r.rcpt, data: { identity: sender, code: r.code, reason: classification.reason } },
    );
    return { rcpt: r.rcpt, state: outcome.state, code: r.code, reply: r.reply, remoteMta: result.remoteMta, nextAttemptAt: outcome.nextAttemptAt, classification };
  });
  for (const { rcpt, state: s } of input.routeChanges ?? []) {
    events.push({ messageId: m.id, at: now, type: s.status === 'slowed' ? 'route-slowed' : 'route-paused', recipient: rcpt, data: routeChangeOf(s) });
  }

  // Never a DSN to the null sender (RFC 5321 §4.5.5): that is how bounce loops start.
  const canNotify = m.mailFrom !== '';
  const failed = outcomes.filter((o) => o.state === 'bounced' || o.state === 'expired');
  const deferred = outcomes.filter((o) => o.state === 'deferred');
  const warnDelay = canNotify && !m.delayWarned && d.delayWarningHours > 0 && deferred.length > 0 &&
    now - m.receivedAt >= d.delayWarningHours * 3600_000;
  const notices: Array<{ action: DsnAction; about: RecipientOutcome[] }> = [
    ...(canNotify && failed.length > 0 ? [{ action: 'failed' as const, about: failed }] : []),
    ...(warnDelay ? [{ action: 'delayed' as const, about: deferred }] : []),
  ];
  const original = { id: m.id, mailFrom: m.mailFrom, receivedAt: m.receivedAt, raw: m.raw };
  const dsns = notices.map(({ action, about }) => {
    const dsn = buildDsn({ reportingMta: config.hostname, original, recipients: about.map((o) => dsnRecipient(o, action, now)), now });
    events.push({ messageId: m.id, at: now, type: 'dsn-sent', data: { dsnId: dsn.id, to: m.mailFrom, recipients: about.length, action } });
    return dsn;
  });
  if (warnDelay) m.delayWarned = true; // the message's other domain jobs must not warn again

  for (const e of events) logger.info({ queueId: e.messageId, event: e.type, rcpt: e.recipient, ...e.data }, e.type);
  // Same tick: the DSNs and the attempt share one commit (see the header comment).
  await Promise.all([
    ...dsns.map((dsn) => store.enqueue(dsn, { keepOnFailure: true })),
    store.recordAttempt({ messageId: m.id, at: now, outcomes, events, ...(warnDelay ? { delayWarned: true } : {}) }),
  ]);
}
