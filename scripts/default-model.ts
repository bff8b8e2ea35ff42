// How the shipped model is made, as a function: the spam and 2002 ham of a list of corpus files plus today's
// outbound mail from the ham generator (DEV seeds only, and only the kinds not kept out for measuring), because 2002
// inbound ham is no picture of what a relay's customers send: trained on it alone, the model calls every HTML receipt
// spam. train-default.ts writes it for the TRAINING half; eval/spam-dev.ts trains it on folds of that half.
import { readFileSync } from 'node:fs';
import { generateHam, modelHeldOutKinds } from '../eval/generate/ham.js';
import { DEV_SEEDS, seeds } from '../eval/generate/random.js';
import { emptyModel, prune, type BayesModel } from '../src/inspect/content/bayes.js';
import { learnMessage } from '../src/inspect/content/train.js';
import type { LabelledFile } from './spam-corpus.js';

/** Tokens seen in a single training message barely move a score and would triple the file. */
const MIN_COUNT = 2;

/**
 * `generatedSeeds` narrows the generated ham to some of the DEV seeds: eval/spam-dev.ts trains on half the corpus'
 * training half and so takes half the seeds, keeping the shipped model's ratio of 2002 ham to today's ham (with all
 * seeds, a fold's model weighed today's ham twice as much against 2002 ham as the shipped model does, and its rates
 * said less about the shipped model's).
 */
export async function trainDefaultModel(
  files: LabelledFile[],
  log: (line: string) => void = () => {},
  generatedSeeds: (seed: number) => boolean = () => true,
): Promise<{ model: BayesModel; generated: number }> {
  const model = emptyModel();
  for (const f of files) {
    const reason = learnMessage(model, readFileSync(f.path), f.spam);
    if (reason) log(`skipped ${f.path}: ${reason}`);
  }
  let generated = 0;
  for (const seed of seeds(DEV_SEEDS).filter(generatedSeeds)) {
    const g = await generateHam(seed);
    if (modelHeldOutKinds.has(g.kind)) continue;
    learnMessage(model, g.raw, false);
    generated++;
  }
  return { model: prune(model, MIN_COUNT), generated };
}
