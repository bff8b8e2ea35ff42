// Questions the link rules share: which links a reader can click, which of them leave the sender's own domain, and
// where a redirector sends them.
import { appStoreHosts, isMapPage, socialNetworkDomains } from './data/profile-pages.js';
import { redirectParams } from './data/redirect-params.js';
import { lureIn } from './data/lures.js';
import { isClickTracker, isCustomerPageOf } from './data/sender-services.js';
import type { ContentMessage } from './message.js';
import { isInternetDomain, parseLink, registrableDomain, type Link } from './urls.js';

/**
 * The answers below, once per message: a dozen rules and the scorer ask for the same lists (a parsed message never
 * changes), and working them out again for every rule was a tenth of a message's scoring time. The lists are shared:
 * read them, never change them.
 */
interface LinkAnswers {
  click?: readonly Link[];
  sender?: string;
  offSite?: readonly Link[];
  offSiteTrackersElsewhere?: readonly Link[];
}
const answers = new WeakMap<ContentMessage, LinkAnswers>();
function answersFor(msg: ContentMessage): LinkAnswers {
  let a = answers.get(msg);
  if (!a) answers.set(msg, (a = {}));
  return a;
}

/** Links the reader clicks (HTML anchors and URLs in plain text), http or https; not images and other sources. */
export function clickLinks(msg: ContentMessage): readonly Link[] {
  return (answersFor(msg).click ??= msg.links.filter((l) => l.origin !== 'source' && (l.scheme === 'http' || l.scheme === 'https') && l.host !== ''));
}

/** Registrable domain of the From address; '' when there is none. */
export function senderDomain(msg: ContentMessage): string {
  return (answersFor(msg).sender ??= msg.from?.domain ? registrableDomain(msg.from.domain) : '');
}

/**
 * The From display name also names the sender's own organisation (the label of its registrable domain, as in
 * "Lockergnome Apple Core <subscriptions@lockergnome.com>"): a brand named beside it is the topic of the mail, not an
 * identity it claims. Short labels are left out: three letters match too many words by chance; so is a From domain
 * that is no internet domain ("Correios <contato@correios>" names nobody's site).
 */
export function nameIncludesOwnDomain(msg: ContentMessage): boolean {
  if (!msg.from || !isInternetDomain(msg.from.domain)) return false;
  const label = senderDomain(msg).split('.', 1)[0] ?? '';
  return label.length >= 4 && (msg.from?.name ?? '').toLowerCase().replace(/[\s._-]+/g, '').includes(label.replace(/-/g, ''));
}

/**
 * The same organisation's site under another suffix: mail from acmecrm.io linking to app.acmecrm.com, a company's
 * sending domain beside its web domain. The name must be long enough not to match by chance (four letters or more).
 */
function sameName(domain: string, own: string): boolean {
  const label = own.split('.', 1)[0]!;
  return label.length >= 4 && domain.split('.', 1)[0] === label;
}

/**
 * The second-level names reserved for documentation (RFC 2606): nobody can register them, so no page of anyone's is
 * behind a link there. Templates keep them where a placeholder was never filled ("[Product Name] ( https://example.com )").
 */
const RESERVED_FOR_EXAMPLES = new Set(['example.com', 'example.net', 'example.org']);

/**
 * Click links to anywhere but the sender's own site (see ownSite), leaving out the names reserved for examples. With
 * `trackers: 'elsewhere'`, links through an e-mail service's click tracker count as going elsewhere: for a message
 * that claims to be a brand while sending from another domain, the tracker hides where the brand's name leads.
 */
export function offSiteLinks(msg: ContentMessage, o: { trackers: 'own' | 'elsewhere' } = { trackers: 'own' }): readonly Link[] {
  const a = answersFor(msg);
  return o.trackers === 'own' ? (a.offSite ??= linksLeaving(msg, true)) : (a.offSiteTrackersElsewhere ??= linksLeaving(msg, false));
}

function linksLeaving(msg: ContentMessage, trackersAreOwn: boolean): Link[] {
  const own = senderDomain(msg);
  return clickLinks(msg).filter((l) => !ownSite(l, own, trackersAreOwn) && !RESERVED_FOR_EXAMPLES.has(l.domain));
}

/** The link goes to the sender's own site (see ownSite). */
export function isOwnSite(link: Link, msg: ContentMessage): boolean {
  return ownSite(link, senderDomain(msg));
}

/**
 * The sender's own site: its registrable domain, the same name under another suffix, its pages under its own name
 * on a status-page, help-centre or shop platform, or the click tracker of the e-mail service it sends through
 * (data/sender-services.ts). `own` is the sender's registrable domain, looked up once per message.
 */
function ownSite(link: Link, own: string, trackersAreOwn = true): boolean {
  if (isClickTracker(link.host)) return trackersAreOwn;
  if (own === '') return false;
  return link.domain === own || sameName(link.domain, own) || isCustomerPageOf(link.host, link.url, own.split('.', 1)[0]!);
}

