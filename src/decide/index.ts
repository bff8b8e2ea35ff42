// The policy the accept stage consults (MessagePolicy): suspensions at MAIL FROM, then after DATA one decision from
// content, behaviour and limits. Suspensions record their evidence and emit a log event.
import type { Config, PolicyThresholds } from '../config/schema.js';
import { createCampaignTracker } from '../inspect/behaviour/campaign.js';
import { contentFacts, type ContentFacts } from '../inspect/behaviour/facts.js';
import { createSqliteCounterStore } from '../inspect/behaviour/sqlite-counter-store.js';
import { createBehaviour, type MessageFacts } from '../inspect/behaviour/tracker.js';
import type { Logger } from '../shared/logger.js';
import { identityKey, type SenderIdentity } from '../shared/types.js';
import type { Db } from '../store/sqlite.js';
import type { ContentVerdict, ScoreContext } from '../inspect/content/types.js';
import { decide } from './decide.js';
import { recentSamples } from './samples.js';
import { createSuspensions, type Suspension } from './suspensions.js';
import type { Decision, MessageContext, MessagePolicy } from './types.js';

export interface PolicyOptions {
  config: Config;
  db: Db;
  logger: Logger;
  /** Time for callers that pass none (complaints); decisions use the `now` the accept stage passes in. */
  clock?: () => number;
  /** Content scoring, e.g. a content scorer's `check`; without it decisions rest on behaviour and limits alone. */
  content?: (raw: Buffer, ctx: ScoreContext) => ContentVerdict | Promise<ContentVerdict>;
  /**
   * Scoring and the behaviour stage's content facts in one (the relay's runs on a worker thread); replaces `content`.
   * By default the facts are read here and the verdict comes from `content`.
   */
  inspect?: (raw: Buffer, ctx: ScoreContext) => Promise<{ facts: ContentFacts; verdict?: ContentVerdict }>;
}

export type Policy = MessagePolicy & {
  /** A feedback-loop complaint traced to an identity (called by the feedback stage); `now` defaults to the clock. */
  complaint(identity: SenderIdentity, now?: number): void;
  close(): void;
};

/** The account's thresholds: the defaults with the account's overrides on top. */
export function thresholdsFor(config: Config, account: string): PolicyThresholds {
  return { ...config.policy.thresholds, ...config.policy.accounts[account] };
}

function suspendedDecision(s: Suspension): Decision {
  const until = s.until === 0 ? 'until reinstated by the provider' : `until ${new Date(s.until).toISOString()}`;
  return {
    verdict: 'reject',
    code: 'MW-SUSPENDED',
    reason: `this sender is suspended ${until}`,
    evidence: [{ kind: 'account', name: 'SUSPENDED', score: 0, description: `suspended by ${s.by} since ${new Date(s.since).toISOString()}: ${s.reason}` }],
  };
}

/**
 * Whether a decision spoils the day for trust: mail held, refused or suspended for what it is or how it was sent. A
 * tag (mild doubt) and a rate-limit deferral (volume not yet earned) are no mark against the sender.
 */
function marksHistory(d: Decision): boolean {
  switch (d.verdict) {
    case 'accept':
    case 'tag':
    case 'defer':
      return false;
    case 'quarantine':
    case 'reject':
    case 'suspend':
      return true;
  }
}

