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
  // expired", "A message is delayed for more than"), au/EZweb's "Your message was not delivered within N days", Postfix's delay notice, Sendmail's queue timeout and warning,
  // Exim's delay warning, Exchange (QUEUE.Expired, "Delivery is delayed"), Gmail ("will retry for N more hours",
  // "did not accept our requests to connect"), and the generic queue-lifetime phrasings. A delay notice says the
  // message is not delivered in time: Sisimai's "expired" as well. Line breaks fall anywhere in these sentences.
  [
    'expired',
    /envelope\s+expired|a\s+message\s+is\s+delayed\s+for\s+more\s+than|your\s+message\s+could\s+not\s+be\s+delivered\s+for\s+more\s+than\s+\d+|it\s+will\s+be\s+retried\s+until\s+it\s+is\s+\d+|could\s+not\s+send\s+message\s+for\s+past\s+\d+|cannot\s+send\s+message\s+(?:for|within)\s+\d+|has\s+not\s+yet\s+been\s+delivered\s+to\s+one\s+or\s+more\s+of\s+its\s+recipients\s+after\s+more\s+than|delivery\s+attempts\s+will\s+continue|queue\.expired|delivery\s+is\s+delayed\s+to\s+these\s+recipients|(?:hasn't|has\s+not)\s+been\s+delivered\s+yet|will\s+retry\s+for\s+\d+\s+more\s+hours?|did\s+not\s+accept\s+our\s+requests\s+to\s+connect|was\s+not\s+reachable\s+within\s+the\s+allowed\s+queue\s+period|message\s+timed\s+out|retry\s+period\s+(?:has\s+)?expired|exceeded\s+(?:the\s+)?(?:maximum\s+)?(?:retry|queue)\s+(?:time|period|lifetime)|(?:was|has\s+been|could)\s+not\s+(?:be\s+)?delivered\s+within\s+\d+\s+(?:days?|hours?)|has\s+not\s+yet\s+been\s+delivered|this\s+is\s+(?:just|only)\s+a\s+warning|we\s+will\s+continue\s+(?:to\s+)?(?:attempt(?:ing)?|try(?:ing)?)\s+(?:delivery|to\s+deliver)/gi,
  ],
  // Any MTA's give-up, in the words all of them use for it: a number of days, hours or attempts after which delivery
  // was abandoned, or a delivery/retry/queue time limit reached. Written from how retry queues work (RFC 5321
  // §4.5.4.1: retry until a give-up time, then return the message), not from one MTA's text.
  [
    'expired',
    /\b(?:giv(?:en|ing)\s+up|gave\s+up|abandoned|aborted|stopped|cancell?ed|undeliverable|(?:could\s+not|couldn't|was\s+not)\s+be\s+delivered|(?:delivery|delivering)\s+(?:has\s+)?failed)\b[^.\n]{0,60}?\b(?:after|for|within|in)\s+(?:\d+|several|multiple)\s+(?:days?|hours?|attempts?|tries|retries)\b|\b(?:delivery|retry|queue)\s+(?:time|period|lifetime)(?:\s+limit)?\s+(?:has\s+)?(?:been\s+)?(?:exceeded|expired|ended|reached)|\bin\s+the\s+queue\s+for\s+\d+\s+(?:days?|hours?)|\bafter\s+\d+\s+(?:days?|hours?)\s+in\s+(?:the\s+)?queue|\bmaximum\s+(?:number\s+of\s+)?(?:delivery\s+)?(?:attempts|retries)\s+(?:reached|exceeded)|\bin\s+the\s+time\s+allowed\b/gi,
  ],
  // The reporting MTA's own give-up after delays (Gmail's delay notice, Amazon SES, GoDaddy, Zoho).
  ['expired', /delivery to the following recipients? (?:has been|is) delayed|\bdelivery (?:expired|timeout)\b|\bhost not reachable\b/gi],
  ['hostunknown', /host or domain name not found|couldn't find any host (?:named|by that name)|all relevant MX records point to non-existent hosts|unrouteable (?:mail )?domain|dns lookup failure: host \S+ not found/gi],
  // Exim ("all host address lookups failed permanently"), au/KDDI ("As the remote domain doesnt exist"), Oracle
  // Messaging Server ("Illegal host/domain name found"), Outlook.com ("the domain is not reachable"), Gmail ("DNS
  // server returned answer with no data").
  ['hostunknown', /all host address lookups failed permanently|as the remote domain doesn'?t exist|illegal host\/domain name found|because the domain is not reachable|dns server returned answer with no data/gi],
  // OpenSMTPD's per-recipient errors of the transfer (mta.c, mta_session.c): the route, the MX lookup, the
  // destination's addresses; a loop; qmail's "listed as a best-preference MX … isn't in my control/locals file"
  // and Notes' hop count are misrouted mail too.
  ['networkerror', /network error on destination mxs|no mx found for (?:destination|domain)|no valid route to (?:destination|remote mx)|temporary failure in mx lookup|address family mismatch on destination mxs|all routes to destination blocked|could not retrieve source address|\bloop detected\b|although i'm listed as a best-preference mx|exceeded (?:the )?maximum hop count/gi],
  ['notaccept', /destination seem to reject all mails|no host found for existing smtp connection/gi],
  ['securityerror', /could not retrieve credentials/gi],
  // qmail-ldap's fixed texts (qmail-ldap patch: qmail-local, qmail-lspawn), Exim's routing errors, Postfix's "mail
  // for DOMAIN loops back to myself" (smtp_connect.c: the MX of the destination is this very host, a configuration
  // error; Sisimai's systemerror), qmail-local's "Unable to chdir to maildir" (the delivery program's own fault, not
  // a disabled mailbox, whatever its #4.2.1 says).
  ['suspend', /mailaddress is administrative\w{0,3} disabled/gi],
  ['emailtoolarge', /message exe?eded the maximum size the user accepts/gi],
  ['systemerror', /automatic homedir creator crashed|illegal value in ldap attribute|ldap attribute is not given but mandatory|(?:permanent|temporary) error while executing qmail-forward|temporary (?:failure|error) in (?:ldap lookup|automatic homedir creation)|timeout while performing search on ldap server|too many results returned but needs to be unique|unable to contact ldap server|unable to login into ldap server|bad interpreter: no such file or directory|delivery to (?:file|pipe) forbidden|\blmtp error after\b|dns violates rfc ?1035|several matches found in domino directory|loops back to myself|unable to chdir to maildir/gi],
  ['syntaxerror', /malformed address:|expected word or "<"|angle-brackets nested too deep|domain missing in source-routed address/gi],
  ['contenterror', /too many "?received"? headers/gi],
  ['norelaying', /due to the following smtp relay error/gi],
  ['mailboxfull', /user mailbox exceeds allowed size/gi],
  // Exim's local delivery to a program failed ("pipe to |/path"), not the remote server.
  ['mailererror', /^\s*pipe to \|/gim],
  // Google's "because the address couldn't be found"; qmail's "does not like recipient." without a quoted reply.
  ['userunknown', /invalid final delivery userid|because the address couldn'?t be found|\bdoes not like recipient\./gi],
  // Trend Micro InterScan Messaging Security Suite's notice ("Mail could not be delivered") when the next hop refused
  // the recipients of a domain; it quotes no reply. Its administrator guide describes the notice as sent for a
  // permanently refused recipient, and Sisimai (InterScanMSS) reads it as an unknown user.
  ['userunknown', /unable to deliver message to <[^>\s]{1,254}>(?: \(and other recipients in the same domain\))?/gi],
  // Google Groups answers in the poster's language; the signature and the help link are constant (a Workspace
  // domain's groups link to their own help path, groups.google.com/a/example.com/support); its English template
  // opens "the group you tried to contact (…) may not exist, or you may not have permission to post".
  ['rejected', /groups\.google\.com\/(?:a\/[^/\s]{1,253}\/)?support|^Google Groups$|\bthe group you tried to contact\b/gim],
];

const MAX_HINT_TEXT = 8192;

/**
 * Words only a delay warning uses: the MTA says it has not given up (Postfix's and Sendmail's "THIS IS A WARNING
 * ONLY … YOU DO NOT NEED TO RESEND", Exim's "Delivery attempts will continue", Gmail's "will retry for N more hours",
 * Exchange's "Delivery is delayed to these recipients", OpenSMTPD's "only a temporary failure report"). A report without a DSN says in these words what a DSN's
 * "Action: delayed" says (RFC 3464 §2.3.3).
 */
const DELAY_WARNING_ONLY =
  /\bthis is (?:just |only )?a warning\b|\bwarning message only\b|\byou do not need to resend\b|\bdelivery attempts will continue\b|\bno action is required on your part\b|\bwill (?:keep|continue) (?:on )?(?:trying|retrying|attempting)\b|\bit will be retried until\b|\bwill retry for \d+ more (?:hours?|days?)\b|\bdelivery is delayed to these recipients\b|\bwe will continue (?:to )?(?:attempt|try)|\bonly a temporary failure report\b/i;

/** Whether a report without a DSN says it is a delay warning, not a failure. */
export function isDelayWarning(text: string): boolean {
  return DELAY_WARNING_ONLY.test(text.length > MAX_HINT_TEXT ? text.slice(0, MAX_HINT_TEXT) : text);
}

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
