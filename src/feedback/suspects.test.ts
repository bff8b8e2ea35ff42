import { describe, expect, it } from 'vitest';
import { nameSuspects } from './suspects.js';

const block = { reason: 'blocked' as const, blame: 'sender-ip' as const, scope: 'destination' as const, provider: 'aol' };

describe('a block names its suspects', () => {
  it('ranks the identities that sent most to the provider, raised by their complaints', () => {
    const suspects = nameSuspects(block, [
      { identity: 'a/newsletter', sent: 500, complaints: 0, hardBounces: 2 },
      { identity: 'a/hijacked', sent: 400, complaints: 4, hardBounces: 30 },
      { identity: 'b', sent: 100, complaints: 0, hardBounces: 0 },
    ]);
    expect(suspects.map((s) => s.identity)).toEqual(['a/hijacked', 'a/newsletter', 'b']);
    expect(suspects[0]!.why).toBe('400 of 1000 messages to aol (40 %), 4 complaints, 30 hard bounces before the blocked refusal');
  });

  it('names nobody for a refusal that is about one recipient or one message', () => {
    expect(nameSuspects({ ...block, reason: 'userunknown', blame: 'recipient', scope: 'recipient' }, [{ identity: 'x', sent: 5, complaints: 0, hardBounces: 0 }])).toEqual([]);
    expect(nameSuspects({ ...block, blame: 'content', scope: 'message' }, [{ identity: 'x', sent: 5, complaints: 0, hardBounces: 0 }])).toEqual([]);
  });
});
