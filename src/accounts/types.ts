// Accounts: who may send through mailwarden (a login, or a trusted network with the same name), and what each may send.

export interface Account {
  name: string;
  /** scrypt hash string (see password.ts); '' for an account that only names a trusted network (no login). */
  passwordHash: string;
  /** Sender domains this account may use in MAIL FROM and From:; subdomains included. */
  allowedDomains: string[];
  /** Refuse mail whose MAIL FROM or From: domain is outside `allowedDomains`. */
  enforceDomains: boolean;
  /** Whether a suspension of the account is in force (src/reputation/suspensions.ts, keyed by the account name). */
  suspended: boolean;
  suspendReason: string;
  createdAt: number; // epoch ms
}

export type NewAccount = Omit<Account, 'suspended' | 'suspendReason'>;

export class AccountExistsError extends Error {
  constructor(readonly accountName: string) {
    super(`account "${accountName}" already exists`);
  }
}

/** Account storage: small and async, so a PostgreSQL implementation can follow the SQLite one. */
export interface AccountStore {
  /** Throws AccountExistsError when the name is taken. */
  add(account: NewAccount): Promise<void>;
  get(name: string): Promise<Account | undefined>;
  list(): Promise<Account[]>;
  /** Suspend (with a reason shown to the client) or reinstate; false when there is no such account. */
  setSuspended(name: string, suspended: boolean, reason: string): Promise<boolean>;
  setPassword(name: string, passwordHash: string): Promise<boolean>;
  delete(name: string): Promise<boolean>;
}