/**
 * The message sends the reader to the sender's own site, and nowhere else but the sender's profile pages on social
 * networks and app stores, its booking page and its place on a map (a template's footer): what a service's own
 * billing or account notice does ("your payment failed: update it in your account"). The reader acts where the sender
 * is answerable.
 */
export function linksOnlyToOwnSite(msg: ContentMessage): boolean {
  const sender = senderDomain(msg);
  const links = clickLinks(msg);
  const own = links.filter((l) => ownSite(l, sender));
  return own.length > 0 && links.every((l) => own.includes(l) || isSendersProfilePage(l));
}

/** A page the sender keeps on another site: its profile on a social network, its app's listing, its place on a map. */
export const isSendersProfilePage = (l: Link): boolean => socialNetworkDomains.has(l.domain) || appStoreHosts.has(l.host) || isMapPage(l.host, l.url);

/**
 * Where the message sends the reader to act is the sender's own site, whatever links sit further down. The link that
 * carries a lure's own words ("View invoice", "Reset your password"), or else the first link the reader meets in the
 * text (an invoice's number, "here"), is where the reader acts; when it stays on the sender's site and none of the
 * links that leave it (`offSite`) carries such words, the others (a "Powered by Akaunting" or "Powered by Odoo"
 * credit, a help centre) are not where the reader is sent. A lure from a hijacked mailbox puts the attacker's link
 * first and the mailbox owner's own site, if at all, in the signature below it. `alsoHome` names pages that count as
 * the sender's for this message (a bill's hosted invoice page at the payment service the sender bills through).
 */
export function actsOnOwnSite(msg: ContentMessage, offSite: readonly Link[], alsoHome: (l: Link) => boolean = () => false): boolean {
  const carriesLure = (l: Link) => l.anchorText !== '' && lureIn(l.anchorText.toLowerCase()) !== null;
  const sender = senderDomain(msg);
  const home = (l: Link) => ownSite(l, sender) || alsoHome(l);
  const clicks = clickLinks(msg);
  const first = clicks.find((l) => l.origin === 'anchor' && l.anchorText.trim() !== '');
  // The cheap test first: the lure search over every link's text is the costly part, and most mail fails here.
  const actsHome = (first !== undefined && home(first)) || clicks.some((l) => home(l) && carriesLure(l));
  return actsHome && !offSite.some(carriesLure);
}

/**
 * The link a redirector sends the reader on to, when a query parameter carries a URL on another domain, or a signed
 * token in the query names one (see tokenTarget).
 */
export function redirectTarget(link: Link): Link | null {
  const amp = googleAmpTarget(link);
  if (amp) return amp;
  const q = link.url.indexOf('?');
  if (q === -1) return null;
  for (const pair of link.url.slice(q + 1).split(/[&;]/)) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    if (pair.startsWith('eyJ', eq + 1)) {
      const target = tokenTarget(pair.slice(eq + 1), link);
      if (target) return target;
      continue;
    }
    if (!redirectParams.has(pair.slice(0, eq).toLowerCase())) continue;
    let value = pair.slice(eq + 1);
    try {
      value = decodeURIComponent(value);
    } catch {
      continue; // a broken escape is no URL a browser would follow either
    }
    if (!/^(?:https?:)?\/\//i.test(value)) continue;
    const target = parseLink(value.startsWith('//') ? 'https:' + value : value, '', link.origin);
    if (target.host && target.domain !== link.domain) return target;
  }
  return null;
}

/**
 * A JSON Web Token (RFC 7519) in the query whose claims name the destination: monday.com's click tracker writes
 * `tracker/link?token=eyJ…` with {"originalUrl": "https://…"}. The payload is base64url JSON anyone can read, and the
 * reader lands where it says. Only claims named for a destination count (an issuer's or an audience's URL does not).
 */
function tokenTarget(token: string, link: Link): Link | null {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > MAX_TOKEN_CHARS) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return null; // not JSON: no token a tracker reads either
  }
  if (claims === null || typeof claims !== 'object') return null;
  for (const [name, value] of Object.entries(claims)) {
    if (typeof value !== 'string' || !DESTINATION_CLAIM.test(name) || !/^https?:\/\//i.test(value)) continue;
    const target = parseLink(value, '', link.origin);
    if (target.host && target.domain !== link.domain) return target;
  }
  return null;
}

const MAX_TOKEN_CHARS = 4096;
const DESTINATION_CLAIM = /^(?:original_?url|url|target(?:_?url)?|dest(?:ination)?(?:_?url)?|redirect(?:_?ur[il])?|link|href)$/i;

/**
 * Google's AMP viewer shows any page under a Google address (https://www.google.co.uk/amp/s/other.example/page), and
 * phishing uses it to put google.com in front of its own host.
 */
function googleAmpTarget(link: Link): Link | null {
  if (!link.domain.startsWith('google.')) return null;
  const m = /^https?:\/\/[^/]+\/amp\/(?:s\/)?([^/?#\s]+\.[^/?#\s]+[^\s]*)/i.exec(link.url);
  if (!m) return null;
  const target = parseLink(`https://${m[1]}`, '', link.origin);
  return target.host && target.domain !== link.domain ? target : null;
}
