// Reputation through its one entry point, on a real SQLite file: delivery outcomes from the queue's event stream,
// reports traced to an identity, and the one suspension model shared with the account store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteAccountStore } from '../accounts/sqlite-accounts.js';
import { parseConfig } from '../config/load.js';
import type { TimelineEvent } from '../queue/events.js';
import { openDatabase } from '../store/sqlite.js';
import { createReputation } from './index.js';

const T0 = Date.UTC(2026, 0, 5, 9);
const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).reverse().forEach((f) => f()));

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'mw-rep-'));
  const config = parseConfig({ dataDir: dir });
  const db = openDatabase(config.storage.sqlitePath);
  const listeners: Array<(events: TimelineEvent[]) => void> = [];
  const reputation = createReputation({ config, db, clock: () => T0 + 5000, events: { onEvents: (l) => void listeners.push(l) } });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }), () => db.close(), () => reputation.close());
  return { db, reputation, emit: (events: TimelineEvent[]) => listeners.forEach((l) => l(events)) };
}

const outcome = (type: 'delivered' | 'bounced' | 'expired', identity: string, reason: 'delivered' | 'userunknown' | 'mailboxfull' | 'expired'): TimelineEvent =>
  ({ messageId: 'M1', at: T0, type, recipient: 'r@x.test', data: { identity, code: null, reason } });

describe('reputation', () => {
  it('counts delivery outcomes from the event stream it was given, per identity', () => {
    const { reputation, emit } = setup();
    emit([
      outcome('delivered', 'host/blog', 'delivered'), outcome('bounced', 'host/blog', 'userunknown'),
      outcome('bounced', 'host/blog', 'mailboxfull'), outcome('expired', 'host/blog', 'expired'),
      { messageId: 'M1', at: T0, type: 'deferred', recipient: 'r@x.test', data: { identity: 'host/blog', code: 451, reason: 'ratelimited', nextAttemptAt: T0 } },
      outcome('bounced', 'host/shop', 'userunknown'),
    ]);
    const day = reputation.report('host/blog', T0 + 1000).counters!.windows.day;
    expect(day).toMatchObject({ delivered: 1, bounced: 2, unknownRecipients: 1 });
    expect(reputation.report('host/shop', T0 + 1000).counters!.windows.day).toMatchObject({ delivered: 0, bounced: 1 });
  });

  it('takes late bounces and complaints traced to an account and sub, at the given time or its clock', () => {
    const { reputation } = setup();
    reputation.recordBounce({ account: 'host', sub: 'blog' }, 'userunknown', T0);
    reputation.recordComplaint({ account: 'host', sub: 'blog' });
    reputation.recordComplaint({ account: 'host', sub: '' }, T0);
    expect(reputation.report('host/blog', T0 + 6000).counters!.windows.day).toMatchObject({ bounced: 1, unknownRecipients: 1, complaints: 1 });
    expect(reputation.report('host', T0 + 6000).counters!.windows.day).toMatchObject({ complaints: 1 });
  });

  it('has one suspension model: an account suspended with the account store suspends its identities, and reinstating it as a sender lifts both', async () => {
    const { db, reputation } = setup();
    const accounts = createSqliteAccountStore(db);
    await accounts.add({ name: 'host', passwordHash: '', allowedDomains: [], enforceDomains: false, createdAt: T0 });
    expect(await accounts.setSuspended('host', true, 'phishing reported')).toBe(true);
    const now = Date.now();
    expect(reputation.suspensionOf({ account: 'host', sub: 'blog', source: 'header:x-authuser' }, now)).toMatchObject({ identity: 'host', by: 'operator', reason: 'phishing reported' });
    expect(reputation.report('host', now)).toMatchObject({ suspended: true });
    expect(reputation.reinstate('host', now)).toBe(true);
    expect(await accounts.get('host')).toMatchObject({ suspended: false, suspendReason: '' });
    reputation.suspendByOperator('host', 'again', now);
    expect(await accounts.get('host')).toMatchObject({ suspended: true, suspendReason: 'again' });
    expect(await accounts.setSuspended('nobody', true, 'x')).toBe(false);
  });
});
