// The last reading of a reply's words, after every rule: single words that mean one thing wherever they appear in a
// refusal. Rules match phrases ("Client host rejected: cannot find your hostname"); a receiver we never saw words the
// same cause its own way ("Reverse DNS check failed", "infected message", "your IP is listed on our RBL"), and the
// word that names the cause survives the rewording. SMTP's vocabulary makes these words unambiguous: a reply says
// "virus" or "DKIM" or "PTR" only when that is what it is about. The order settles replies naming two: the more
// specific cause first (a "spam" reply that names the blocklist is a block of the IP).
import type { Reason } from './types.js';

const CUES: ReadonlyArray<readonly [Reason, RegExp]> = [
  ['virusdetected', /\b(viruse?s?|infected|malware|trojan)\b/],
  ['authfailure', /\b(dmarc|dkim|spf)\b/],
  ['requireptr', /\b(ptr|rdns|reverse (dns|lookup|hostname|mapping|name))\b/],
  ['failedstarttls', /\b(starttls|tls|ssl)\b/],
  ['blocked', /\b(dnsbl|rbl|blacklist(ed)?|blocklist(ed)?|black[- ]listed|block[- ]listed|denylist(ed)?|spamhaus|spamcop|sorbs)\b/],
  ['spamdetected', /\b(spam(ming|mer|s)?|junk mail|bulk mail)\b/],
  ['norelaying', /\b(relay(ing)? (access )?(denied|prohibited|refused|not)|(not|unable to|cannot|can't|won't|do not) (permitted to )?relay)\b/],
  ['ratelimited', /\b(rate[- ]limit\w*|too many|throttl\w*|slow down)\b/],
  ['mailboxfull', /\b(over ?quota|quota|mailbox (is )?full|full mailbox)\b/],
];

/** The reason a single distinctive word of the reply names, or null. */
export function reasonFromCueWords(flat: string): Reason | null {
  for (const [reason, cue] of CUES) if (cue.test(flat)) return reason;
  return null;
}
