// Mailbox addresses as they appear in bounces: bare, in angle brackets, quoted, with RFC 3464 "rfc822;" prefixes.

// RFC 6531 allows UTF-8 in both parts (RFC 6533 reports carry such addresses): letters and digits of any script.
const ADDRESS = /[\p{L}\p{N}!#$%&'*+\/=?^_`{|}~.\-"]+@[\p{L}\p{N}](?:[\p{L}\p{N}.\-]*[\p{L}\p{N}])?|[\p{L}\p{N}._%+\-]+@\[[0-9.]+\]/u;
const ADDRESS_G = new RegExp(ADDRESS.source, 'gu');

/** The single address in a field or line, lower-cased domain, without brackets; null when there is none. */
export function extractAddress(text: string): string | null {
  const m = ADDRESS.exec(text);
  return m ? normalizeAddress(m[0]) : null;
}

/** Every address in a text, in order. */
export function extractAddresses(text: string): string[] {
  return (text.match(ADDRESS_G) ?? []).map(normalizeAddress);
}

function normalizeAddress(raw: string): string {
  const trimmed = raw.replace(/^[."]+|[."]+$/g, '');
  const at = trimmed.lastIndexOf('@');
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}
