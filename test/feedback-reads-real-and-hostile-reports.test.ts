// The feedback intake on real reports (Sisimai's BSD-licensed ARF and RFC 3464 samples, read from the shared corpus;
// skipped when it is absent) and on hostile input. Real reports carry no trace of ours: they are kept as untraceable.
// The same reports with one of our messages inside (our signed trace header in the quoted message) are traced,
// acted upon once, and counted once when replayed. Garbage, a 20 MB report, a zip bomb and a forged trace change
// nothing but the record of what came in.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceValue } from '../src/accept/trace.js';
import { parseBounce } from '../src/bounce/index.js';
import { createFeedback, type Feedback } from '../src/feedback/index.js';
import type { IntakeResult } from '../src/feedback/intake.js';
import type { QueueStore } from '../src/queue/store.js';
import { silentLogger } from '../src/shared/logger.js';
import { createSqliteQueueStore } from '../src/queue/sqlite-store.js';
import { openDatabase, type Db } from '../src/store/sqlite.js';
import { parseConfig } from '../src/config/load.js';
import { tempDir, testMessage } from './helpers/queue-fixture.js';

/**
 * The corpus's real bounces (its maildir/bsd folder): under MAILWARDEN_BOUNCE_CORPUS (the bounces folder, as
 * eval:bounces takes it, or the maildir itself), else in the shared/ folder beside the checkout or beside the folder of
 * worktrees. Where none is found the corpus tests are skipped.
 */
const CORPUS = [process.env.MAILWARDEN_BOUNCE_CORPUS, ...['..', '../..'].map((up) => join(import.meta.dirname, '..', up, 'shared/corpus/bounces'))]
  .flatMap((d) => (d ? [join(d, 'maildir/bsd'), d] : []))
  .find((d) => existsSync(d) && readdirSync(d).some((f) => f.startsWith('arf-'))) ?? '';
const corpusFiles = (prefix: string) => (existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.startsWith(prefix) && f.endsWith('.eml')).sort() : []);
const SECRET = 'intake-test-secret';

let db: Db;
let store: QueueStore;
let feedback: Feedback;
const config = parseConfig({ hostname: 'relay.mailwarden.test', dataDir: tempDir('mw-intake-'), log: { level: 'silent' }, identity: { traceSecret: SECRET }, feedback: { bounceDomain: 'bounces.test' } });

beforeAll(() => {
  db = openDatabase(config.storage.sqlitePath);
  store = createSqliteQueueStore(db, config.storage);
  feedback = createFeedback({ config, db, store, secret: SECRET, logger: silentLogger });
});
afterAll(async () => {
  feedback.close();
  await store.close();
  db.close();
});

/** Queue a message of ours to `rcpt` and return the trace header it carries. */
async function ourMessage(rcpt: string): Promise<{ id: string; trace: string }> {
  const m = testMessage([rcpt]);
  await store.enqueue(m);
  return { id: m.id, trace: `X-Mailwarden-Trace: ${traceValue(m.id, m.identity, SECRET)}` };
}

/** Put our trace header at the top of the quoted message (the message/rfc822 or rfc822-headers part). */
function graft(raw: string, trace: string): string | null {
  const part = /content-type:\s*(message\/rfc822|text\/rfc822-headers|message\/rfc822-headers)[^]*?\r?\n\r?\n/i.exec(raw);
  if (!part) return null;
  const at = part.index + part[0].length;
  return raw.slice(0, at) + trace + '\r\n' + raw.slice(at);
}

const nothingChanged = () => {
  expect(feedback.suppressions.list()).toEqual([]);
};

describe.skipIf(corpusFiles('arf-').length === 0)('real reports from the corpus', () => {
  it('keeps real reports without our trace as untraceable, and acts on none of them', () => {
    const results = [...corpusFiles('arf-'), ...corpusFiles('rfc3464-')].flatMap((f) => feedback.intake.process(readFileSync(join(CORPUS, f)), { source: 'import' }));
    const byStatus = results.reduce<Record<string, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
    console.log(`corpus reports without a trace: ${JSON.stringify(byStatus)}`);
    expect(byStatus.applied ?? 0).toBe(0);
    expect(byStatus.untraceable).toBeGreaterThan(0);
    nothingChanged();
  });

  it('traces every real ARF complaint variant that quotes one of our messages, and counts a replay once', async () => {
    let traced = 0;
    let quoting = 0;
    for (const f of corpusFiles('arf-')) {
      const rcpt = `${f.replace('.eml', '')}@dest.test`;
      const ours = await ourMessage(rcpt);
      const report = graft(readFileSync(join(CORPUS, f), 'latin1'), ours.trace);
      if (!report) continue;
      quoting++;
      const [r] = feedback.intake.process(Buffer.from(report, 'latin1'), { source: 'import' }) as [IntakeResult & { messageId?: string }];
      expect(r.status === 'rejected' ? r.error : r.messageId).toBe(ours.id);
      traced++;
      const [again] = feedback.intake.process(Buffer.from(report, 'latin1'), { source: 'import' });
      expect(again!.status).toBe('duplicate');
    }
    console.log(`corpus ARF reports quoting a message of ours: ${traced} of ${quoting} traced`);
    expect(traced).toBe(quoting);
    const complained = feedback.suppressions.list().filter((s) => s.reason === 'complaint').map((s) => s.recipient);
    expect(complained).toContain('arf-11@dest.test'); // abuse
    expect(complained).not.toContain('arf-18@dest.test'); // auth-failure: recorded, not a complaint
  });

  it('traces real DSNs that return one of our messages, and suppresses the hard-bounced recipient', async () => {
    let hard = 0;
    let quoting = 0;
    for (const f of corpusFiles('rfc3464-')) {
      const text = readFileSync(join(CORPUS, f), 'latin1');
      const rcpt = parseBounce(Buffer.from(text, 'latin1')).recipients[0]?.recipient;
      if (!rcpt) continue;
      const ours = await ourMessage(rcpt);
      const report = graft(text, ours.trace);
      if (!report) continue;
      quoting++;
      const [r] = feedback.intake.process(Buffer.from(report, 'latin1'), { source: 'import' });
      expect(r!.status === 'rejected' ? r!.error : r!.status).toMatch(/applied|ignored|duplicate/);
      if (r!.status === 'applied' && /hard bounce/.test(r!.reason)) hard++;
    }
    console.log(`corpus DSNs returning a message of ours: ${quoting}, of which ${hard} hard bounces suppressed`);
    expect(hard).toBeGreaterThan(0);
    expect(feedback.suppressions.list().filter((s) => s.reason === 'hard-bounce')).toHaveLength(hard);
  });
});

