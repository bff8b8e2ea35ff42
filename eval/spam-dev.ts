// `npm run eval:spam-dev`: the figure to design on. Two-fold cross-validation inside the TRAINING half of
// ../shared/corpus/spam (the holdout half is never read here): the half is cut in two folds by the second bit of
// SHA-256(file name), a model is trained on one fold as train-default.ts trains the shipped one and each message of
// the other fold is scored with it, then the other way round. Each fold's model takes half the generated ham and
// phishing too (odd or even DEV seeds), so that 2002 mail and today's weigh against each other as in the shipped model. Every
// message is therefore scored by a model that did not learn it, as on the holdout, so the ham it flags is the ham
// worth studying. Prints one line per fold and the total, then (with --list) every flagged ham and every missed spam
// with its score and rules:
//   fold n ham spam fp fn fpr recall
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { contentSchema } from '../src/config/schema.js';
import { scoreRaw, type ScorerOptions } from '../src/inspect/content/score.js';
import type { ContentVerdict } from '../src/inspect/content/types.js';
import { modelSeeds, trainDefaultModel, type GeneratedSeeds } from '../scripts/default-model.js';
import { corpusSplit, type LabelledFile } from '../scripts/spam-corpus.js';

const list = process.argv.includes('--list');
const settings = contentSchema.parse({});
const fold = (f: LabelledFile) => (createHash('sha256').update(basename(f.path)).digest()[0]! >> 1) & 1;
const development = corpusSplit('training');
/** The generated seeds of the fold that does not hold `k`: half of each list, by parity. */
const everyOther = (g: GeneratedSeeds, k: number): GeneratedSeeds => ({ ham: g.ham.filter((s) => s % 2 !== k), phish: g.phish.filter((s) => s % 2 !== k), offers: g.offers.filter((s) => s % 2 !== k) });

let fp = 0, fn = 0, ham = 0, spam = 0;
const wrong: string[] = [];
console.log('# fold n ham spam fp fn fpr recall  (two-fold cross-validation inside the TRAINING half)');
for (const k of [0, 1]) {
  const { model } = await trainDefaultModel(development.filter((f) => fold(f) !== k), everyOther(modelSeeds(1), k));
  const options: ScorerOptions = { model, thresholds: settings.thresholds, modelWeight: settings.modelWeight, maxScanBytes: settings.maxScanBytes };
  let kfp = 0, kfn = 0, kham = 0, kspam = 0;
  for (const f of development.filter((x) => fold(x) === k)) {
    const result = scoreRaw(readFileSync(f.path), {}, options);
    const verdict: ContentVerdict | null = result.kind === 'verdict' ? result.verdict : null;
    const flagged = verdict ? verdict.spam : true;
    if (f.spam) kspam++;
    else kham++;
    if (flagged === f.spam) continue;
    if (f.spam) kfn++;
    else kfp++;
    const rules = verdict ? verdict.rules.map((r) => `${r.name}:${r.score}${r.name === 'STATISTICAL_MODEL' ? ` (${r.description})` : ''}`).join(', ') : 'not a message';
    wrong.push(`${f.spam ? 'missed' : 'flagged'} ${f.rel} ${verdict?.score ?? '-'} ${verdict?.action ?? '-'} ${rules}`);
  }
  console.log(k, kham + kspam, kham, kspam, kfp, kfn, (kfp / kham).toFixed(4), (1 - kfn / kspam).toFixed(4));
  fp += kfp; fn += kfn; ham += kham; spam += kspam;
}
console.log('all', ham + spam, ham, spam, fp, fn, (fp / ham).toFixed(4), (1 - fn / spam).toFixed(4));
if (list) for (const line of wrong.sort()) console.log(line);
