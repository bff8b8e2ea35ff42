// Content inspection on a worker thread of its own. Profiled under the relay benchmark with scanning on, parsing and
// scoring were about a tenth of the main thread's time, and the main thread was the limit (the SMTP sessions, the
// queue and its SQLite commits all run there); the scorer needs nothing but the message and its envelope, so it runs
// beside it. The 250 still waits for the verdict: only where the work is done changes.
import type { Worker } from 'node:worker_threads';
import type { ContentSettings } from '../config/schema.js';
import { batchPerTurn } from '../shared/batch-per-turn.js';
import { startWorker } from '../shared/worker.js';
import { defaultParseLimits } from './content/message.js';
import type { ScoreContext } from './content/types.js';
import type { Inspection } from './inspection.js';

export type ToInspectThread = Array<{ id: number; raw: Uint8Array; ctx: ScoreContext }>;
export type InspectResult = { id: number; inspection: Inspection } | { id: number; error: string };

export interface ThreadedInspector {
  inspect(raw: Buffer, ctx: ScoreContext): Promise<Inspection>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (inspection: Inspection) => void;
  reject: (err: Error) => void;
}

interface Thread {
  worker: Worker;
  send: (job: ToInspectThread[number]) => void;
}

/** Starts the thread and waits until its scorer is loaded: a model that cannot be read stops start-up, as in-process. */
/** What the thread is started with: the content settings, and the database that keeps its known link domains. */
export interface InspectThreadData {
  settings: ContentSettings;
  databaseFile?: string;
  /** The relay's local model file (src/learn), added to the base model when it exists. */
  localModelFile?: string;
}

export async function createThreadedInspector(settings: ContentSettings, databaseFile?: string, localModelFile?: string): Promise<ThreadedInspector> {
  // Our scorer and the content facts read at most this many bytes of a message, so only they cross to the thread (a
  // 25 MB message would otherwise be copied whole for 2 MB of reading); a peer filter (Rspamd, spamd) gets it all.
  const peersEnabled = settings.rspamd.enabled || settings.spamassassin.enabled;
  const bytesRead = peersEnabled ? Infinity : Math.max(settings.maxScanBytes, defaultParseLimits.maxBytes);
  const pending = new Map<number, Pending>();
  let thread: Thread | null = null;
  let nextId = 0;

  function start(): Thread {
    const data: InspectThreadData = { settings, ...(databaseFile ? { databaseFile } : {}), ...(localModelFile ? { localModelFile } : {}) };
    const worker = startWorker(new URL('./inspect-thread.js', import.meta.url), data);
    worker.on('message', (results: InspectResult[] | 'ready') => {
      if (results === 'ready') return;
      for (const r of results) {
        const p = pending.get(r.id);
        pending.delete(r.id);
        if ('error' in r) p?.reject(new Error(r.error));
        else p?.resolve(r.inspection);
      }
    });
    let reason = 'the content inspection thread stopped';
    worker.on('error', (err) => { reason = `the content inspection thread failed: ${err.message}`; });
    worker.on('exit', () => {
      // Their sessions get the accept stage's temporary failure, as for any inspection that throws; the next
      // message starts a new thread.
      if (thread?.worker === worker) thread = null;
      for (const p of pending.values()) p.reject(new Error(reason));
      pending.clear();
    });
    // Each message's bytes in an ArrayBuffer of their own, moved to the thread rather than cloned with whatever
    // larger allocation its Buffer is a view of.
    const send = batchPerTurn<ToInspectThread[number]>((jobs) => worker.postMessage(jobs, jobs.map((j) => j.raw.buffer as ArrayBuffer)));
    return { worker, send };
  }

  const first = start();
  thread = first;
  await new Promise<void>((resolve, reject) => {
    // A thread that exits before it is ready (without an 'error' event) must stop start-up too, not hang it.
    const exited = (code: number) => reject(new Error(`the content inspection thread exited (code ${code}) before it was ready`));
    const ready = (m: unknown) => {
      if (m !== 'ready') return;
      first.worker.off('error', reject);
      first.worker.off('exit', exited);
      first.worker.off('message', ready);
      resolve();
    };
    first.worker.on('message', ready);
    first.worker.once('error', reject);
    first.worker.once('exit', exited);
  });
  return {
    inspect(raw, ctx) {
      thread ??= start();
      const id = nextId++;
      const t = thread;
      return new Promise<Inspection>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        t.send({ id, raw: new Uint8Array(raw.subarray(0, bytesRead)), ctx });
      });
    },
    async close() {
      const t = thread;
      thread = null;
      await t?.worker.terminate();
    },
  };
}
