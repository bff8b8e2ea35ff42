// The policy the accept stage consults (MessagePolicy): suspensions at MAIL FROM, then after DATA one decision from
// content, the sender's reputation and its limits. A suspension decided here is recorded by reputation and logged.
import type { Config } from '../config/schema.js';
import type { ContentVerdict, ScoreContext } from '../inspect/content/types.js';
import { contentFacts, type ContentFacts } from '../inspect/facts.js';
import { thresholdsFor, type MessageFacts, type Reputation, type Suspension } from '../reputation/index.js';
import type { Logger } from '../shared/logger.js';
import { identityKey, type Evidence } from '../shared/types.js';
import { contentModeOf, decideIn, policyModeOf } from './monitor.js';
import type { Decision, MessageContext, MessagePolicy } from './types.js';

export interface PolicyOptions {
  config: Config;
  reputation: Reputation;
  logger: Logger;
  /** Content scoring, e.g. a content scorer's `check`; without it decisions rest on reputation and limits alone. */
  content?: (raw: Buffer, ctx: ScoreContext) => ContentVerdict | Promise<ContentVerdict>;
  /**
   * Scoring and the content facts reputation needs, in one (the relay's runs on a worker thread); replaces `content`.
   * By default the facts are read here and the verdict comes from `content`.
   */
  inspect?: (raw: Buffer, ctx: ScoreContext) => Promise<{ facts: ContentFacts; verdict?: ContentVerdict }>;
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

/** The evidence that counted, one line each, in the words the customer reads in `senders show` and the log. */
function why(evidence: Evidence[]): string[] {
  return evidence.filter((e) => e.score > 0 || e.kind === 'limit' || e.kind === 'account').map((e) => `${e.name}: ${e.description}`);
}

export function createPolicy(opts: PolicyOptions): MessagePolicy {
  const { config, reputation, logger } = opts;

  const inspect = opts.inspect ?? (async (raw: Buffer, scoring: ScoreContext) => {
    const facts = contentFacts(raw);
    return { facts, ...(opts.content ? { verdict: await opts.content(raw, scoring) } : {}) };
  });

  function stoppedRecord(ctx: MessageContext, decision: Decision, id: string) {
    return {
      id,
      at: ctx.now,
      verdict: decision.verdict,
      code: decision.code,
      from: decision.facts?.fromAddress || ctx.mailFrom,
      to: ctx.recipients,
      subject: decision.facts?.subject ?? '',
      why: why(decision.evidence),
    };
  }

  return {
    async checkSender(ctx) {
      if (!config.policy.enabled) return null;
      const s = reputation.suspensionOf(ctx.identity, ctx.now);
      return s ? suspendedDecision(s) : null;
    },

    async checkMessage(ctx: MessageContext) {
      if (!config.policy.enabled) return { verdict: 'accept', code: 'MW-OK', reason: 'accepted', evidence: [] };
      const scoring = { mailFrom: ctx.mailFrom, recipients: ctx.recipients, now: ctx.now, ...(ctx.authenticated ? { authUser: ctx.identity.account } : {}) };
      const { facts: content, verdict } = await inspect(ctx.raw, scoring);
      const facts: MessageFacts = {
        identityKey: identityKey(ctx.identity),
        account: ctx.identity.account,
        clientIp: ctx.clientIp,
        recipients: ctx.recipients,
        ...content,
      };
      // Checked after the await: a concurrent session of the same sender may have suspended it meanwhile.
      const s = reputation.suspensionOf(ctx.identity, ctx.now);
      if (s) return { ...suspendedDecision(s), facts };
      const t = thresholdsFor(config, ctx.identity.account);
      const input = { t, behaviour: reputation.assess(facts, ctx.now), ...(verdict ? { content: verdict } : {}) };
      const account = ctx.identity.account;
      const { decision, wouldHave, watchedBy } = decideIn({ content: contentModeOf(config, account), policy: policyModeOf(config, account) }, input);
      if (wouldHave) {
        const rules = wouldHave.evidence.filter((e) => (watchedBy === 'policy' || e.kind === 'content') && e.score > 0).map((e) => e.name);
        logger.info({ event: `${watchedBy}-monitor`, identity: facts.identityKey, verdict: decision.verdict, wouldHave: wouldHave.verdict, code: wouldHave.code, rules }, 'monitor mode: accepted a message that enforcing would have held or refused');
      }
      if (marksHistory(decision)) reputation.flag(ctx.identity, ctx.now);
      if (decision.verdict === 'suspend') {
        const s = reputation.suspendByPolicy(ctx.identity, decision.evidence, ctx.now);
        logger.warn({ event: 'sender-suspended', identity: s.identity, until: s.until, reason: s.reason, evidence: s.evidence }, 'sender identity suspended');
      }
      // The facts go back with the decision, so that `accepted` counts the message without a second parse.
      return { ...decision, facts };
    },

    accepted(ctx, decision, queueId) {
      if (!decision.facts || !config.policy.enabled) return;
      const held = decision.verdict === 'quarantine';
      if (decision.verdict === 'accept' || decision.verdict === 'tag' || held) reputation.record(decision.facts, ctx.now, held);
      if (held) reputation.stopped(decision.facts, { ...stoppedRecord(ctx, decision, queueId), verdict: 'quarantine' }, ctx.now);
    },

    refused(ctx, decision, id) {
      const record = stoppedRecord(ctx, decision, id);
      // One line per refusal, searchable by its id (named in the SMTP reply), sender, recipient or subject.
      logger.info({ event: 'refused', identity: identityKey(ctx.identity), ...record }, 'message refused');
      // A deferral for volume is no mark against the sender; a refusal is.
      if (decision.facts && config.policy.enabled && decision.verdict !== 'defer') reputation.stopped(decision.facts, record, ctx.now);
    },

    authAttempt: (attempt) => reputation.authAttempt(attempt),
  };
}
