// Replies diverted to a free mailbox while From shows another domain and the mail goes outside it: advance-fee,
// gift-card and invoice fraud. A contact form's notification to the site owner (the visitor's address as Reply-To)
// stays inside the sender's domain and does not fire. From a free mailbox itself, a Reply-To naming another free
// mailbox diverts the answers the same way ("Mr. Raymond Leo" <kate…@gmail.com> answered at mrraym…@gmail.com), the
// shape SpamAssassin's FREEMAIL_REPLYTO looks for.
import { freemailDomains } from '../data/freemail.js';
import type { ContentMessage } from '../message.js';
import { externalReplyTo, inSendersName } from '../reply-to.js';
import { registrableDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

export const replyToFreemail: ContentRule = {
  name: 'REPLYTO_FREEMAIL',
  score: 2.0,
  strength: 'hint',
  description: 'Reply-To goes to a free-mail domain other than the From domain, or to another free mailbox than the From address',
  test(msg, ctx) {
    const reply = externalReplyTo(msg, ctx);
    if (reply !== null) return freemailDomains.has(reply.domain) && reply.domain;
    return anotherFreeMailbox(msg) ?? false;
  },
};

/**
 * The Reply-To address when From and Reply-To are two different mailboxes, both at free-mail providers, and the Reply-To
 * does not carry the sender's own name (a person's second address: alice.example@ and alice.other@).
 */
function anotherFreeMailbox(msg: ContentMessage): string | null {
  const { from, replyTo } = msg;
  if (!from?.domain || !replyTo?.domain) return null;
  const free = (domain: string) => freemailDomains.has(registrableDomain(domain));
  const answers = replyTo.address.toLowerCase();
  return free(from.domain) && free(replyTo.domain) && from.address.toLowerCase() !== answers && !inSendersName(replyTo, from) ? answers : null;
}
