// Retention: a finished message (delivered, bounced, expired or deleted) keeps its rows and timeline for a while so
// that `queue show` and the console can explain it, then it is purged; without this the history grows forever.
// Purged in small transactions so that the relay's own commits never wait long behind one.
import type { Db } from '../store/sqlite.js';

const BATCH = 500;

/**
 * Purge finished messages received before `before` (epoch ms), with their recipients and events, and the events about
 * no message (reports the feedback stage could not trace) from before then; returns how many messages.
 */
export function purgeFinished(db: Db, before: number, maxBatches = 100): number {
  const select = db.prepare(
    `SELECT id FROM messages WHERE state IN ('delivered', 'bounced', 'expired', 'deleted') AND received_at < ? LIMIT ${BATCH}`,
  ).pluck();
  const deleteEvents = db.prepare('DELETE FROM events WHERE message_id = ?');
  const deleteMessage = db.prepare('DELETE FROM messages WHERE id = ?'); // recipients and bodies follow (ON DELETE CASCADE)
  const batch = db.transaction((ids: string[]) => {
    for (const id of ids) {
      deleteEvents.run(id);
      deleteMessage.run(id);
    }
  });
  const deleteUntied = db.prepare(`DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE message_id = '' AND at < ? LIMIT ${BATCH})`);
  for (let i = 0; i < maxBatches && deleteUntied.run(before).changes > 0; i++);
  let purged = 0;
  for (let i = 0; i < maxBatches; i++) {
    const ids = select.all(before) as string[];
    if (ids.length === 0) break;
    batch(ids);
    purged += ids.length;
  }
  return purged;
}
