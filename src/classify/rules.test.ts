// Every rule carries real reply texts; each must be decided by that very rule. A rule shadowed by an earlier one,
// or a pattern that no longer matches its own sample, fails here with the rule's file and line.
import { describe, expect, it } from 'vitest';
import { builtinRules, classifyWith } from './index.js';

const rules = builtinRules();

describe('built-in reply rules', () => {
  const all = [...[...rules.byProvider.values()].flat(), ...rules.generic];
  for (const rule of all) {
    for (const sample of rule.samples) {
      it(`${rule.id} (${rule.file.split('/').pop()}:${rule.line}) decides "${sample.text.slice(0, 70)}"`, () => {
        const c = classifyWith(rules, { text: sample.text, phase: sample.phase, mx: sample.mx, status: sample.status });
        expect(c.rule).toBe(rule.id);
        expect(c.reason).toBe(rule.reason);
      });
    }
  }
});
