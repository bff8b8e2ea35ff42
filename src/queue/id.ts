import { randomBytes } from 'node:crypto';

/** A queue id: time-sortable (base-36 milliseconds) plus 40 random bits, so ids never collide across nodes. */
export function newQueueId(now = Date.now()): string {
  return now.toString(36).toUpperCase().padStart(9, '0') + randomBytes(5).toString('hex').toUpperCase();
}
