// Replies diverted to a free mailbox while From shows another domain and the mail goes outside it: advance-fee,
// gift-card and invoice fraud. A contact form's notification to the site owner (the visitor's address as Reply-To)
// stays inside the sender's domain and does not fire.
import { freemailDomains } from '../data/freemail.js';
import { externalReplyTo } from '../reply-to.js';
import type { ContentRule } from './rule.js';

export const replyToFreemail: ContentRule = {
  name: 'REPLYTO_FREEMAIL',
  score: 2.0,
  strength: 'hint',
  description: 'Reply-To goes to a free-mail domain other than the From domain',
  test(msg, ctx) {
    const reply = externalReplyTo(msg, ctx);
    return reply !== null && freemailDomains.has(reply.domain) && reply.domain;
  },
};
