// What the engine guarantees beyond single rules: the order of evidence, the phase guard, the fallbacks, the
// contract's closed sets, and a clear answer (never a crash) for any input.
import { describe, expect, it } from 'vitest';
import { ACTIONS, BLAMES, REASONS, SCOPES, classifyReply } from './index.js';

describe('classifyReply', () => {
  it('answers the issue example exactly', () => {
    const c = classifyReply({ text: '521 5.2.1 : (CON:B1) http://postmaster.info.aol.com/errors/554conb1.html', phase: 'connect' });
    expect(c).toMatchObject({
      code: 521, status: '5.2.1', reason: 'blocked', blame: 'sender-ip', permanent: true, scope: 'session',
      provider: 'AOL', action: 'pause-route', rule: 'aol-con-b1',
    });
    expect(c.link).toMatch(/^https?:\/\//);
    expect(c.explanation.length).toBeGreaterThan(20);
    expect(c.fix.length).toBeGreaterThan(20);
  });

  it('lets the object a generic refusal names decide what it reaches: an IP the session, a domain the message', () => {
    expect(classifyReply({ text: '554 5.7.1 Your message was rejected because the sending domain is listed on a URI blocklist' }))
      .toMatchObject({ reason: 'blocked', blame: 'sender-domain', scope: 'message', action: 'bounce' });
    expect(classifyReply({ text: '550 Rejected: 198.51.100.7 listed at bl.spamcop.net' }))
      .toMatchObject({ reason: 'blocked', blame: 'sender-ip', scope: 'session', action: 'pause-route' });
  });

  it('never blames the content for a refusal before DATA: at RCPT TO the server has judged the sender', () => {
    expect(classifyReply({ text: '550 5.7.1 Rejected due to policy violations', phase: 'rcpt' })).toMatchObject({ reason: 'policyviolation', blame: 'sender-domain', scope: 'message' });
    expect(classifyReply({ text: '550 5.7.1 Rejected due to policy violations', phase: 'data' })).toMatchObject({ blame: 'content' });
    // ... unless the one object it names is the connecting IP: then the IP is what was judged, and the whole session.
    expect(classifyReply({ text: '550 Rejected: policy violation from IP 192.0.2.9', phase: 'rcpt' })).toMatchObject({ reason: 'policyviolation', blame: 'sender-ip', scope: 'session' });
  });

  it("tells au (KDDI)'s reception filter from a missing mailbox by the form of the reply", () => {
    expect(classifyReply({ text: '550 : User unknown', mx: 'mx3.ezweb.ne.jp', phase: 'rcpt' })).toMatchObject({ reason: 'filtered', provider: 'au (KDDI)' });
    expect(classifyReply({ text: '550 <hanako.example@au.com>: User unknown', mx: 'mx3.au.com', phase: 'rcpt' })).toMatchObject({ reason: 'userunknown' });
    // Elsewhere the bare form says nothing of a filter.
    expect(classifyReply({ text: '550 : User unknown', mx: 'mx.example.net', phase: 'rcpt' })).toMatchObject({ reason: 'userunknown' });
  });

  it('never blames the recipient for a refusal at connect, HELO or MAIL FROM', () => {
    const text = '550 5.1.1 <someone@example.com>... User unknown';
    expect(classifyReply({ text, phase: 'rcpt' })).toMatchObject({ reason: 'userunknown', blame: 'recipient', action: 'bounce' });
    for (const phase of ['connect', 'helo', 'mail'] as const) {
      expect(classifyReply({ text, phase }).blame).not.toBe('recipient');
      // Nor the content: none has been sent yet.
      expect(classifyReply({ text: '554 5.7.1 Your message was rejected because of policy violations', phase }).blame).not.toBe('content');
      expect(classifyReply({ text: '550 5.2.2 Mailbox full', phase }).reason).not.toBe('mailboxfull');
    }
    expect(classifyReply({ text: '554 5.7.1 Rejected because of policy violations', phase: 'connect' })).toMatchObject({ reason: 'blocked', blame: 'sender-ip' });
    expect(classifyReply({ text, phase: 'mail' })).toMatchObject({ reason: 'rejected', blame: 'sender-domain' });
  });

  it('lets the text decide when a provider reuses a status code', () => {
    expect(classifyReply({ text: '421 4.7.0 TLS required for RCPT domain, closing connection.' }).reason).toBe('failedstarttls');
    expect(classifyReply({
      text: '421-4.7.0 [192.0.2.1 15] Our system has detected an unusual rate of\n421-4.7.0 unsolicited mail originating from your IP address.',
    })).toMatchObject({ reason: 'ratelimited', blame: 'sender-ip', permanent: false });
    expect(classifyReply({
      text: '550-5.7.1 [192.0.2.1] Our system has detected an unusual rate of\n550-5.7.1 unsolicited mail originating from your IP address.',
    })).toMatchObject({ reason: 'blocked', blame: 'sender-ip', permanent: true });
    // GoDaddy answers a recipient-count limit with 5.1.1.
    expect(classifyReply({ text: '550 5.1.1 <a@example.com> - 192.0.2.2 has sent to too many recipients this hour. IB607' }).reason).toBe('ratelimited');
  });

  it('detects the provider from the MX host and uses its table first', () => {
    const c = classifyReply({ text: '550 5.4.6 Unusual sending activity detected. Please try after sometime.', mx: 'mx2.zoho.com' });
    expect(c).toMatchObject({ provider: 'Zoho', rule: 'zoho-unusual-activity', reason: 'ratelimited' });
    expect(classifyReply({ text: '550 spam detected', mx: 'mx1.free.fr' }).rule).toBe('free-spam-detected');
    // As a DSN's Remote-MTA field writes it.
    expect(classifyReply({ text: '550 spam detected', mx: 'dns; MX1.FREE.FR. (212.27.48.6)' }).provider).toBe('Free');
  });

  it('reads the phase a bounce quoted when the caller does not know it', () => {
    const c = classifyReply({ text: 'host mx.example.com[192.0.2.9] said: 550 5.1.1 User unknown (in reply to MAIL FROM command)' });
    expect(c).toMatchObject({ reason: 'rejected', blame: 'sender-domain' });
  });

  it('falls back to the RFC 3463 status, then to the basic code', () => {
    expect(classifyReply({ text: '550 5.1.2 nope' })).toMatchObject({ reason: 'hostunknown', rule: 'fallback-status', permanent: true });
    expect(classifyReply({ text: 'nope', status: '4.2.2' })).toMatchObject({ reason: 'mailboxfull', status: '4.2.2', permanent: false });
    expect(classifyReply({ text: '452 nope' })).toMatchObject({ reason: 'systemfull', rule: 'fallback-code', permanent: false });
    expect(classifyReply({ text: 'nope', status: 'not-a-status' })).toMatchObject({ status: null, rule: 'fallback-none' });
  });

  it('gives a clear answer for garbage, binary and huge input', () => {
    const inputs = [
      '', '   \n\n', '\u0000\u0001\u0002\uFFFD binary \u0007', 'x'.repeat(1024 * 1024),
      'user '.repeat(200_000), '('.repeat(100_000) + ')'.repeat(100_000),
    ];
    for (const text of inputs) {
      const c = classifyReply({ text, mx: 'm'.repeat(10_000) });
      expect(c.reason).toBe('undefined');
      expect(c.rule).toMatch(/^fallback-/);
    }
    expect(classifyReply({ text: null as unknown as string }).rule).toBe('fallback-none');
    expect(classifyReply({ text: '550' + '-'.repeat(100_000) }).rule).toBe('fallback-code');
  });

  it('only ever answers with the contract names', () => {
    for (const text of ['250 2.1.5 Ok', '421 Service not available', '554 5.7.1 Spam', '451 4.4.1 No answer', '']) {
      const c = classifyReply({ text });
      expect(REASONS).toContain(c.reason);
      expect(BLAMES).toContain(c.blame);
      expect(SCOPES).toContain(c.scope);
      expect(ACTIONS).toContain(c.action);
    }
    expect(classifyReply({ text: '250 2.1.5 Ok' })).toMatchObject({ reason: 'delivered', action: 'none' });
  });
});
