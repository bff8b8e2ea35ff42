// The built relay as a separate process (`node dist/cli/main.js start`) with a temp YAML configuration, as an
// operator runs it: for end-to-end tests and for kill -9.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

export const CLI = resolve(import.meta.dirname, '../../dist/cli/main.js');

export interface RelayProcess {
  proc: ChildProcess;
  ports: Record<string, number>;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  stderr(): string;
}

export function writeConfig(dir: string, config: Record<string, unknown>): string {
  const file = join(dir, 'mailwarden.yaml');
  writeFileSync(file, stringify(config));
  return file;
}

/** Start the relay (`cli`: another build's entry point, for a before/after bench); resolves once it listens. */
export function spawnRelay(configFile: string, cli = CLI): Promise<RelayProcess> {
  const proc = spawn(process.execPath, [cli, '--config', configFile, 'start'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | string>((res) => proc.once('exit', (code, signal) => res(code ?? signal ?? -1)));
  return new Promise((resolvePromise, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /mailwarden listening: (.*);/.exec(out);
      if (m) {
        const ports = Object.fromEntries([...m[1]!.matchAll(/(\w+) [\d.]+:(\d+)/g)].map((x) => [x[1]!, Number(x[2])]));
        resolvePromise({ proc, ports, exited, stderr: () => err });
      }
    });
    void exited.then((code) => reject(new Error(`relay exited (${code}) before listening: ${err}`)));
  });
}

/** Run a CLI command against the same configuration; returns stdout (throws with stderr on a non-zero exit). */
export function cli(configFile: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, '--config', configFile, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mailwarden ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The same without blocking this process: for a command that waits on a relay running in the test's own process. */
export function cliAsync(configFile: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, '--config', configFile, ...args], { encoding: 'utf8' }, (err, stdout, stderr) =>
      err ? reject(new Error(`mailwarden ${args.join(' ')} failed: ${stderr}`)) : resolve(stdout));
  });
}
