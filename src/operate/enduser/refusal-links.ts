// Puts the end user's link into refusals: wraps the decide stage's policy (like count-refusals.ts) and gives every
// decision that becomes a refusal a `link` to its notice, which decide/reply.ts appends to the SMTP reply text.
// Mail that is held gets no link: its reply is the same as accepted mail's on purpose.
import { decisionReply } from '../../decide/reply.js';
import type { Decision, MessagePolicy, SenderContext } from '../../decide/types.js';
import { identityKey } from '../../shared/types.js';
import type { Notices } from './notices.js';

export interface LinkOptions {
  notices: Notices;
  /** Ends with '/'; a function, because the listener's port may be known only once it is bound. */
  baseUrl: () => string;
  ttlMs: number;
}

export function withEndUserLinks(policy: MessagePolicy, opts: LinkOptions): MessagePolicy {
  const linked = <D extends Decision | null>(ctx: SenderContext, decision: D): D => {
    if (!decision || decisionReply(decision, '').kind !== 'refuse') return decision;
    const id = opts.notices.note({
      identity: identityKey(ctx.identity), code: decision.code, verdict: decision.verdict, reason: decision.reason,
      evidence: decision.evidence, at: ctx.now,
    });
    return { ...decision, link: `${opts.baseUrl()}u/${opts.notices.token(id, ctx.now + opts.ttlMs)}` };
  };
  return {
    ...policy,
    checkSender: async (ctx) => linked(ctx, await policy.checkSender(ctx)),
    checkMessage: async (ctx) => linked(ctx, await policy.checkMessage(ctx)),
  };
}
