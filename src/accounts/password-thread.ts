// The body of one password-pool thread (password-pool.ts starts it): one scrypt check at a time, blocking this
// thread only. Messages in: a check; out: its result.
import { parentPort } from 'node:worker_threads';
import { hashPasswordSync, needsRehash, verifyPasswordSync } from './password.js';
import type { CheckRequest, CheckResult } from './password-pool.js';

const port = parentPort;
if (!port) throw new Error('password-thread.ts runs as a worker thread only');

port.on('message', (req: CheckRequest) => {
  let result: CheckResult;
  try {
    const ok = verifyPasswordSync(req.password, req.stored);
    // A login proves the password: the moment to move an old hash to today's cost.
    const rehash = ok && req.stored !== null && needsRehash(req.stored) ? hashPasswordSync(req.password) : null;
    result = { id: req.id, ok, rehash };
  } catch (err) {
    result = { id: req.id, error: (err as Error).message };
  }
  port.postMessage(result);
});
port.postMessage('ready');
