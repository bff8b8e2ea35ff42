// Links of a message: every URL in its text and HTML, with the host and registrable domain that the URL rules and
// the tokenizer need. tldts knows the public suffix list, so "evil.co.uk" and "paypal.co.uk" differ as they should.
import { domainToASCII, domainToUnicode } from 'node:url';
import { parse as parseDomain } from 'tldts';
import { isClickTracker } from './data/sender-services.js';

export interface Link {
  url: string;
  /** Lower-case scheme without ':' ('http', 'https', 'data', 'javascript', ...). */
  scheme: string;
  /** Lower-case host; '' for schemes without one. */
  host: string;
  /** Registrable domain (eTLD+1), or the host itself when it is an IP literal or unknown. */
  domain: string;
  isIp: boolean;
  /** The URL carries a user-info part before the host (http://bank.com@evil.example/). */
  hasUserInfo: boolean;
  /** Anchor text when the link came from HTML, else ''. */
  anchorText: string;
  /** Where the URL was written: a link to click (HTML anchor or URL in plain text) or a source the client loads. */
  origin: LinkOrigin;
}

export type LinkOrigin = 'anchor' | 'text' | 'source';

const MAX_TEXT_URLS = 500;
const TEXT_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^]{1,2000}/gi;
const SCHEME = /^([a-z][a-z0-9+.-]{0,30}):/i;
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;

// A host whose last label is a number is an IPv4 address to a browser (the WHATWG URL standard's "ends in a number"
// check), whatever form its parts take: decimal (3112953397), octal with a leading zero (027142763065), hex
// (0xb98be635), or dotted mixes of them (0271.0x8b.230.53). No top-level domain is a number.
const ENDS_IN_A_NUMBER = /(?:^|\.)(?:\d+|0x[0-9a-f]*)$/i;

/** Parses one URL as written in a message; www.-prefixed text without a scheme is read as http. */
export function parseLink(raw: string, anchorText = '', origin: LinkOrigin = 'text'): Link {
  const url = /^www\./i.test(raw) ? 'http://' + raw : raw.replace(/[\s\u0000-\u001f]+/g, '');
  const scheme = (SCHEME.exec(url)?.[1] ?? '').toLowerCase();
  const authority = AUTHORITY.exec(url)?.[1] ?? '';
  const at = authority.lastIndexOf('@');
  const hostPort = at === -1 ? authority : authority.slice(at + 1);
  const host = hostPort.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  const parsed = host ? parseDomain(host) : null;
  const isIp = Boolean(parsed?.isIp) || /^\[[0-9a-f:.]+\]$/.test(host) || ENDS_IN_A_NUMBER.test(host);
  return {
    url,
    scheme,
    host,
    domain: isIp ? host : (parsed?.domain ?? host),
    isIp,
    hasUserInfo: at !== -1,
    anchorText,
    origin,
  };
}

/**
 * The page a click tracker sends the reader on to, where the tracker writes it in its path: Postmark's
 * click.pstmrk.it/3s/shop.example%2Fcart/… and Amazon SES's ….awstrack.me/L0/https:%2F%2Fshop.example%2Fcart/1/….
 * The reader lands there, so that is the link; the services whose trackers keep the destination to themselves
 * (SendGrid, Mailchimp) stay the tracker (data/sender-services.ts). A tracker inside a tracker is followed too
 * (a help-desk platform's tracked link sent on through the e-mail service's), up to eight deep: a bound on the work
 * for a hostile href, well past the two levels seen in real mail (a deeper nest stays the tracker).
 */
export function trackedDestination(link: Link): Link | null {
  let current = link;
  for (let depth = 0; depth < 8 && isClickTracker(current.host); depth++) {
    const next = destinationInPath(current);
    if (!next) break;
    current = next;
  }
  return current === link ? null : current;
}

