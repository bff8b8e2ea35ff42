// Which identities of a login wrote, in the last hour, to people they never wrote to with links to domains the login
// never linked to. One hijacked password of a hosting account sends through many of its sites or mailboxes at once,
// each too small for its own counters, and a kit that rewords every sentence escapes the near-duplicate index; what
// the copies still share is how they are sent: new links, to strangers, from many identities of one login together.
// In memory and bounded like the campaign index; with a journal (the relay's SQLite file) each entry is also written
// down and read back at start, so a restart does not forget the hour.
import { touchEntry } from './campaign.js';
import type { WindowJournal } from './window-journal.js';

const HOUR = 3_600_000;
const MAX_PER_LOGIN = 256;
const MAX_LOGINS = 10_000;

/** The journal table's name and window. */
export const NEW_LINK_OUTREACH_TABLE = 'behaviour_new_link_outreach';
export const NEW_LINK_OUTREACH_WINDOW_MS = HOUR;
const NOTHING = Buffer.alloc(0);

export function createNewLinkOutreach(journal?: WindowJournal, now = Date.now()) {
  const byLogin = new Map<string, Array<{ identityKey: string; at: number }>>();

  /** The login's list after adding the entry, entries older than the hour dropped. */
  function remember(account: string, identityKey: string, at: number) {
    const list = touchEntry(byLogin, account, () => [], MAX_LOGINS);
    while (list.length > 0 && list[0]!.at <= at - HOUR) list.shift();
    list.push({ identityKey, at });
    if (list.length > MAX_PER_LOGIN) list.shift();
    return list;
  }
  for (const e of journal?.load(now) ?? []) remember(e.account, e.identityKey, e.at);

  return {
    /**
     * Note a message of `identityKey` with a link new to its login going to recipients at domains new to it, and
     * return how many identities of the login (this one included) sent such mail within the last hour.
     */
    note(account: string, identityKey: string, now: number): number {
      const list = remember(account, identityKey, now);
      journal?.add({ account, identityKey, at: now, data: NOTHING });
      return new Set(list.map((e) => e.identityKey)).size;
    },
  };
}

export type NewLinkOutreach = ReturnType<typeof createNewLinkOutreach>;
