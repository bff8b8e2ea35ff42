// Which events one route transition writes: a reply's own none (its message carries them), a listing that only
// changes zones no second pause, a delisting both its own event and the resume, a lifted slowdown a recovery.
import { expect, it } from 'vitest';
import type { RouteState } from '../routes/types.js';
import { routeEventsOf } from './route-events.js';

const state = (over: Partial<RouteState>): RouteState => ({
  source: '192.0.2.7', provider: '*', status: 'paused', since: 1, until: 0, rate: 0, ceiling: 0, why: '', reply: '', by: 'blocklist', ...over,
});
const types = (...args: Parameters<typeof routeEventsOf>) => routeEventsOf(...args).map((e) => `${e.type} ${e.data.by}`);

it('writes each transition as the events its readers expect', () => {
  const listed = state({ why: 'listed on zen.test (127.0.0.4)' });
  expect(types({ at: 2, after: state({ by: 'reaction', until: 9 }), cause: 'reaction' })).toEqual([]);
  expect(types({ at: 2, after: listed, cause: 'blocklist' })).toEqual(['route-listed blocklist', 'route-paused blocklist']);
  expect(types({ at: 2, before: state({ by: 'reaction', until: 9 }), after: listed, cause: 'blocklist' })).toEqual(['route-listed blocklist', 'route-paused blocklist']);
  expect(types({ at: 2, before: listed, after: state({ why: 'listed on zen.test (127.0.0.4), bl.test (127.0.0.2)' }), cause: 'blocklist' })).toEqual(['route-listed blocklist']);
  expect(types({ at: 2, before: listed, cause: 'delisting' })).toEqual(['route-delisted delisting', 'route-resumed delisting']);
  expect(types({ at: 2, before: listed, cause: 'operator' })).toEqual(['route-resumed operator']);
  expect(types({ at: 2, before: state({ status: 'slowed', by: 'reaction', rate: 5, ceiling: 60 }), cause: 'operator' })).toEqual(['route-recovered operator']);
  expect(routeEventsOf({ at: 2, after: state({ by: 'operator', until: 99, why: 'maintenance' }), cause: 'operator' })).toEqual([
    { messageId: '', at: 2, type: 'route-paused', data: { source: '192.0.2.7', provider: '*', until: 99, why: 'maintenance', reply: '', by: 'operator' } },
  ]);
});
