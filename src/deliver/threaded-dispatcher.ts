// The dispatcher on a worker thread of its own. Profiled under the relay benchmark, the outbound SMTP sessions
// (Nodemailer's client, its socket writes) were about a fifth of the main thread's time, on a machine whose second
// core sat partly idle; the sessions need nothing from the main thread but the message, so they run beside it. The
// engine keeps everything else (queue, outcomes, events) on the main thread; this module only carries jobs across.
import type { Worker } from 'node:worker_threads';
import { batchPerTurn } from '../shared/batch-per-turn.js';
import { startWorker } from '../shared/worker.js';
import type { Dispatcher, DispatcherOptions, Job, JobResult, JobRoute } from './dispatcher.js';
import type { NextHop } from './routes.js';
import type { Envelope } from './smtp-client.js';

/** One job as it crosses to the thread: its bytes in an ArrayBuffer of their own, moved rather than cloned. */
export interface ThreadJob {
  id: number;
  hops: NextHop[];
  envelope: Envelope;
  raw: Uint8Array;
  route?: JobRoute;
}
export type ToThread = { kind: 'submit'; jobs: ThreadJob[] } | { kind: 'close' };
export type FromThread = { kind: 'done'; results: Array<{ id: number; result: JobResult }> } | { kind: 'closed' };

interface Thread {
  worker: Worker;
  waiting: Map<number, Job>;
  closed: Promise<void>;
}

/** `onThreadError` hears why a thread stopped (its jobs are failed for a retry, and the next submit starts another). */
export function createThreadedDispatcher(opts: DispatcherOptions, onThreadError: (err: Error) => void): Dispatcher {
  let thread: Thread | null = null;
  let nextId = 0;
  let closing = false;

  function start(): Thread {
    const worker = startWorker(new URL('./dispatcher-thread.js', import.meta.url), opts);
    const waiting = new Map<number, Job>();
    let markClosed: () => void = () => {};
    const closed = new Promise<void>((resolve) => { markClosed = resolve; });
    worker.on('message', (msg: FromThread) => {
      switch (msg.kind) {
        case 'done':
          for (const { id, result } of msg.results) {
            const job = waiting.get(id);
            waiting.delete(id);
            job?.done(result);
          }
          break;
        case 'closed':
          markClosed();
          break;
      }
    });
    worker.on('error', onThreadError); // 'exit' follows, and fails every job the thread held
    worker.on('exit', () => {
      // A thread that died took its sessions with it: each job it held gets a reply-less failure, so its recipients
      // stay queued for a retry like after any lost connection. The next submit starts a new thread.
      if (thread?.worker === worker) thread = null;
      for (const job of waiting.values()) {
        job.done({ replies: job.envelope.to.map((rcpt) => ({ rcpt, code: null, reply: 'delivery thread stopped' })), remoteMta: '', remoteIp: '' });
      }
      waiting.clear();
      markClosed();
    });
    return { worker, waiting, closed };
  }

  const post = (t: Thread, msg: ToThread, transfer: ArrayBuffer[] = []) => t.worker.postMessage(msg, transfer);
  let sendJobs: ((job: ThreadJob) => void) | null = null;

  return {
    submit(hops: NextHop[], job: Job) {
      if (closing) return; // as the dispatcher itself: a job after close stays due in the queue
      if (!thread) {
        const t = start();
        thread = t;
        // A Buffer is often a view into a larger allocation, all of which a structured clone would copy: each job's
        // bytes get an ArrayBuffer of their own, which is moved to the thread.
        sendJobs = batchPerTurn((jobs) => post(t, { kind: 'submit', jobs }, jobs.map((j) => j.raw.buffer as ArrayBuffer)));
      }
      const id = nextId++;
      thread.waiting.set(id, job);
      sendJobs?.({ id, hops, envelope: job.envelope, raw: new Uint8Array(job.raw), ...(job.route ? { route: job.route } : {}) });
    },
    async close() {
      closing = true;
      const t = thread;
      if (!t) return;
      post(t, { kind: 'close' });
      await t.closed;
      t.waiting.clear(); // jobs the thread dropped unsent: they stay due in the queue
      thread = null;
      await t.worker.terminate();
    },
  };
}
