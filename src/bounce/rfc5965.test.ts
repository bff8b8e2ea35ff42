import { describe, expect, it } from 'vitest';
import { outerParts } from './rfc3464.js';
import { parseFeedbackReports, parseRfc5965 } from './rfc5965.js';
import { parseBounce } from './index.js';
import { message } from '../../test/helpers/bounce-messages.js';
import { mimeTree, report } from '../../test/helpers/bounce-messages.js';

const parse = (raw: Buffer) => {
  const root = mimeTree(raw);
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

  it('reads every recipient a report names (Original-Rcpt-To may repeat)', () => {
    const raw = report('feedback-report', 'message/feedback-report', [
      'Feedback-Type: abuse', 'User-Agent: x/1', 'Version: 1',
      'Original-Rcpt-To: <one@example.com>', 'Original-Rcpt-To: <two@example.com>', 'Original-Rcpt-To: <three@example.net>',
    ]);
    const root = mimeTree(raw);
    const found = parseFeedbackReports(root, outerParts(root), 'X-Mailwarden-Trace');
    expect(found.kind === 'found' && found.value[0]!.recipients).toEqual(['one@example.com', 'two@example.com', 'three@example.net']);
    expect(parseBounce(raw).recipients.map((r) => [r.recipient, r.reason])).toEqual([
      ['one@example.com', 'feedback'], ['two@example.com', 'feedback'], ['three@example.net', 'feedback'],
    ]);
  });

  it('reads every report of a digest that forwards several as message/rfc822 parts', () => {
    const one = (rcpt: string, id: string) => [
      '--D', 'Content-Type: message/rfc822', '',
      'From: fbl@isp.example', 'To: fbl@example.org', 'Subject: complaint', 'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="R' + id + '"', '',
      '--R' + id, 'Content-Type: text/plain', '', 'This is an email abuse report.', '',
      '--R' + id, 'Content-Type: message/feedback-report', '',
      'Feedback-Type: abuse', 'User-Agent: isp-fbl/2', 'Version: 1', `Original-Rcpt-To: ${rcpt}`, '',
      '--R' + id, 'Content-Type: text/rfc822-headers', '', `Message-ID: <${id}@example.org>`, '', '--R' + id + '--', '',
    ];
    const raw = message([
      'From: fbl@isp.example', 'To: fbl@example.org', 'Subject: 2 complaints', 'Auto-Submitted: auto-generated', 'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="D"', '', ...one('a@example.com', 'm1'), ...one('b@example.com', 'm2'), '--D--', '',
    ]);
    const parsed = parseBounce(raw);
    expect(parsed.kind).toBe('arf');
    expect(parsed.recipients.map((r) => r.recipient)).toEqual(['a@example.com', 'b@example.com']);
    expect(parsed.feedback?.original.messageId).toBe('<m1@example.org>');
  });

  it('never takes a feedback report marked auto-replied for a vacation notice, even with its fields in a text part', () => {
    const raw = message([
      'From: fbl@isp.example', 'To: fbl@example.org', 'Subject: Auto-Reply: abuse report', 'Auto-Submitted: auto-replied', 'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="R"', '',
      '--R', 'Content-Type: text/plain', '', 'This is an email abuse report.', '',
      '--R', 'Content-Type: text/plain', '', 'Feedback-Type: abuse', 'User-Agent: isp-fbl/2', 'Version: 1', 'Original-Rcpt-To: <c@example.com>', '',
      '--R--', '',
    ]);
    expect(parseBounce(raw)).toMatchObject({ kind: 'arf', recipients: [{ recipient: 'c@example.com', reason: 'feedback' }] });
  });
});
