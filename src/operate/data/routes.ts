// The route matrix as an operator reads it (API, console, `mailwarden routes`): every stored route state with what
// it means now (a pause that ended and a slowdown that recovered read as ok), and an 'ok' line for each pool address
// that has no record.
import type { Config } from '../../config/schema.js';
import { currentRate } from '../../routes/react.js';
import { EVERY_PROVIDER, type RouteState } from '../../routes/types.js';

export interface RouteView {
  source: string;
  provider: string;
  state: 'ok' | 'slowed' | 'paused';
  /** Paused: ISO time the pause ends, or 'until resumed'. Slowed: messages per minute now. */
  detail: string;
  by: string;
  since: number | null;
  why: string;
  /** The remote reply that caused it ('' for an operator's or a blocklist's decision). */
  reply: string;
}

function view(s: RouteState, config: Config, now: number): RouteView {
  const base = { source: s.source, provider: s.provider, by: s.by, since: s.since, why: s.why, reply: s.reply };
  if (s.status === 'paused') {
    if (s.until !== 0 && s.until <= now) return { ...base, state: 'ok', detail: `pause ended ${new Date(s.until).toISOString()}` };
    return { ...base, state: 'paused', detail: s.until === 0 ? 'until resumed' : `until ${new Date(s.until).toISOString()}` };
  }
  const rate = currentRate(s, now, config.delivery.reactions);
  if (rate === undefined) return { ...base, state: 'ok', detail: 'recovered' };
  return { ...base, state: 'slowed', detail: `${Math.round(rate * 10) / 10}/min of ${Math.round(s.ceiling)}` };
}

/** Every stored route, and an 'ok' line for each pool address that has none. */
export function routeViews(states: RouteState[], config: Config, now: number): RouteView[] {
  const views = states.map((s) => view(s, config, now));
  for (const members of Object.values(config.delivery.pools)) {
    for (const m of members) {
      if (!views.some((v) => v.source === m.address)) {
        views.push({ source: m.address, provider: EVERY_PROVIDER, state: 'ok', detail: `ehlo ${m.ehlo}${m.ptr ? `, ptr ${m.ptr}` : ''}, weight ${m.weight}`, by: '', since: null, why: '', reply: '' });
      }
    }
  }
  return views;
}
