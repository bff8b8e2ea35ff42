// An account as the operator sees it (CLI --json and the admin API): never the password hash.
import type { Account } from './types.js';

export function publicView(a: Account) {
  return {
    name: a.name,
    login: a.passwordHash !== '',
    allowedDomains: a.allowedDomains,
    enforceDomains: a.enforceDomains,
    suspended: a.suspended,
    suspendReason: a.suspendReason,
    created: new Date(a.createdAt).toISOString(),
  };
}
