// `mailwarden dkim generate|list|activate|remove`: DKIM keys per sender domain, and the DNS records to publish.
import type { Command } from 'commander';
import { activateKey, dkimDir, DkimKeyError, dnsRecord, generateKey, listKeys, removeKey } from '../../dkim/keys.js';
import { configFrom } from '../context.js';
import { jsonLines, table } from '../database.js';
import { CliError } from '../errors.js';

/** Key-file problems (a bad name, a duplicate selector) are the operator's to fix: exit 1 with the message. */
function run<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof DkimKeyError) throw new CliError(err.message);
    throw err;
  }
}

/** A default selector that sorts by date and does not collide with the previous month's key. */
function defaultSelector(now: Date): string {
  return `mw${now.toISOString().slice(0, 7).replace('-', '')}`;
}

export function registerDkimCommand(program: Command): void {
  const dkim = program.command('dkim').description('DKIM keys per sender domain: generate, list, rotate');
  dkim
    .command('generate <domain>')
    .description("make a key (stored 0600 under dataDir/dkim/) and print the DNS TXT record to publish; a domain's first key signs at once")
    .option('--selector <s>', 'selector (default: mw + year and month)')
    .option('--bits <n>', 'RSA key size', '2048')
    .action((domain: string, opts: { selector?: string; bits: string }, cmd: Command) => {
      const key = run(() => generateKey(dkimDir(configFrom(cmd).dataDir), domain, opts.selector ?? defaultSelector(new Date()), Number(opts.bits)));
      const record = dnsRecord(key);
      process.stdout.write(
        `${record.name}. IN TXT "${record.value}"\n` +
          (key.active ? `${key.domain} is signed with selector ${key.selector}\n`
            : `publish the record, then \`mailwarden dkim activate ${key.domain} ${key.selector}\` (the current key stays until removed)\n`),
      );
    });
  dkim
    .command('list [domain]')
    .description('keys, which one signs, and their DNS records')
    .option('--json', 'one JSON object per line')
    .action((domain: string | undefined, opts: { json?: boolean }, cmd: Command) => {
      const keys = listKeys(dkimDir(configFrom(cmd).dataDir), domain).map((k) => ({
        domain: k.domain, selector: k.selector, active: k.active, createdAt: new Date(k.createdAt).toISOString(), record: dnsRecord(k),
      }));
      if (opts.json) return void process.stdout.write(jsonLines(keys));
      if (keys.length === 0) return void process.stdout.write('no DKIM keys\n');
      process.stdout.write(table([
        ['DOMAIN', 'SELECTOR', 'SIGNS', 'CREATED', 'RECORD'],
        ...keys.map((k) => [k.domain, k.selector, k.active ? 'yes' : 'no', k.createdAt, k.record.name]),
      ]));
    });
  dkim
    .command('activate <domain> <selector>')
    .description('sign with this key from now on (publish its record first)')
    .action((domain: string, selector: string, _opts, cmd: Command) => {
      run(() => activateKey(dkimDir(configFrom(cmd).dataDir), domain, selector));
      process.stdout.write(`${domain} is signed with selector ${selector}\n`);
    });
  dkim
    .command('remove <domain> <selector>')
    .description('delete a retired key (not the one that signs)')
    .action((domain: string, selector: string, _opts, cmd: Command) => {
      run(() => removeKey(dkimDir(configFrom(cmd).dataDir), domain, selector));
      process.stdout.write(`removed ${selector} of ${domain}\n`);
    });
}
