// `mailwarden quarantine list|show|release|delete`: messages the policy held for review.
import type { Command } from 'commander';
import { deleteQuarantined, listQuarantine, QuarantineError, releaseQuarantined, showQuarantined } from '../../decide/quarantine.js';
import { table, withDatabase } from '../database.js';
import { CliError } from '../errors.js';

const iso = (ms: number) => new Date(ms).toISOString();

function operatorErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof QuarantineError) throw new CliError(err.message);
    throw err;
  }
}

export function registerQuarantineCommand(program: Command): void {
  const q = program.command('quarantine').description('messages held for review by the policy');
  q.command('list')
    .description('list held messages, oldest first')
    .option('--json', 'one JSON object per line')
    .option('--limit <n>', 'at most this many', '100')
    .action((opts: { json?: boolean; limit: string }, cmd: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new CliError(`--limit: expected a positive integer, got "${opts.limit}"`);
      const held = withDatabase(cmd, (db) => listQuarantine(db, limit));
      if (opts.json) return void process.stdout.write(held.map((m) => JSON.stringify(m) + '\n').join(''));
      if (held.length === 0) return void process.stdout.write('no messages in quarantine\n');
      const rows = held.map((m) => {
        const sender = m.sub ? `${m.account}/${m.sub}` : m.account;
        return [m.id, iso(m.receivedAt), sender, String(m.recipients), m.evidence.join(',') || m.code, m.subject.slice(0, 60)];
      });
      process.stdout.write(table([['ID', 'RECEIVED', 'SENDER', 'RCPTS', 'WHY', 'SUBJECT'], ...rows]));
    });
  q.command('show <id>')
    .description('headers, recipients, evidence and timeline of a held message')
    .option('--json', 'as JSON')
    .action((id: string, opts: { json?: boolean }, cmd: Command) => {
      const m = withDatabase(cmd, (db) => operatorErrors(() => showQuarantined(db, id)));
      if (opts.json) return void process.stdout.write(JSON.stringify(m, null, 2) + '\n');
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
    .action((ids: string[], _opts, cmd: Command) => {
      withDatabase(cmd, (db) => operatorErrors(() => ids.forEach((id) => releaseQuarantined(db, id, Date.now()))));
      process.stdout.write(`released ${ids.length} message(s)\n`);
    });
  q.command('delete <id...>')
    .description('drop held messages (their timeline is kept)')
    .action((ids: string[], _opts, cmd: Command) => {
      withDatabase(cmd, (db) => operatorErrors(() => ids.forEach((id) => deleteQuarantined(db, id, Date.now()))));
      process.stdout.write(`deleted ${ids.length} message(s)\n`);
    });
}
