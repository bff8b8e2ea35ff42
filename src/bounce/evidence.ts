// Signs that a message is a delivery failure report, whatever its format: who sent it and what it is called.
import { type MimePart } from '../shared/mime/reader.js';

/** Senders of delivery failure reports across MTAs. */
export const DAEMON_FROM = /mailer-daemon|post_?master|mail delivery|mail-daemon|mailerdaemon|^\s*<>\s*$|daemon@/i;
/** A Return-Path field holding the null reverse-path. */
const NULL_RETURN_PATH = /^\s*<\s*>\s*$/;
/** Subjects of delivery failure reports across MTAs and languages. */
const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery (?:status|failure|failed|notification|has failed|problem)|returned mail|failure notice|mail system error|non[- ]?delivery|could not be delivered|delivery failed|not delivered|mail delivery|returned to sender|unzustellbar|nicht zustellbar|non remis|no entregado|error sending|could not send|nondeliverable|message (?:you sent )?(?:was )?(?:blocked|rejected|refused)|リターンメール|配信/i;
/** Opening sentences of delivery failure reports, for bounces sent from ordinary-looking addresses. */
export const BOUNCE_BODY =
  /could not be delivered|wasn't able to deliver|unable to deliver|was not delivered|delivery (?:has )?failed|failed permanently|permanent error|undeliverable|did not reach|couldn't be delivered|error delivering|not be delivered|delivery to the following|returned to you|non-delivery|invalid user address|has been delayed/i;

/** The headers say delivery failure report: a daemon sender, a bounce subject or a failed-recipients list. */
export function looksLikeBounce(root: MimePart): boolean {
  return (
    root.header('x-failed-recipients') !== '' ||
    (root.fields.some((f) => f.name === 'from') && DAEMON_FROM.test(root.header('from'))) ||
    BOUNCE_SUBJECT.test(root.decodedHeader('subject'))
  );
}

/**
 * RFC 5321 §4.5.5: notifications about a message are sent with a null reverse-path, so that nothing answers them in
 * turn, and the delivering server records it as "Return-Path: <>". Auto-replies travel so too (RFC 3834 §3.3), so
 * this says "a notification", not "a bounce": it lets a gateway's own wording of a refusal ("Your message to ... was
 * blocked by our Spam Firewall") count once the auto-reply reader has passed.
 */
export function sentAsNotification(root: MimePart): boolean {
  return NULL_RETURN_PATH.test(root.header('return-path'));
}
