// The From domain differs from the envelope sender's domain. Common for mailing services that use their own bounce
// domain, so the score is small; together with other signs it matters (RFC 5321 §4.4 keeps them independent).
import { registrableDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

export const fromEnvelopeMismatch: ContentRule = {
  name: 'FROM_ENVELOPE_MISMATCH',
  score: 0.5,
  strength: 'hint',
  description: 'From domain differs from the envelope sender domain',
  test(msg, ctx) {
    if (!ctx.mailFrom || !msg.from?.domain) return false;
    const envelope = registrableDomain(ctx.mailFrom);
    const from = registrableDomain(msg.from.domain);
    return envelope !== from && `${from} vs ${envelope}`;
  },
};
