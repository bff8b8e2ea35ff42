// `mailwarden tokens create|list|revoke`: the bearer tokens of the admin API. There is no default password; until a
// token is created the API refuses every request. A new token is printed once and only its hash is kept.
import type { Command } from 'commander';
import { ROLES, TOKEN_NAME, TokenExistsError, createTokenStore, type Role, type TokenStore } from '../../operate/tokens.js';
import type { Db } from '../../store/sqlite.js';
import { auditCli, jsonLines, openCliDatabase } from '../database.js';
import { CliError } from '../errors.js';

function withTokens<T>(cmd: Command, work: (tokens: TokenStore, db: Db) => T): T {
  const { db } = openCliDatabase(cmd);
  try {
    return work(createTokenStore(db), db);
  } finally {
    db.close();
  }
}

export function registerTokensCommand(program: Command): void {
  const tokens = program.command('tokens').description('manage the bearer tokens of the admin API');
  tokens
    .command('create <name>')
    .description('create a token; it is printed once and stored only as a hash')
    .option('--role <role>', `${ROLES.join('|')}: a viewer may only read`, 'admin')
    .action((name: string, opts: { role: string }, cmd: Command) => {
      if (!TOKEN_NAME.test(name)) throw new CliError(`token name "${name}": use 1-64 letters, digits and . _ -`);
      const role = ROLES.find((r) => r === opts.role);
      if (!role) throw new CliError(`--role must be one of ${ROLES.join(', ')} (got "${opts.role}")`);
      const secret = withTokens(cmd, (store, db) => {
        try {
          const created = store.create(name, Date.now(), role satisfies Role);
          auditCli(db, true, 'token.create', name, { role }); // never the token
          return created;
        } catch (err) {
          if (err instanceof TokenExistsError) throw new CliError(err.message);
          throw err;
        }
      });
      // Only the token on stdout, so that `TOKEN=$(mailwarden tokens create ops)` works; the words go to stderr.
      process.stdout.write(`${secret}\n`);
      process.stderr.write(`token ${name} (${role}) created; shown once; send it as "Authorization: Bearer <token>"\n`);
    });
  tokens
    .command('list')
    .description('list token names (never the tokens)')
    .option('--json', 'one JSON object per line')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const all = withTokens(cmd, (store) => store.list()).map((t) => ({ name: t.name, role: t.role, created: new Date(t.createdAt).toISOString() }));
      if (opts.json) return void process.stdout.write(jsonLines(all));
      process.stdout.write(all.length === 0 ? 'no tokens: the admin API refuses every request\n' : all.map((t) => `${t.name}\t${t.role}\t${t.created}\n`).join(''));
    });
  tokens
    .command('revoke <name>')
    .description('revoke a token: requests with it are refused from now on')
    .action((name: string, _opts: unknown, cmd: Command) => {
      if (!withTokens(cmd, (store, db) => auditCli(db, store.revoke(name), 'token.revoke', name))) throw new CliError(`no token "${name}"`);
      process.stdout.write(`token ${name} revoked\n`);
    });
}
