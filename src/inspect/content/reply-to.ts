// The Reply-To that takes answers away from the sender's domain, for mail that leaves that domain.
import type { ContentMessage } from './message.js';
import type { ScoreContext } from './types.js';
import { registrableDomain } from './urls.js';

/** Reply-To's and From's registrable domains when they differ and a recipient is outside From's domain. */
export function externalReplyTo(msg: ContentMessage, ctx: ScoreContext): { domain: string; from: string } | null {
  if (!msg.replyTo?.domain) return null;
  const domain = registrableDomain(msg.replyTo.domain);
  const from = msg.from ? registrableDomain(msg.from.domain) : '';
  if (domain === from) return null;
  const recipients = ctx.recipients?.length ? ctx.recipients : msg.to.map((t) => t.address);
  const outside = recipients.length === 0 || recipients.some((r) => registrableDomain(r) !== from);
  return outside ? { domain, from } : null;
}
