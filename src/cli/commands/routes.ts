// `mailwarden routes`: the matrix of source IP x provider with its state (ok, slowed, paused until ...), why, and the
// reply that caused it; `routes pause` and `routes resume` for an operator (the relay reads them within a second);
// `routes changes`: the route changes no reply caused, as the running relay wrote them into its event stream.
import type { Command } from 'commander';
import { routeProvider, routeSource } from '../../operate/api-routes-routing.js';
import { routeViews } from '../../operate/data/routes.js';
import { createRouteStore } from '../../routes/store.js';
import { DEFAULT_SOURCE } from '../../routes/types.js';
import { ROUTE_EVENT_TYPES } from '../../queue/events.js';
import { eventsWithoutMessage } from '../../queue/sqlite-search.js';
import { cliRouteActions, cliOperator, jsonLines, table, withDatabase, withQueue } from '../database.js';
import { CliError } from '../errors.js';

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
      if (!routeSource.safeParse(source).success) throw new CliError(`source "${source}": expected an IP address or '${DEFAULT_SOURCE}'`);
      if (!routeProvider.safeParse(provider).success) throw new CliError(`provider "${provider}": expected a provider name, a domain or '*'`);
      withDatabase(cmd, (db) => cliRouteActions(db).pauseRoute(cliOperator(), source, provider, minutes, opts.reason));
      process.stdout.write(`paused ${source} toward ${provider}${minutes ? ` for ${minutes} minutes` : ' until resumed'}\n`);
    });
  routes
    .command('changes')
    .description('the latest route changes no reply caused (an operator, a pause run out, a recovery, a blocklist listing), newest first')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'one JSON object per line')
    .action(async (_opts, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ limit: string; json?: boolean }>(); // `routes --json` is the parent's option too
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit: expected a whole number >= 1, got "${opts.limit}"`);
      const events = await withQueue(cmd, (_store, db) => eventsWithoutMessage(db, ROUTE_EVENT_TYPES, limit));
      if (opts.json) return void process.stdout.write(jsonLines(events.map((e) => ({ at: new Date(e.at).toISOString(), event: e.type, ...e.data }))));
      if (events.length === 0) return void process.stdout.write('no route changes recorded\n');
      process.stdout.write(table([
        ['AT', 'EVENT', 'SOURCE', 'PROVIDER', 'BY', 'WHY'],
        ...events.map((e) => [new Date(e.at).toISOString(), e.type, e.data.source, e.data.provider, e.data.by, e.data.why.length > 70 ? `${e.data.why.slice(0, 69)}…` : e.data.why]),
      ]));
    });
  routes
    .command('resume <source> [provider]')
    .description('lift the pause or slowdown of a source IP toward a provider (or toward all)')
    .action((source: string, provider: string | undefined, _opts, cmd: Command) => {
      const n = withDatabase(cmd, (db) => cliRouteActions(db).resumeRoute(cliOperator(), source, provider));
      if (n === 0) throw new CliError(`${source}${provider ? ` toward ${provider}` : ''} is neither paused nor slowed`);
      process.stdout.write(`resumed ${source}${provider ? ` toward ${provider}` : ''} (${n} route${n === 1 ? '' : 's'})\n`);
    });
}
