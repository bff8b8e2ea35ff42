// RFC 3834 automatic responses (vacation notices, "no longer in use" auto-replies): not a delivery failure, but the
// relay must not count them as bounces nor answer them.
import { extractAddress } from './address.js';
import { allParts, type MimePart } from '../shared/mime/reader.js';
import { BOUNCE_BODY, DAEMON_FROM, looksLikeBounce } from './evidence.js';
import type { ParseResult } from './types.js';

export interface AutoReply {
  /** Who answered: the recipient of the original message; null when a service relayed the reply under its own name. */
  responder: string | null;
  /** The first lines of the reply, as the diagnostic. */
  excerpt: string;
  /** The reply says the mailbox is gone for good ("no longer in use"): not absence, a disabled address. */
  disabled: boolean;
}

/** The start of the message's text, where a report's fields would be. */
function bodyHead(root: MimePart): string {
  return allParts(root).slice(0, 8).map((p) => p.text.slice(0, 2048)).join('\n');
}

/** Auto-replies of mailboxes that were closed rather than left for a holiday. */
const DISABLED = /(?:inbox|mailbox|address|account)\b.{0,60}\b(?:is )?no longer (?:in use|active|monitored|valid|available)|has been (?:closed|deactivated|disabled)/i;

/**
 * Subjects of auto-replies in the common clients (Exchange, Apple, Gmail, Zimbra) and languages: Outlook's own
 * prefix in its languages ("Automatische Antwort:", "Réponse automatique :", "Respuesta automática:"), and Lotus
 * Notes' "AUTO: Jane Doe is out of the office (returning …)".
 */
const AUTO_SUBJECT = /^(?:auto(?:matic)?[ -]?(?:reply|response|respons|antwort|réponse|risposta|respuesta)|automatische antwort|automatisch antwoord|réponse automatique|respuesta automática|risposta automatica|resposta automática|auto:\s|out of (?:the )?office|vacation|abwesenheit|absence|autorespond|自動応答|不在)/i;

export function parseRfc3834(root: MimePart, bodyText: string): ParseResult<AutoReply> {
  const relayed = relayedAutoReply(root, bodyText);
  if (!relayed && !isAutoReply(root)) return { kind: 'not-this-kind' };
  const responder = relayed ? null : extractAddress(root.header('from')) ?? extractAddress(root.header('sender')) ?? extractAddress(root.header('return-path'));
  if (!relayed && !responder) return { kind: 'broken', error: 'auto-reply without a From address' };
  const excerpt = bodyText.replace(/\s+/g, ' ').trim().slice(0, 300);
  return { kind: 'found', value: { responder, excerpt, disabled: DISABLED.test(excerpt) } };
}

/** RFC 3834 §5: the mark of a response. */
const autoReplied = (root: MimePart): boolean => /^\s*auto-replied/i.test(root.header('auto-submitted'));

/**
 * An auto-reply that a sending service passes back under its daemon address (Amazon SES forwards recipients'
 * "Out of Office" answers from MAILER-DAEMON@amazonses.com): marked auto-replied, with an auto-reply subject, and
 * neither a failure subject, a failed-recipients list, a delivery-status report nor a failure sentence. Who answered
 * is then unknown (the From is the service's), so it names no recipient.
 */
function relayedAutoReply(root: MimePart, bodyText: string): boolean {
  return (
    autoReplied(root) &&
    AUTO_SUBJECT.test(root.decodedHeader('subject').trim()) &&
    DAEMON_FROM.test(root.header('from')) &&
    root.header('x-failed-recipients') === '' &&
    !/delivery-status/i.test(root.params['report-type'] ?? '') &&
    !BOUNCE_BODY.test(bodyText.slice(0, 2048))
  );
}

function isAutoReply(root: MimePart): boolean {
  // Exim marks its bounces "Auto-Submitted: auto-replied" too: a delivery failure report is never a vacation notice.
  if (looksLikeBounce(root)) return false;
  // Nor is a feedback report (RFC 5965), whose generators mark it auto-submitted as well.
  if (/feedback-report/i.test(root.params['report-type'] ?? '') || /^Feedback-Type[ \t]*:/im.test(bodyHead(root))) return false;
  // RFC 3834 §5: "auto-replied" marks a response; "auto-generated" alone is also used by bounces, so not enough,
  // but a generated message that answers one ("Re: …", a Sieve or procmail vacation script that marks its answers
  // auto-generated) and is no bounce is a response all the same.
  if (autoReplied(root)) return true;
  if (/^\s*auto-generated/i.test(root.header('auto-submitted')) && /^\s*re\s*:/i.test(root.decodedHeader('subject'))) return true;
  if (root.header('x-autoreply') || root.header('x-autorespond') || /vacation/i.test(root.header('x-apple-action'))) return true;
  if (/^\s*auto[_-]reply/i.test(root.header('precedence'))) return true;
  // The classic vacation(1) mark: a null return path (RFC 3834 §3.3: no answer to an answer) with "Precedence: bulk"
  // or "junk", on a message that is no bounce ("Thank you for your e-mail, I will reply as soon as possible").
  if (/^\s*<\s*>\s*$/.test(root.header('return-path')) && /^\s*(?:bulk|junk)\b/i.test(root.header('precedence'))) return true;
  return AUTO_SUBJECT.test(root.decodedHeader('subject').trim());
}