describe('hostile input changes nothing', () => {
  let fresh: Feedback;
  let freshDb: Db;
  let freshStore: QueueStore;
  beforeAll(() => {
    const c = parseConfig({ ...config, dataDir: tempDir('mw-intake-hostile-'), storage: { sqlitePath: 'q.sqlite' } });
    freshDb = openDatabase(c.storage.sqlitePath);
    freshStore = createSqliteQueueStore(freshDb, c.storage);
    fresh = createFeedback({ config: c, db: freshDb, store: freshStore, secret: SECRET, logger: silentLogger });
  });
  afterAll(async () => {
    fresh.close();
    await freshStore.close();
    freshDb.close();
  });
  const intake = (raw: Buffer) => fresh.intake.process(raw, { source: 'http' });

  it('garbage, empty input and a 20 MB report get a clear error', () => {
    expect(intake(Buffer.from('\x00\xff garbage \x1b[31m'.repeat(1000), 'latin1'))).toEqual([{ status: 'rejected', error: 'not a bounce or feedback report' }]);
    expect(intake(Buffer.alloc(0))[0]).toMatchObject({ status: 'rejected' });
    const huge = Buffer.alloc(20 * 1024 * 1024, 'a');
    expect(intake(huge)).toEqual([{ status: 'rejected', error: `report too large: ${huge.length} bytes, the limit is ${10 * 1024 * 1024} (bounce.maxBytes)` }]);
  });

  it('a zip bomb inside a report is never opened', () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024)).toString('base64').replace(/.{76}/g, '$&\r\n');
    const raw = Buffer.from([
      'From: MAILER-DAEMON@mx.test', 'To: <b+whatever@bounces.test>', 'Subject: Undelivered', 'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="z"', '', '--z', 'Content-Type: text/plain', '', 'See attachment.', '--z',
      'Content-Type: application/zip; name="report.zip"', 'Content-Transfer-Encoding: base64', '', bomb, '--z--', '',
    ].join('\r\n'));
    expect(intake(raw)[0]).toMatchObject({ status: 'rejected' });
    expect(fresh.reports.counts()).toMatchObject({ applied: 0 });
  });

  it('a complaint with a forged trace is kept as forged', async () => {
    const m = testMessage(['x@dest.test']);
    await freshStore.enqueue(m);
    const forged = `X-Mailwarden-Trace: ${traceValue(m.id, { account: 'acme', sub: 'victim' }, 'guessed-secret')}`;
    const report = [
      'From: fbl@provider.test', 'To: fbl@bounces.test', 'Subject: complaint', 'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'abuse report', '--b',
      'Content-Type: message/feedback-report', '', 'Feedback-Type: abuse', 'User-Agent: x/1', 'Version: 1', '', '--b', 'Content-Type: message/rfc822', '',
      forged, 'From: a@shop.test', 'Subject: hi', '', 'hi', '--b--', '',
    ].join('\r\n');
    expect(intake(Buffer.from(report))[0]).toMatchObject({ status: 'forged', reason: `forged trace (claims message ${m.id})` });
    expect(fresh.reports.list({ status: 'forged' })).toHaveLength(1);
    expect(fresh.suppressions.list()).toEqual([]);
  });

  it('a bounce of mail the relay itself refused (backscatter) is dropped', () => {
    const dsn = [
      'From: MAILER-DAEMON@customer.test', 'To: <forged-sender@victim.test>', 'Subject: Undelivered Mail Returned to Sender', 'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="d"', '', '--d', 'Content-Type: text/plain', '',
      'host relay.mailwarden.test[127.0.0.1] said: 550 5.7.1 [MW-SPAM] this message looks like spam (in reply to end of DATA command)', '--d',
      'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; customer.test', '', 'Final-Recipient: rfc822; someone@dest.test', 'Action: failed', 'Status: 5.7.1',
      'Remote-MTA: dns; relay.mailwarden.test', 'Diagnostic-Code: smtp; 550 5.7.1 [MW-SPAM] this message looks like spam', '', '--d--', '',
    ].join('\r\n');
    expect(intake(Buffer.from(dsn))[0]).toMatchObject({ status: 'backscatter' });
    expect(fresh.accept.backscatter(Buffer.from(dsn), '')).toMatch(/\[MW-SPAM\]/);
    expect(fresh.accept.backscatter(Buffer.from(dsn), 'someone@customer.test')).toBeNull();
    expect(fresh.suppressions.list()).toEqual([]);
  });
});
