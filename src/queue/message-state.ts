// A message's state follows from its recipients' states: it is pending while any recipient is.
import type { QueueState } from '../shared/types.js';

export function messageStateOf(recipientStates: Iterable<QueueState>): QueueState {
  const seen = new Set(recipientStates);
  if (seen.has('deferred')) return 'deferred';
  if (seen.has('queued')) return 'queued';
  if (seen.has('quarantined')) return 'quarantined';
  if (seen.has('bounced')) return 'bounced';
  if (seen.has('expired')) return 'expired';
  if (seen.has('delivered')) return 'delivered';
  return 'deleted';
}

/** States in which a recipient still waits for delivery. */
export const PENDING_STATES: readonly QueueState[] = ['queued', 'deferred'];

export function isFinal(state: QueueState): boolean {
  return state === 'delivered' || state === 'bounced' || state === 'expired' || state === 'deleted';
}
