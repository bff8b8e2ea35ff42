// The words of a DSN: our own failure reasons are readable, and a notice that gives up never promises a retry.
import { describe, expect, it } from 'vitest';
import { classifyReply } from '../classify/index.js';
import { buildDsn, readableReason } from './dsn.js';

describe('DSN wording', () => {
  it('turns socket errors into sentences and keeps other reasons as written', () => {
    expect(readableReason('ESOCKET: connect ECONNREFUSED 127.0.0.1:3996')).toBe('the receiving server refused the connection (127.0.0.1 port 3996)');
    expect(readableReason('ETIMEDOUT: Connection timed out')).toBe('the connection to the receiving server timed out');
    expect(readableReason('550 5.1.2 domain example.invalid does not exist')).toBe('550 5.1.2 domain example.invalid does not exist');
  });

  it('a final DSN quotes no raw socket error and does not say the relay retries', () => {
    const classification = classifyReply({ text: '451 4.3.0 Temporary local problem - please try later' });
    expect(classification.fix).toMatch(/tries again|retr/);
    const dsn = buildDsn({
      reportingMta: 'relay.example.org',
      original: { id: 'q1', mailFrom: 'sender@example.org', receivedAt: 0, raw: Buffer.from('Subject: hi\r\n\r\nbody\r\n') },
      recipients: [
        { rcpt: 'a@example.com', action: 'failed', status: '4.4.1', reply: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:3996', remoteMta: '', lastAttemptAt: 0, expired: true },
        { rcpt: 'b@example.com', action: 'failed', status: '4.3.0', reply: '451 4.3.0 Temporary local problem - please try later', remoteMta: 'mx.example.com', lastAttemptAt: 0, expired: true, classification },
      ],
      now: 0,
    });
    const text = dsn.raw.toString('utf8').replace(/\r\n[ \t]+/g, ' ');
    expect(text).not.toMatch(/ESOCKET|ECONNREFUSED/);
    expect(text).toContain('the receiving server refused the connection (127.0.0.1 port 3996)');
    expect(text).not.toMatch(/relay (tries|retries)|will be retried|tries again later/i);
    expect(text).toContain('Diagnostic-Code: smtp; 451 4.3.0 Temporary local problem - please try later');
  });
});
