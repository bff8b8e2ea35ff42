// The authenticated login is an address in one domain and the From header claims another: a stolen login used to
// send as somebody else. Logins that are not addresses say nothing about domains and do not fire.
import { registrableDomain } from '../urls.js';
import type { ContentRule } from './rule.js';

export const fromAuthMismatch: ContentRule = {
  name: 'FROM_AUTH_MISMATCH',
  score: 1.5,
  strength: 'hint',
  description: 'From domain differs from the domain of the authenticated login',
  test(msg, ctx) {
    if (!ctx.authUser?.includes('@') || !msg.from?.domain) return false;
    const login = registrableDomain(ctx.authUser);
    const from = registrableDomain(msg.from.domain);
    return login !== from && `${from} vs login ${login}`;
  },
};
