// What a command needs from the global options: the loaded configuration.
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';

export function configFrom(cmd: Command): Config {
  const opts = cmd.optsWithGlobals<{ config?: string }>();
  return loadConfig(opts.config ?? process.env.MAILWARDEN_CONFIG);
}
