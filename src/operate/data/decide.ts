// The one seam between the operator side (API, console, end-user page) and the data of held mail and sender
// identities, which the queue store and the reputation stage own. Everything the operator side reads or changes about
// them goes through here.
import type { Config } from '../../config/schema.js';
import { parseContent } from '../../inspect/content/message.js';
import { createSampleQueries } from '../../queue/sqlite-samples.js';
import type { QueueStore } from '../../queue/store.js';
import type { ChangeResult, HeldMessage, HeldMessageDetail } from '../../queue/types.js';
import { createReputation, type SenderReport } from '../../reputation/index.js';
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
  /**
   * Throws NotFoundError when the message is not held. `asSpam` is the operator's confirmation that it is spam: its
   * body is kept for the local content model first (src/learn).
   */
  dropHeld(id: string, now: number, by: string, asSpam?: boolean): void;
  senderKeys(): string[];
  /** Null when the identity has neither traffic nor a suspension on record. */
  sender(key: string, now: number): SenderReport | null;
  suspend(key: string, opts: { now: number; minutes: number; reason: string }): void;
  /** False when the identity was not suspended. */
  reinstate(key: string, now: number): boolean;
}

function changed(id: string, result: ChangeResult): void {
  if (result === 'not-found') throw new NotFoundError(`no message ${id}`);
  if (result === 'not-held') throw new NotFoundError(`message ${id} is not in quarantine`);
}

export function createDecideData(db: Db, config: Config, store: QueueStore): DecideData {
  // Reads the counters the relay's reputation writes, and writes suspensions to the one suspension model.
  const reputation = createReputation({ config, db });
  const samples = createSampleQueries(db);
  return {
    heldMessages: (limit) => store.listHeld(limit),
    heldMessage: (id) => store.showHeld(id),
    heldText(id) {
      const raw = store.heldRaw(id);
      if (!raw) return null;
      const parsed = parseContent(raw);
      return parsed.kind === 'message' ? parsed.message.text.slice(0, MAX_TEXT_CHARS) : '';
    },
    release: (id, now, by) => changed(id, store.release(id, now, by)),
    dropHeld(id, now, by, asSpam = false) {
      if (asSpam && store.showHeld(id)) samples.keepSpam(id, by, now);
      changed(id, store.removeHeld(id, now, by));
    },
    senderKeys: () => reputation.keys(),
    sender(key, now) {
      const r = reputation.report(key, now);
      return r.counters || r.suspension ? r : null;
    },
    suspend(key, { now, minutes, reason }) {
      reputation.suspendByOperator(key, reason, now, minutes === 0 ? 0 : now + minutes * 60_000);
    },
    reinstate: (key, now) => reputation.reinstate(key, now),
  };
}
