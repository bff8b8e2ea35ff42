// A bad rule file must stop loading with its file, line and rule id (DESIGN.md §3.5), never half-load.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CACHE_FILE, RuleFileError, compileFile, loadRuleSet, writeRuleCache } from './ruleset.js';

const rule = (extra: string) => `priority: 1
rules:
  - id: good-rule
    match: 'user unknown'
    reason: userunknown
    blame: recipient
    explanation: "The recipient address does not exist."
    fix: "Remove the address."
    samples: ['550 user unknown']
  - id: second-rule
${extra}`;

const SECOND_OK = `    match: 'mailbox full'
    reason: mailboxfull
    blame: recipient
    explanation: "The recipient's mailbox is full."
    fix: "Try again later."
    samples: ['552 mailbox full']
`;

describe('rule files', () => {
  it('loads a good file', () => {
    expect(compileFile('ok.yaml', rule(SECOND_OK)).rules.map((r) => r.id)).toEqual(['good-rule', 'second-rule']);
  });

  it('names file, line and rule for an unknown reason', () => {
    const bad = SECOND_OK.replace('reason: mailboxfull', 'reason: mailbox-full');
    expect(() => compileFile('bad.yaml', rule(bad))).toThrow(/^bad\.yaml:12: rule second-rule: rules\.1\.reason: /);
  });

  it('names file, line and rule for a pattern that does not compile', () => {
    const bad = SECOND_OK.replace("match: 'mailbox full'", "match: 'mailbox (full'");
    expect(() => compileFile('bad.yaml', rule(bad))).toThrow(/^bad\.yaml:11: rule second-rule: bad pattern/);
  });

  it('names file and line of a YAML syntax error', () => {
    expect(() => compileFile('broken.yaml', 'priority: 1\nrules:\n  - id: [unclosed\n')).toThrow(RuleFileError);
    expect(() => compileFile('broken.yaml', 'priority: 1\nrules:\n  - id: [unclosed\n')).toThrow(/^broken\.yaml:\d+: YAML error/);
  });

  it('refuses a rule without a sample', () => {
    const bad = SECOND_OK.replace("    samples: ['552 mailbox full']\n", '');
    expect(() => compileFile('bad.yaml', rule(bad))).toThrow(/rule second-rule: rules\.1\.samples/);
  });

  it('refuses the same rule id in two files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-rules-'));
    writeFileSync(join(dir, 'a.yaml'), rule(SECOND_OK));
    writeFileSync(join(dir, 'b.yaml'), rule(SECOND_OK));
    expect(() => loadRuleSet(dir)).toThrow(/b\.yaml:3: rule good-rule: id already used at .*a\.yaml:3/);
  });

  it('starts from the build cache while it matches the YAML, and from the YAML once a file changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-rules-'));
    writeFileSync(join(dir, 'a.yaml'), rule(SECOND_OK));
    writeRuleCache(dir);
    // Mark the cached copy, so that the test can tell which source the rules came from.
    const cachePath = join(dir, RULE_CACHE_FILE);
    writeFileSync(cachePath, readFileSync(cachePath, 'utf8').replace('Try again later.', 'From the cache.'));
    expect(loadRuleSet(dir).generic.find((r) => r.id === 'second-rule')).toMatchObject({ fix: 'From the cache.', line: 10 });
    writeFileSync(join(dir, 'a.yaml'), rule(SECOND_OK.replace('Try again later.', 'Edited in YAML.')));
    expect(loadRuleSet(dir).generic.find((r) => r.id === 'second-rule')?.fix).toBe('Edited in YAML.');
  });

  it('refuses to write a cache of bad rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-rules-'));
    writeFileSync(join(dir, 'a.yaml'), rule(SECOND_OK.replace('mailboxfull', 'nosuchreason')));
    expect(() => writeRuleCache(dir)).toThrow(RuleFileError);
  });
});
