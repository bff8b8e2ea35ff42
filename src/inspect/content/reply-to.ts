// The Reply-To that takes answers away from the sender's domain, for mail that leaves that domain or that pretends to
// come from the sender in person.
import { recipientsOf, type ContentMessage, type Mailbox } from './message.js';
import type { ScoreContext } from './types.js';
import { billingSenderDomains, notifyingPlatformDomains } from './data/payment-platforms.js';
import { registrableDomain } from './urls.js';

/**
 * Reply-To's and From's registrable domains when they differ and either a recipient is outside From's domain or the
 * Reply-To carries the sender's own name (`internal`: every recipient is inside From's domain). Inside one domain a
 * Reply-To elsewhere is how contact forms work (the site mails its owner with the visitor's address to answer); a
 * Reply-To in the sender's own name on another domain is the colleague or boss whose answers go to a mailbox the
 * attacker holds (business e-mail compromise).
 */
export function externalReplyTo(msg: ContentMessage, ctx: ScoreContext): { domain: string; from: string; internal: boolean } | null {
  if (!msg.replyTo?.domain) return null;
  const domain = registrableDomain(msg.replyTo.domain);
  const from = msg.from ? registrableDomain(msg.from.domain) : '';
  if (domain === from || actsForReplyTo(msg.from, msg.replyTo)) return null;
  const recipients = recipientsOf(msg, ctx);
  const outside = recipients.length === 0 || recipients.some((r) => registrableDomain(r) !== from);
  return outside || (msg.from !== null && inSendersName(msg.replyTo, msg.from)) ? { domain, from, internal: !outside } : null;
}

/**
 * "Hannah Okafor via Ledgerly" with Reply-To "Hannah Okafor <…@okafor-architects.com>": a service (an invitation,
 * a shared document, a calendar, a mailing list that rewrites From for DMARC) sends in its own domain for the person
 * named, and answers go to that person, as the display name says before they are sent (or to the person whose name
 * opens the business's: "Jana Novak Design via Quillbill", Reply-To "Jana Novak"). A Reply-To in another name is
 * still somebody else's mailbox.
 */
function actsForReplyTo(from: Mailbox | null, replyTo: Mailbox): boolean {
  if (!from) return false;
  const m = VIA_NAME.exec(from.name);
  if (m) {
    // the person named, or the person of the business named ("Jana Novak Design via …" answered by "Jana Novak")
    const named = words(m[1]!);
    const answering = words(replyTo.name);
    return answering.join('').length >= 4 && answering.length <= named.length && answering.every((word, i) => word === named[i]);
  }
  return sendsForNamedOrganisation(from, replyTo);
}

/**
 * "Ashby & Rowe" <messaging-service@post.xero.com> with Reply-To accounts@ashbyrowe.co.uk: an invoicing, payment or
 * booking service (data/payment-platforms.ts) sends in its own domain under its customer's name, and the Reply-To's
 * domain spells that name or a word of it; or a booking or form service notifies its own user, under its own name,
 * about the person it names as Reply-To ("Calendly" <notifications@calendly.com>). Only such a service: anybody else
 * writing under a name with answers going to a domain registered in that name ("John Smith" <john@victim.example>,
 * Reply-To at johnsmith.example) is the business e-mail compromise pattern.
 */
function sendsForNamedOrganisation(from: Mailbox, replyTo: Mailbox): boolean {
  const platform = registrableDomain(from.domain);
  // A booking or form service notifying its own user, under its own name, about the person in the Reply-To
  if (notifyingPlatformDomains.has(platform) && letters(from.name).includes(nameLabel(platform))) return true;
  if (!billingSenderDomains.has(platform)) return false;
  // The customer's domain spells its name or a word of it ("Coastal Plumbing & Heating" at coastalplumbingri.com)
  const label = nameLabel(registrableDomain(replyTo.domain));
  return from.name.split(/[\s&,.]+/).some((word) => letters(word).length >= 4 && label.includes(letters(word)));
}

/** The name part of a registrable domain, letters only ("ashby-rowe.co.uk" -> "ashbyrowe"). */
const nameLabel = (registrable: string) => letters(registrable.split('.', 1)[0]!);

const VIA_NAME = /^\s*(.+?)\s+via\s+\S/i;

/** Letters only, lower case, accents dropped: "Marie-Hélène O'Brien" and "mariehelene.obrien" compare alike. */
const letters = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^\p{L}]/gu, '');
const words = (s: string) => s.split(/\s+/).map(letters).filter((w) => w !== '');

/**
 * The Reply-To names the sender: the same display name, or the From address's user name or the display name's last
 * word (four letters or more, so a first name or "info" does not match by chance) inside the Reply-To's user name.
 */
export function inSendersName(replyTo: Mailbox, from: Mailbox): boolean {
  const fromName = letters(from.name);
  if (fromName.length >= 4 && fromName === letters(replyTo.name)) return true;
  const replyUser = letters(replyTo.address.slice(0, replyTo.address.lastIndexOf('@')));
  const fromUser = letters(from.address.slice(0, from.address.lastIndexOf('@')));
  const surname = letters(from.name.trim().split(/\s+/).pop() ?? '');
  return [fromUser, surname].some((part) => part.length >= 4 && replyUser.includes(part));
}
