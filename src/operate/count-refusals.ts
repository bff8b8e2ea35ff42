// A refused message is never stored, so the queue's event stream cannot count it. This wraps the decide stage's
// policy and reports every decision that the one verdict-to-reply function (decide/reply.ts) turns into a refusal,
// at MAIL FROM (checkSender) or after DATA (checkMessage). The policy itself is unchanged.
import { decisionReply } from '../decide/reply.js';
import type { Decision, MessagePolicy } from '../decide/types.js';
import type { Verdict } from '../shared/types.js';

export function countRefusals(policy: MessagePolicy, refused: (verdict: Verdict) => void): MessagePolicy {
  const observe = <D extends Decision | null>(decision: D): D => {
    if (decision && decisionReply(decision, '').kind === 'refuse') refused(decision.verdict);
    return decision;
  };
  return {
    checkSender: async (ctx) => observe(await policy.checkSender(ctx)),
    checkMessage: async (ctx) => observe(await policy.checkMessage(ctx)),
    accepted: (ctx, decision, queueId) => policy.accepted(ctx, decision, queueId),
    refused: (ctx, decision, id) => policy.refused(ctx, decision, id),
    authAttempt: (attempt) => policy.authAttempt(attempt),
  };
}
