// Webhook registrations and their deliveries, in the shared database: the CLI and the API register, the relay sends,
// and a delivery that is still pending when the relay stops is sent after it starts again.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../store/sqlite.js';
import type { WebhookEvent } from './events.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS webhooks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  url TEXT NOT NULL,
  events TEXT NOT NULL,            -- JSON list of WebhookEvent
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  webhook_id INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  event TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL,             -- 'pending' | 'delivered' | 'failed'
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (state, next_at);
`;

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface Webhook {
  id: number;
  url: string;
  events: WebhookEvent[];
  /** Shown once when registered; receivers verify signatures with it. */
  secret: string;
  createdAt: number;
}

export interface Delivery {
  id: number;
  webhookId: number;
  event: WebhookEvent;
  body: string;
  state: DeliveryState;
  attempts: number;
  nextAt: number;
  lastError: string;
  createdAt: number;
  updatedAt: number;
}

interface WebhookRow { id: number; url: string; events: string; secret: string; created_at: number }
interface DeliveryRow { id: number; webhook_id: number; event: WebhookEvent; body: string; state: DeliveryState; attempts: number; next_at: number; last_error: string; created_at: number; updated_at: number }

const webhookOf = (r: WebhookRow): Webhook => ({ id: r.id, url: r.url, events: JSON.parse(r.events) as WebhookEvent[], secret: r.secret, createdAt: r.created_at });
const deliveryOf = (r: DeliveryRow): Delivery => ({
  id: r.id, webhookId: r.webhook_id, event: r.event, body: r.body, state: r.state, attempts: r.attempts, nextAt: r.next_at,
  lastError: r.last_error, createdAt: r.created_at, updatedAt: r.updated_at,
});

export function createWebhookStore(db: Db) {
  db.exec(SCHEMA);
  const insertHook = db.prepare('INSERT INTO webhooks (url, events, secret, created_at) VALUES (?, ?, ?, ?)');
  // A webhook removed while its deliveries were still collected in memory: they are dropped, not an error.
  const insertDelivery = db.prepare(
    `INSERT INTO webhook_deliveries (webhook_id, event, body, state, next_at, created_at, updated_at)
     SELECT id, ?, ?, 'pending', ?, ?, ? FROM webhooks WHERE id = ?`,
  );
  const due = db.prepare(`SELECT * FROM webhook_deliveries WHERE state = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?`);
  const update = db.prepare('UPDATE webhook_deliveries SET state = ?, attempts = ?, next_at = ?, last_error = ?, updated_at = ? WHERE id = ?');
  const listDeliveries = db.prepare(
    `SELECT * FROM webhook_deliveries WHERE (:state IS NULL OR state = :state) AND (:webhook IS NULL OR webhook_id = :webhook)
     ORDER BY id DESC LIMIT :limit`,
  );
  const pendingCount = db.prepare(`SELECT count(*) FROM webhook_deliveries WHERE state = 'pending'`).pluck();

  return {
    add(url: string, events: WebhookEvent[], now: number): Webhook {
      const secret = 'whsec_' + randomBytes(24).toString('base64url');
      const id = Number(insertHook.run(url, JSON.stringify(events), secret, now).lastInsertRowid);
      return { id, url, events, secret, createdAt: now };
    },
    list: (): Webhook[] => (db.prepare('SELECT * FROM webhooks ORDER BY id').all() as WebhookRow[]).map(webhookOf),
    get: (id: number): Webhook | null => {
      const r = db.prepare('SELECT * FROM webhooks WHERE id = ?').get(id) as WebhookRow | undefined;
      return r ? webhookOf(r) : null;
    },
    remove: (id: number): boolean => db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes > 0,
    /** Store new deliveries in one transaction (one fsync for a whole batch of events); returns how many were stored. */
    enqueue: db.transaction((rows: Array<{ webhookId: number; event: WebhookEvent; body: string }>, now: number): number =>
      rows.reduce((n, r) => n + insertDelivery.run(r.event, r.body, now, now, now, r.webhookId).changes, 0)),
    due: (now: number, limit: number): Delivery[] => (due.all(now, limit) as DeliveryRow[]).map(deliveryOf),
    settle: (d: Pick<Delivery, 'id' | 'state' | 'attempts' | 'nextAt' | 'lastError'>, now: number) =>
      void update.run(d.state, d.attempts, d.nextAt, d.lastError, now, d.id),
    deliveries: (f: { state?: DeliveryState; webhookId?: number; limit: number }): Delivery[] =>
      (listDeliveries.all({ state: f.state ?? null, webhook: f.webhookId ?? null, limit: f.limit }) as DeliveryRow[]).map(deliveryOf),
    pendingCount: (): number => pendingCount.get() as number,
  };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;
