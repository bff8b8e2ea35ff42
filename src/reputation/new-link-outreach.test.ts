// The login's identities that sent new links to strangers within the last hour: distinct identities, sliding window.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import { createNewLinkOutreach, NEW_LINK_OUTREACH_TABLE, NEW_LINK_OUTREACH_WINDOW_MS } from './new-link-outreach.js';
import { sqliteWindowJournal } from './window-journal.js';

const MIN = 60_000;

describe('new-link outreach per login', () => {
  it('counts distinct identities of one login over a sliding hour, logins apart', () => {
    const o = createNewLinkOutreach();
    expect(o.note('host', 'host/a', 0)).toBe(1);
    expect(o.note('host', 'host/a', 5 * MIN)).toBe(1);
    expect(o.note('host', 'host/b', 10 * MIN)).toBe(2);
    expect(o.note('other', 'other/a', 11 * MIN)).toBe(1);
    expect(o.note('host', 'host/c', 30 * MIN)).toBe(3);
    // An hour after a's two messages, a has left the window; b and c are still in it.
    expect(o.note('host', 'host/d', 65 * MIN + 1)).toBe(3);
    expect(o.note('host', 'host/d', 3 * 60 * MIN)).toBe(1);
  });
});

describe('new-link outreach across a restart', () => {
  it('reads back the hour from its journal (entries written as they come when flushMs is 0)', () => {
    const db = openDatabase(':memory:');
    const journal = () => sqliteWindowJournal(db, NEW_LINK_OUTREACH_TABLE, NEW_LINK_OUTREACH_WINDOW_MS, { flushMs: 0 });
    const before = createNewLinkOutreach(journal(), 0);
    before.note('host', 'host/a', 0);
    before.note('host', 'host/b', 20 * MIN);
    // The restarted relay still counts a and b: c is the third identity of the hour.
    expect(createNewLinkOutreach(journal(), 30 * MIN).note('host', 'host/c', 30 * MIN)).toBe(3);
    // Restarted later, a has left the window.
    expect(createNewLinkOutreach(journal(), 61 * MIN).note('host', 'host/d', 61 * MIN)).toBe(3);
    db.close();
  });
});
