// Signs that a message is a delivery failure report, whatever its format: who sent it and what it is called.
import { type MimePart } from '../shared/mime/reader.js';

/** Senders of delivery failure reports across MTAs. */
export const DAEMON_FROM = /mailer-daemon|post_?master|mail delivery|mail-daemon|mailerdaemon|^\s*<>\s*$|daemon@/i;
/** Subjects of delivery failure reports across MTAs and languages. */
const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery (?:status|failure|failed|notification|has failed|problem)|returned mail|failure notice|mail system error|non[- ]?delivery|could not be delivered|delivery failed|not delivered|mail delivery|returned to sender|unzustellbar|nicht zustellbar|non remis|no entregado|error sending|could not send|nondeliverable|リターンメール|配信/i;
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