export function createPolicy(opts: PolicyOptions): Policy {
  const { config, db, logger } = opts;
  const clock = opts.clock ?? Date.now;
  const store = createSqliteCounterStore(db, { flushMs: config.policy.flushMs });
  const behaviour = createBehaviour(store, createCampaignTracker());
  const suspensions = createSuspensions(db);
  const samples = recentSamples();
  // Inspected once after DATA and reused when the accept stage reports the message as queued.
  const parsed = new WeakMap<Buffer, { facts: MessageFacts; content: ContentFacts }>();
  const authSettings = {
    failureWindowMs: config.policy.authFailureWindowMinutes * 60_000,
    signalMs: config.policy.authSignalMinutes * 60_000,
  };

  /** A suspension of the identity or of its whole account (login) refuses the message. */
  function suspensionOf(identity: SenderIdentity, now: number): Suspension | undefined {
    return suspensions.active(identityKey(identity), now) ?? (identity.sub ? suspensions.active(identity.account, now) : undefined);
  }

  const inspect = opts.inspect ?? (async (raw: Buffer, scoring: ScoreContext) => {
    const facts = contentFacts(raw);
    return { facts, ...(opts.content ? { verdict: await opts.content(raw, scoring) } : {}) };
  });

  /** Inspect the message once; `accepted` finds its facts again when the accept stage reports it queued. */
  async function inspectOnce(ctx: MessageContext, scoring: ScoreContext) {
    const { facts: content, verdict } = await inspect(ctx.raw, scoring);
    const facts: MessageFacts = {
      identityKey: identityKey(ctx.identity),
      account: ctx.identity.account,
      clientIp: ctx.clientIp,
      recipients: ctx.recipients,
      fromAddress: content.fromAddress,
      fingerprint: content.fingerprint,
    };
    parsed.set(ctx.raw, { facts, content });
    return { facts, cf: content, content: verdict };
  }

  function suspend(ctx: MessageContext, decision: Decision, t: PolicyThresholds): void {
    const key = identityKey(ctx.identity);
    const report = behaviour.report(key, t, ctx.now);
    const evidence = {
      signals: decision.evidence,
      counts: {
        lastMinute: report?.windows.minute.messages ?? 0,
        lastHour: report?.windows.hour.messages ?? 0,
        lastDay: report?.windows.day.messages ?? 0,
        recipientsLastHour: report?.windows.hour.recipients ?? 0,
        usualPeakMinute: report?.baseline.peakMinute ?? 0,
        usualPeakHour: report?.baseline.peakHour ?? 0,
      },
      sampleSubjects: samples.subjects(key),
      fingerprints: samples.fingerprints(key),
    };
    const until = t.suspendMinutes === 0 ? 0 : ctx.now + t.suspendMinutes * 60_000;
    const reason = decision.evidence.filter((e) => e.score > 0).map((e) => e.name).join(', ');
    suspensions.suspend({ identity: key, since: ctx.now, until, by: 'policy', reason, evidence });
    logger.warn({ event: 'sender-suspended', identity: key, until, reason, evidence }, 'sender identity suspended');
  }

  return {
    async checkSender(ctx) {
      if (!config.policy.enabled) return null;
      const s = suspensionOf(ctx.identity, ctx.now);
      return s ? suspendedDecision(s) : null;
    },

    async checkMessage(ctx) {
      if (!config.policy.enabled) return { verdict: 'accept', code: 'MW-OK', reason: 'accepted', evidence: [] };
      const scoring = { mailFrom: ctx.mailFrom, recipients: ctx.recipients, now: ctx.now, ...(ctx.authenticated ? { authUser: ctx.identity.account } : {}) };
      const { facts, cf, content } = await inspectOnce(ctx, scoring);
      // Checked after the awaits: a concurrent session of the same sender may have suspended it meanwhile.
      const s = suspensionOf(ctx.identity, ctx.now);
      if (s) return suspendedDecision(s);
      const t = thresholdsFor(config, ctx.identity.account);
      samples.add(facts.identityKey, cf.subject, cf.fingerprint);
      const decision = decide({ t, behaviour: behaviour.assess(facts, t, ctx.now), ...(content ? { content } : {}) });
      if (marksHistory(decision)) behaviour.flag(facts.identityKey, ctx.now);
      if (decision.verdict === 'suspend') suspend(ctx, decision, t);
      return decision;
    },

    accepted(ctx, decision) {
      const entry = parsed.get(ctx.raw);
      if (!entry || !config.policy.enabled) return;
      if (decision.verdict === 'accept' || decision.verdict === 'tag' || decision.verdict === 'quarantine') behaviour.record(entry.facts, ctx.now);
    },

    authAttempt(attempt) {
      const t = thresholdsFor(config, attempt.username);
      behaviour.authAttempt(attempt, { ...authSettings, failureBurst: t.authFailureBurst });
    },

    deliveryResult(result) {
      behaviour.deliveryResult(identityKey(result.identity), result.outcome, result.reason, result.now);
    },

    complaint(identity, now = clock()) {
      behaviour.complaint(identityKey(identity), now);
    },

    close() {
      store.close();
    },
  };
}
