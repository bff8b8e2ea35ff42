// The login's identities that sent new links to strangers within the last hour: distinct identities, sliding window.
import { describe, expect, it } from 'vitest';
import { createNewLinkOutreach } from './new-link-outreach.js';

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
