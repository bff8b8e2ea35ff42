// What each reason means by default: who is usually to blame, how far the problem reaches, and the sentences a
// hosting customer reads. Rules override any of these; fallbacks (status or code only) use them as they are.
import type { Action, Blame, Reason, Scope } from './types.js';

export interface ReasonProfile {
  blame: Blame;
  scope: Scope;
  explanation: string;
  fix: string;
}

export const REASON_PROFILES: Record<Reason, ReasonProfile> = {
  authfailure: {
    blame: 'sender-domain', scope: 'message',
    explanation: 'The receiving server could not verify that the sending domain authorised this message (SPF, DKIM or DMARC failed).',
    fix: "Publish an SPF record that includes this relay, sign with DKIM for the From: domain, and check the domain's DMARC policy.",
  },
  badreputation: {
    blame: 'sender-ip', scope: 'session',
    explanation: 'The receiving provider does not trust mail from this sending IP address or domain because of its recent history.',
    fix: 'Send less to this provider for a while, remove inactive and unconsented addresses, and check the complaint rate in its postmaster tools.',
  },
  blocked: {
    blame: 'sender-ip', scope: 'session',
    explanation: 'The receiving server refused the connection from this sending IP address, usually because the IP is on a blocklist or has sent spam.',
    fix: 'Look up the IP on the blocklist named in the reply, stop the source of spam (often a compromised account), then request delisting.',
  },
  contenterror: {
    blame: 'content', scope: 'message',
    explanation: 'The receiving server could not accept the format of this message (its MIME structure, encoding or headers).',
    fix: 'Check how the sending application builds the message: headers, attachments and character encoding.',
  },
  delivered: {
    blame: 'none', scope: 'recipient',
    explanation: 'The message was delivered.',
    fix: 'Nothing to do.',
  },
  emailtoolarge: {
    blame: 'content', scope: 'message',
    explanation: 'The message is larger than the receiving server accepts.',
    fix: 'Send large files as a download link instead of an attachment, or make the message smaller.',
  },
  expired: {
    blame: 'remote', scope: 'destination',
    explanation: 'The message could not be delivered before the retry period ran out; the receiving server stayed unreachable or kept deferring it.',
    fix: 'Check that the recipient domain is correct and its mail servers are up; send again later.',
  },
  failedstarttls: {
    blame: 'sender-config', scope: 'session',
    explanation: 'The receiving server requires an encrypted (TLS) connection and the connection was not encrypted or TLS failed.',
    fix: 'Make sure the relay offers STARTTLS to this destination with a current TLS version and certificate.',
  },
  feedback: {
    blame: 'content', scope: 'message',
    explanation: 'A recipient reported this message as spam (a feedback loop complaint).',
    fix: 'Stop sending to this recipient and check whether they ever asked for this mail.',
  },
  // The receiving side's decision about this sender (a block list, reception settings, a group's restriction):
  // nothing is wrong with the address itself, which is what blaming the recipient would say.
  filtered: {
    blame: 'remote', scope: 'recipient',
    explanation: "The recipient's server accepted the address but then refused the message, usually because of the recipient's own filter settings.",
    fix: 'Ask the recipient by other means to accept mail from you, or remove the address from your list.',
  },
  hasmoved: {
    blame: 'recipient', scope: 'recipient',
    explanation: 'The recipient address no longer exists at this server: the person has moved to another address.',
    fix: 'Ask the recipient for their new address and update your list.',
  },
  hostunknown: {
    blame: 'recipient', scope: 'destination',
    explanation: 'The domain of the recipient address does not exist or has no mail server.',
    fix: 'Check the recipient address for a typing error in the domain part.',
  },
  mailboxfull: {
    blame: 'recipient', scope: 'recipient',
    explanation: "The recipient's mailbox is full.",
    fix: 'Nothing to change on your side; the recipient must free space. Try again later or reach them another way.',
  },
  mailererror: {
    blame: 'remote', scope: 'recipient',
    explanation: "A program on the recipient's server (a local delivery agent or filter) failed while delivering the message.",
    fix: "Nothing to change on your side; the recipient's administrator must fix their delivery program.",
  },
  networkerror: {
    blame: 'network', scope: 'destination',
    explanation: "The receiving server could not be reached because of a network or DNS problem.",
    fix: 'Usually temporary; if it persists, check the DNS of the recipient domain.',
  },
  norelaying: {
    blame: 'remote', scope: 'destination',
    explanation: "The receiving server refused to relay: it does not take mail for this recipient's domain (relaying denied).",
    fix: "Tell the recipient by other means that their domain's mail server refuses their mail; if the relay sends through a smart host, check that it is authorised there.",
  },
  notaccept: {
    blame: 'recipient', scope: 'destination',
    explanation: 'The recipient domain does not accept email at all (for example it publishes a null MX record).',
    fix: 'Check the recipient address; this domain cannot receive mail.',
  },
  notcompliantrfc: {
    blame: 'content', scope: 'message',
    explanation: 'The message breaks the Internet mail format rules (RFC 5322), for example duplicate or malformed headers.',
    fix: 'Fix the sending application so each header appears once and is well formed.',
  },
  onhold: {
    blame: 'remote', scope: 'recipient',
    explanation: 'Delivery was put on hold and the exact reason could not be determined.',
    fix: 'Wait for a final answer; contact the recipient if the message stays undelivered.',
  },
  policyviolation: {
    blame: 'content', scope: 'message',
    explanation: "The message was refused by the receiving organisation's policy.",
    fix: 'Review the message against the provider policy linked in the reply; change the content or how it is sent.',
  },
  ratelimited: {
    blame: 'sender-volume', scope: 'session',
    explanation: 'The receiving server is limiting how fast it accepts mail from this sender.',
    fix: 'Send less at once to this provider (smaller batches, spread over the day); the relay retries a deferred message on its schedule.',
  },
  rejected: {
    blame: 'sender-domain', scope: 'message',
    explanation: 'The receiving server refused the sender address (the envelope sender in MAIL FROM).',
    fix: 'Use a sender address on a domain that exists, resolves, and has working mail servers.',
  },
  requireptr: {
    blame: 'sender-config', scope: 'session',
    explanation: 'The sending IP address has no valid reverse DNS (PTR) record, or it does not match its host name.',
    fix: "Set a PTR record for the sending IP that names a host whose A/AAAA record points back to the same IP.",
  },
  securityerror: {
    blame: 'sender-config', scope: 'message',
    explanation: 'The receiving server refused the message for a security reason (authentication required or access denied).',
    fix: 'Check that the relay is allowed to send to this server and authenticates where required.',
  },
  spamdetected: {
    blame: 'content', scope: 'message',
    explanation: "The receiving server's filter judged this message to be spam.",
    fix: 'Review the message content, links and the list it was sent to; do not resend it unchanged.',
  },
  suppressed: {
    blame: 'local', scope: 'recipient',
    explanation: 'The address is on a suppression list, so the message was not sent.',
    fix: 'Remove the address from the suppression list only if the recipient asked again for your mail.',
  },
  suspend: {
    blame: 'recipient', scope: 'recipient',
    explanation: "The recipient's mailbox exists but is disabled or suspended.",
    fix: 'Remove the address from your list or reach the recipient another way.',
  },
  // The sending server's configuration, as receivers and their postmaster pages call it: from the receiver's side
  // the relay is the sender, and what it sends (a command out of order, a parameter or extension the receiver does
  // not take) is set up by whoever runs it, not by the recipient or the message's author.
  syntaxerror: {
    blame: 'sender-config', scope: 'message',
    explanation: 'The receiving server did not understand an SMTP command it was sent.',
    fix: 'This is a protocol problem between the servers; report it to the relay operator.',
  },
  systemerror: {
    blame: 'remote', scope: 'destination',
    explanation: "The receiving server had an internal error or is temporarily unavailable.",
    fix: 'Nothing to change on your side; the message is retried.',
  },
  systemfull: {
    blame: 'remote', scope: 'destination',
    explanation: "The receiving server is out of disk space or other resources.",
    fix: 'Nothing to change on your side; the message is retried.',
  },
  undefined: {
    blame: 'remote', scope: 'message',
    explanation: 'The reply does not say clearly why the message was refused.',
    fix: 'Read the reply text; if it repeats, contact the postmaster of the receiving domain.',
  },
  userunknown: {
    blame: 'recipient', scope: 'recipient',
    explanation: 'The recipient address does not exist at the receiving server.',
    fix: 'Check the address for typing errors and remove it from your list if it is wrong.',
  },
  vacation: {
    blame: 'none', scope: 'recipient',
    explanation: 'The recipient sent an automatic reply (for example an out-of-office message); the message was delivered.',
    fix: 'Nothing to do.',
  },
  virusdetected: {
    blame: 'content', scope: 'message',
    explanation: "The receiving server found a virus or malware in the message.",
    fix: 'Scan the sending computer or website for malware and check the attachment; the account may be compromised.',
  },
};

/**
 * What the relay does about a reply when a rule does not say: the route reactions (src/routes/react.ts performs them
 * from this very field) first, then the message's own fate. A problem of one recipient never touches the route; a
 * greylisting deferral is retried after the delay it asks for; a rate limit or a temporary refusal of the sending IP
 * slows that IP toward the provider; a permanent refusal of the IP pauses it there and sends from another IP; a final
 * answer bounces; the rest is retried on the schedule; reports need nothing.
 */
export function actionOf(c: { reason: Reason; blame: Blame; scope: Scope; permanent: boolean }): Action {
  switch (c.reason) {
    case 'delivered':
    case 'vacation':
    case 'feedback':
    case 'suppressed':
      return 'none';
    case 'expired':
      return 'bounce'; // the retry period is over: nothing more will be tried
    default:
  }
  const ownFate: Action = c.permanent ? 'bounce' : 'retry';
  if (c.scope === 'recipient' || c.blame === 'recipient') return ownFate;
  if (c.reason === 'ratelimited' && !c.permanent) return 'slow-down';
  if ((c.reason === 'blocked' || c.reason === 'badreputation') && c.blame === 'sender-ip') return c.permanent ? 'pause-route' : 'slow-down';
  return ownFate;
}
