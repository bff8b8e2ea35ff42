// The relay's worker threads as a test sees them: Node publishes every Worker it creates on the documented
// `worker_threads` diagnostics channel, so a scenario test can reach the delivery and inspection threads (to kill
// them) without any hook in the relay's own code.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Worker } from 'node:worker_threads';

export interface WorkerWatch {
  /** Every Worker started since `watchWorkers()`, oldest first. */
  started: Worker[];
  stop(): void;
}

export function watchWorkers(): WorkerWatch {
  const started: Worker[] = [];
  const listener = (message: unknown) => started.push((message as { worker: Worker }).worker);
  subscribe('worker_threads', listener);
  return { started, stop: () => unsubscribe('worker_threads', listener) };
}
