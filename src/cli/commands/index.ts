// Every sub-command registers itself here; one line per command module.
import type { Command } from 'commander';
import { registerConfigCommand } from './config.js';
import { registerQuarantineCommand } from './quarantine.js';
import { registerSendersCommand } from './senders.js';

export const commandRegistrars: Array<(program: Command) => void> = [registerConfigCommand, registerQuarantineCommand, registerSendersCommand];
