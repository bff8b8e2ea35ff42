// `mailwarden demo`: a minute of a hosting server's mail through the relay to simulated providers, with one sender
// hijacked; `--no-protection` runs the same mail with content scoring and sender behaviour off. Everything runs on
// loopback in this process, on a scratch data folder that is removed afterwards.
import type { Command } from 'commander';
import { reportLines, tallyLine } from '../../demo/report.js';
import { runDemo } from '../../demo/run.js';
import { CliError } from '../errors.js';

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--${name} must be a positive whole number, not '${value}'`);
  return n;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('watch the relay stop a hijacked sender and keep its IPs clean (simulated providers on loopback, about a minute)')
    .option('--no-protection', 'the same run with content scoring and sender behaviour off: the IPs end up blocked')
    .option('--senders <n>', 'sender identities of the hosting account', '300')
    .option('--seconds <n>', 'seconds of traffic', '50')
    .option('--addresses <n>', 'source IPs of the pool (127.0.0.2 onwards)', '3')
    .option('--seed <n>', 'seed of the simulated traffic', '1')
    .option('--json', 'print the report as JSON instead of the live view')
    .action(async (opts: { protection: boolean; senders: string; seconds: string; addresses: string; seed: string; json?: boolean }) => {
      const quiet = Boolean(opts.json);
      const out = (line: string) => {
        if (!quiet) process.stdout.write(`${line}\n`);
      };
      const result = await runDemo(
        {
          protection: opts.protection,
          senders: positiveInt('senders', opts.senders),
          seconds: positiveInt('seconds', opts.seconds),
          addresses: Math.min(positiveInt('addresses', opts.addresses), 250),
          seed: positiveInt('seed', opts.seed),
        },
        { news: (line) => out(`  * ${line}`), tally: (t) => out(tallyLine(t)) },
      );
      if (quiet) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else out(['', ...reportLines(result)].join('\n'));
    });
}
