// The suppression list: recipients the relay no longer sends to, per account or for everyone (account '*'), with why
// (hard bounce, complaint, unsubscribe, manual), the event that put them there and an expiry. This module owns the
// table; the accept stage asks `isSuppressed` at RCPT TO, and refuses with `suppressionReply`.
import type { SuppressionReason } from '../shared/types.js';
import type { Db } from '../store/sqlite.js';

export { SUPPRESSION_REASONS, type SuppressionReason } from '../shared/types.js';

/** The account of a suppression that holds for every account. */
export const GLOBAL = '*';

export interface Suppression {
  account: string;
  recipient: string;
  reason: SuppressionReason;
  /** What put it there: 'report:<id>' for a traced report, 'operator' or 'import' otherwise. */
  source: string;
  createdAt: number;
  /** Epoch ms; 0 = until removed. */
  expiresAt: number;
}

export interface SuppressionList {
  /** The suppression in force for this account's mail to `rcpt` (its own, else the global one), if any. */
  isSuppressed(account: string, rcpt: string, now: number): Suppression | null;
  /** Add or renew; a renewal never shortens the expiry already in force. */
  add(s: Suppression): void;
  /** Returns false when there was none. */
  remove(account: string, rcpt: string): boolean;
  list(filter?: { account?: string }): Suppression[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS suppressions (
  account TEXT NOT NULL,
  recipient TEXT NOT NULL,         -- lower-case
  reason TEXT NOT NULL,
  source TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,     -- 0 = until removed
  PRIMARY KEY (account, recipient)
);
`;

interface Row {
  account: string;
  recipient: string;
  reason: SuppressionReason;
  source: string;
  created_at: number;
  expires_at: number;
}

const fromRow = (r: Row): Suppression => ({
  account: r.account, recipient: r.recipient, reason: r.reason, source: r.source, createdAt: r.created_at, expiresAt: r.expires_at,
});

/** Local parts are case-sensitive in principle (RFC 5321 §2.4), but no mailbox provider treats them so. */
export const normalRecipient = (rcpt: string) => rcpt.trim().toLowerCase();

export function createSuppressionList(db: Db): SuppressionList {
  db.exec(SCHEMA);
  // The account's own entry first, then the global one; expired entries are not in force.
  const find = db.prepare(
    `SELECT * FROM suppressions WHERE recipient = ? AND account IN (?, '${GLOBAL}') AND (expires_at = 0 OR expires_at > ?)
     ORDER BY account = '${GLOBAL}' LIMIT 1`,
  );
  const upsert = db.prepare(
    `INSERT INTO suppressions (account, recipient, reason, source, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(account, recipient) DO UPDATE SET reason = excluded.reason, source = excluded.source,
       created_at = excluded.created_at,
       expires_at = CASE WHEN suppressions.expires_at = 0 OR excluded.expires_at = 0 THEN 0
                         ELSE max(suppressions.expires_at, excluded.expires_at) END`,
  );
  const del = db.prepare('DELETE FROM suppressions WHERE account = ? AND recipient = ?');
  const all = db.prepare('SELECT * FROM suppressions ORDER BY account, recipient');
  const ofAccount = db.prepare('SELECT * FROM suppressions WHERE account = ? ORDER BY recipient');
  return {
    isSuppressed(account, rcpt, now) {
      const row = find.get(normalRecipient(rcpt), account, now) as Row | undefined;
      return row ? fromRow(row) : null;
    },
    add(s) {
      upsert.run(s.account, normalRecipient(s.recipient), s.reason, s.source, s.createdAt, s.expiresAt);
    },
    remove: (account, rcpt) => del.run(account, normalRecipient(rcpt)).changes > 0,
    list: (filter = {}) => ((filter.account ? ofAccount.all(filter.account) : all.all()) as Row[]).map(fromRow),
  };
}

const REASON_TEXT: Record<SuppressionReason, string> = {
  'hard-bounce': 'an earlier message to it bounced permanently',
  complaint: 'its owner reported your mail as spam',
  unsubscribe: 'its owner unsubscribed',
  manual: 'an operator added it',
};

/** The RCPT TO refusal: permanent, with the reason and what to do, in one line (RFC 5321 §4.2). */
export function suppressionReply(s: Suppression): { code: 550; text: string } {
  const scope = s.account === GLOBAL ? 'for all senders' : `for account ${s.account}`;
  const since = new Date(s.createdAt).toISOString().slice(0, 10);
  const until = s.expiresAt === 0 ? '' : ` until ${new Date(s.expiresAt).toISOString().slice(0, 10)}`;
  return {
    code: 550,
    text: `5.7.1 [MW-SUPPRESSED] <${s.recipient}> is suppressed ${scope}${until}: ${REASON_TEXT[s.reason]} (${since}); remove it from your list, or ask your provider if this is wrong`,
  };
}
