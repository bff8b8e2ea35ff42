// A phishing lure (your account is blocked, a parcel fee is unpaid, an invoice waits, a wallet needs verifying, a prize
// waits to be claimed), or a spam run's offer (casino bonus, drugs, weight loss, dating), with a way out of the
// sender's own domain to act on it: a link to another domain, a login page attached as HTML, or a page packed into a
// data: URI. The same words from a shop's own billing page link to the shop's own domain and do not fire.
import { lureIn } from '../data/lures.js';
import { extensionOf, isHtmlPage } from '../data/attachments.js';
import { blockExplorerDomains, paymentPlatformHosts } from '../data/payment-platforms.js';
import { socialNetworkDomains } from '../data/profile-pages.js';
import { actsOnOwnSite, clickLinks, isOwnSite, isSendersProfilePage, offSiteLinks } from '../links.js';
import { attachedPdfReach } from '../pdf.js';
import { parseLink, type Link } from '../urls.js';
import { isServicesOwnPage } from '../service-pages.js';
import type { ContentMessage } from '../message.js';
import type { ContentRule } from './rule.js';

type Lure = { kind: string; phrase: string } | null;

// Two rules ask for a message's lure (this one and LINK_BRAND_MISMATCH), and the search is the costliest step of
// scoring: the answer is kept with the parsed message, which is never changed by its readers.
const lures = new WeakMap<ContentMessage, Lure>();

/** The first lure phrase of the subject or text, with its kind. */
export function findLure(msg: ContentMessage): Lure {
  const known = lures.get(msg);
  if (known !== undefined) return known;
  const found = searchLure(msg);
  lures.set(msg, found);
  return found;
}

function searchLure(msg: ContentMessage): Lure {
  const found = lureIn(msg.lower.subject) ?? lureIn(msg.lower.own);
  return found && { kind: found.kind, phrase: found.phrase.replace(/\s+/g, ' ') };
}

/**
 * The message's lure and where it sends the reader off the sender's site to act on it ("links to x.example"), or null
 * when there is no lure or no way out. Kept with the parsed message like the lure (two rules ask).
 */
export function lureWayOut(msg: ContentMessage): { lure: NonNullable<Lure>; out: string } | null {
  const known = ways.get(msg);
  if (known !== undefined) return known;
  const lure = findLure(msg);
  const out = lure && wayOut(msg, lure.kind);
  const found = lure && out ? { lure, out } : null;
  ways.set(msg, found);
  return found;
}

const ways = new WeakMap<ContentMessage, { lure: NonNullable<Lure>; out: string } | null>();

function wayOut(msg: ContentMessage, kind: string): string | null {
  // An invoice or payment to settle on a payment service's own hosted page is a business billing its customer; a
  // deposit or withdrawal shown on a public block explorer is the transaction's public record.
  const billing = kind === 'invoice' || kind === 'payment';
  const leaves = (l: Link) => !(billing && paymentPlatformHosts.has(l.host)) && !(kind === 'crypto' && blockExplorerDomains.has(l.domain));
  const offSite = offSiteLinks(msg).filter(leaves);
  // A receipt's "Download invoice" on the payment service's page is where its reader acts, as on the sender's own
  // site: a help centre or a legal page further down, on a platform no list knows, is no lure's way out.
  const links = actsOnOwnSite(msg, offSite, billing ? (l) => paymentPlatformHosts.has(l.host) : undefined) ? [] : offSite;
  // The sender's profile in a footer (Instagram, Pinterest) is named only when no other link leaves the site, and
  // is a way out only when the message has no link to the sender's own site: an honest notice asks for the action
  // on its own site ("Confirm email address") and adds "Follow us on Twitter" below; a lure whose one link is a
  // social page sends the reader there to act.
  const link = links.find((l) => !socialNetworkDomains.has(l.domain)) ?? (clickLinks(msg).some((l) => isOwnSite(l, msg)) ? undefined : links[0]);
  if (link) return `links to ${link.domain}`;
  const page = msg.attachments.find((a) => isHtmlPage(a) || extensionOf(a.filename) === 'svg');
  if (page) return `attaches ${page.filename || 'an HTML page'}`;
  if (msg.links.some((l) => l.scheme === 'data' && !l.url.startsWith('data:image/'))) return 'links to a data: page';
  // "Please review the attached remittance advice": a hijacked mailbox's lure puts its link inside a PDF, where the
  // reader clicks it as surely as in the text. Its links count as the text's do.
  for (const a of msg.attachments) {
    const inside = attachedPdfReach(a)?.uris.map((u) => parseLink(u, '', 'anchor')).find((l) => (l.scheme === 'http' || l.scheme === 'https') && !isOwnSite(l, msg) && leaves(l) && !isServicesOwnPage(l) && !isSendersProfilePage(l));
    if (inside) return `attaches ${a.filename || 'a PDF'} linking to ${inside.domain}`;
  }
  return null;
}

/**
 * A sign-in lure (the account, the mailbox, a shared document or voice message behind a log-in) with a way off the
 * sender's site is what phishing from a hijacked mailbox is made of, and honest notices of that kind link to their
 * own service: alone it tags (a lure whose links all go to a well-known service's own pages is none: toServicesOwnPages). So
 * does a casino bonus or a prescription drug sold on another domain (a licensed casino or pharmacy mailing its
 * customers links to its own site, an affiliate's spam run from somebody's mailbox to the affiliate's), and an
 * underground shop's list of stolen access, which no honest sender offers at all. The other
 * kinds stay a point under the tag threshold alone, because honest mail says them with links elsewhere too (a
 * shop's invoice on its accounting service, a parcel on the carrier's site, a reward on a loyalty platform, a
 * fitness tip on a video site): the model, a brand, urgency or a link domain new to the relay must agree.
 */
const TAGS_ALONE_SCORE = 5.0;

/**
 * Every off-site link goes to a well-known service's own pages and nothing is attached: a person sharing a folder
 * on Google Drive, an IT department sending staff to Microsoft's password page, a DocuSign request passed on. No
 * attacker's page is behind those links, so the lure is no evidence at all (the model and the hints may still tag):
 * holding a forwarded signing request or an IT department's phishing warning for its words would be the relay's
 * mistake.
 */
function toServicesOwnPages(msg: ContentMessage): boolean {
  const links = offSiteLinks(msg);
  return links.length > 0 && msg.attachments.length === 0 && links.every(isServicesOwnPage);
}

export const phishLure: ContentRule = {
  name: 'PHISH_LURE_LINK',
  score: 4.0,
  strength: 'evidence',
  description: 'asks the reader to act on an account, payment, parcel, invoice, wallet, prize or complaint, or sells casino bonuses, prescription drugs, weight loss, dating or stolen access, and sends them off the sender\'s own site to do it',
  test(msg) {
    const found = lureWayOut(msg);
    if (!found || toServicesOwnPages(msg)) return false;
    const { lure, out } = found;
    const detail = `${lure.kind}: "${lure.phrase}", ${out}`;
    const tagsAlone = lure.kind === 'credentials' || lure.kind === 'gambling' || lure.kind === 'pharmacy' || lure.kind === 'crimeware';
    return tagsAlone ? { detail, score: TAGS_ALONE_SCORE } : detail;
  },
};
