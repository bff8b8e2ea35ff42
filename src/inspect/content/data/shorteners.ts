// URL shortener hosts: they hide the destination from the reader and from domain reputation checks.
export const shortenerDomains = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 'goo.gl', 't.co', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly',
  'shorturl.at', 'tiny.cc', 'rb.gy', 't.ly', 'v.gd', 'bl.ink', 'soo.gd', 's.id', 'qrco.de', 'shorte.st', 'adf.ly',
  'lnkd.in', 'urlz.fr', 'x.co', 'trib.al', 'clck.ru', 'u.to', 'snip.ly', 'tr.im', 'short.io', 'tinyurl.is',
]);
