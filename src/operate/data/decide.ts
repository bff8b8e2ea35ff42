// The one seam between the operator side (API, console, end-user page) and the decide stage's data: held messages
// and sender identities. Everything the operator side reads or changes about them goes through here, so when that
// data moves (to the queue store, to another module) only this file is re-pointed.
import type { Config } from '../../config/schema.js';
import {
  deleteQuarantined, listQuarantine, QuarantineError, releaseQuarantined, showQuarantined,
  type HeldMessage, type HeldMessageDetail,
} from '../../decide/quarantine.js';
import { senderReports, type SenderReport } from '../../decide/senders.js';
import { parseContent } from '../../inspect/content/message.js';
import type { Db } from '../../store/sqlite.js';

/** Characters of a held message's text shown to the operator. */
const MAX_TEXT_CHARS = 20_000;

export type { HeldMessage, HeldMessageDetail, SenderReport };

/** A change refused because its target does not exist or is in the wrong state (an HTTP 404 or 409). */
export class NotFoundError extends Error {}

export interface DecideData {
  heldMessages(limit: number): HeldMessage[];
  heldMessage(id: string): HeldMessageDetail | null;
  /** The readable text of a held message (plain parts, and HTML reduced to its visible text): never markup. */
  heldText(id: string): string | null;
  /** Throws NotFoundError when the message is not held. */
  release(id: string, now: number, by: string): void;
  /** Throws NotFoundError when the message is not held. */
  dropHeld(id: string, now: number, by: string): void;
  senderKeys(): string[];
  /** Null when the identity has neither traffic nor a suspension on record. */
  sender(key: string, now: number): SenderReport | null;
  suspend(key: string, opts: { now: number; minutes: number; reason: string }): void;
  /** False when the identity was not suspended. */
  reinstate(key: string, now: number): boolean;
}

const asNotFound = <T>(work: () => T): T => {
  try {
    return work();
  } catch (err) {
    if (err instanceof QuarantineError) throw new NotFoundError(err.message);
    throw err;
  }
};

export function createDecideData(db: Db, config: Config): DecideData {
  const reports = (now: number) => senderReports(db, config, now);
  return {
    heldMessages: (limit) => listQuarantine(db, limit),
    heldMessage(id) {
      try {
        return showQuarantined(db, id);
      } catch (err) {
        if (err instanceof QuarantineError) return null;
        throw err;
      }
    },
    heldText(id) {
      const raw = db.prepare(`SELECT b.raw FROM bodies b JOIN messages m ON m.id = b.message_id WHERE m.id = ? AND m.state = 'quarantined'`).pluck().get(id) as Buffer | undefined;
      if (!raw) return null;
      const parsed = parseContent(raw);
      return parsed.kind === 'message' ? parsed.message.text.slice(0, MAX_TEXT_CHARS) : '';
    },
    release: (id, now, by) => asNotFound(() => releaseQuarantined(db, id, now, by)),
    dropHeld: (id, now, by) => asNotFound(() => deleteQuarantined(db, id, now, by)),
    senderKeys: () => reports(Date.now()).keys(),
    sender(key, now) {
      const r = reports(now).report(key);
      return r.counters || r.suspension ? r : null;
    },
    suspend(key, { now, minutes, reason }) {
      reports(now).suspensions.suspend({
        identity: key, since: now, until: minutes === 0 ? 0 : now + minutes * 60_000, by: 'operator', reason,
        evidence: { signals: [], counts: {}, sampleSubjects: [], fingerprints: [] },
      });
    },
    reinstate: (key, now) => reports(now).suspensions.reinstate(key, now),
  };
}
