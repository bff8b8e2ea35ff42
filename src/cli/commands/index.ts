// Every sub-command registers itself here; one line per command module.
import type { Command } from 'commander';
import { registerAccountsCommand } from './accounts.js';
import { registerConfigCommand } from './config.js';
import { registerExplainCommand } from './explain.js';
import { registerQuarantineCommand } from './quarantine.js';
import { registerQueueCommand } from './queue.js';
import { registerSendersCommand } from './senders.js';
import { registerStartCommand } from './start.js';

export const commandRegistrars: Array<(program: Command) => void> = [
  registerConfigCommand,
  registerAccountsCommand,
  registerExplainCommand,
  registerStartCommand,
  registerQueueCommand,
  registerQuarantineCommand,
  registerSendersCommand,
];
