import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import { createSuppressionList, suppressionReply } from './suppressions.js';

const DAY = 86_400_000;

describe('suppression list', () => {
  const list = createSuppressionList(openDatabase(':memory:'));
  const base = { source: 'operator', createdAt: Date.UTC(2026, 0, 1) };

  it('holds per account or for all, ignores case, and ends at its expiry', () => {
    list.add({ ...base, account: 'acme', recipient: 'Ann@Dest.test', reason: 'complaint', expiresAt: 0 });
    list.add({ ...base, account: '*', recipient: 'bob@dest.test', reason: 'manual', expiresAt: base.createdAt + DAY });
    expect(list.isSuppressed('acme', 'ann@dest.TEST', base.createdAt)?.reason).toBe('complaint');
    expect(list.isSuppressed('other', 'ann@dest.test', base.createdAt)).toBeNull();
    expect(list.isSuppressed('other', 'bob@dest.test', base.createdAt)?.account).toBe('*');
    expect(list.isSuppressed('other', 'bob@dest.test', base.createdAt + 2 * DAY)).toBeNull();
  });

  it("prefers the account's own entry, and a renewal never shortens an expiry", () => {
    list.add({ ...base, account: 'acme', recipient: 'bob@dest.test', reason: 'hard-bounce', expiresAt: 0 });
    expect(list.isSuppressed('acme', 'bob@dest.test', base.createdAt)?.reason).toBe('hard-bounce');
    list.add({ ...base, account: 'acme', recipient: 'bob@dest.test', reason: 'hard-bounce', expiresAt: base.createdAt + DAY });
    expect(list.isSuppressed('acme', 'bob@dest.test', base.createdAt + 2 * DAY)).not.toBeNull();
  });

  it('explains the refusal in one permanent line', () => {
    const s = list.isSuppressed('acme', 'ann@dest.test', base.createdAt)!;
    expect(suppressionReply(s)).toEqual({
      code: 550,
      text: '5.7.1 [MW-SUPPRESSED] <ann@dest.test> is suppressed for account acme: its owner reported your mail as spam (2026-01-01); remove it from your list, or ask your provider if this is wrong',
    });
  });
});
