// A bad rule file must stop loading with its file, line and rule id (DESIGN.md §3.5), never half-load.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleFileError, compileFile, loadRuleSet } from './ruleset.js';

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
});
