import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import { addToRing, ringSums } from './ring.js';
import { createSqliteCounterStore } from './sqlite-counter-store.js';
import { remember } from './state.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SQLite counter store', () => {
  it('keeps counters, known domains and logins across a close and reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-counters-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    const now = 1_700_000_000_000;

    const db1 = openDatabase(file);
    const store1 = createSqliteCounterStore(db1, { flushMs: 0 });
    const s = store1.identity('acme/blog', now);
    addToRing(s.hour, now, { messages: 3, recipients: 7 });
    remember(s.domains, 'example.org', now, 10);
    remember(store1.login('acme').networks, '192.0.2.0/24', now, 10);
    store1.close();
    db1.close();

    const db2 = openDatabase(file);
    const store2 = createSqliteCounterStore(db2, { flushMs: 0 });
    expect(store2.identityKeys()).toEqual(['acme/blog']);
    const back = store2.findIdentity('acme/blog')!;
    expect(ringSums(back.hour, now + 1000)).toMatchObject({ messages: 3, recipients: 7 });
    expect(back.domains.has('example.org')).toBe(true);
    expect(store2.login('acme').networks.has('192.0.2.0/24')).toBe(true);
    expect(store2.findIdentity('nobody')).toBeUndefined();
    store2.close();
    db2.close();
  });
});
