// The body of the inspection thread (threaded-inspector.ts starts it): the content scorer, with its model loaded
// here, answering for each message its verdict and behaviour facts. Messages in: jobs; out: results.
import { parentPort, workerData } from 'node:worker_threads';
import { batchPerTurn } from '../shared/batch-per-turn.js';
import { createLinkHistory } from './content/new-link-domains.js';
import { createContentScorer } from './content/scorer.js';
import { inspectMessage } from './inspection.js';
import { openDatabase } from '../store/sqlite.js';
import { createKnownLinkDomains } from './known-link-domains.js';
import type { InspectResult, InspectThreadData, ToInspectThread } from './threaded-inspector.js';

const port = parentPort;
if (!port) throw new Error('inspect-thread.ts runs as a worker thread only');
// The relay's link-domain history lives with the scorer that asks it (see new-link-domains.ts); the domains it came to
// know are kept in the relay's database through this thread's own connection (WAL: beside the main thread's).
const { settings, databaseFile, localModelFile } = workerData as InspectThreadData;
const persisted = databaseFile ? createKnownLinkDomains(openDatabase(databaseFile)) : undefined;
const scorer = createContentScorer(settings, {
  linkHistory: createLinkHistory({ sendersToKnow: 2, maxDomains: 100_000, ...(persisted ? { persisted } : {}) }),
  ...(localModelFile ? { localModelFile } : {}),
});
const send = batchPerTurn<InspectResult>((results) => port.postMessage(results));

port.postMessage('ready');

port.on('message', (jobs: ToInspectThread) => {
  for (const job of jobs) {
    // A moved Uint8Array arrives without Buffer's methods: view the same bytes as a Buffer again.
    const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength);
    inspectMessage(scorer, raw, job.ctx).then(
      (inspection) => send({ id: job.id, inspection }),
      (err: Error) => send({ id: job.id, error: err.message }),
    );
  }
});
