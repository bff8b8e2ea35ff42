// `npm run train:default`: rebuilds models/default.json from the TRAINING half of ../shared/corpus/spam (see
// spam-corpus.ts for the split). Deterministic: same corpus, same file, byte for byte.
import { join } from 'node:path';
import { saveModel } from '../src/inspect/content/model-file.js';
import { trainModel } from '../src/inspect/content/train.js';
import { corpusDir, corpusSplit, repoRoot } from './spam-corpus.js';

/** Tokens seen in a single training message barely move a score and would triple the file. */
const MIN_COUNT = 2;

const training = corpusSplit('training');
const { model, skipped } = trainModel({
  ham: training.filter((f) => !f.spam).map((f) => f.path),
  spam: training.filter((f) => f.spam).map((f) => f.path),
  minCount: MIN_COUNT,
});
const out = join(repoRoot, 'models', 'default.json');
saveModel(out, model);
for (const s of skipped) console.error(`skipped ${s.file}: ${s.reason}`);
console.log(`${out}: ${model.tokens.size} tokens from ${model.hamMessages} ham + ${model.spamMessages} spam training messages of ${corpusDir}`);
