// URL shortener hosts: they hide the destination from the reader and from domain reputation checks.
const shortenerDomains = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 'goo.gl', 't.co', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly',
  'shorturl.at', 'tiny.cc', 'rb.gy', 't.ly', 'v.gd', 'bl.ink', 'soo.gd', 's.id', 'qrco.de', 'shorte.st', 'adf.ly',
  'lnkd.in', 'urlz.fr', 'x.co', 'trib.al', 'clck.ru', 'u.to', 'snip.ly', 'tr.im', 'short.io', 'tinyurl.is',
]);

// Shorteners that live on a path of a large site's own domain: LinkedIn's /slink turns any address into a LinkedIn one
// (the domain of a brand, which other rules take for the brand's own pages).
const shortenerPaths: ReadonlyArray<readonly [domain: string, path: string]> = [['linkedin.com', '/slink']];

/** Whether a link goes through a URL shortener, by domain or by a shortener's path on a large site. */
export function isShortLink(link: { domain: string; url: string }): boolean {
  if (shortenerDomains.has(link.domain)) return true;
  return shortenerPaths.some(([domain, path]) => link.domain === domain && pathOf(link.url).startsWith(path));
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.toLowerCase();
  } catch {
    return '';
  }
}
