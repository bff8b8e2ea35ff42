import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import { createSqliteAccountStore } from './sqlite-accounts.js';
import { AccountExistsError } from './types.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function store() {
  const dir = mkdtempSync(join(tmpdir(), 'mw-accounts-'));
  dirs.push(dir);
  const file = join(dir, 'db.sqlite');
  return { file, store: createSqliteAccountStore(openDatabase(file)) };
}

describe('SQLite account store', () => {
  it('adds, reads back after reopening, suspends, reinstates and deletes', async () => {
    const { file, store: s } = store();
    await s.add({ name: 'alice', passwordHash: 'scrypt$x', allowedDomains: ['a.test'], enforceDomains: true, createdAt: 1000 });
    const again = createSqliteAccountStore(openDatabase(file));
    expect(await again.get('alice')).toEqual({ name: 'alice', passwordHash: 'scrypt$x', allowedDomains: ['a.test'], enforceDomains: true, suspended: false, suspendReason: '', createdAt: 1000 });
    expect(await again.setSuspended('alice', true, 'phishing')).toBe(true);
    expect(await again.get('alice')).toMatchObject({ suspended: true, suspendReason: 'phishing' });
    expect(await again.setSuspended('alice', false, 'ignored')).toBe(true);
    expect(await again.get('alice')).toMatchObject({ suspended: false, suspendReason: '' });
    expect(await again.delete('alice')).toBe(true);
    expect(await again.get('alice')).toBeUndefined();
    expect(await again.delete('alice')).toBe(false);
  });
  it('refuses a duplicate name with a typed error', async () => {
    const { store: s } = store();
    const a = { name: 'bob', passwordHash: '', allowedDomains: [], enforceDomains: false, createdAt: 1 };
    await s.add(a);
    await expect(s.add(a)).rejects.toBeInstanceOf(AccountExistsError);
    expect((await s.list()).map((x) => x.name)).toEqual(['bob']);
  });
});
