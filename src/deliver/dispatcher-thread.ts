// The body of the delivery thread (threaded-dispatcher.ts starts it): the same dispatcher, its SMTP sessions over
// Nodemailer living here instead of on the main thread. Messages in: submit / close; out: done / closed.
import { parentPort, workerData } from 'node:worker_threads';
import { createDispatcher, type DispatcherOptions, type JobResult } from './dispatcher.js';
import { batchPerTurn } from '../shared/batch-per-turn.js';
import type { FromThread, ToThread } from './threaded-dispatcher.js';

const port = parentPort;
if (!port) throw new Error('dispatcher-thread.ts runs as a worker thread only');
const dispatcher = createDispatcher(workerData as DispatcherOptions);
const reply = (msg: FromThread) => port.postMessage(msg);
const sendDone = batchPerTurn<{ id: number; result: JobResult }>((results) => reply({ kind: 'done', results }));

port.on('message', (msg: ToThread) => {
  switch (msg.kind) {
    case 'submit':
      for (const job of msg.jobs) {
        // A moved Uint8Array arrives without Buffer's methods: view the same bytes as a Buffer again.
        const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength);
        dispatcher.submit(job.hops, { envelope: job.envelope, raw, route: job.route, done: (result) => sendDone({ id: job.id, result }) });
      }
      break;
    case 'close':
      // 'closed' is queued behind the batch of the last results, so the main thread has them all when it reads it.
      void dispatcher.close().then(() => setImmediate(() => reply({ kind: 'closed' })));
      break;
  }
});
