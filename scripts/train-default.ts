// `npm run train:default`: rebuilds models/default.json. Spam: the TRAINING half of ../shared/corpus/spam (see
// spam-corpus.ts for the split), where it learns what spam words look like. Ham: the same half's 2002 ham plus
// today's outbound mail from the ham generator (eval/generate/ham.ts, DEV seeds only, and only the kinds not kept out
// for measuring), because 2002 inbound ham is no picture of what a relay's customers send: trained on it alone, the
// model calls every HTML receipt spam. Deterministic: same corpus, same file, byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateHam, modelHeldOutKinds } from '../eval/generate/ham.js';
import { DEV_SEEDS, seeds } from '../eval/generate/random.js';
import { emptyModel, prune } from '../src/inspect/content/bayes.js';
import { saveModel } from '../src/inspect/content/model-file.js';
import { learnMessage } from '../src/inspect/content/train.js';
import { corpusDir, corpusSplit, repoRoot } from './spam-corpus.js';

/** Tokens seen in a single training message barely move a score and would triple the file. */
const MIN_COUNT = 2;

const model = emptyModel();
for (const f of corpusSplit('training')) {
  const reason = learnMessage(model, readFileSync(f.path), f.spam);
  if (reason) console.error(`skipped ${f.path}: ${reason}`);
}
let generated = 0;
for (const seed of seeds(DEV_SEEDS)) {
  const g = await generateHam(seed);
  if (modelHeldOutKinds.has(g.kind)) continue;
  learnMessage(model, g.raw, false);
  generated++;
}
const pruned = prune(model, MIN_COUNT);
const out = join(repoRoot, 'models', 'default.json');
saveModel(out, pruned);
console.log(`${out}: ${pruned.tokens.size} tokens from ${pruned.hamMessages} ham (${generated} generated) + ${pruned.spamMessages} spam training messages of ${corpusDir}`);
