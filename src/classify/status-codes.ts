// The last two kinds of evidence, used only when no rule matched the text: the enhanced status code (RFC 3463) and
// then the basic reply code (RFC 5321 §4.2.2). Both are defined by RFCs, so they are tables here, not rule files.
import type { Phase, Reason } from './types.js';

/** Reason per "subject.detail" of an RFC 3463 status (class decides permanence, not the reason). */
const BY_SUBJECT_DETAIL: Record<string, Reason> = {
  // X.1 addressing (RFC 3463 §3.2)
  '1.0': 'userunknown', '1.1': 'userunknown', '1.2': 'hostunknown', '1.3': 'userunknown', '1.4': 'userunknown',
  '1.5': 'delivered', '1.6': 'hasmoved', '1.7': 'rejected', '1.8': 'rejected', '1.9': 'mailererror',
  '1.10': 'notaccept', // RFC 7505 §4.2: recipient domain has a null MX
  // X.2 mailbox (§3.3)
  '2.0': 'suspend', '2.1': 'suspend', '2.2': 'mailboxfull', '2.3': 'emailtoolarge', '2.4': 'systemerror',
  // X.3 mail system (§3.4)
  '3.0': 'systemerror', '3.1': 'systemfull', '3.2': 'notaccept', '3.3': 'contenterror', '3.4': 'emailtoolarge',
  '3.5': 'systemerror',
  // X.4 network and routing (§3.5)
  '4.0': 'networkerror', '4.1': 'networkerror', '4.2': 'networkerror', '4.3': 'networkerror', '4.4': 'hostunknown',
  '4.5': 'systemfull', '4.6': 'networkerror', '4.7': 'expired',
  // X.5 protocol (§3.6)
  '5.0': 'syntaxerror', '5.1': 'syntaxerror', '5.2': 'syntaxerror', '5.3': 'ratelimited', '5.4': 'syntaxerror',
  '5.5': 'syntaxerror', '5.6': 'syntaxerror',
  // X.6 content (§3.7; X.6.7-X.6.10 from RFC 6531/6533)
  '6.0': 'contenterror', '6.1': 'contenterror', '6.2': 'contenterror', '6.3': 'contenterror', '6.4': 'contenterror',
  '6.5': 'contenterror', '6.6': 'contenterror', '6.7': 'contenterror', '6.8': 'contenterror', '6.9': 'contenterror',
  '6.10': 'contenterror',
  // X.7 security and policy (§3.8 and the IANA registry: RFC 4954, 7293, 7372, 7505, 8689)
  '7.0': 'securityerror', '7.1': 'securityerror', '7.2': 'securityerror', '7.3': 'securityerror',
  '7.4': 'securityerror', '7.5': 'securityerror', '7.6': 'securityerror', '7.7': 'securityerror',
  '7.8': 'securityerror', '7.9': 'securityerror', '7.10': 'failedstarttls', '7.11': 'failedstarttls',
  '7.12': 'securityerror', '7.13': 'suspend', '7.14': 'securityerror', '7.15': 'onhold', '7.16': 'emailtoolarge',
  '7.17': 'hasmoved', '7.18': 'hasmoved', '7.19': 'systemerror', '7.20': 'authfailure', '7.21': 'authfailure',
  '7.22': 'authfailure', '7.23': 'authfailure', '7.24': 'authfailure', '7.25': 'requireptr', '7.26': 'authfailure',
  '7.27': 'notaccept', '7.28': 'ratelimited', '7.29': 'authfailure', '7.30': 'failedstarttls',
};

/** Reason implied by an enhanced status, or null when the status says nothing specific (X.0.0 or unknown subject).
 * RFC 3463 §2: a detail the client does not know is read as the general error of its subject (X.Y.0). */
export function reasonFromStatus(status: string): Reason | null {
  const [cls, subject, detail] = status.split('.');
  if (cls === '2') return 'delivered';
  // X.3.2 "system not accepting network messages" is, as a transient status, a host shutting down, overloaded or in
  // maintenance (RFC 3463 §3.4: "imminent shutdown, excessive load, or system maintenance"): the remote system's
  // state, retried; only as a permanent status does it say the destination takes no mail.
  if (cls === '4' && subject === '3' && detail === '2') return 'systemerror';
  // A transient X.7.1 ("delivery not authorized", for now) with no words to say why is a deferral of the sending host:
  // nothing about the message or the address can change by waiting, the host's standing can (Sisimai's table reads it
  // the same way). The permanent 5.7.1 stays a security refusal of unknown object.
  if (cls === '4' && subject === '7' && detail === '1') return 'blocked';
  return BY_SUBJECT_DETAIL[`${subject}.${detail}`] ?? BY_SUBJECT_DETAIL[`${subject}.0`] ?? null;
}

/** RFC 5321 §4.2.3's syntax and sequence replies: 500-504, and 555 for MAIL FROM/RCPT TO parameters not recognised. */
export function isSyntaxCode(code: number | null): boolean {
  return code !== null && ((code >= 500 && code <= 504) || code === 555);
}

/** Reason implied by a basic reply code alone (RFC 5321 §4.2.2/§4.2.3; 521 and 556 from RFC 7504). */
export function reasonFromCode(code: number, phase?: Phase): Reason {
  if (code < 400) return 'delivered';
  // The syntax and sequence codes say what they say in any phase ("503 5.5.2 Send hello first" at EHLO).
  if (isSyntaxCode(code)) return 'syntaxerror';
  // A bare refusal of the connection or greeting is a refusal of the sending host (RFC 5321 §3.1: 554 greeting).
  if (code >= 500 && (phase === 'connect' || phase === 'helo')) return 'blocked';
  // 550 and 553 name a mailbox problem only in answer to RCPT; elsewhere they are a bare refusal.
  if ((code === 550 || code === 553) && phase !== undefined && phase !== 'rcpt') return 'rejected';
  switch (code) {
    case 421: return 'systemerror';
    case 450: return 'onhold';
    case 451: return 'systemerror';
    case 452: return 'systemfull';
    case 521: case 556: return 'notaccept';
    case 530: case 535: case 538: return 'securityerror';
    case 550: return 'userunknown';
    case 551: return 'hasmoved';
    case 552: return 'mailboxfull';
    case 553: return 'userunknown';
    case 554: return 'undefined'; // "transaction failed": says no more than that
    case 571: return 'blocked';
    default: return code < 500 ? 'onhold' : 'undefined';
  }
}
