// Who is responsible for a message: the account (AUTH user or trusted network) and the identity below it, from the
// first header source that matches, else the client address (relay) or nothing (AUTH).
import type { Headers } from 'mailsplit';
import { fieldValue, type HeaderField } from '../shared/mime/header.js';
import type { SenderIdentity } from '../shared/types.js';
import type { HeaderSource } from './sources.js';

export interface AccountOrigin {
  account: string;
  /** 'auth' for a login, 'client-ip' for a trusted network on the relay listener. */
  via: 'auth' | 'client-ip';
  clientIp: string;
}

export function identifySender(origin: AccountOrigin, header: readonly HeaderField[], sources: readonly HeaderSource[]): SenderIdentity {
  for (const source of sources) {
    const topmost = fieldValue(header, source.header);
    const sub = topmost === undefined ? null : source.extract(topmost);
    if (sub) return { account: origin.account, sub, source: `header:${source.header}` };
  }
  return baseIdentity(origin);
}

/**
 * The header sources to believe for this origin. A header is written by whoever sends the message: on the relay
 * listener that is the operator's own trusted servers, but after a login it is the customer, who could pick a new
 * identity per message (escaping every per-identity limit) or a colleague's (spending theirs). So logins get the
 * sources only when the operator lists the account.
 */
export function trustedSources(origin: AccountOrigin, sources: readonly HeaderSource[], trustHeadersOnSubmission: readonly string[]): readonly HeaderSource[] {
  if (origin.via === 'client-ip' || trustHeadersOnSubmission.includes(origin.account)) return sources;
  return [];
}

/** The identity known before any header is read (at MAIL FROM, or when no header source matches). */
export function baseIdentity(origin: AccountOrigin): SenderIdentity {
  // A trusted network often holds many servers: the client address tells them apart.
  if (origin.via === 'client-ip') return { account: origin.account, sub: origin.clientIp, source: 'client-ip' };
  return { account: origin.account, sub: '', source: 'auth' };
}

/** Remove the headers of sources configured with `strip` (they often expose internal user names and paths). */
export function stripSourceHeaders(headers: Headers, sources: readonly HeaderSource[]): void {
  for (const source of sources) if (source.strip) headers.remove(source.header);
}
