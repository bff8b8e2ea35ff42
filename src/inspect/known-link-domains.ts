// The link domains the relay has come to know (new-link-domains.ts), kept in its database: a restart would otherwise
// make every domain new again, and the day after an upgrade every lure with a link would carry NEW_LINK_DOMAIN
// corroboration it does not deserve. Only domains that became known are kept, not the half-learnt ones (a domain one
// sender linked to once is worth little and would let the table grow with every spam run).
import type { Db } from '../store/sqlite.js';
import type { PersistedLinkDomains } from './content/new-link-domains.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS known_link_domains (
  domain TEXT PRIMARY KEY,      -- registrable domain
  known_at INTEGER NOT NULL     -- epoch ms: when clean mail of enough different senders had linked to it
);
`;

/** Every known domain comes back from `load`, oldest first. */
export function createKnownLinkDomains(db: Db): PersistedLinkDomains {
  db.exec(SCHEMA);
  const all = db.prepare('SELECT domain FROM known_link_domains ORDER BY known_at, domain');
  const insert = db.prepare('INSERT OR IGNORE INTO known_link_domains (domain, known_at) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM known_link_domains WHERE domain = ?');
  const forgetAll = db.transaction((domains: readonly string[]) => { for (const d of domains) remove.run(d); });
  return {
    load: () => (all.all() as Array<{ domain: string }>).map((r) => r.domain),
    add: (domain, at) => void insert.run(domain, at),
    forget: (domains) => forgetAll(domains),
  };
}
