import { readFileSync } from 'node:fs';
import { loadModel } from './src/inspect/content/model-file.js';
import { defaultModelPath } from './src/inspect/content/index.js';
import { parseContent } from './src/inspect/content/message.js';
import { messageTokens } from './src/inspect/content/tokens.js';
import { defaultBayesOptions } from './src/inspect/content/bayes.js';
const model = loadModel(defaultModelPath);
const agg = new Map<string, { n: number; p: number }>();
for (const f of process.argv.slice(2)) {
  const pc = parseContent(readFileSync(f));
  if (pc.kind !== 'message') continue;
  for (const t of messageTokens(pc.message)) {
    const c = model.tokens.get(t); if (!c) continue;
    const o = defaultBayesOptions;
    const spamRatio = c.spam / Math.max(model.spamMessages, 1), hamRatio = c.ham / Math.max(model.hamMessages, 1);
    const p0 = spamRatio / (spamRatio + hamRatio); const n = c.spam + c.ham;
    const p = (o.priorStrength * o.priorProbability + n * p0) / (o.priorStrength + n);
    const a = agg.get(t) ?? { n: 0, p }; a.n++; agg.set(t, a);
  }
}
const list = [...agg].filter(([, v]) => v.p > 0.8).sort((a, b) => b[1].n - a[1].n || b[1].p - a[1].p).slice(0, 70);
for (const [t, v] of list) process.stdout.write(`${t}:${v.p.toFixed(2)}x${v.n}  `);
console.log();
