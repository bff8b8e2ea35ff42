// The prefilter may only skip a regex when the regex cannot match: its literals must be truly required.
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from './prefilter.js';

describe('requiredLiterals', () => {
  it('takes the longest plain run of each top-level branch', () => {
    expect(requiredLiterals('\\bspf\\b.{0,60}\\b(fail|failed)')).toEqual(['spf']);
    expect(requiredLiterals('relay access denied|not configured to relay')).toEqual(['relay access denied', 'not configured to relay']);
  });

  it('never counts optional or quantified characters, braces or classes', () => {
    expect(requiredLiterals('ip address is black ?listed')).toEqual(['ip address is black']);
    expect(requiredLiterals('in \\d{1,3} minutes')).toEqual([' minutes']);
    expect(requiredLiterals('mail ?box full')).toEqual(['box full']);
  });

  it('uses a mandatory group when a branch has no plain run, and gives up when it cannot prove one', () => {
    expect(requiredLiterals('\\b(user|mailbox) (is )?unknown')).toEqual(['unknown']);
    expect(requiredLiterals('\\b(user|mailbox)\\b')).toEqual(['user', 'mailbox']);
    expect(requiredLiterals('(?<!spam or )\\bvirus')).toEqual(['virus']);
    expect(requiredLiterals('\\b(ip|host)\\b')).toBeNull();
    expect(requiredLiterals('(optional group)?x')).toBeNull();
  });

  it('agrees with the regex on texts the regex matches', () => {
    const cases: Array<[string, string]> = [
      ['\\b(account|mailbox) (is |has been )?(disabled|suspended)', 'this mailbox has been suspended'],
      ['unable to deliver in \\d+ (minutes|hours)', 'unable to deliver in 840 minutes'],
      ['\\[(cs|hm)\\d\\d\\] message rejected', '[cs01] message rejected'],
    ];
    for (const [source, text] of cases) {
      expect(new RegExp(source).test(text)).toBe(true);
      expect(requiredLiterals(source)!.some((l) => text.includes(l))).toBe(true);
    }
  });
});
