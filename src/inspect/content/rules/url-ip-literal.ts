// Links to a bare IP address (dotted, bracketed IPv6, or the decimal/hex integer forms browsers still accept):
// legitimate senders link to names; throwaway phishing hosts often have none.
import type { ContentRule } from './rule.js';

export const urlIpLiteral: ContentRule = {
  name: 'URL_IP_LITERAL',
  score: 2.5,
  strength: 'evidence',
  description: 'links to a bare IP address',
  test: (msg) => msg.links.find((l) => l.isIp && l.scheme.startsWith('http'))?.host ?? false,
};
