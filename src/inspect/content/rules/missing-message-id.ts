// RFC 5322 §3.6.4: every message SHOULD have a Message-ID; mail clients and libraries always write one.
import { hasHeader } from '../message.js';
import type { ContentRule } from './rule.js';

export const missingMessageId: ContentRule = {
  name: 'MISSING_MESSAGE_ID',
  score: 0.5,
  strength: 'hint',
  description: 'no Message-ID header',
  test: (msg) => !hasHeader(msg, 'message-id'),
};
