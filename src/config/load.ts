// Load, validate and freeze the configuration: defaults <- YAML file <- environment variables.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { configSchema, type Config } from './schema.js';
import { nearestKey } from './suggest.js';

export class ConfigError extends Error {}

/** Environment variables that override the main settings; each maps to a path in the schema. */
const ENV_OVERRIDES: Record<string, { path: string[]; type: 'string' | 'number' }> = {
  MAILWARDEN_HOSTNAME: { path: ['hostname'], type: 'string' },
  MAILWARDEN_DATA_DIR: { path: ['dataDir'], type: 'string' },
  MAILWARDEN_LOG_LEVEL: { path: ['log', 'level'], type: 'string' },
  MAILWARDEN_SUBMISSION_PORT: { path: ['listeners', 'submission', 'port'], type: 'number' },
  MAILWARDEN_SMTPS_PORT: { path: ['listeners', 'smtps', 'port'], type: 'number' },
  MAILWARDEN_RELAY_PORT: { path: ['listeners', 'relay', 'port'], type: 'number' },
  MAILWARDEN_ADMIN_PORT: { path: ['admin', 'port'], type: 'number' },
};

export function formatZodError(err: z.ZodError, origin: string): string {
  return err.issues
    .map((i) => {
      const path = i.path.length ? i.path.join('.') : '(top level)';
      // A misspelt key: name the valid one it most likely meant.
      const hints = i.code === 'unrecognized_keys'
        ? i.keys.map((k) => nearestKey(configSchema, i.path, k)).filter((h): h is string => h !== null).map((h) => ` (did you mean "${h}"?)`).join('')
        : '';
      return `${origin}: ${path}: ${i.message}${hints}`;
    })
    .join('\n');
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function applyEnv(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): void {
  for (const [name, { path, type }] of Object.entries(ENV_OVERRIDES)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (type === 'number') {
      const n = Number(value);
      if (!Number.isInteger(n)) throw new ConfigError(`${name}: expected an integer, got "${value}"`);
      setPath(raw, path, n);
    } else {
      setPath(raw, path, value);
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Parse a configuration from an already-read object (used by tests and by `loadConfig`). */
export function parseConfig(raw: unknown, origin = 'config', env: NodeJS.ProcessEnv = {}): Config {
  const base = raw === null || raw === undefined ? {} : raw;
  if (typeof base !== 'object' || Array.isArray(base)) throw new ConfigError(`${origin}: expected a mapping at the top level`);
  const merged = structuredClone(base) as Record<string, unknown>;
  applyEnv(merged, env);
  const result = configSchema.safeParse(merged);
  if (!result.success) throw new ConfigError(formatZodError(result.error, origin));
  const config = result.data;
  config.dataDir = resolve(config.dataDir);
  if (!isAbsolute(config.storage.sqlitePath)) config.storage.sqlitePath = resolve(config.dataDir, config.storage.sqlitePath);
  return deepFreeze(config);
}

/** Load the YAML file at `file` (optional: no file means all defaults), then environment overrides. */
export function loadConfig(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Config {
  let raw: unknown = {};
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError(`${file}: cannot read: ${(err as Error).message}`);
    }
    try {
      raw = parseYaml(text);
    } catch (err) {
      throw new ConfigError(`${file}: not valid YAML: ${(err as Error).message}`);
    }
  }
  return parseConfig(raw, file ?? 'config', env);
}
