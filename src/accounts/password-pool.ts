// AUTH password checks on a small pool of worker threads of their own, with a cap on the checks waiting.
//
// node:crypto's async scrypt runs on libuv's threadpool (four threads by default), which also runs the fsync that
// makes each message durable before its 250: a flood of AUTH attempts (each check costs ~0.1-0.5 s of CPU and 128 MiB
// at the OWASP cost) queued ahead of the fsyncs and stalled every acknowledgement for seconds. Here a check blocks one
// pool thread and nothing else; past `threads` running and `maxQueued` waiting, an attempt is refused at once
// (PasswordPoolBusy: the client hears 454 4.7.0 and may retry) instead of growing a queue a stranger controls.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../shared/worker.js';

export interface CheckRequest {
  id: number;
  password: string;
  /** The stored hash, or null for an unknown account (checked against a decoy: same cost). */
  stored: string | null;
}
export type CheckResult = { id: number; ok: boolean; rehash: string | null } | { id: number; error: string };

export interface PasswordCheck {
  ok: boolean;
  /** The password hashed again at today's cost when `ok` and the stored hash was made at a lower one; else null. */
  rehash: string | null;
}

export class PasswordPoolBusy extends Error {
  constructor() {
    super('too many password checks waiting');
  }
}

export interface PasswordPoolOptions {
  /** Checks running at once (each holds one thread and 128 MiB while it runs). */
  threads: number;
  /** Checks waiting for a thread; one more is refused with PasswordPoolBusy. */
  maxQueued: number;
}

export interface PasswordPool {
  /** Rejects with PasswordPoolBusy when the pool is full. */
  verify(password: string, stored: string | null): Promise<PasswordCheck>;
  /** Checks running plus waiting (for tests and metrics). */
  pending(): number;
  close(): Promise<void>;
}

interface Job {
  req: CheckRequest;
  resolve: (r: PasswordCheck) => void;
  reject: (err: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  job: Job | null;
}

export function createPasswordPool(opts: PasswordPoolOptions): PasswordPool {
  const threads = new Set<Thread>();
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  function start(): Thread {
    const t: Thread = { worker: startWorker(new URL('./password-thread.js', import.meta.url), null), ready: false, job: null };
    t.worker.on('message', (msg: CheckResult | 'ready') => {
      if (msg === 'ready') {
        t.ready = true;
      } else {
        const job = t.job;
        t.job = null;
        if (job && 'error' in msg) job.reject(new Error(msg.error));
        else if (job && 'ok' in msg) job.resolve({ ok: msg.ok, rehash: msg.rehash });
      }
      dispatch();
    });
    t.worker.on('error', () => {}); // 'exit' follows and settles the job it held
    t.worker.on('exit', () => {
      threads.delete(t);
      t.job?.reject(new Error('the password check thread stopped'));
      t.job = null;
      if (!closed) dispatch();
    });
    threads.add(t);
    return t;
  }

  function dispatch(): void {
    while (queue.length > 0) {
      const idle = [...threads].find((t) => t.ready && !t.job);
      if (!idle) {
        // Threads start when first needed; a new one posts 'ready', which dispatches again.
        if (threads.size < opts.threads) start();
        return;
      }
      const job = queue.shift()!;
      idle.job = job;
      idle.worker.postMessage(job.req);
    }
  }

  const busy = () => [...threads].filter((t) => t.job).length;

  return {
    verify(password, stored) {
      if (closed) return Promise.reject(new Error('the password pool is closed'));
      // Up to `threads` run and `maxQueued` wait; counted together, so threads still starting take no extra share.
      if (busy() + queue.length >= opts.threads + opts.maxQueued) return Promise.reject(new PasswordPoolBusy());
      return new Promise<PasswordCheck>((resolve, reject) => {
        queue.push({ req: { id: nextId++, password, stored }, resolve, reject });
        dispatch();
      });
    },
    pending: () => busy() + queue.length,
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the password pool is closed'));
      await Promise.all([...threads].map((t) => t.worker.terminate()));
    },
  };
}
