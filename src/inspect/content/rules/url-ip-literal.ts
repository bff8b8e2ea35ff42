// Links to a bare IP address (dotted, bracketed IPv6, or the decimal/hex integer forms browsers still accept), or to
// the generic name a hosting provider gives a server after its address (142.132.167.72.host.secureserver.net,
// ec2-54-12-3-4.compute-1.amazonaws.com): legitimate senders link to names they chose; a phishing page set up on a
// rented server in an hour often has no other.
import type { ContentRule } from './rule.js';

// Four numbers of 0-255 in a row, separated by dots or dashes, as one run of labels inside a longer host name.
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const HAS_DIGIT = /\d/; // most hosts have none: the cheap test first
const ADDRESS_IN_NAME = new RegExp(String.raw`(?:^|[.-])${OCTET}([.-])${OCTET}\1${OCTET}\1${OCTET}(?:[.-]|$)`);

export const urlIpLiteral: ContentRule = {
  name: 'URL_IP_LITERAL',
  score: 2.5,
  strength: 'evidence',
  description: 'links to a bare IP address',
  test(msg) {
    const web = msg.links.filter((l) => l.scheme.startsWith('http'));
    const bare = web.find((l) => l.isIp);
    if (bare) return bare.host;
    const named = web.find((l) => HAS_DIGIT.test(l.host) && ADDRESS_IN_NAME.test(l.host));
    return named ? { detail: `${named.host}, a server's generic name after its address`, score: 2 } : false;
  },
};
