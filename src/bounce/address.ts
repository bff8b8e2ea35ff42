// Mailbox addresses as they appear in bounces: bare, in angle brackets, quoted, with RFC 3464 "rfc822;" prefixes.

// RFC 6531 allows UTF-8 in both parts (RFC 6533 reports carry such addresses): letters and digits of any script.
// The domain may hold an underscore: no host name can (RFC 1123), but a mistyped one is what the sender wrote and
// what failed ("allborg@dgh_allborg.dk": Host not found), and cutting it there names a different address.
// Quantifiers are bounded (RFC 5321 §4.5.3.1: 64-octet local part, 255-octet domain) so that a long run of
// address-like characters costs linear time, not quadratic backtracking.
const ADDRESS = /[\p{L}\p{N}!#$%&'*+\/=?^_`{|}~.\-"]{1,64}@[\p{L}\p{N}](?:[\p{L}\p{N}._\-]{0,253}[\p{L}\p{N}])?|[\p{L}\p{N}._%+\-]{1,64}@\[[0-9.]{7,15}\]/u;
/** Lines longer than this are read only up to it when looking for addresses. */
const MAX_LINE = 1000;
const ADDRESS_G = new RegExp(ADDRESS.source, 'gu');

/** The single address in a field or line, lower-cased domain, without brackets; null when there is none. */
export function extractAddress(text: string): string | null {
  if (!text.includes('@')) return null;
  const m = ADDRESS.exec(text.length > MAX_LINE ? text.slice(0, MAX_LINE) : text);
  return m ? normalizeAddress(m[0]) : null;
}

/** Every address in a line of text, in order. */
export function extractAddresses(text: string): string[] {
  if (!text.includes('@')) return [];
  const bounded = text.length > MAX_LINE ? text.slice(0, MAX_LINE) : text;
  return (bounded.match(ADDRESS_G) ?? []).map(normalizeAddress);
}

function normalizeAddress(raw: string): string {
  // Quotes around an address ("Failed to deliver to 'user@example.com'") are not part of it: the domain can never
  // hold one, and a local part that starts with an apostrophe is legal (RFC 5322 atext) but not seen in practice.
  // An X.400 originator/recipient name carries the Internet address as a domain-defined attribute ("dda:SMTP=bob@…",
  // Exchange 5.5 and other gateways): the attribute's type is no part of the local part.
  const trimmed = raw.replace(/^[."'`]+|[."]+$/g, '').replace(/^(?:smtp|rfc-?822)=/i, '');
  const at = trimmed.lastIndexOf('@');
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}
