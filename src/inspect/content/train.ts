// Training the statistical model. Two sources: folders of labelled messages an operator brings (`mailwarden train
// --ham --spam`), and the deployment's own mail (`trainLocalModel`), where ham is mail delivered long enough ago
// without a complaint and spam is what an operator confirmed, under safeguards that keep one sender (an attacker
// with a hijacked login) from teaching the model. The leaking header fields are removed first (the tokenizer ignores
// them anyway; removing them here keeps that true if the tokenizer ever reads more headers).
import { readFileSync } from 'node:fs';
import { emptyModel, learn, prune, type BayesModel } from './bayes.js';
import { stripLeakingHeaders } from './corpus.js';
import { parseContent } from './message.js';
import { messageTokens } from './tokens.js';

export interface TrainInput {
  ham: string[];
  spam: string[];
  /** Tokens seen in fewer training messages than this are left out of the model. */
  minCount: number;
}

export interface TrainResult {
  model: BayesModel;
  /** Files that were skipped, with why (unreadable, not a message). */
  skipped: Array<{ file: string; reason: string }>;
}

/** Learns one message; the reason it could not when it is no message. */
export function learnMessage(model: BayesModel, raw: Buffer, isSpam: boolean): string | null {
  const parsed = parseContent(stripLeakingHeaders(raw));
  if (parsed.kind === 'not-message') return parsed.reason;
  learn(model, messageTokens(parsed.message), isSpam);
  return null;
}

export function trainModel(input: TrainInput): TrainResult {
  const model = emptyModel();
  const skipped: TrainResult['skipped'] = [];
  const learnFile = (file: string, isSpam: boolean) => {
    let raw: Buffer;
    try {
      raw = readFileSync(file);
    } catch (err) {
      skipped.push({ file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
      return;
    }
    const reason = learnMessage(model, raw, isSpam);
    if (reason) skipped.push({ file, reason });
  };
  for (const f of input.ham) learnFile(f, false);
  for (const f of input.spam) learnFile(f, true);
  return { model: prune(model, input.minCount), skipped };
}
