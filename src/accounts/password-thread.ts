// The body of one password-pool thread (password-pool.ts starts it): one scrypt check at a time, blocking this
// thread only. Messages in: a check; out: its result.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { hashPasswordSync, needsRehash, verifyPasswordSync } from './password.js';
import type { CheckRequest, CheckResult } from './password-pool.js';

/** Lowest but one: below everything the relay's main thread does, above truly idle work. */
const CHECK_THREAD_NICE = 15;

const port = parentPort;
if (!port) throw new Error('password-thread.ts runs as a worker thread only');

// Linux gives each thread its own nice value: this one yields the CPU to the main thread (SMTP sessions, the queue's
// commits) when both want it, so a flood of checks slows logins rather than every acknowledgement. Elsewhere (no
// /proc/thread-self) the thread keeps the process's priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), CHECK_THREAD_NICE);
} catch {
  // not Linux, or not allowed: the pool's cap still bounds the work
}

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
