// The documented split of the development spam corpus (../shared/corpus/spam, SpamAssassin public corpus): a file
// is in the HOLDOUT when the first byte of SHA-256(file name) is odd, in TRAINING when it is even (isHoldout in
// src/inspect/content/corpus.ts). The default model is trained on TRAINING only; eval:spam measures on HOLDOUT only.
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isHoldout, messageFiles } from '../src/inspect/content/corpus.js';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const corpusDir = resolve(process.env.MAILWARDEN_SPAM_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus', 'spam'));

export interface LabelledFile {
  /** Path relative to the corpus folder, e.g. "spam/spam_00001_….eml". */
  rel: string;
  path: string;
  spam: boolean;
}

export function corpusSplit(part: 'training' | 'holdout'): LabelledFile[] {
  const out: LabelledFile[] = [];
  for (const label of ['ham', 'spam'] as const) {
    for (const path of messageFiles(join(corpusDir, label))) {
      if (isHoldout(basename(path)) === (part === 'holdout')) out.push({ rel: `${label}/${basename(path)}`, path, spam: label === 'spam' });
    }
  }
  return out;
}
