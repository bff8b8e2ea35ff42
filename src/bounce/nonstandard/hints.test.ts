import { describe, expect, it } from 'vitest';
import { bounceHint, withoutHints } from './hints.js';

describe('bounce hints', () => {
  it('takes the MTA conclusion out of the text around a quoted reply', () => {
    const text = 'retry timeout exceeded\n550 5.2.2 mailbox full';
    expect(bounceHint(text)).toBe('expired');
    expect(withoutHints(text)).toBe('550 5.2.2 mailbox full');
  });
  it('keeps a conclusion that opens the reply itself, so the reply rules weigh it', () => {
    expect(withoutHints('550 5.4.300 Message expired, host unreachable')).toBe('550 5.4.300 Message expired, host unreachable');
    expect(withoutHints('smtp; 554 4.4.7 Message expired')).toBe('smtp; 554 4.4.7 Message expired');
  });
});
