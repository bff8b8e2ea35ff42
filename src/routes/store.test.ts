// The route table's one listener hears every transition once: its own writes at once, another handle's (the CLI's)
// at its next read; a spent state is removed only while it is still the one that ran out.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../store/sqlite.js';
import { createRouteStore } from './store.js';
import type { RouteState, RouteTransition } from './types.js';

const file = () => join(mkdtempSync(join(tmpdir(), 'mw-routes-')), 'routes.sqlite');
const pause = (over: Partial<RouteState> = {}): RouteState => ({
  source: '192.0.2.7', provider: 'yahoo', status: 'paused', since: 1000, until: 61_000, rate: 0, ceiling: 0, why: 'CON:B1', reply: '521', by: 'reaction', ...over,
});
const said = (t: RouteTransition) => `${t.before?.status ?? 'ok'} -> ${t.after?.status ?? 'ok'} (${t.cause})`;

it('hears its own writes once, another handle\'s at the next read, and ends a spent state unless it was replaced', () => {
  const path = file();
  const heard: string[] = [];
  const relayDb = openDatabase(path);
  const cliDb = openDatabase(path);
  const relay = createRouteStore(relayDb, { onTransition: (t) => heard.push(said(t)) });
  const cli = createRouteStore(cliDb);
  relay.all(); // what the relay saw first is no change

  relay.put(pause());
  relay.put(pause()); // the same state again: nothing happened
  expect(heard).toEqual(['ok -> paused (reaction)']);
  relay.all();
  expect(heard).toHaveLength(1); // its own write is not heard twice

  cli.put(pause({ by: 'operator', until: 0, why: 'maintenance' })); // replaces the reaction's pause
  cli.put(pause({ provider: 'google', status: 'slowed', until: 0, rate: 5, ceiling: 60 }));
  expect(heard).toHaveLength(1);
  relay.all();
  cli.clear('192.0.2.7', 'google');
  relay.all();
  expect(heard.slice(1)).toEqual(['ok -> slowed (reaction)', 'paused -> paused (operator)', 'slowed -> ok (operator)']); // table order

  // A spent state that another handle replaced meanwhile stays.
  const old = relay.all()[0]!;
  cli.put({ ...old, until: 0, since: 5000 });
  expect(relay.end(old, 'timer')).toBe(false);
  expect(cli.all()).toHaveLength(1);
  expect(relay.end(relay.all()[0]!, 'timer')).toBe(true);
  expect(cli.all()).toEqual([]);
  expect(heard.slice(-2)).toEqual(['paused -> paused (operator)', 'paused -> ok (timer)']);
  relayDb.close();
  cliDb.close();
});
