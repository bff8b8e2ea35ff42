// Every sub-command registers itself here; one line per command module.
import type { Command } from 'commander';
import { registerBounceCommand } from './bounce.js';
import { registerConfigCommand } from './config.js';
import { registerExplainCommand } from './explain.js';

export const commandRegistrars: Array<(program: Command) => void> = [registerConfigCommand, registerExplainCommand, registerBounceCommand];
