// `mailwarden audit`: the audit log, newest first: who changed what and when, whether through the admin API, the
// console, the end-user page or this command line (recorded as `cli:<user>`).
import type { Command } from 'commander';
import { createAuditLog } from '../../operate/audit.js';
import { jsonLines, table, withDatabase } from '../database.js';
import { CliError } from '../errors.js';

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('who changed what and when (API, console, end-user page and command line), newest first')
    .option('--limit <n>', 'at most this many entries', '50')
    .option('--action <name>', 'only this action, e.g. sender.suspend or route.pause')
    .option('--json', 'one JSON object per line')
    .action((opts: { limit: string; action?: string; json?: boolean }, cmd: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new CliError(`--limit: expected a positive integer, got "${opts.limit}"`);
      const entries = withDatabase(cmd, (db) => createAuditLog(db).list({ limit, ...(opts.action ? { action: opts.action } : {}) }));
      if (opts.json) return void process.stdout.write(jsonLines(entries));
      if (entries.length === 0) return void process.stdout.write('no changes recorded\n');
      const detail = (d: Record<string, unknown>) => (Object.keys(d).length ? JSON.stringify(d) : '');
      process.stdout.write(table([['WHEN', 'WHO', 'ACTION', 'TARGET', 'DETAIL'], ...entries.map((e) => [new Date(e.at).toISOString(), e.who, e.action, e.target, detail(e.detail)])]));
    });
}
