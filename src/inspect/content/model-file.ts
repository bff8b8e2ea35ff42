// The model file: token statistics only (no message text), as compact JSON so that the shipped default model can be
// read in a diff. A bad file is an operational error with the file name, never a crash deep in scoring.
import { readFileSync, writeFileSync } from 'node:fs';
import type { BayesModel, TokenCounts } from './bayes.js';

const FORMAT = 'mailwarden-bayes/1';

interface ModelJson {
  format: string;
  spamMessages: number;
  hamMessages: number;
  /** token -> [spam messages, ham messages] */
  tokens: Record<string, [number, number]>;
}

export class ModelFileError extends Error {}

export function saveModel(path: string, model: BayesModel): void {
  const tokens: Record<string, [number, number]> = {};
  for (const t of [...model.tokens.keys()].sort()) {
    const c = model.tokens.get(t)!;
    tokens[t] = [c.spam, c.ham];
  }
  const json: ModelJson = { format: FORMAT, spamMessages: model.spamMessages, hamMessages: model.hamMessages, tokens };
  // One token per line: diffs of a retrained model stay readable.
  const body = Object.entries(tokens).map(([t, c]) => `${JSON.stringify(t)}:${JSON.stringify(c)}`).join(',\n');
  writeFileSync(path, `{"format":"${FORMAT}","spamMessages":${json.spamMessages},"hamMessages":${json.hamMessages},"tokens":{\n${body}\n}}\n`);
}

export function loadModel(path: string): BayesModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ModelFileError(`${path}: cannot read the model: ${(err as Error).message}`);
  }
  const m = json as Partial<ModelJson>;
  if (m?.format !== FORMAT) throw new ModelFileError(`${path}: not a ${FORMAT} model file`);
  if (!Number.isInteger(m.spamMessages) || !Number.isInteger(m.hamMessages) || typeof m.tokens !== 'object' || !m.tokens) {
    throw new ModelFileError(`${path}: model file lacks message counts or tokens`);
  }
  const tokens = new Map<string, TokenCounts>();
  for (const [t, c] of Object.entries(m.tokens)) {
    if (!Array.isArray(c) || c.length !== 2 || !Number.isInteger(c[0]) || !Number.isInteger(c[1])) {
      throw new ModelFileError(`${path}: bad counts for token ${JSON.stringify(t)}`);
    }
    tokens.set(t, { spam: c[0], ham: c[1] });
  }
  return { spamMessages: m.spamMessages!, hamMessages: m.hamMessages!, tokens };
}
