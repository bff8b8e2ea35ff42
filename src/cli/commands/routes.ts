// `mailwarden routes`: the matrix of source IP x provider with its state (ok, slowed, paused until ...), why, and the
// reply that caused it; `routes pause` and `routes resume` for an operator. The relay reads changes within a second.
import type { Command } from 'commander';
import type { Config } from '../../config/schema.js';
import { currentRate } from '../../routes/react.js';
import { createRouteStore } from '../../routes/store.js';
import { DEFAULT_SOURCE, EVERY_PROVIDER, type RouteState } from '../../routes/types.js';
import { jsonLines, table, withDatabase } from '../database.js';
import { CliError } from '../errors.js';

export interface RouteView {
  source: string;
  provider: string;
  state: 'ok' | 'slowed' | 'paused';
  /** Paused: ISO time the pause ends, or 'until resumed'. Slowed: messages per minute now. */
  detail: string;
  by: string;
  why: string;
  reply: string;
}

function view(s: RouteState, config: Config, now: number): RouteView {
  const base = { source: s.source, provider: s.provider, by: s.by, why: s.why, reply: s.reply };
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
        views.push({ source: m.address, provider: EVERY_PROVIDER, state: 'ok', detail: `ehlo ${m.ehlo}${m.ptr ? `, ptr ${m.ptr}` : ''}, weight ${m.weight}`, by: '', why: '', reply: '' });
      }
    }
  }
  return views;
}

export function registerRoutesCommand(program: Command): void {
  const routes = program
    .command('routes')
    .description('source IP x provider: ok, slowed or paused, why, and the reply that caused it')
    .option('--json', 'one JSON object per line')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const views = withDatabase(cmd, (db, config) => routeViews(createRouteStore(db).all(), config, Date.now()));
      if (opts.json) return void process.stdout.write(jsonLines(views));
      if (views.length === 0) return void process.stdout.write(`every route is ok (no pools configured: source ${DEFAULT_SOURCE})\n`);
      const cut = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s);
      process.stdout.write(table([
        ['SOURCE', 'PROVIDER', 'STATE', 'DETAIL', 'BY', 'WHY', 'REPLY'],
        ...views.map((v) => [v.source, v.provider, v.state, v.detail, v.by, cut(v.why), cut(v.reply)]),
      ]));
    });
  routes
    .command('pause <source> <provider>')
    .description("stop sending from a source IP to a provider ('*' = every destination)")
    .option('--minutes <n>', 'length of the pause; 0 = until resumed', '0')
    .option('--reason <text>', 'why (shown in `routes`)', 'paused by an operator')
    .action((source: string, provider: string, opts: { minutes: string; reason: string }, cmd: Command) => {
      const minutes = Number(opts.minutes);
      if (!Number.isInteger(minutes) || minutes < 0) throw new CliError(`--minutes: expected a whole number >= 0, got "${opts.minutes}"`);
      const now = Date.now();
      withDatabase(cmd, (db) => createRouteStore(db).put({
        source, provider, status: 'paused', since: now, until: minutes === 0 ? 0 : now + minutes * 60_000, rate: 0, ceiling: 0,
        why: opts.reason, reply: '', by: 'operator',
      }));
      process.stdout.write(`paused ${source} toward ${provider}${minutes ? ` for ${minutes} minutes` : ' until resumed'}\n`);
    });
  routes
    .command('resume <source> [provider]')
    .description('lift the pause or slowdown of a source IP toward a provider (or toward all)')
    .action((source: string, provider: string | undefined, _opts, cmd: Command) => {
      const n = withDatabase(cmd, (db) => createRouteStore(db).clear(source, provider));
      if (n === 0) throw new CliError(`${source}${provider ? ` toward ${provider}` : ''} is neither paused nor slowed`);
      process.stdout.write(`resumed ${source}${provider ? ` toward ${provider}` : ''} (${n} route${n === 1 ? '' : 's'})\n`);
    });
}
