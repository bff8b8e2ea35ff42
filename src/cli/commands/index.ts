// Every sub-command registers itself here; one line per command module.
import type { Command } from 'commander';
import { registerAccountsCommand } from './accounts.js';
import { registerConfigCommand } from './config.js';

export const commandRegistrars: Array<(program: Command) => void> = [registerConfigCommand, registerAccountsCommand];
