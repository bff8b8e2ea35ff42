// What a login's mail that was stopped looked like: the MinHash sketches of its messages held or refused on their own
// merits over the last day, so that the same text sent again through another identity of the same login meets what
// stopped it the first time. A hijacked login spreading one campaign over many of its identities gets every copy
// judged afresh by each identity's own counters, where each is small; the copies the relay already stopped are the
// login's history of that campaign.
//
// Compared message by message (not through the campaign index of campaign.ts): a kit that rephrases every sentence
// shares a quarter of its text with only some of its own messages, so the campaign index splits it into several
// campaigns; against all of the login's stopped copies, a new copy still finds several near duplicates. Stopped mail is
// rare in ordinary traffic, so the list is short. In memory and bounded; with a journal (the relay's SQLite file) every
// stopped copy is also written down and read back at start, so a restart does not forget what it stopped.
import { similarity } from '../inspect/signature.js';
import { SAME_CAMPAIGN, touchEntry } from './campaign.js';
import type { WindowJournal } from './window-journal.js';

const DAY = 24 * 3_600_000;
const MAX_PER_LOGIN = 256;
const MAX_LOGINS = 10_000;

interface StoppedCopy {
  identityKey: string;
  at: number;
  sketch: number[];
}

export interface StoppedMatch {
  /** Near duplicates of the message among the login's stopped mail of the last day, from its other identities. */
  copies: number;
  /** How many of its other identities sent them. */
  identities: number;
}

export const NO_STOPPED_MATCH: StoppedMatch = { copies: 0, identities: 0 };

/** The journal table's name and window. */
export const STOPPED_CONTENT_TABLE = 'behaviour_stopped_content';
export const STOPPED_CONTENT_WINDOW_MS = DAY;

/** A sketch as bytes for the journal: its 32-bit values in order. */
const sketchBytes = (sketch: number[]) => Buffer.from(Uint32Array.from(sketch).buffer);
const sketchFromBytes = (b: Buffer) => Array.from(new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));

export function createStoppedContent(journal?: WindowJournal, now = Date.now()) {
  const byLogin = new Map<string, StoppedCopy[]>();

  function recent(account: string, now: number): StoppedCopy[] | undefined {
    const list = byLogin.get(account);
    if (!list) return undefined;
    while (list.length > 0 && list[0]!.at <= now - DAY) list.shift();
    if (list.length === 0) byLogin.delete(account);
    return list.length > 0 ? list : undefined;
  }

  function remember(account: string, identityKey: string, sketch: number[], at: number): void {
    const list = touchEntry(byLogin, account, () => [], MAX_LOGINS);
    list.push({ identityKey, at, sketch });
    if (list.length > MAX_PER_LOGIN) list.shift();
  }
  for (const e of journal?.load(now) ?? []) remember(e.account, e.identityKey, sketchFromBytes(e.data), e.at);

  return {
    /** A message of the login held or refused for what it is or how it was sent. */
    add(account: string, identityKey: string, sketch: number[], now: number): void {
      if (sketch.length === 0) return;
      remember(account, identityKey, sketch, now);
      journal?.add({ account, identityKey, at: now, data: sketchBytes(sketch) });
    },
    /** Near duplicates of this message stopped from the login's other identities (its own: REFUSED_BEFORE). */
    match(account: string, identityKey: string, sketch: number[], now: number): StoppedMatch {
      const list = sketch.length === 0 ? undefined : recent(account, now);
      if (!list) return NO_STOPPED_MATCH;
      const identities = new Set<string>();
      let copies = 0;
      for (const c of list) {
        if (c.identityKey === identityKey || similarity(c.sketch, sketch) < SAME_CAMPAIGN) continue;
        copies++;
        identities.add(c.identityKey);
      }
      return { copies, identities: identities.size };
    },
  };
}

export type StoppedContent = ReturnType<typeof createStoppedContent>;
