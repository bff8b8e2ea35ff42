// `mailwarden accounts add|list|show|suspend|reinstate|delete`: the logins (and trusted-network names) that may send.
// Passwords never come from argv by default (they would sit in shell history and `ps`): stdin, a file, or generated.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ACCOUNT_NAME as NAME, DOMAIN_NAME as DOMAIN, MIN_PASSWORD_LENGTH } from '../../accounts/names.js';
import { generatePassword, hashPassword } from '../../accounts/password.js';
import { publicView } from '../../accounts/public-view.js';
import { createSqliteAccountStore } from '../../accounts/sqlite-accounts.js';
import { AccountExistsError, type Account, type AccountStore } from '../../accounts/types.js';
import type { Db } from '../../store/sqlite.js';
import { auditCli, jsonLines, jsonObject, openCliDatabase } from '../database.js';
import { CliError } from '../errors.js';

async function withStore<T>(cmd: Command, work: (store: AccountStore, db: Db) => Promise<T>): Promise<T> {
  const { db } = openCliDatabase(cmd);
  try {
    return await work(createSqliteAccountStore(db), db);
  } finally {
    db.close();
  }
}

function parseDomains(list: string | undefined): string[] {
  if (!list) return [];
  const domains = list.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean);
  const bad = domains.find((d) => !DOMAIN.test(d));
  if (bad) throw new CliError(`--domains: "${bad}" is not a domain name`);
  return domains;
}

function readPassword(opts: { passwordStdin?: boolean; passwordFile?: string }): string | null {
  if (opts.passwordStdin && opts.passwordFile) throw new CliError('use either --password-stdin or --password-file, not both');
  let text: string;
  if (opts.passwordStdin) text = readFileSync(0, 'utf8');
  else if (opts.passwordFile) {
    try {
      text = readFileSync(opts.passwordFile, 'utf8');
    } catch (err) {
      throw new CliError(`--password-file: cannot read ${opts.passwordFile}: ${(err as Error).message}`);
    }
  } else return null;
  const password = text.replace(/\r?\n$/, '');
  if (password.length < MIN_PASSWORD_LENGTH) throw new CliError(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  return password;
}

function describe(a: Account): string {
  const v = publicView(a);
  return [
    `name:            ${v.name}`,
    `login:           ${v.login ? 'yes' : 'no (trusted network name only)'}`,
    `allowed domains: ${v.allowedDomains.join(', ') || '(any)'}`,
    `enforce domains: ${v.enforceDomains ? 'yes' : 'no'}`,
    `suspended:       ${v.suspended ? `yes: ${v.suspendReason}` : 'no'}`,
    `created:         ${v.created}`,
  ].join('\n');
}

async function mustGet(store: AccountStore, name: string): Promise<Account> {
  const account = await store.get(name);
  if (!account) throw new CliError(`no account "${name}"`);
  return account;
}

export function registerAccountsCommand(program: Command): void {
  const accounts = program.command('accounts').description('manage the accounts that may send mail');

  accounts
    .command('add <name>')
    .description('add an account; without a password option one is generated and printed once')
    .option('--password-stdin', 'read the password from standard input')
    .option('--password-file <file>', 'read the password from a file')
    .option('--no-login', 'no password: the account only names a trusted network (for its domain policy)')
    .option('--domains <list>', 'comma-separated sender domains this account may use')
    .option('--enforce-domains', 'refuse MAIL FROM / From: outside the allowed domains')
    .action(async (name: string, opts: { passwordStdin?: boolean; passwordFile?: string; login: boolean; domains?: string; enforceDomains?: boolean }, cmd: Command) => {
      if (!NAME.test(name)) throw new CliError(`account name "${name}": use 1-128 letters, digits and . _ @ + -`);
      const allowedDomains = parseDomains(opts.domains);
      if (opts.enforceDomains && allowedDomains.length === 0) throw new CliError('--enforce-domains needs --domains');
      const given = readPassword(opts);
      if (!opts.login && given) throw new CliError('--no-login takes no password');
      const password = opts.login ? (given ?? generatePassword()) : null;
      await withStore(cmd, async (store, db) => {
        try {
          await store.add({ name, passwordHash: password ? await hashPassword(password) : '', allowedDomains, enforceDomains: Boolean(opts.enforceDomains), createdAt: Date.now() });
        } catch (err) {
          if (err instanceof AccountExistsError) throw new CliError(err.message);
          throw err;
        }
        auditCli(db, true, 'account.add', name, { login: opts.login, domains: allowedDomains, enforceDomains: Boolean(opts.enforceDomains) });
      });
      process.stdout.write(`account ${name} added\n`);
      if (password && !given) process.stdout.write(`password: ${password}\n(shown once; it is stored only as a hash)\n`);
    });

  accounts
    .command('list')
    .description('list accounts')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const all = await withStore(cmd, (store) => store.list());
      if (opts.json) return void process.stdout.write(jsonLines(all.map(publicView)));
      for (const a of all) {
        const flags = [a.suspended ? 'SUSPENDED' : 'active', a.enforceDomains ? `domains: ${a.allowedDomains.join(',')}` : ''].filter(Boolean).join('  ');
        process.stdout.write(`${a.name}\t${flags}\n`);
      }
    });

  accounts
    .command('show <name>')
    .description('show one account')
    .option('--json', 'one JSON object')
    .action(async (name: string, opts: { json?: boolean }, cmd: Command) => {
      const account = await withStore(cmd, (store) => mustGet(store, name));
      process.stdout.write(opts.json ? jsonObject(publicView(account)) : describe(account) + '\n');
    });

  accounts
    .command('suspend <name>')
    .description('suspend an account: its logins fail and no mail of it is accepted')
    .requiredOption('--reason <text>', 'reason, shown to the account owner in SMTP replies')
    .action(async (name: string, opts: { reason: string }, cmd: Command) => {
      const reason = opts.reason.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
      if (!reason) throw new CliError('--reason must not be empty');
      const ok = await withStore(cmd, async (store, db) => auditCli(db, await store.setSuspended(name, true, reason), 'account.suspend', name, { reason }));
      if (!ok) throw new CliError(`no account "${name}"`);
      process.stdout.write(`account ${name} suspended\n`);
    });

  accounts
    .command('reinstate <name>')
    .description('lift a suspension')
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      const ok = await withStore(cmd, async (store, db) => auditCli(db, await store.setSuspended(name, false, ''), 'account.reinstate', name));
      if (!ok) throw new CliError(`no account "${name}"`);
      process.stdout.write(`account ${name} reinstated\n`);
    });

  accounts
    .command('delete <name>')
    .description('delete an account (its queued mail stays in the queue)')
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      const ok = await withStore(cmd, async (store, db) => auditCli(db, await store.delete(name), 'account.delete', name));
      if (!ok) throw new CliError(`no account "${name}"`);
      process.stdout.write(`account ${name} deleted\n`);
    });
}
