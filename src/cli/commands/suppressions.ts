// `mailwarden suppressions list|add|remove|import|export`: the recipients the relay refuses at RCPT TO, per account or
// for every account ('*'). Import and export use one CSV line per entry: account,recipient,reason,expires (ISO or '').
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createSuppressionList, GLOBAL, SUPPRESSION_REASONS, type Suppression, type SuppressionReason } from '../../feedback/suppressions.js';
import { auditCli, cliOperator, cliRouteActions, jsonLines, table, withDatabase } from '../database.js';
import { CliError } from '../errors.js';

const iso = (ms: number) => (ms === 0 ? '' : new Date(ms).toISOString());

function reasonOf(text: string): SuppressionReason {
  if ((SUPPRESSION_REASONS as readonly string[]).includes(text)) return text as SuppressionReason;
  throw new CliError(`reason: expected one of ${SUPPRESSION_REASONS.join(', ')}, got "${text}"`);
}

function expiryOf(days: string, now: number): number {
  const n = Number(days);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--days: expected a whole number >= 0, got "${days}"`);
  return n === 0 ? 0 : now + n * 86_400_000;
}

function checkRecipient(rcpt: string): string {
  if (!/^[^@\s,]+@[^@\s,]+$/.test(rcpt)) throw new CliError(`not an address: "${rcpt}"`);
  return rcpt;
}

export function registerSuppressionsCommand(program: Command): void {
  const cmd = program.command('suppressions').description('recipients refused at RCPT TO after bounces, complaints, unsubscribes or by hand');
  cmd
    .command('list')
    .description('every suppression (expired ones too, marked), or one account\'s')
    .option('--account <name>', `only this account ('${GLOBAL}' for the global list)`)
    .option('--json', 'one JSON object per line')
    .action((opts: { account?: string; json?: boolean }, c: Command) => {
      const now = Date.now();
      const list = withDatabase(c, (db) => createSuppressionList(db).list(opts.account ? { account: opts.account } : {}));
      if (opts.json) return void process.stdout.write(jsonLines(list));
      if (list.length === 0) return void process.stdout.write('no suppressions\n');
      const rows = list.map((s) => [s.account, s.recipient, s.reason, s.source, iso(s.createdAt), s.expiresAt === 0 ? 'never' : s.expiresAt > now ? iso(s.expiresAt) : 'expired']);
      process.stdout.write(table([['ACCOUNT', 'RECIPIENT', 'REASON', 'SOURCE', 'SINCE', 'EXPIRES'], ...rows]));
    });
  cmd
    .command('add <recipient>')
    .description('refuse mail to a recipient')
    .option('--account <name>', `the account whose mail is refused ('${GLOBAL}': every account)`, GLOBAL)
    .option('--reason <reason>', SUPPRESSION_REASONS.join(' | '), 'manual')
    .option('--days <n>', 'days until it expires; 0 = until removed', '0')
    .action((rcpt: string, opts: { account: string; reason: string; days: string }, c: Command) => {
      const now = Date.now();
      const s = { account: opts.account, recipient: checkRecipient(rcpt), reason: reasonOf(opts.reason), expiresAt: expiryOf(opts.days, now) };
      withDatabase(c, (db) => cliRouteActions(db).addSuppression(cliOperator(), s));
      process.stdout.write(`suppressed ${rcpt} for ${opts.account === GLOBAL ? 'every account' : `account ${opts.account}`}\n`);
    });
  cmd
    .command('remove <recipient>')
    .description('allow mail to a recipient again')
    .option('--account <name>', `the account ('${GLOBAL}': the global entry)`, GLOBAL)
    .action((rcpt: string, opts: { account: string }, c: Command) => {
      if (!withDatabase(c, (db) => cliRouteActions(db).removeSuppression(cliOperator(), opts.account, rcpt))) throw new CliError(`${rcpt} is not suppressed for ${opts.account}`);
      process.stdout.write(`removed ${rcpt} (${opts.account})\n`);
    });
  cmd
    .command('export')
    .description('CSV: account,recipient,reason,expires')
    .action((_opts, c: Command) => {
      const list = withDatabase(c, (db) => createSuppressionList(db).list());
      process.stdout.write(list.map((s) => `${s.account},${s.recipient},${s.reason},${iso(s.expiresAt)}\n`).join(''));
    });
  cmd
    .command('import <file>')
    .description('CSV lines account,recipient[,reason[,expires]] (as export writes); a bad line stops the import before any change')
    .action((file: string, _opts, c: Command) => {
      const now = Date.now();
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new CliError(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      const entries = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((line, i): Suppression => {
        const [account = '', rcpt = '', reason = 'manual', expires = ''] = line.split(',').map((x) => x.trim());
        const at = `${file}:${i + 1}`;
        if (!account) throw new CliError(`${at}: no account`);
        try {
          const expiresAt = expires ? Date.parse(expires) : 0;
          if (Number.isNaN(expiresAt)) throw new CliError(`expires: not a date: "${expires}"`);
          return { account, recipient: checkRecipient(rcpt), reason: reasonOf(reason), source: 'import', createdAt: now, expiresAt };
        } catch (err) {
          throw new CliError(`${at}: ${(err as Error).message}`);
        }
      });
      withDatabase(c, (db) => {
        const list = createSuppressionList(db);
        db.transaction(() => entries.forEach((e) => list.add(e)))();
        auditCli(db, true, 'suppression.import', file, { entries: entries.length });
      });
      process.stdout.write(`imported ${entries.length} suppression(s)\n`);
    });
}
