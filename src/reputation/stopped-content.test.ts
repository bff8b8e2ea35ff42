import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sketchOf } from '../inspect/signature.js';
import { openDatabase } from '../store/sqlite.js';
import { createStoppedContent, STOPPED_CONTENT_TABLE, STOPPED_CONTENT_WINDOW_MS } from './stopped-content.js';
import { sqliteWindowJournal } from './window-journal.js';

const T0 = Date.UTC(2026, 0, 5, 9);
const DAY = 24 * 3_600_000;
const lure = (name: string, host: string) =>
  sketchOf(`Dear ${name}, we detected an unusual sign-in attempt on your account and limited access. Confirm your identity within 24 hours at https://${host}/login or your account will be closed. Security Department`);
const ordinary = sketchOf('Hi Anna, the oak shelves are ready on Thursday; could you pick them up at the workshop before noon? Kind regards, Ben');

describe('stopped content of a login', () => {
  it('finds near duplicates stopped from the login\'s other identities, not its own, not another login\'s', () => {
    const s = createStoppedContent();
    s.add('host', 'host/a', lure('maria', 'verify-1.example'), T0);
    s.add('host', 'host/b', lure('kevin', 'verify-2.example'), T0 + 1000);
    s.add('host', 'host/b', lure('linda', 'verify-3.example'), T0 + 2000);
    s.add('other', 'other/x', lure('peter', 'verify-4.example'), T0 + 3000);
    const copy = lure('ahmed', 'verify-5.example');
    expect(s.match('host', 'host/c', copy, T0 + 5000)).toEqual({ copies: 3, identities: 2 });
    expect(s.match('host', 'host/b', copy, T0 + 5000)).toEqual({ copies: 1, identities: 1 });
    expect(s.match('elsewhere', 'elsewhere/c', copy, T0 + 5000)).toEqual({ copies: 0, identities: 0 });
  });

  it('ignores unrelated text and text too short for a sketch, and forgets after a day (a sliding window)', () => {
    const s = createStoppedContent();
    for (let k = 0; k < 3; k++) s.add('host', `host/s${k}`, lure(`v${k}`, `verify-${k}.example`), T0 + k * 60_000);
    expect(s.match('host', 'host/shop', ordinary, T0 + DAY / 2).copies).toBe(0);
    expect(s.match('host', 'host/shop', [], T0 + DAY / 2).copies).toBe(0);
    expect(s.match('host', 'host/shop', lure('x', 'verify-9.example'), T0 + DAY + 30_000).copies).toBe(2);
    expect(s.match('host', 'host/shop', lure('x', 'verify-9.example'), T0 + DAY + 3 * 60_000).copies).toBe(0);
  });
});

describe('stopped content across a restart', () => {
  it('reads back from its journal the copies of the last day, sketches intact, and forgets older ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-stopped-'));
    try {
      const file = join(dir, 'relay.db');
      let db = openDatabase(file);
      const journal = () => sqliteWindowJournal(db, STOPPED_CONTENT_TABLE, STOPPED_CONTENT_WINDOW_MS, { flushMs: 60_000 });
      const first = journal();
      const s = createStoppedContent(first, T0);
      s.add('host', 'host/a', lure('maria', 'verify-1.example'), T0);
      s.add('host', 'host/b', lure('kevin', 'verify-2.example'), T0 + DAY / 2);
      first.close(); // a clean stop writes what the timer had not yet written
      db.close();

      db = openDatabase(file);
      const copy = lure('ahmed', 'verify-5.example');
      expect(createStoppedContent(journal(), T0 + DAY / 2 + 1000).match('host', 'host/c', copy, T0 + DAY / 2 + 1000)).toEqual({ copies: 2, identities: 2 });
      // A day after the first copy only the second is left, in memory and in the table.
      expect(createStoppedContent(journal(), T0 + DAY + 1000).match('host', 'host/c', copy, T0 + DAY + 1000)).toEqual({ copies: 1, identities: 1 });
      expect(db.prepare(`SELECT count(*) FROM ${STOPPED_CONTENT_TABLE}`).pluck().get()).toBe(1);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
