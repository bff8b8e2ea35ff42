// The parsers a stranger feeds keep their property on generated and mutated input: a result or a typed error, never an
// exception, within a time bound (test/fuzz/targets.ts). A few hundred cases per parser here so CI keeps them;
// `npm run fuzz` runs the same targets for minutes. Crashers the fuzzer finds are kept below as regressions.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { targets } from './fuzz/targets.js';

const scratch = tempDir('mw-fuzz-');
// Generous: the suite runs beside other tests on two cores; `npm run fuzz` uses a tighter bound.
const limits = { maxMs: 5000, scratch };
const RUNS: Record<string, number> = { 'accept/smtpSession': 30 };

afterAll(async () => {
  for (const t of targets) await t.close?.();
});

describe('parsers keep their property on hostile input', () => {
  for (const target of targets) {
    it(target.name, async () => {
      // The first call loads rules and models: keep it out of the time bound.
      for (const input of fc.sample(target.arbitrary, { numRuns: 1, seed: 1 })) await target.check(input, { ...limits, maxMs: Infinity });
      const property = fc.asyncProperty(target.arbitrary, async (input) => { await target.check(input, limits); });
      await fc.assert(property, { numRuns: RUNS[target.name] ?? 200, seed: 20261204, examples: (target.regressions ?? []).map((r) => [r]) });
    });
  }
});

it('every parser a stranger feeds has a fuzz target', () => {
  expect(targets.map((t) => t.name).sort()).toEqual([
    'accept/readData', 'accept/smtpSession', 'bounce/parseBounce', 'classify/classifyReply', 'config/loadConfig',
    'feedback/intake', 'identify/identifySender', 'inspect/pdfReach', 'inspect/scoreContent',
  ]);
});
