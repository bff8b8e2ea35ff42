// RFC 5322 §3.6: the origination date is one of the two required fields; only hand-rolled bulk scripts omit it.
import { hasHeader } from '../message.js';
import type { ContentRule } from './rule.js';

export const missingDate: ContentRule = {
  name: 'MISSING_DATE',
  score: 1.0,
  strength: 'hint',
  description: 'no Date header (RFC 5322 §3.6 requires one)',
  test: (msg) => !hasHeader(msg, 'date'),
};
