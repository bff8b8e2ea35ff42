// RFC 5322 §3.6: From is required, and its address names a domain the reader can answer (§3.4.1: a fully qualified
// domain). A message without an author address, or with one at "correios" or "%atendimento.com", is made by a broken
// or hostile sender: receivers such as Gmail refuse it.
import { hasHeader } from '../message.js';
import { isInternetDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

export const missingFrom: ContentRule = {
  name: 'MISSING_FROM',
  score: 2.0,
  strength: 'hint',
  description: 'no From address at an internet domain, which RFC 5322 §3.6 requires',
  test(msg) {
    if (!hasHeader(msg, 'from') || !msg.from?.address) return true;
    return !isInternetDomain(msg.from.domain) && `${msg.from.domain || 'no domain'} is not an internet domain`;
  },
};
