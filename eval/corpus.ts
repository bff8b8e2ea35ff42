// Shared helpers of the evaluation scripts: where the shared corpus lives and how its labels map to ours.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Blame, Phase, Reason } from '../src/classify/types.js';

export const CORPUS_DIR = resolve(process.env.MAILWARDEN_CORPUS ?? new URL('../../shared/corpus', import.meta.url).pathname);

export function readJsonl<T>(relative: string): T[] {
  const text = readFileSync(resolve(CORPUS_DIR, relative), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

/** Sisimai 4 names that Sisimai 5 merged (corpus README). */
export function currentReason(name: string): Reason {
  const merged: Record<string, Reason> = { speeding: 'ratelimited', toomanyconn: 'ratelimited', mesgtoobig: 'emailtoolarge', exceedlimit: 'emailtoolarge' };
  return (merged[name] ?? name) as Reason;
}

const BLAME_NAMES: Record<string, Blame> = {
  sending_ip: 'sender-ip', sending_domain_auth: 'sender-domain', sending_domain: 'sender-domain',
  sending_volume: 'sender-volume', sender_config: 'sender-config', message_content: 'content',
  recipient_address: 'recipient', remote_system: 'remote',
};

export function ourBlame(name: string): Blame {
  const b = BLAME_NAMES[name];
  if (!b) throw new Error(`unknown blame label in corpus: ${name}`);
  return b;
}

/** The corpus writes phases as "connect", "MAIL", "RCPT", "DATA", "end-of-data", "EHLO", "CONNECT". */
export function ourPhase(name: string | null | undefined): Phase | undefined {
  if (!name) return undefined;
  const map: Record<string, Phase> = { connect: 'connect', ehlo: 'helo', helo: 'helo', mail: 'mail', rcpt: 'rcpt', data: 'data', 'end-of-data': 'eod' };
  return map[name.toLowerCase()];
}

export function percent(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`;
}
