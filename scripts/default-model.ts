// How the shipped model is made, as a function: the spam and 2002 ham of a list of corpus files plus today's
// outbound mail from the ham generator (only the kinds not kept out for measuring), because 2002 inbound ham is no
// picture of what a relay's customers send: trained on it alone, the model calls every HTML receipt spam.
// train-default.ts writes the shipped model from the whole corpus; bench/eval-spam.ts trains the same on the TRAINING
// half to measure on the HOLDOUT half; eval/spam-dev.ts trains it on folds of the TRAINING half.
import { readFileSync } from 'node:fs';
import { generateHam, modelHeldOutKinds } from '../eval/generate/ham.js';
import { seeds } from '../eval/generate/random.js';
import { emptyModel, prune, type BayesModel } from '../src/inspect/content/bayes.js';
import { learnMessage } from '../src/inspect/content/train.js';
import type { LabelledFile } from './spam-corpus.js';

/** Tokens seen in a single training message barely move a score and would triple the file. */
const MIN_COUNT = 2;

/**
 * Generated ham seeds for a model trained on `halves` halves of the development corpus: the DEV seeds (1-1,000, the
 * ones the rules were designed on) for one half, the next thousand too for the whole corpus; never the REPORT range.
 * 2002 ham and today's ham keep the same weight against each other at either size, so a figure measured on a
 * half-corpus model says what it says about the shipped one.
 */
export const modelSeeds = (halves: 1 | 2): number[] => seeds({ first: 1, count: halves * 1000 });

export async function trainDefaultModel(
  files: LabelledFile[],
  generatedSeeds: number[],
  log: (line: string) => void = () => {},
): Promise<{ model: BayesModel; generated: number }> {
  const model = emptyModel();
  for (const f of files) {
    const reason = learnMessage(model, readFileSync(f.path), f.spam);
    if (reason) log(`skipped ${f.path}: ${reason}`);
  }
  let generated = 0;
  for (const seed of generatedSeeds) {
    const g = await generateHam(seed);
    if (modelHeldOutKinds.has(g.kind)) continue;
    learnMessage(model, g.raw, false);
    generated++;
  }
  return { model: prune(model, MIN_COUNT), generated };
}
