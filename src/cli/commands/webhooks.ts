// `mailwarden webhooks add|list|remove|deliveries`: signed HTTP callbacks for queue and sender events. The relay
// reads registrations made here within seconds, without a restart.
import type { Command } from 'commander';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../operate/webhooks/events.js';
import { createWebhookStore } from '../../operate/webhooks/store.js';
import { auditCli, jsonLines, table, withDatabase } from '../database.js';
import { CliError } from '../errors.js';

const iso = (ms: number) => new Date(ms).toISOString();

function parseEvents(list: string): WebhookEvent[] {
  const events = [...new Set(list.split(',').map((e) => e.trim()).filter(Boolean))];
  const bad = events.find((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
  if (bad || events.length === 0) throw new CliError(`--events: "${bad ?? list}" is not one of ${WEBHOOK_EVENTS.join(', ')}`);
  return events as WebhookEvent[];
}

export function registerWebhooksCommand(program: Command): void {
  const hooks = program.command('webhooks').description('signed HTTP callbacks for queue and sender events');
  hooks
    .command('add <url>')
    .description('register a URL; prints the signing secret once (on stdout alone)')
    .requiredOption('--events <list>', `comma-separated: ${WEBHOOK_EVENTS.join(', ')}`)
    .action((url: string, opts: { events: string }, cmd: Command) => {
      if (!/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url)) throw new CliError(`"${url}" is not an http(s) URL`);
      const events = parseEvents(opts.events);
      const hook = withDatabase(cmd, (db) => {
        const added = createWebhookStore(db).add(url, events, Date.now());
        auditCli(db, true, 'webhook.add', String(added.id), { url, events });
        return added;
      });
      process.stdout.write(`${hook.secret}\n`);
      process.stderr.write(`webhook ${hook.id} added for ${events.join(', ')}; the secret above signs its deliveries (X-Mailwarden-Signature)\n`);
    });
  hooks
    .command('list')
    .description('registered webhooks (never their secrets)')
    .option('--json', 'one JSON object per line')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const all = withDatabase(cmd, (db) => createWebhookStore(db).list()).map(({ secret: _s, ...h }) => h);
      if (opts.json) return void process.stdout.write(jsonLines(all));
      if (all.length === 0) return void process.stdout.write('no webhooks\n');
      process.stdout.write(table([['ID', 'URL', 'EVENTS', 'CREATED'], ...all.map((h) => [String(h.id), h.url, h.events.join(','), iso(h.createdAt)])]));
    });
  hooks
    .command('remove <id>')
    .description('remove a webhook and its deliveries')
    .action((id: string, _opts: unknown, cmd: Command) => {
      if (!withDatabase(cmd, (db) => auditCli(db, createWebhookStore(db).remove(Number(id)), 'webhook.remove', id))) throw new CliError(`no webhook ${id}`);
      process.stdout.write(`webhook ${id} removed\n`);
    });
  hooks
    .command('deliveries')
    .description('recent deliveries, newest first; failures show their last error')
    .option('--state <state>', 'pending|delivered|failed')
    .option('--json', 'one JSON object per line')
    .action((opts: { state?: string; json?: boolean }, cmd: Command) => {
      const state = opts.state === undefined ? undefined : (['pending', 'delivered', 'failed'] as const).find((s) => s === opts.state);
      if (opts.state !== undefined && !state) throw new CliError('--state must be pending, delivered or failed');
      const rows = withDatabase(cmd, (db) => createWebhookStore(db).deliveries({ ...(state ? { state } : {}), limit: 100 }));
      if (opts.json) return void process.stdout.write(jsonLines(rows));
      if (rows.length === 0) return void process.stdout.write('no deliveries\n');
      process.stdout.write(table([['ID', 'WEBHOOK', 'EVENT', 'STATE', 'ATTEMPTS', 'LAST ERROR'], ...rows.map((d) => [String(d.id), String(d.webhookId), d.event, d.state, String(d.attempts), d.lastError])]));
    });
}
