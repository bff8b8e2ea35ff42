import { describe, expect, it } from 'vitest';
import { parseMime } from './mime.js';
import { outerParts } from './rfc3464.js';
import { parseRfc5965 } from './rfc5965.js';
import { report, testLimits } from '../../test/helpers/bounce-messages.js';

const parse = (raw: Buffer) => {
  const root = parseMime(raw, testLimits);
  return parseRfc5965(root, outerParts(root), 'X-Mailwarden-Trace');
};

describe('parseRfc5965', () => {
  it('reads the feedback fields and the reported message headers, our trace header included', () => {
    const result = parse(
      report('feedback-report', 'message/feedback-report', [
        'Feedback-Type: abuse',
        'User-Agent: ExampleFBL/1.0',
        'Version: 1',
        'Original-Mail-From: <bounces+123@example.org>',
        'Original-Rcpt-To: <complainer@example.com>',
        'Source-IP: 192.0.2.7',
        'Arrival-Date: Sun, 29 Nov 2026 10:00:00 +0000',
        'Reported-Domain: example.org',
      ], 'This is an email abuse report.'),
    );
    expect(result).toEqual({
      kind: 'found',
      value: {
        feedbackType: 'abuse',
        userAgent: 'ExampleFBL/1.0',
        originalMailFrom: 'bounces+123@example.org',
        originalRcptTo: 'complainer@example.com',
        sourceIp: '192.0.2.7',
        arrivalDate: 'Sun, 29 Nov 2026 10:00:00 +0000',
        reportedDomain: 'example.org',
        original: { messageId: '<q1@example.org>', trace: 'v1.acct.abc123', from: 'sender@example.org', to: 'someone@example.com', subject: 'quarterly report' },
      },
    });
  });

  it('falls back to the reported message To: when Original-Rcpt-To is absent', () => {
    const result = parse(report('feedback-report', 'message/feedback-report', ['Feedback-Type: opt-out', 'User-Agent: x/1', 'Version: 1']));
    expect(result.kind === 'found' && result.value.originalRcptTo).toBe('someone@example.com');
  });

  it('says "broken" without Feedback-Type and "not this kind" for a delivery report', () => {
    expect(parse(report('feedback-report', 'message/feedback-report', ['User-Agent: x/1', 'Version: 1']))).toEqual({ kind: 'broken', error: 'feedback report without a Feedback-Type field' });
    expect(parse(report('feedback-report', 'text/plain', ['no report part'])).kind).toBe('broken');
    expect(parse(report('delivery-status', 'message/delivery-status', ['Final-Recipient: rfc822; a@example.com'])).kind).toBe('not-this-kind');
  });
});
