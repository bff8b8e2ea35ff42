// What a login's mail that was stopped looked like: the MinHash sketches of its messages held or refused on their own
// merits over the last day, so that the same text sent again through another identity of the same login meets what
// stopped it the first time. A hijacked login spreading one campaign over many of its identities gets every copy
// judged afresh by each identity's own counters, where each is small; the copies the relay already stopped are the
// login's history of that campaign.
//
// Compared message by message (not through the campaign index of campaign.ts): a kit that rephrases every sentence
// shares a quarter of its text with only some of its own messages, so the campaign index splits it into several
// campaigns; against all of the login's stopped copies, a new copy still finds several near duplicates. Stopped mail is
// rare in ordinary traffic, so the list is short. In memory only and bounded: a restart costs at most a day of it.
import { similarity } from '../inspect/signature.js';
import { SAME_CAMPAIGN, touchEntry } from './campaign.js';

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

export function createStoppedContent() {
  const byLogin = new Map<string, StoppedCopy[]>();

  function recent(account: string, now: number): StoppedCopy[] | undefined {
    const list = byLogin.get(account);
    if (!list) return undefined;
    while (list.length > 0 && list[0]!.at <= now - DAY) list.shift();
    if (list.length === 0) byLogin.delete(account);
    return list.length > 0 ? list : undefined;
  }

  return {
    /** A message of the login held or refused for what it is or how it was sent. */
    add(account: string, identityKey: string, sketch: number[], now: number): void {
      if (sketch.length === 0) return;
      const list = touchEntry(byLogin, account, () => [], MAX_LOGINS);
      list.push({ identityKey, at: now, sketch });
      if (list.length > MAX_PER_LOGIN) list.shift();
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
