// The demo's week before: every sender of the hosting account has written a few messages a day to its usual
// providers for a week, so the relay knows each identity's normal (trust, baseline, the domains it writes to) when
// the demo starts, as it would for a hosting server that has used it for a while. Written as `senders import-history`
// writes an old relay's volumes, on the scratch database, before the relay starts on it.
import type { Config } from '../config/schema.js';
import { recordHistory, type PastMessage } from '../reputation/history.js';
import { createReputation } from '../reputation/index.js';
import type { Rng } from '../shared/prng.js';
import { openDatabase } from '../store/sqlite.js';
import { RECIPIENT_DOMAINS, senderName } from './traffic.js';

const DAY_MS = 24 * 3600_000;

export function seedHistory(config: Config, rng: Rng, o: { account: string; senders: number; days: number; now: number }): void {
  const db = openDatabase(config.storage.sqlitePath);
  const reputation = createReputation({ config, db });
  try {
    const week: PastMessage[] = [];
    for (let i = 0; i < o.senders; i++) {
      const sender = senderName(i);
      // Each sender writes to two of the providers' domains as a rule: a takeover that fans out to all is unusual.
      const usual = [rng.pick(RECIPIENT_DOMAINS), rng.pick(RECIPIENT_DOMAINS)];
      for (let day = o.days; day >= 1; day--) {
        for (let n = rng.int(2, 5); n > 0; n--) {
          const at = o.now - day * DAY_MS + rng.int(8, 18) * 3600_000 + rng.int(0, 3599_999);
          week.push({ identity: `${o.account}/${sender}`, at, clientIp: '127.0.0.1', recipients: [`friend${rng.int(1, 50)}@${rng.pick(usual)}`], from: `info@${sender}.example` });
        }
      }
    }
    recordHistory(reputation, week);
  } finally {
    reputation.close();
    db.close();
  }
}
