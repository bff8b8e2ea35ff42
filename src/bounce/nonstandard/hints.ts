// Reasons that a bounce states in the reporting MTA's own words, outside any remote reply: only the bounce knows
// that the MTA gave up after retrying, never found the destination host, or that a list server refused the post.
// These are the MTAs' fixed texts (qmail, Exim, Postfix, Sendmail, OpenSMTPD, Exchange, IMail, DragonFly, Gmail,
// Google Groups);
// remote replies are the reply classifier's business.
import type { Reason } from '../../classify/types.js';

const HINTS: Array<[Reason, RegExp]> = [
  [
    'expired',
    /retry time(?:out)? (?:exceeded|not reached for any host after a long failure period)|(?:I'm not going to try again; )?this message has been in the queue too long\.?|in the queue too long|message (?:has )?expired|delivery time expired|could not be delivered (?:for|within) \d+ (?:days?|hours?)|could not deliver for the last \d+ seconds\.?(?: giving up\.?)?|unable to deliver (?:the )?message after multiple retries,? giving up\.?|all hosts (?:for '?[^\s']{1,255}'? )?have been failing for a long time(?: and were last tried after this message arrived)?|delivery failed \d+ attempts|delivery attempts? (?:has|have) been (?:made|attempted) for|maximum time to deliver|too many delivery attempts|message will be retried for \d+ more day\(s\)/gi,
  ],
  // Give-up and delay wordings of further MTAs (from their sources and documentation): OpenSMTPD ("Envelope
  // expired", "A message is delayed for more than"), Postfix's delay notice, Sendmail's queue timeout and warning,
  // Exim's delay warning, Exchange (QUEUE.Expired, "Delivery is delayed"), Gmail ("will retry for N more hours",
  // "did not accept our requests to connect"), and the generic queue-lifetime phrasings. A delay notice says the
  // message is not delivered in time: Sisimai's "expired" as well. Line breaks fall anywhere in these sentences.
  [
    'expired',
    /envelope\s+expired|a\s+message\s+is\s+delayed\s+for\s+more\s+than|your\s+message\s+could\s+not\s+be\s+delivered\s+for\s+more\s+than\s+\d+|it\s+will\s+be\s+retried\s+until\s+it\s+is\s+\d+|could\s+not\s+send\s+message\s+for\s+past\s+\d+|cannot\s+send\s+message\s+(?:for|within)\s+\d+|has\s+not\s+yet\s+been\s+delivered\s+to\s+one\s+or\s+more\s+of\s+its\s+recipients\s+after\s+more\s+than|delivery\s+attempts\s+will\s+continue|queue\.expired|delivery\s+is\s+delayed\s+to\s+these\s+recipients|(?:hasn't|has\s+not)\s+been\s+delivered\s+yet|will\s+retry\s+for\s+\d+\s+more\s+hours?|did\s+not\s+accept\s+our\s+requests\s+to\s+connect|was\s+not\s+reachable\s+within\s+the\s+allowed\s+queue\s+period|message\s+timed\s+out|retry\s+period\s+(?:has\s+)?expired|exceeded\s+(?:the\s+)?(?:maximum\s+)?(?:retry|queue)\s+(?:time|period|lifetime)/gi,
  ],
  ['hostunknown', /host or domain name not found|couldn't find any host (?:named|by that name)|all relevant MX records point to non-existent hosts|unrouteable (?:mail )?domain|dns lookup failure: host \S+ not found/gi],
  ['mailboxfull', /user mailbox exceeds allowed size/gi],
  // Exim's local delivery to a program failed ("pipe to |/path"), not the remote server.
  ['mailererror', /^\s*pipe to \|/gim],
  ['userunknown', /invalid final delivery userid|wasn't delivered to \S+ because the address couldn't be found/gi],
  // Google Groups answers in the poster's language; the signature and the help link are constant.
  ['rejected', /groups\.google\.com\/support|^Google Groups$/gim],
];

const MAX_HINT_TEXT = 8192;

/** The first reason the MTA's own wording states, or null. */
export function bounceHint(text: string): Reason | null {
  const bounded = text.length > MAX_HINT_TEXT ? text.slice(0, MAX_HINT_TEXT) : text;
  for (const [reason, pattern] of HINTS) {
    pattern.lastIndex = 0;
    if (pattern.test(bounded)) return reason;
  }
  return null;
}

/** Reply code (required), enhanced status and Diagnostic-Code type that open a reply ("smtp; 550 5.4.316 "). */
const REPLY_OPENING = /^\s*(?:[a-z-]{1,20};\s*)?[245]\d\d[ -]?(?:[245]\.\d{1,3}\.\d{1,3}\s*)?/i;

/**
 * The text without the MTA's own conclusions, so that a remote reply quoted beside them is judged on its own.
 * A conclusion that opens the reply ("550 5.4.316 Message expired, connection refused": Exchange Online) is the
 * reply itself and stays, so the reply rules weigh it against the cause it names.
 */
export function withoutHints(text: string): string {
  let out = text.length > MAX_HINT_TEXT ? text.slice(0, MAX_HINT_TEXT) : text;
  const opening = REPLY_OPENING.exec(out)?.[0].length ?? -1;
  for (const [, pattern] of HINTS) {
    out = out.replace(pattern, (match: string, ...rest: unknown[]) => (rest[rest.length - 2] === opening ? match : ' '));
  }
  return out.trim();
}
