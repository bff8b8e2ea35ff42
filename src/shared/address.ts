// The domain of an address: small enough to write inline, and written in enough stages that the copies had grown
// apart (some lower-cased it, some kept a trailing dot).

/** The domain of a mailbox address, lower-case, without a trailing root dot; '' when there is no '@'. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase().replace(/\.$/, '');
}
