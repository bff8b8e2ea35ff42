// The body of the delivery thread (threaded-dispatcher.ts starts it): the same dispatcher, its SMTP sessions over
// Nodemailer living here instead of on the main thread. Messages in: submit / close; out: done / closed.
import { parentPort, workerData } from 'node:worker_threads';
import { createDispatcher, type DispatcherOptions } from './dispatcher.js';
import type { FromThread, ToThread } from './threaded-dispatcher.js';

const port = parentPort;
if (!port) throw new Error('dispatcher-thread.ts runs as a worker thread only');
const dispatcher = createDispatcher(workerData as DispatcherOptions);
const reply = (msg: FromThread) => port.postMessage(msg);

port.on('message', (msg: ToThread) => {
  switch (msg.kind) {
    case 'submit': {
      // A Buffer arrives as a plain Uint8Array (structured clone): view the same bytes as a Buffer again.
      const raw = Buffer.from(msg.raw.buffer, msg.raw.byteOffset, msg.raw.byteLength);
      dispatcher.submit(msg.hops, { envelope: msg.envelope, raw, done: (result) => reply({ kind: 'done', id: msg.id, result }) });
      break;
    }
    case 'close':
      void dispatcher.close().then(() => reply({ kind: 'closed' }));
      break;
  }
});
