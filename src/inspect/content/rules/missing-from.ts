// RFC 5322 §3.6: From is required; a message without an author address is made by a broken or hostile sender.
import { hasHeader } from '../message.js';
import type { ContentRule } from './rule.js';

export const missingFrom: ContentRule = {
  name: 'MISSING_FROM',
  score: 2.0,
  strength: 'hint',
  description: 'no From header (RFC 5322 §3.6 requires one)',
  test: (msg) => !hasHeader(msg, 'from') || !msg.from?.address,
};
