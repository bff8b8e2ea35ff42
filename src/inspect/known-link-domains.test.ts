// The link domains the relay came to know survive a restart: a second history on the same database file (a restarted
// relay's inspection thread) knows them, and one the history forgets when full is forgotten in the file too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compose } from '../../test/helpers/compose.js';
import { tempDir } from '../../test/helpers/queue-fixture.js';
import { openDatabase } from '../store/sqlite.js';
import { createLinkHistory } from './content/new-link-domains.js';
import { createKnownLinkDomains } from './known-link-domains.js';

const linking = (domain: string) => compose({ text: `This week on the blog: https://${domain}/spring-sale` });

describe('known link domains in the database', () => {
  it('keeps what became known across a restart, and only that', async () => {
    const file = join(tempDir('mw-links-'), 'relay.db');
    const db = openDatabase(file);
    const history = createLinkHistory({ sendersToKnow: 2, maxDomains: 4, persisted: createKnownLinkDomains(db) });
    history.learn(await linking('blog.partner.example'), 'host/a');
    history.learn(await linking('blog.partner.example'), 'host/b'); // two senders: known
    history.learn(await linking('once.example.net'), 'host/a'); // one sender: not yet
    expect(history.seen('partner.example')).toBe(true);
    db.close();

    const again = openDatabase(file);
    const restarted = createLinkHistory({ sendersToKnow: 2, maxDomains: 4, persisted: createKnownLinkDomains(again) });
    expect(restarted.seen('partner.example')).toBe(true);
    expect(restarted.seen('example.net')).toBe(false);
    expect(createKnownLinkDomains(again).load()).toEqual(['partner.example']);

    // Full: the oldest half goes, from memory and from the file.
    for (const d of ['a1.example', 'a2.example', 'a3.example', 'a4.example']) {
      restarted.learn(await linking(d), 'host/a');
      restarted.learn(await linking(d), 'host/b');
    }
    expect(createKnownLinkDomains(again).load()).not.toContain('partner.example');
    expect(restarted.seen('partner.example')).toBe(false);
    again.close();
  });
});
