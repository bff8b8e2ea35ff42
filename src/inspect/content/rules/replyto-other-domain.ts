// Replies diverted to another organisation's domain while the mail goes outside the sender's own: invoice and
// CEO fraud take the conversation elsewhere that way. Mail to the sender's own domain (a website's contact form
// notifying its owner, with the visitor as Reply-To) is how contact forms work and does not count; nor do free-mail
// Reply-To addresses, which REPLYTO_FREEMAIL weighs.
import { freemailDomains } from '../data/freemail.js';
import { externalReplyTo } from '../reply-to.js';
import type { ContentRule } from './rule.js';

export const replyToOtherDomain: ContentRule = {
  name: 'REPLYTO_OTHER_DOMAIN',
  score: 1.0,
  strength: 'hint',
  description: 'Reply-To sends answers to another domain than From',
  test(msg, ctx) {
    const reply = externalReplyTo(msg, ctx);
    return reply !== null && !freemailDomains.has(reply.domain) && `${reply.domain} instead of ${reply.from}`;
  },
};
