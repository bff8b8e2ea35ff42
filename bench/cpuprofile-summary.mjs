// bench/cpuprofile-summary.mjs PROFILE.cpuprofile [TOP] - sums a V8 CPU profile's self time by function and by file
// (node_modules collapsed to the package), so a bench run under `node --cpu-prof` says where the time goes.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) { console.error('usage: node bench/cpuprofile-summary.mjs PROFILE.cpuprofile [TOP]'); process.exit(2); }
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));

// Self time of a node = sum of the sampling intervals whose sample hit that node.
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

function where(url) {
  if (!url) return '(native/vm)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) { const rest = url.slice(nm + 13).split('/'); return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]; }
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url.replace(/^file:\/\//, '');
}

const byFunction = new Map();
const byFile = new Map();
let total = 0;
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (!us) continue;
  total += us;
  const cf = node.callFrame;
  const fileKey = where(cf.url);
  const fnKey = `${cf.functionName || '(anonymous)'} ${fileKey}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
  byFunction.set(fnKey, (byFunction.get(fnKey) ?? 0) + us);
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
}

function print(title, map) {
  console.log(`\n${title} (total ${(total / 1e6).toFixed(2)} s sampled)`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1e3).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}
print('self time by file/package', byFile);
print('self time by function', byFunction);
