// Manufactured urgency ("within 24 hours", "final notice"): pushes the reader to act before thinking. On its own
// common in marketing too, so its score is small.
import { findPhrase } from './phrases.js';
import type { ContentRule } from './rule.js';

const URGENCY_PHRASES = new RegExp(
  // \b first: the alternatives are only tried at word starts, a fifth of the positions.
  String.raw`\b(?:` +
  [
    // the reader's deadline ("Respond within 24 hours", "we will close your account within 24 hours"), not the
    // sender's delivery in the same sentence ("the recording is sent to attendees within 24 hours", "orders ship
    // within 48 hours", "refunds are processed within 72 hours")
    String.raw`(?<!\b(?:sent|ship(?:ped|s)?|deliver(?:ed|s)?|processed|refunded|credited|arrives?)\b[^.!?\n]{0,60})within\s+(?:the\s+next\s+)?(?:24|48|72|twenty[\s-]four|forty[\s-]eight)\s+hours`,
    String.raw`(?:immediate|urgent)\s+(?:action|attention|response)\s+(?:is\s+)?required`,
    String.raw`final\s+(?:notice|warning|reminder)`,
    String.raw`act\s+(?:now|immediately|fast)`,
    String.raw`failure\s+to\s+(?:comply|respond|verify|do\s+so)`,
    String.raw`(?:expires?|terminated?|suspended?|disabled|deactivated|locked)\s+(?:today|immediately|soon)`,
  ].join('|') +
    ')',
);

export const phishUrgency: ContentRule = {
  name: 'PHISH_URGENCY',
  score: 1.0,
  strength: 'hint',
  description: 'pushes the reader to act urgently',
  test: (msg) => findPhrase(msg, URGENCY_PHRASES),
};
