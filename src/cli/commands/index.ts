// Every sub-command registers itself here; one line per command module.
import type { Command } from 'commander';
import { registerAccountsCommand } from './accounts.js';
import { registerBounceCommand } from './bounce.js';
import { registerConfigCommand } from './config.js';
import { registerExplainCommand } from './explain.js';
import { registerQuarantineCommand } from './quarantine.js';
import { registerQueueCommand } from './queue.js';
import { registerScoreCommand } from './score.js';
import { registerSendersCommand } from './senders.js';
import { registerStartCommand } from './start.js';
import { registerTokensCommand } from './tokens.js';
import { registerTrainCommand } from './train.js';

export const commandRegistrars: Array<(program: Command) => void> = [
  registerStartCommand,
  registerConfigCommand,
  registerAccountsCommand,
  registerQueueCommand,
  registerQuarantineCommand,
  registerSendersCommand,
  registerTokensCommand,
  registerExplainCommand,
  registerBounceCommand,
  registerScoreCommand,
  registerTrainCommand,
];
