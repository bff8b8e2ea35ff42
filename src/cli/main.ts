#!/usr/bin/env node
// The mailwarden command line: one program, one sub-command per job (DESIGN.md §2).
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { CliError } from './errors.js';
import { ConfigError } from '../config/load.js';

const program = new Command('mailwarden')
  .description('Outbound mail relay: identifies every sender, stops abuse before it leaves, explains every reply.')
  .option('-c, --config <file>', 'YAML configuration file (else $MAILWARDEN_CONFIG, else /etc/mailwarden/mailwarden.yaml, else ./mailwarden.yaml, else all defaults)')
  .showHelpAfterError()
  .exitOverride();

// A reader that stops early (`mailwarden bounce --json *.eml | head`) closes the pipe: that ends the output, as it
// ends any Unix filter's, and is no error to report with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

await registerCommands(program, process.argv.slice(2));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof CliError || err instanceof ConfigError) {
    process.stderr.write(`mailwarden: ${err.message}\n`);
    process.exit(err instanceof CliError ? err.exitCode : 2);
  }
  throw err; // a programmer error: crash loudly with the stack
}
