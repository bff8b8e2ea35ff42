import { describe, expect, it } from 'vitest';
import { createCampaignTracker } from './campaign.js';

const HOUR = 3_600_000;

describe('campaign tracker', () => {
  it('counts recipients per identity and identities per fingerprint within the hour', () => {
    const c = createCampaignTracker();
    c.record('0123456789abcdef', 'a', 3, 0);
    c.record('0123456789abcdef', 'a', 2, 1000);
    expect(c.record('0123456789abcdef', 'b', 1, 2000)).toEqual({ identityRecipients: 1, identities: 2, recipients: 6 });
    expect(c.peek('0123456789abcdef', 'a', 3000)).toEqual({ identityRecipients: 5, identities: 2, recipients: 6 });
    expect(c.peek('0123456789abcdef', 'a', HOUR)).toEqual({ identityRecipients: 0, identities: 0, recipients: 0 });
  });
});