function destinationInPath(link: Link): Link | null {
  const authority = AUTHORITY.exec(link.url);
  if (!authority) return null;
  const path = link.url.slice(authority[0].length).split(/[?#]/, 1)[0]!;
  for (const segment of path.split('/')) {
    // an encoded URL: its slashes (or its scheme's) are escaped, or it could not be one segment of the path
    if (!/%2f/i.test(segment)) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue; // a broken escape leads nowhere a browser would go either
    }
    const m = TRACKED_URL.exec(decoded);
    if (!m) continue;
    const target = parseLink(m[1] ? decoded : `https://${decoded}`, link.anchorText, link.origin);
    if (target.host.includes('.')) return target;
  }
  return null;
}

const TRACKED_URL = /^(https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z0-9-]{2,}(?::\d+)?(?:[/?#]|$)/i;

/** URLs written in plain text, trailing punctuation removed. */
export function textUrls(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TEXT_URL)) {
    if (out.length >= MAX_TEXT_URLS) break;
    out.push(trimUrl(m[0]));
  }
  return out;
}

const trimUrl = (url: string) => url.replace(/[.,;:!?)\]]+$/, '');

/**
 * Addresses written without a scheme or "www." ("transfer705.pages.dev/verify?id=…"), read as http: a page the
 * reader is told to open, which mail clients turn into a link or the reader copies into the browser, and which link
 * scanners that look for "http" miss (phishing writes it so on purpose). Only a host on a public suffix followed by a
 * path counts: "see example.com" is a name in a sentence, "config.yaml" is a file. Found from the ".tld/" (a search
 * that starts with a literal dot is cheap) and walked back to the host's first letter; a host inside a URL already
 * found (a redirect's parameter) is left to the redirect reading.
 */
export function bareUrls(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(BARE_TLD_SLASH)) {
    if (out.length >= MAX_TEXT_URLS) break;
    let start = m.index;
    while (start > 0 && HOST_CHAR.test(text[start - 1]!)) start--;
    if (start > 0 && !BEFORE_BARE_URL.test(text[start - 1]!)) continue;
    const host = text.slice(start, m.index + m[0].length - 1).toLowerCase();
    if (host.startsWith('www.') || !parseDomain(host).isIcann) continue;
    const rest = URL_REST.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 2000))?.[0] ?? '';
    out.push('http://' + trimUrl(host + '/' + rest));
  }
  return out;
}

const BARE_TLD_SLASH = /\.[a-z]{2,24}\//gi;
const HOST_CHAR = /[a-z0-9.-]/i;
// what stands before an address written in a sentence: nothing, a space, an opening bracket or quote, an arrow
const BEFORE_BARE_URL = /[\s(<\[{"'>:»«]/;
const URL_REST = /^[^\s<>"'`{}|\\^]*/;

/**
 * A domain the internet can route mail to by name: a valid host name with a registrable part ("correios",
 * "web01" and "%atendimento.com" are not), written as itself: in its ASCII or its Unicode form. Letters that IDNA
 * only maps onto others ("𝗞𝗶𝗻𝗱𝗲𝗿.𝗱𝗲", mathematical bold, which a browser would turn into kinder.de) are a
 * disguise, not a name. RFC 5322 asks for a fully qualified domain in From.
 */
export function isInternetDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  const ascii = domainToASCII(lower);
  if (ascii === '' || (ascii !== lower && domainToUnicode(ascii) !== lower)) return false;
  const parsed = parseDomain(ascii);
  if (parsed.hostname === null) return false;
  // A wildcard rule of the public suffix list (*.sch.uk, *.ck) makes every name one label under it a suffix of its
  // own, with no registrable part; such a name is still a host in the DNS ("school.sch.uk"), unlike "co.uk".
  return parsed.domain !== null || (parsed.isIcann === true && parsed.publicSuffix === parsed.hostname && ascii.split('.').length >= 3);
}

/** The registrable domain of a host name or of an e-mail address's domain; '' when there is none. */
export function registrableDomain(hostOrAddress: string): string {
  const host = hostOrAddress.slice(hostOrAddress.lastIndexOf('@') + 1).toLowerCase().replace(/[>\s]/g, '');
  if (!host) return '';
  const parsed = parseDomain(host);
  return parsed.isIp ? host : (parsed.domain ?? host);
}
