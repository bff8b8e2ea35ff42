// Scenario: the policy held a message and suspended a sender; an operator reviews both with the CLI. Runs the built
// CLI (`npm test` builds first) against a real database file, as an operator would while the relay runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { createReputation } from '../src/reputation/index.js';
import { createSuspensions } from '../src/reputation/suspensions.js';
import { createSqliteQueueStore } from '../src/queue/sqlite-store.js';
import { openDatabase } from '../src/store/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'mw-cli-'));
const configFile = join(dir, 'mailwarden.yaml');
const cli = (...args: string[]) => execFileSync(process.execPath, ['dist/cli/main.js', '-c', configFile, ...args], { encoding: 'utf8' });
/** The failing command's stderr after its first line (which names the configuration and data directory). */
const cliFails = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', '-c', configFile, ...args], { encoding: 'utf8' });
  return { ...r, stderr: r.stderr.replace(/^mailwarden: configuration .*\n/, '') };
};

beforeAll(async () => {
  writeFileSync(configFile, `dataDir: ${JSON.stringify(dir)}\n`);
  const config = parseConfig({ dataDir: dir });
  const db = openDatabase(config.storage.sqlitePath);
  const store = createSqliteQueueStore(db, { groupCommitMs: 0 });
  const raw = Buffer.from('From: shop@site.test\r\nTo: a@example.test\r\nSubject: =?UTF-8?Q?Caf=C3=A9_offer?=\r\n\r\nHello\r\n');
  await store.enqueue({
    id: 'HELD0001', receivedAt: Date.UTC(2026, 0, 5), identity: { account: 'host', sub: 'shop', source: 'header:x-authuser' },
    mailFrom: 'shop@site.test', recipients: ['a@example.test', 'b@example.test'], raw, clientIp: '192.0.2.1', heloName: 'site.test',
    initialState: 'quarantined', smtpUtf8: false, eightBit: false,
    events: [{ at: Date.UTC(2026, 0, 5), type: 'verdict', data: { verdict: 'quarantine', code: 'MW-HELD', reason: 'message accepted and held for review', evidence: [{ kind: 'behaviour', name: 'BURST', score: 5, description: 'x' }] } }],
  });
  await store.enqueue({
    id: 'HELD0002', receivedAt: Date.UTC(2026, 0, 5), identity: { account: 'host', sub: 'shop', source: 'header:x-authuser' },
    mailFrom: 'shop@site.test', recipients: ['c@example.test'], raw, clientIp: '192.0.2.1', heloName: 'site.test',
    initialState: 'quarantined', smtpUtf8: false, eightBit: false, events: [],
  });
  await store.close();
  createSuspensions(db).suspend({
    identity: 'host/blog', since: Date.now(), until: 0, by: 'policy', reason: 'BURST, REPEATED_CONTENT',
    evidence: { signals: [], counts: { lastMinute: 40 }, sampleSubjects: ['Action required'], fingerprints: ['abcd'] },
  });
  // The policy refused twelve messages of host/cafe, as its `refused` hook records them.
  const reputation = createReputation({ config, db });
  const facts = { identityKey: 'host/cafe', account: 'host', clientIp: '192.0.2.1', recipients: ['v@example.test'], fromAddress: 'cafe@site.test', subject: 'Verify now', fingerprint: '', sketch: [], linkDomains: [] };
  for (let k = 0; k < 12; k++)
    reputation.stopped(facts, { id: `REF${k}`, at: Date.now(), verdict: 'reject', code: 'MW-SPAM', from: 'cafe@site.test', to: [`v${k}@example.test`], subject: 'Verify now', why: ['CONTENT_VERDICT: content score 12 (threshold 5): reject'] }, Date.now());
  reputation.close();
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('operator CLI for quarantine and senders', () => {
  it('lists and shows a held message with why it was held, then releases it to delivery', () => {
    const listed = cli('quarantine', 'list', '--json').trim().split('\n').map((line) => JSON.parse(line));
    expect(listed.map((m) => m.id)).toEqual(['HELD0001', 'HELD0002']);
    expect(listed[0]).toMatchObject({ id: 'HELD0001', sub: 'shop', recipients: 2, subject: 'Café offer', code: 'MW-HELD', evidence: ['BURST'] });
    expect(cli('quarantine', 'show', 'HELD0001')).toContain('held by:    MW-HELD BURST');
    expect(cli('quarantine', 'release', 'HELD0001')).toContain('released 1');
    expect(cli('quarantine', 'delete', 'HELD0002')).toContain('deleted 1');
    expect(cli('quarantine', 'list')).toContain('no messages in quarantine');
    const db = openDatabase(join(dir, 'mailwarden.sqlite'));
    expect(db.prepare('SELECT DISTINCT state FROM recipients WHERE message_id = ?').pluck().all('HELD0001')).toEqual(['queued']);
    expect(db.prepare("SELECT COUNT(*) FROM events WHERE message_id = ? AND type = 'released'").pluck().get('HELD0001')).toBe(1);
    expect(db.prepare('SELECT state FROM messages WHERE id = ?').pluck().get('HELD0002')).toBe('deleted');
    expect(db.prepare('SELECT COUNT(*) FROM bodies WHERE message_id = ?').pluck().get('HELD0002')).toBe(0);
    db.close();
    const again = cliFails('quarantine', 'release', 'HELD0001');
    expect(again.status).not.toBe(0);
    expect(again.stderr.trim()).toBe('mailwarden: message HELD0001 is not in quarantine (state: queued)');
  });

  it('shows a suspended sender with its evidence, reinstates it, and suspends another for a while', () => {
    expect(cli('senders', 'list')).toMatch(/host\/blog .* suspended/);
    const shown = cli('senders', 'show', 'host/blog');
    expect(shown).toContain('subjects: "Action required"');
    expect(shown).toContain('counts: lastMinute=40');
    expect(cli('senders', 'reinstate', 'host/blog')).toContain('reinstated host/blog');
    expect(JSON.parse(cli('senders', 'show', 'host/blog', '--json')).suspended).toBe(false);
    expect(cli('senders', 'suspend', 'host/shop', '--minutes', '30')).toContain('for 30 minutes');
    expect(JSON.parse(cli('senders', 'list', '--json').trim().split('\n').find((l) => l.includes('host/shop'))!).suspended).toBe(true);
    const refused = cli('senders', 'show', 'host/cafe');
    expect(refused).toMatch(/^risk: +4 \(REFUSED_BEFORE, NEW_IDENTITY\)$/m);
    expect(refused).toContain("REFUSED_BEFORE (3): 12 of its messages were refused or held in the last day");
    expect(refused).toMatch(/^last hour .* 12 refused, 0 held$/m);
    expect(refused).toMatch(/^ {2}\S+ REF11 reject \[MW-SPAM\] from cafe@site\.test to v11@example\.test subject "Verify now"\n {4}CONTENT_VERDICT: content score 12 \(threshold 5\): reject$/m);
    expect(cliFails('senders', 'show', 'nobody').stderr.trim()).toBe('mailwarden: no sender identity "nobody"');
  });
});
