// `npm run train:default`: rebuilds models/default.json from the TRAINING half of ../shared/corpus/spam (see
// spam-corpus.ts for the split) and generated outbound ham (see default-model.ts). Deterministic: same corpus, same
// file, byte for byte.
import { join } from 'node:path';
import { saveModel } from '../src/inspect/content/model-file.js';
import { trainDefaultModel } from './default-model.js';
import { corpusDir, corpusSplit, repoRoot } from './spam-corpus.js';

const { model, generated } = await trainDefaultModel(corpusSplit('training'), (line) => console.error(line));
const out = join(repoRoot, 'models', 'default.json');
saveModel(out, model);
console.log(`${out}: ${model.tokens.size} tokens from ${model.hamMessages} ham (${generated} generated) + ${model.spamMessages} spam training messages of ${corpusDir}`);
