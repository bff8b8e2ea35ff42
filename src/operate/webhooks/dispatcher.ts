// Sends webhook deliveries: events are collected in memory (the queue's event listener must stay cheap), written to
// the database in one transaction per tick, then POSTed, signed, to each subscribed URL. A failed send is retried on
// the backoff schedule up to `maxAttempts`, then left as 'failed' for the operator to see (API, console, metrics).
// Bounded everywhere: pending deliveries are capped (beyond the cap new ones are dropped and counted), sends per tick
// are capped, and every send has a timeout.
import { Counter, type Registry } from 'prom-client';
import type { Config } from '../../config/schema.js';
import type { Logger } from '../../shared/logger.js';
import type { TimelineEvent } from '../../queue/events.js';
import { payloadsOf, type WebhookPayload } from './events.js';
import { SIGNATURE_HEADER, sign } from './sign.js';
import type { Webhook, WebhookStore } from './store.js';

/** Deliveries sent concurrently per tick. */
const SENDS_PER_TICK = 16;
/** How often the registrations are read again (the CLI may change them while the relay runs). */
const RELOAD_MS = 5_000;

export type DeliveryResult = 'delivered' | 'retry' | 'failed' | 'dropped';

export interface WebhookDispatcher {
  /** The queue store's event listener. */
  record(events: TimelineEvent[]): void;
  /** An event from outside the queue (a suspension, a review request). */
  publish(payload: WebhookPayload): void;
  /** Read the registrations now (after the API changed them). */
  reload(): void;
  close(): Promise<void>;
}

export function startWebhookDispatcher(opts: {
  store: WebhookStore;
  config: Config['webhooks'];
  registry: Registry;
  logger: Logger;
  clock?: () => number;
}): WebhookDispatcher {
  const { store, config, logger } = opts;
  const clock = opts.clock ?? Date.now;
  const results = new Counter({
    name: 'mailwarden_webhook_deliveries_total',
    help: 'Webhook sends by result: delivered, retry (failed, tried again later), failed (gave up), dropped (queue full)',
    labelNames: ['result'], registers: [opts.registry],
  });
  const count = (result: DeliveryResult) => results.inc({ result });

  let hooks: Webhook[] = [];
  let loadedAt = -Infinity;
  const reload = () => {
    hooks = store.list();
    loadedAt = clock();
  };
  let buffered: Array<{ webhookId: number; event: WebhookPayload['event']; body: string }> = [];
  let pending = store.pendingCount();

  function publish(payload: WebhookPayload): void {
    if (clock() - loadedAt > RELOAD_MS) reload();
    for (const hook of hooks) {
      if (!hook.events.includes(payload.event)) continue;
      if (pending + buffered.length >= config.maxPending) {
        count('dropped');
        continue;
      }
      buffered.push({ webhookId: hook.id, event: payload.event, body: JSON.stringify(payload) });
    }
  }

  async function send(url: string, secret: string, body: string): Promise<string | null> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(secret, body, Math.floor(clock() / 1000)) },
        signal: AbortSignal.timeout(config.timeoutMs),
        redirect: 'manual', // a redirect is the receiver's misconfiguration, not an instruction to post elsewhere
      });
      await res.body?.cancel();
      return res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`;
    } catch (err) {
      return (err as Error).message;
    }
  }

  async function tick(): Promise<void> {
    const now = clock();
    if (buffered.length > 0) {
      pending += store.enqueue(buffered, now);
      buffered = [];
    }
    const due = store.due(now, SENDS_PER_TICK);
    if (due.length === 0) return;
    if (clock() - loadedAt > RELOAD_MS) reload();
    const byId = new Map(hooks.map((h) => [h.id, h]));
    await Promise.all(due.map(async (d) => {
      const hook = byId.get(d.webhookId);
      const error = hook ? await send(hook.url, hook.secret, d.body) : 'webhook removed';
      const attempts = d.attempts + 1;
      const at = clock();
      if (error === null) {
        store.settle({ id: d.id, state: 'delivered', attempts, nextAt: at, lastError: '' }, at);
        pending--;
        return count('delivered');
      }
      if (attempts >= config.maxAttempts || !hook) {
        store.settle({ id: d.id, state: 'failed', attempts, nextAt: at, lastError: error }, at);
        pending--;
        logger.warn({ event: 'webhook-failed', webhookId: d.webhookId, deliveryId: d.id, attempts, error }, 'webhook delivery given up');
        return count('failed');
      }
      const backoff = config.backoffSeconds[Math.min(attempts - 1, config.backoffSeconds.length - 1)]!;
      store.settle({ id: d.id, state: 'pending', attempts, nextAt: at + backoff * 1000, lastError: error }, at);
      count('retry');
    }));
  }

  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return; // a slow receiver never stacks ticks
    busy = true;
    running = tick()
      .catch((err: unknown) => logger.error({ event: 'webhook-tick-failed', err }, 'webhook dispatch failed'))
      .finally(() => { busy = false; });
  }, config.pollMs);
  timer.unref();

  return {
    record: (events) => {
      if (hooks.length === 0 && clock() - loadedAt <= RELOAD_MS) return; // nobody subscribed: nothing to build
      for (const p of payloadsOf(events)) publish(p);
    },
    publish,
    reload,
    async close() {
      clearInterval(timer);
      await running;
      if (buffered.length > 0) store.enqueue(buffered, clock()); // sent after the next start
      buffered = [];
    },
  };
}
