// What a command needs from the global options: the loaded configuration, found the way the relay finds it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/load.js';
import { startProblems } from './config-checks.js';
import type { Config } from '../config/schema.js';

/**
 * Where the configuration is looked for when neither --config nor MAILWARDEN_CONFIG names one: the packaged
 * location first, then the working directory. Without any, every setting has its default (data in ./data).
 */
export const DEFAULT_CONFIG_PATHS = ['/etc/mailwarden/mailwarden.yaml', 'mailwarden.yaml'] as const;

export interface ConfigSource {
  file: string | undefined;
  /** How it was chosen, for the line that tells the operator. */
  from: '--config' | 'MAILWARDEN_CONFIG' | 'default path' | 'built-in defaults';
}

export function configSource(cmd: Command, env: NodeJS.ProcessEnv = process.env): ConfigSource {
  const given = cmd.optsWithGlobals<{ config?: string }>().config;
  if (given) return { file: given, from: '--config' };
  if (env.MAILWARDEN_CONFIG) return { file: env.MAILWARDEN_CONFIG, from: 'MAILWARDEN_CONFIG' };
  const found = DEFAULT_CONFIG_PATHS.find((p) => existsSync(p));
  return found ? { file: resolve(found), from: 'default path' } : { file: undefined, from: 'built-in defaults' };
}

/** The configuration the command runs with: schema-valid, and refused with every problem `start` would meet. */
export function configFrom(cmd: Command): Config {
  const { file } = configSource(cmd);
  const config = loadConfig(file);
  const problems = startProblems(config);
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `${file ?? 'config'}: ${p.path}: ${p.message}`).join('\n'));
  return config;
}

/** The line every command that touches the data directory writes to stderr: which configuration, which folder. */
export function describeSource(cmd: Command, config: Config): string {
  const source = configSource(cmd);
  const file = source.file ? `${source.file} (${source.from})` : 'none (built-in defaults)';
  return `mailwarden: configuration ${file}; data directory ${config.dataDir}\n`;
}
