import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sketchOf } from '../inspect/signature.js';
import { openDatabase } from '../store/sqlite.js';
import { createCampaignTracker } from './campaign.js';
import { sqliteCampaignRows } from './campaign-rows.js';

const HOUR = 3_600_000;
const lure = (name: string, host: string, ask: string) =>
  `Dear ${name}, we detected an unusual sign-in attempt on your account and temporarily limited access. ${ask} ` +
  `Reference 48213. Verify now: https://${host}/login?ref=99 If you do not verify, your account will be suspended and pending payments cancelled. Security Department`;
const sent = (text: string, identityKey: string, recipients = 1) => ({ sketch: sketchOf(text), identityKey, account: identityKey.split('/')[0]!, recipients, strangers: recipients - 1 });

describe('campaign tracker', () => {
  it('gathers variations of one text (name, numbers, link host, a sentence) into one campaign, over sliding windows', () => {
    const c = createCampaignTracker();
    c.record(sent(lure('maria', 'a.example', 'Please confirm your identity within 24 hours.'), 'host/site1', 3), 0);
    c.record(sent(lure('kevin', 'b.example', 'Please confirm your identity within 24 hours.'), 'host/site1', 2), 1000);
    const third = c.record(sent(lure('linda', 'c.example', 'Confirm your account today to keep using it.'), 'host/site2'), 2000);
    expect(third).toEqual({ identityRecipients: 1, identityDayRecipients: 1, loginRecipients: 6, loginIdentities: 2, loginStrangers: 3, identities: 2, recipients: 6 });
    // Not a clock hour: 59 minutes later the first messages still count, an hour after them they do not, the day does.
    const probe = sent(lure('peter', 'd.example', 'Please confirm your identity within 24 hours.'), 'host/site1');
    expect(c.peek(probe, 59 * 60_000).identityRecipients).toBe(5);
    expect(c.peek(probe, HOUR + 2000)).toMatchObject({ identityRecipients: 0, identityDayRecipients: 5, identities: 0 });
  });

  it('keeps unrelated mail apart', () => {
    const c = createCampaignTracker();
    c.record(sent(lure('maria', 'a.example', 'Please confirm your identity within 24 hours.'), 'host/site1', 5), 0);
    const other = sent('Hi Tom, the quote for the oak shelves is attached; it is valid until Friday. Could you let me know whether the van is free on Monday? Best regards, Anna', 'host/site1');
    expect(c.record(other, 1000).identityRecipients).toBe(1);
  });
});

describe('campaign rows', () => {
  const withRows = (test: (dbPath: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-campaigns-'));
    try {
      test(join(dir, 'relay.db'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('give back, from SQLite and without a clean close, a tracker with the same campaigns and windows, which goes on counting them', () =>
    withRows((path) => {
      const db = openDatabase(path);
      const rows = sqliteCampaignRows(db, { flushMs: 0 });
      const c = createCampaignTracker([], rows);
      c.record(sent(lure('maria', 'a.example', 'Please confirm your identity within 24 hours.'), 'host/site1', 3), 0);
      c.record(sent(lure('kevin', 'b.example', 'Please confirm your identity within 24 hours.'), 'host/site2', 2), 1000);
      const other = sent('Hi Tom, the quote for the oak shelves is attached; it is valid until Friday. Could you let me know whether the van is free on Monday? Best regards, Anna', 'host/site1');
      c.record(other, 1500);
      // No close: a crash. The rows written as the campaigns changed are all a new tracker gets.
      const again = openDatabase(path);
      const restored = createCampaignTracker(sqliteCampaignRows(again, { flushMs: 0 }).load(-1, 20_000));
      const probe = sent(lure('peter', 'd.example', 'Please confirm your identity within 24 hours.'), 'host/site3');
      expect(restored.peek(probe, 30 * 60_000)).toEqual(c.peek(probe, 30 * 60_000));
      expect(restored.record(probe, 30 * 60_000)).toMatchObject({ loginIdentities: 3, loginRecipients: 6, identities: 3 });
      // A new text after the restart gets a campaign of its own, not one of the restored campaigns' numbers.
      expect(restored.record(sent('Dear members, the annual general meeting takes place on the 14th in the club house; the agenda and last year\'s minutes are on the notice board.', 'host/site1'), 31 * 60_000).identityRecipients).toBe(1);
      expect(restored.peek(other, 31 * 60_000).identityRecipients).toBe(1);
      db.close();
      again.close();
    }));

  it('load only the campaigns of the last day, skip a damaged row, and wait for the batch when flushMs is set', () =>
    withRows((path) => {
      const db = openDatabase(path);
      const rows = sqliteCampaignRows(db, { flushMs: 60_000 });
      const c = createCampaignTracker([], rows);
      c.record(sent(lure('maria', 'a.example', 'Please confirm your identity within 24 hours.'), 'host/site1'), 0);
      expect(sqliteCampaignRows(db, { flushMs: 0 }).load(-1, 10)).toEqual([]); // still in the batch
      c.record(sent('Dear members, the annual general meeting takes place on the 14th in the club house; the agenda is on the notice board.', 'host/site1'), 2 * HOUR);
      rows.close();
      db.prepare("INSERT INTO behaviour_campaigns (id, at, data) VALUES (99, ?, '{not json')").run(3 * HOUR);
      db.prepare("INSERT INTO behaviour_campaigns (id, at, data) VALUES (98, ?, '{\"sketch\": 1}')").run(3 * HOUR);
      const loaded = sqliteCampaignRows(db, { flushMs: 0 }).load(HOUR, 10);
      expect(loaded.map((r) => r.id)).toEqual([2, 98]); // the first campaign is older than the cut; 99 does not parse
      const restored = createCampaignTracker(loaded); // 98 parses but is no campaign: skipped, not a crash
      expect(restored.peek(sent(lure('maria', 'a.example', 'Please confirm your identity within 24 hours.'), 'host/site1'), 2 * HOUR).identityDayRecipients).toBe(0);
      db.close();
    }));
});
