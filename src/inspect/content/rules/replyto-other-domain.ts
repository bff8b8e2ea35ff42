// Replies diverted to another organisation's domain while the mail goes outside the sender's own: invoice and
// CEO fraud take the conversation elsewhere that way. Mail to the sender's own domain (a website's contact form
// notifying its owner, with the visitor as Reply-To) is how contact forms work and does not count; nor do free-mail
// Reply-To addresses, which REPLYTO_FREEMAIL weighs. Nor a help desk answering for the sender (a notice from
// no-reply@company.com answered at support@company.zendesk.com): on 130 transactional messages from public templates
// given such a Reply-To, this hint beside the model's unsure line had tagged 35. The sender's name under another
// suffix still counts (acme.com answered at acme.co is how invoice fraud diverts the conversation).
import { freemailDomains } from '../data/freemail.js';
import { helpDeskDomains } from '../data/help-desks.js';
import { externalReplyTo } from '../reply-to.js';
import type { ContentRule } from './rule.js';

export const replyToOtherDomain: ContentRule = {
  name: 'REPLYTO_OTHER_DOMAIN',
  score: 1.0,
  strength: 'hint',
  description: 'Reply-To sends answers to another domain than From',
  test(msg, ctx) {
    const reply = externalReplyTo(msg, ctx);
    if (reply === null || freemailDomains.has(reply.domain) || helpDeskDomains.has(reply.domain)) return false;
    return `${reply.domain} instead of ${reply.from}`;
  },
};
