// The decision table: one verdict per message from the content verdict, the sender's behaviour risk and its limits.
// Pure, so that the table is tested row by row. The order is the order of severity: a suspension outranks a content
// reject, which outranks a rate limit (a message we would refuse is never merely deferred), and so on down to accept.
import type { PolicyThresholds } from '../config/schema.js';
import type { Assessment } from '../reputation/index.js';
import type { ContentAction, ContentVerdict } from '../inspect/content/types.js';
import type { Evidence } from '../shared/types.js';
import type { Decision } from './types.js';

export const RISK_HEADER = 'X-Mailwarden-Risk';

function contentPoints(action: ContentAction, t: PolicyThresholds): number {
  switch (action) {
    case 'accept':
      return 0;
    case 'tag':
      return t.contentTagPoints;
    case 'quarantine':
      return t.contentQuarantinePoints;
    case 'reject':
      return t.contentRejectPoints;
  }
}

function contentEvidence(content: ContentVerdict | undefined, t: PolicyThresholds): Evidence[] {
  if (!content) return [];
  const rules = content.rules.map((r): Evidence => ({ kind: 'content', name: r.name, score: r.score, description: r.description }));
  const points = contentPoints(content.action, t);
  const summary: Evidence = {
    kind: 'content',
    name: 'CONTENT_VERDICT',
    score: points,
    description: `content score ${content.score} (threshold ${content.threshold}): ${content.action}`,
  };
  return [summary, ...rules];
}

export interface DecisionInput {
  t: PolicyThresholds;
  behaviour: Assessment;
  content?: ContentVerdict;
}

/** Risk of the sender for this message: behaviour signals plus what the content verdict adds. */
export function totalRisk(input: DecisionInput): number {
  return input.behaviour.risk + (input.content ? contentPoints(input.content.action, input.t) : 0);
}

/** The evidence a decision on this input carries: behaviour signals, then the content verdict and its rules. */
export function evidenceOf(input: DecisionInput): Evidence[] {
  return [...input.behaviour.evidence, ...contentEvidence(input.content, input.t)];
}

/** The headers of a message accepted with doubt (tagged or held): its risk and signals, and the spam tag. */
export function doubtHeaders(input: DecisionInput): Array<[string, string]> {
  const { content } = input;
  const risk = Math.round(totalRisk(input) * 10) / 10;
  const names = evidenceOf(input).filter((e) => e.score > 0 && e.kind !== 'content').map((e) => e.name);
  const header: [string, string] = [RISK_HEADER, `risk=${risk}${content ? ` content=${content.score}` : ''}${names.length ? ` signals=${names.join(',')}` : ''}`];
  // The tag the configuration reference promises from content.thresholds.tag on: mail filters downstream sort on it.
  const spamTag: Array<[string, string]> = content?.spam ? [['X-Mailwarden-Spam', `yes; score=${content.score}; threshold=${content.threshold}`]] : [];
  return [header, ...spamTag];
}

export function decide(input: DecisionInput): Decision {
  const { t, behaviour, content } = input;
  const risk = Math.round(totalRisk(input) * 10) / 10;
  const evidence = evidenceOf(input);
  const headers = doubtHeaders(input);
  const overLimit = behaviour.hourMessages >= behaviour.hourLimit;
  const loginOverLimit = behaviour.loginHourMessages >= behaviour.loginHourLimit;
  const limitEvidence: Evidence = loginOverLimit && !overLimit
    ? {
        kind: 'limit',
        name: 'LOGIN_HOURLY_LIMIT',
        score: 0,
        description: `${behaviour.loginHourMessages} messages in the last hour from all identities of this login; it may send ${behaviour.loginHourLimit} per hour for now`,
      }
    : {
        kind: 'limit',
        name: 'HOURLY_LIMIT',
        score: 0,
        description: `${behaviour.hourMessages} messages in the last hour; this sender may send ${behaviour.hourLimit} per hour for now`,
      };
  const cap = behaviour.newIdentitiesOverCap;

  if (risk >= t.suspendScore)
    return { verdict: 'suspend', code: 'MW-SUSPENDED', reason: 'this sender is suspended after unusual sending; contact your provider', evidence };
  if (content?.action === 'reject')
    return { verdict: 'reject', code: 'MW-SPAM', reason: 'message refused because it looks like spam', evidence };
  if (cap)
    return {
      verdict: 'quarantine',
      code: 'MW-NEW-SENDERS',
      reason: 'message accepted and held for review',
      evidence: [...evidence, {
        kind: 'limit',
        name: 'NEW_IDENTITIES_PER_LOGIN',
        score: 0,
        description: `this login started ${cap.count} new sender identities in the last hour; mail from new identities beyond the first ${cap.limit} is held for review`,
      }],
      addHeaders: headers,
    };
  if (overLimit || loginOverLimit)
    return { verdict: 'defer', code: 'MW-RATE', reason: 'sending rate above what this sender usually sends; try again later', evidence: [...evidence, limitEvidence] };
  if (risk >= t.quarantineScore || content?.action === 'quarantine')
    return { verdict: 'quarantine', code: 'MW-HELD', reason: 'message accepted and held for review', evidence, addHeaders: headers };
  if (risk >= t.tagScore || content?.action === 'tag')
    return { verdict: 'tag', code: 'MW-TAGGED', reason: 'accepted', evidence, addHeaders: headers };
  return { verdict: 'accept', code: 'MW-OK', reason: 'accepted', evidence };
}
