// In-memory state written down whole at close and read back at start (the campaign index): state that changes on
// every message and is too large to write as it changes, where losing what happened since the last clean stop (a
// crash) costs only its sliding window. One JSON document per name, with the time it was written.
import type { Db } from '../store/sqlite.js';

export interface SnapshotStore {
  /** The document written under `name` after `notBefore`; undefined when there is none, it is older, or unreadable. */
  read(name: string, notBefore: number): unknown;
  write(name: string, at: number, value: unknown): void;
}

export function sqliteSnapshots(db: Db): SnapshotStore {
  db.exec('CREATE TABLE IF NOT EXISTS behaviour_snapshots (name TEXT PRIMARY KEY, at INTEGER NOT NULL, data TEXT NOT NULL)');
  const select = db.prepare('SELECT at, data FROM behaviour_snapshots WHERE name = ?');
  const upsert = db.prepare(
    'INSERT INTO behaviour_snapshots (name, at, data) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET at = excluded.at, data = excluded.data',
  );
  return {
    read(name, notBefore) {
      const row = select.get(name) as { at: number; data: string } | undefined;
      if (!row || row.at <= notBefore) return undefined;
      try {
        return JSON.parse(row.data) as unknown;
      } catch {
        return undefined; // a damaged document is no reason not to start: the state starts empty, as before snapshots
      }
    },
    write: (name, at, value) => void upsert.run(name, at, JSON.stringify(value)),
  };
}
