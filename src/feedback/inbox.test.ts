import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { createSqliteQueueStore } from '../queue/sqlite-store.js';
import { silentLogger } from '../shared/logger.js';
import { openDatabase } from '../store/sqlite.js';
import { tempDir } from '../../test/helpers/queue-fixture.js';
import { createFeedback } from './index.js';
import { createInbox } from './inbox.js';

const config = parseConfig({ dataDir: tempDir('mw-inbox-'), identity: { traceSecret: 's' }, feedback: { bounceDomain: 'bounces.test' } });
const db = openDatabase(config.storage.sqlitePath);
const store = createSqliteQueueStore(db, config.storage);
const feedback = createFeedback({ config, db, store, secret: 's', logger: silentLogger });
afterAll(async () => {
  feedback.close();
  await store.close();
  db.close();
});

describe('the inbox of reports handed to the running relay', () => {
  it('answers each report once through the intake, and drops answers after an hour', () => {
    const inbox = createInbox(db);
    const T = Date.UTC(2026, 11, 4);
    const id = inbox.put(Buffer.from('Subject: hi\r\n\r\njust text\r\n'), T);
    expect(inbox.results(id)).toBeNull();
    expect(inbox.drain(feedback.intake, T + 1000)).toBe(1);
    expect(inbox.results(id)).toEqual([{ status: 'rejected', error: 'not a bounce or feedback report' }]);
    expect(inbox.drain(feedback.intake, T + 2000)).toBe(0); // answered: not taken in again
    inbox.drain(feedback.intake, T + 1000 + 3_600_001);
    expect(inbox.results(id)).toBeNull();
  });
});
