// Asking the reader to hand over or "confirm" credentials, or threatening the account: the script of credential
// phishing. Legitimate services tell people to sign in themselves, not to reply or follow a link to "verify".
import { linksOnlyToOwnSite } from '../links.js';
import { findPhrase } from './phrases.js';
import type { ContentRule } from './rule.js';

const CREDENTIAL_PHRASES = new RegExp(
  // \b first: the alternatives are only tried at word starts, a fifth of the positions.
  String.raw`\b(?:` +
  [
    String.raw`(?:verify|confirm|validate|update|re-?activate|unlock|restore)\s+your\s+(?:account|identity|password|login|credentials|mailbox|e-?mail\s+account|billing\s+information|payment\s+(?:details|information))`,
    String.raw`your\s+(?:account|mailbox|password)\s+(?:has\s+been|will\s+be|is)\s+(?:suspended|locked|disabled|closed|deactivated|limited|compromised|expired?)`,
    String.raw`(?:enter|provide|submit)\s+your\s+(?:password|credentials|login\s+details|pin|social\s+security\s+number|ssn)`,
    String.raw`unusual\s+(?:sign-?in|login)\s+activity`,
    String.raw`mailbox\s+(?:is\s+)?(?:full|over\s*quota)`,
  ].join('|') +
    ')',
);

export const phishCredentials: ContentRule = {
  name: 'PHISH_CREDENTIALS',
  score: 2.0,
  strength: 'hint',
  description: 'asks to verify an account or hand over credentials',
  // The same words in a service's own notice send the reader to its own site only (see linksOnlyToOwnSite).
  test: (msg) => !linksOnlyToOwnSite(msg) && findPhrase(msg, CREDENTIAL_PHRASES),
};
