// Folders of RFC 5322 files for training and evaluation, and the removal of the header fields that receiving systems
// and mailing lists add. A relay sees its customers' mail before any of those exist, so a model must neither learn
// from them nor be measured with them (../shared/corpus/README.md calls this the header leakage).
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Regular files directly in a folder, sorted by name so that training is reproducible. */
export function messageFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** Header fields added on the receiving side or by list software, never present at submission time. */
const LEAKING_FIELD =
  /^(received|x-received|delivered-to|return-path|precedence|list-[\w-]+|x-mailman-[\w-]+|x-beenthere|mailing-list|x-loop|errors-to|x-original-to|envelope-to|x-envelope-[\w-]+|x-spam-[\w-]+|x-virus-[\w-]+|x-uidl|status|x-status|x-keywords|content-length|lines|x-authentication-warning|x-mailscanner[\w-]*|x-egroups-[\w-]+|x-yahoo-[\w-]+|resent-[\w-]+|x-sender|sender)$/i;

/** The message with the leaking header fields removed (folded continuation lines go with their field). */
export function stripLeakingHeaders(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  const end = headerEnd(text);
  const kept: string[] = [];
  let dropping = false;
  for (const line of text.slice(0, end).split('\n')) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (!dropping) kept.push(line);
      continue;
    }
    const name = line.slice(0, line.indexOf(':'));
    dropping = line.startsWith('From ') ? false : LEAKING_FIELD.test(name.trim());
    if (!dropping) kept.push(line);
  }
  return Buffer.from(kept.join('\n') + text.slice(end), 'latin1');
}

function headerEnd(text: string): number {
  const m = /\r?\n\r?\n/.exec(text);
  return m ? m.index : text.length;
}

/**
 * The documented split of the development corpus: a file is in the holdout when the first byte of the SHA-256 of its
 * file name (without the folder) is odd, in training when it is even. About 50/50, the same on every machine.
 */
export function isHoldout(fileName: string): boolean {
  return (createHash('sha256').update(fileName).digest()[0]! & 1) === 1;
}
