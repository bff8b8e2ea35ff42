// `mailwarden config check|show|reference`: validate a configuration file and print the effective settings.
import type { Command } from 'commander';
import { configReference } from '../../config/reference.js';
import { configFrom } from '../context.js';

export function registerConfigCommand(program: Command): void {
  const config = program.command('config').description('validate and show the effective configuration');
  config
    .command('check')
    .description('validate the configuration (file + environment); exit 2 with the key path on error')
    .action((_opts, cmd: Command) => {
      configFrom(cmd);
      process.stdout.write('configuration is valid\n');
    });
  config
    .command('reference')
    .description('print the reference of every setting (type, default, meaning) as Markdown')
    .action(() => {
      process.stdout.write(configReference());
    });
  config
    .command('show')
    .description('print the effective configuration as JSON, defaults filled in')
    .action((_opts, cmd: Command) => {
      process.stdout.write(JSON.stringify(configFrom(cmd), null, 2) + '\n');
    });
}
