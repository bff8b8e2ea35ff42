// Replies diverted to a free mailbox while From shows another domain: advance-fee and invoice fraud.
import { freemailDomains } from '../data/freemail.js';
import { registrableDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

export const replyToFreemail: ContentRule = {
  name: 'REPLYTO_FREEMAIL',
  score: 2.0,
  description: 'Reply-To goes to a free-mail domain other than the From domain',
  test(msg) {
    if (!msg.replyTo?.domain) return false;
    const reply = registrableDomain(msg.replyTo.domain);
    const from = msg.from ? registrableDomain(msg.from.domain) : '';
    return freemailDomains.has(reply) && reply !== from && reply;
  },
};
