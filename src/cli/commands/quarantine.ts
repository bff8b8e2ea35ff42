// `mailwarden quarantine list|show|release|delete`: messages the policy held for review, through the queue store.
import type { Command } from 'commander';
import { createSampleQueries } from '../../queue/sqlite-samples.js';
import type { QueueStore } from '../../queue/store.js';
import type { ChangeResult } from '../../queue/types.js';
import { auditCli, cliOperator, jsonLines, jsonObject, table, withQueue } from '../database.js';
import { CliError } from '../errors.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** The operator's reason when a change did not happen. */
function mustChange(store: QueueStore, id: string, result: ChangeResult): void {
  if (result === 'not-found') throw new CliError(`no message ${id}`);
  if (result === 'not-held') throw new CliError(`message ${id} is not in quarantine (state: ${store.show(id)?.state ?? 'gone'})`);
}

export function registerQuarantineCommand(program: Command): void {
  const q = program.command('quarantine').description('messages held for review by the policy');
  q.command('list')
    .description('list held messages, oldest first')
    .option('--json', 'one JSON object per line')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (opts: { json?: boolean; limit: string }, cmd: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new CliError(`--limit: expected a positive integer, got "${opts.limit}"`);
      const held = await withQueue(cmd, (store) => store.listHeld(limit));
      if (opts.json) return void process.stdout.write(jsonLines(held));
      if (held.length === 0) return void process.stdout.write('no messages in quarantine\n');
      const rows = held.map((m) => {
        const sender = m.sub ? `${m.account}/${m.sub}` : m.account;
        return [m.id, iso(m.receivedAt), sender, String(m.recipients), m.evidence.join(',') || m.code, m.subject.slice(0, 60)];
      });
      process.stdout.write(table([['ID', 'RECEIVED', 'SENDER', 'RCPTS', 'WHY', 'SUBJECT'], ...rows]));
    });
  q.command('show <id>')
    .description('headers, recipients, evidence and timeline of a held message')
    .option('--json', 'one JSON object')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const m = await withQueue(cmd, (store) => {
        const held = store.showHeld(id);
        if (!held) mustChange(store, id, store.show(id) ? 'not-held' : 'not-found');
        return held!;
      });
      if (opts.json) return void process.stdout.write(jsonObject(m));
      const lines = [
        `id:         ${m.id}`,
        `received:   ${iso(m.receivedAt)}`,
        `sender:     ${m.sub ? `${m.account}/${m.sub}` : m.account} <${m.mailFrom}>`,
        `recipients: ${m.recipientList.join(', ')}`,
        `held by:    ${m.code} ${m.evidence.join(', ')}`,
        '',
        m.headers,
        '',
        'timeline:',
        ...m.timeline.map((e) => `  ${iso(e.at)} ${e.type}${e.recipient ? ` ${e.recipient}` : ''} ${JSON.stringify(e.data)}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });
  q.command('release <id...>')
    .description('hand held messages to delivery now')
    .action(async (ids: string[], _opts, cmd: Command) => {
      await withQueue(cmd, (store, db) => ids.forEach((id) => {
        mustChange(store, id, store.release(id, Date.now(), cliOperator()));
        auditCli(db, true, 'quarantine.release', id);
      }));
      process.stdout.write(`released ${ids.length} message(s)\n`);
    });
  q.command('delete <id...>')
    .description('drop held messages (their timeline is kept)')
    .option('--spam', 'confirm them as spam: the local content model learns them (content.learning)')
    .action(async (ids: string[], opts: { spam?: boolean }, cmd: Command) => {
      await withQueue(cmd, (store, db) => {
        const samples = opts.spam ? createSampleQueries(db) : null;
        for (const id of ids) {
          if (!store.showHeld(id)) mustChange(store, id, store.show(id) ? 'not-held' : 'not-found');
          // Kept before the body goes: the operator's word is the only spam label the local model takes.
          samples?.keepSpam(id, cliOperator(), Date.now());
          mustChange(store, id, store.removeHeld(id, Date.now(), cliOperator()));
          auditCli(db, true, opts.spam ? 'quarantine.delete-spam' : 'quarantine.delete', id);
        }
      });
      process.stdout.write(`deleted ${ids.length} message(s)${opts.spam ? ', kept as confirmed spam for the local model' : ''}\n`);
    });
}
