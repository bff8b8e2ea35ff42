// npm run fuzz [-- --seconds N] (or FUZZ_SECONDS=N): run every fuzz target of test/fuzz/targets.ts for its share of
// the time budget (default 180 s in all), with a fresh random seed, and print per target the cases run and the
// slowest one. A failure prints the seed, the shrunk input and a file holding it (fuzz-crashers/), and exits 1: the
// input then becomes a regression case in test/fuzz-parsers.test.ts along with its fix.
//
// fast-check rather than coverage-guided @jazzer.js: jazzer's npm package ships its libFuzzer addon prebuilt only, and
// the Linux build needs glibc 2.38 (Debian 12 has 2.36); the package has no sources to build it from here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { tempDir } from '../test/helpers/queue-fixture.js';
import { targets } from '../test/fuzz/targets.js';

function budgetSeconds(): number {
  const i = process.argv.indexOf('--seconds');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.FUZZ_SECONDS;
  const n = Number(raw ?? 180);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--seconds/FUZZ_SECONDS must be a positive number, got ${String(raw)}`);
  return n;
}

const only = process.env.FUZZ_TARGET;
const chosen = targets.filter((t) => !only || t.name.includes(only));
const perTargetMs = (budgetSeconds() * 1000) / chosen.length;
const limits = { maxMs: Number(process.env.FUZZ_MAX_MS ?? 1000), scratch: tempDir('mw-fuzz-') };
const crashDir = join(process.cwd(), 'fuzz-crashers');
let failed = 0;

const encode = (v: unknown): unknown =>
  Buffer.isBuffer(v) ? { base64: v.toString('base64') } : Array.isArray(v) ? v.map(encode) : v;

for (const target of chosen) {
  const seed = Date.now() ^ Math.floor(Math.random() * 0x7fffffff);
  // The first call loads rules and models: warm up outside the time bound.
  for (const input of fc.sample(target.arbitrary, { numRuns: 3, seed })) {
    try {
      await target.check(input, { ...limits, maxMs: Infinity });
    } catch {
      // a failure here is found again, and reported, by the run below
    }
  }
  let slowest = 0;
  const property = fc.asyncProperty(target.arbitrary, async (input) => {
    const t0 = performance.now();
    await target.check(input, limits);
    slowest = Math.max(slowest, performance.now() - t0);
  });
  const examples = (target.regressions ?? []).map((r) => [r] as [unknown]);
  const result = await fc.check(property, { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: perTargetMs, examples });
  await target.close?.();
  const line = `${target.name.padEnd(26)} cases=${String(result.numRuns).padStart(7)} slowest_ms=${slowest.toFixed(1).padStart(7)} seed=${seed}`;
  if (!result.failed) {
    console.log(`${line} ok`);
    continue;
  }
  failed++;
  mkdirSync(crashDir, { recursive: true });
  const file = join(crashDir, `${target.name.replace('/', '-')}-${seed}.json`);
  writeFileSync(file, JSON.stringify({ target: target.name, seed, path: result.counterexamplePath, input: encode(result.counterexample?.[0]), error: String(result.errorInstance) }, null, 2));
  console.log(`${line} FAILED after ${result.numRuns} cases: ${String(result.errorInstance)}\n  input: ${file}`);
}
console.log(failed ? `fuzz: ${failed} of ${chosen.length} targets failed` : `fuzz: ${chosen.length} targets, no failure`);
process.exit(failed ? 1 : 0);
