// `mailwarden queue list|show|retry|delete`: look into and manage the queue. Works while the relay runs (WAL lets
// readers in; a retry is picked up by the relay's next poll).
import type { Command } from 'commander';
import type { QueueState } from '../../shared/types.js';
import { auditCli, jsonLines, jsonObject, withQueue } from '../database.js';
import { CliError } from '../errors.js';
import { formatDetail, formatList } from './queue-format.js';

const STATES: readonly QueueState[] = ['queued', 'deferred', 'delivered', 'bounced', 'expired', 'quarantined', 'deleted'];

export function registerQueueCommand(program: Command): void {
  const queue = program.command('queue').description('list, inspect, retry and delete queued messages');
  queue
    .command('list')
    .description('newest messages first')
    .option('--state <state>', `only messages in this state (${STATES.join(', ')})`)
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { state?: string; limit: string; json?: boolean }, cmd: Command) => {
      if (opts.state && !STATES.includes(opts.state as QueueState)) throw new CliError(`--state: must be one of ${STATES.join(', ')}`);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new CliError('--limit: must be a positive integer');
      const rows = await withQueue(cmd, (s) => s.list({ limit, ...(opts.state ? { state: opts.state as QueueState } : {}) }));
      process.stdout.write(opts.json ? jsonLines(rows) : formatList(rows));
    });
  queue
    .command('show <id>')
    .description("a message's recipients, replies and timeline")
    .option('--json', 'one JSON object')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const detail = await withQueue(cmd, (s) => s.show(id));
      if (!detail) throw new CliError(`no message ${id} in the queue`);
      process.stdout.write(opts.json ? jsonObject(detail) : formatDetail(detail));
    });
  queue
    .command('retry <id>')
    .description("make the message's pending recipients due now")
    .action(async (id: string, _opts, cmd: Command) => {
      const n = await withQueue(cmd, (s, db) => {
        if (!s.show(id)) return -1;
        const due = s.retry(id, Date.now());
        auditCli(db, true, 'message.retry', id);
        return due;
      });
      if (n < 0) throw new CliError(`no message ${id} in the queue`);
      process.stdout.write(n > 0 ? `${id}: ${n} recipient(s) due now\n` : `${id}: nothing pending to retry\n`);
    });
  queue
    .command('delete <id>')
    .description('drop the message without delivering or bouncing it (its timeline is kept)')
    .action(async (id: string, _opts, cmd: Command) => {
      const ok = await withQueue(cmd, (s, db) => auditCli(db, s.remove(id, Date.now()), 'message.delete', id));
      if (!ok) throw new CliError(`no message ${id} in the queue`);
      process.stdout.write(`${id}: deleted\n`);
    });
}
