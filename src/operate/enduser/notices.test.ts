import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/sqlite.js';
import { createNotices } from './notices.js';

describe('end-user notices and their links', () => {
  const notice = (at: number) => ({ identity: 'web-01/alice', code: 'MW-SUSPENDED', verdict: 'reject', reason: 'suspended', evidence: [], at });

  it('opens a valid link, refuses an expired, forged or foreign one, and records one review request', () => {
    const db = openDatabase(':memory:');
    const notices = createNotices(db, 'secret-one');
    const id = notices.note(notice(1_000_000));
    const token = notices.token(id, 2_000_000);
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(notices.open(token, 1_500_000)).toMatchObject({ notice: { id, identity: 'web-01/alice', code: 'MW-SUSPENDED' } });
    expect(notices.open(token, 2_001_000)).toEqual({ error: 'expired' });
    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6); // another id or expiry
    expect(notices.open(flipped, 1_500_000)).toEqual({ error: 'invalid' });
    expect(notices.open('short', 1_500_000)).toEqual({ error: 'invalid' });
    expect(createNotices(db, 'secret-two').open(token, 1_500_000)).toEqual({ error: 'invalid' }); // another key
    expect(notices.requestReview(id, 1_600_000)).toBe(true);
    expect(notices.requestReview(id, 1_700_000)).toBe(false);
    expect(notices.open(token, 1_800_000)).toMatchObject({ notice: { reviewRequestedAt: 1_600_000 } });
  });

  it('keeps one notice per identity and code, without a write for every repeat of a refusal', () => {
    const db = openDatabase(':memory:');
    const notices = createNotices(db, 's');
    const first = notices.note(notice(1_000_000));
    expect(notices.note(notice(1_000_500))).toBe(first);
    expect(notices.note({ ...notice(1_200_000), reason: 'suspended again' })).toBe(first);
    expect(db.prepare('SELECT reason FROM enduser_notices').pluck().all()).toEqual(['suspended again']);
    expect(notices.note({ ...notice(1_200_000), code: 'MW-SPAM' })).not.toBe(first);
  });
});
