// Invoice and CEO fraud from a hijacked mailbox keep the conversation going on a domain the attacker registered to
// look like the firm's own: the firm's name with another suffix (keller-logistik.de answered at keller-logistik.com),
// with a word added (menuiserie-lefebvre.fr at menuiserie-lefebvre-sarl.fr) or one letter off, or in the sender's own
// name on a domain of any kind (a free mailbox is PHISH_WIRE_REQUEST's and REPLYTO_FREEMAIL's). Alone that is how some
// firms run two domains, and REPLYTO_OTHER_DOMAIN weighs it as a hint; asking in the same message for money to be
// moved or announcing new bank details, it is the scam's whole script.
import { oneEditApart } from '../lookalike.js';
import { externalReplyTo, inSendersName } from '../reply-to.js';
import { BANK_CHANGE_PHRASES } from './phish-payment.js';
import { MOVE_MONEY } from './phish-wire-request.js';
import { findPhrase } from './phrases.js';
import type { ContentRule } from './rule.js';

/** The first label of a registrable domain ("keller-logistik" of keller-logistik.de). */
const labelOf = (domain: string) => domain.slice(0, domain.indexOf('.') > 0 ? domain.indexOf('.') : undefined);

/** Whether the Reply-To's domain is the sender's own name dressed up: other suffix, a word added, one letter off. */
function cousinOf(reply: string, from: string): boolean {
  const r = labelOf(reply);
  const f = labelOf(from);
  if (f.length < 4 || r.length < 4) return false;
  return r === f || r.startsWith(`${f}-`) || f.startsWith(`${r}-`) || (f.length >= 6 && oneEditApart(r, f));
}

export const phishCousinReplyTo: ContentRule = {
  name: 'PHISH_COUSIN_REPLY_TO',
  score: 5.0,
  strength: 'evidence',
  description: "asks for money to be moved, or announces new bank details, with answers going to a domain dressed as the sender's own or to a mailbox elsewhere in the sender's name",
  test(msg, ctx) {
    const reply = externalReplyTo(msg, ctx);
    if (reply === null) return false;
    // ... or a mailbox elsewhere in the sender's own name ("Hausverwaltung Albrecht <hv-albrecht@buchhaltung-…>")
    const sameName = msg.replyTo !== null && msg.from !== null && inSendersName(msg.replyTo, msg.from);
    if (!cousinOf(reply.domain, reply.from) && !sameName) return false;
    const ask = findPhrase(msg, BANK_CHANGE_PHRASES) || findPhrase(msg, MOVE_MONEY);
    return ask && `"${ask}", answers to ${reply.domain} instead of ${reply.from}`;
  },
};
