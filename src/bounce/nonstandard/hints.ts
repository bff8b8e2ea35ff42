// Reasons that a bounce states in the reporting MTA's own words, outside any remote reply: only the bounce knows
// that the MTA gave up after retrying, or that it never found the destination host. Remote replies are classified
// by the reply classifier; these phrases are the MTAs' (qmail, Exim, Postfix, Sendmail, Exchange, DMA) fixed texts.
import type { Reason } from '../../classify/types.js';

const HINTS: Array<[Reason, RegExp]> = [
  [
    'expired',
    /retry time(?:out)? (?:exceeded|not reached for any host after a long failure period)|in the queue too long|message (?:has )?expired|delivery time expired|could not be delivered (?:for|within) \d+ (?:days?|hours?)|unable to deliver (?:the )?message after multiple retries|giving up on|delivery attempts? (?:has|have) been (?:made|attempted) for|maximum time to deliver|message timed out|not delivered .{0,40}after (?:\d+|several) (?:days?|hours?)|too many delivery attempts|retried? for .{0,20}(?:days?|hours?)/i,
  ],
  [
    'hostunknown',
    /host or domain name not found|couldn't find any host (?:named|by that name)|all relevant MX records point to non-existent hosts|unrouteable (?:mail )?domain|name service error|domain name lookup failed|no MX or A record|DNS (?:type .{0,12})?lookup .{0,30}failed.{0,30}(?:NXDOMAIN|not exist)|unknown host/i,
  ],
];

export function bounceHint(text: string): Reason | null {
  const bounded = text.length > 8192 ? text.slice(0, 8192) : text;
  for (const [reason, pattern] of HINTS) if (pattern.test(bounded)) return reason;
  return null;
}
