// Bounces from the common MTA families (samples from Sisimai's BSD-licensed corpus, LICENSE beside them) read into
// the `bounce --json` contract: kind, recipients in order, status, reply code and reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBounce } from '../src/bounce/index.js';

const fixture = (name: string) => parseBounce(readFileSync(join(import.meta.dirname, 'fixtures/bounces', name)));

describe('a bounce is read into kind, recipients, status and reason', () => {
  const cases: Array<[string, string, Array<[string, string | null, number | null, string]>]> = [
    ['lhost-sendmail-01.eml', 'dsn', [['userunknown@bouncehammer.jp', '5.1.1', 550, 'userunknown']]],
    ['lhost-postfix-09.eml', 'dsn', [['kijitora@example.ne.jp', '4.3.2', 452, 'ratelimited']]],
    ['lhost-domino-02.eml', 'dsn', [['kijitora@example.co.jp', '5.0.0', null, 'onhold']]],
    ['lhost-exim-01.eml', 'nondsn', [['kijitora@example.ed.jp', '5.7.0', 550, 'blocked']]],
    ['lhost-gmail-01.eml', 'nondsn', [['userunknown@example.jp', '5.1.1', 550, 'userunknown']]],
    ['lhost-yahoo-01.eml', 'nondsn', [['kijitora@example.org', '5.1.1', 550, 'userunknown']]],
    ['lhost-dragonfly-01.eml', 'nondsn', [['pseudo-local-part@google.example.com', '5.7.26', 550, 'authfailure']]],
    ['lhost-exchange2003-01.eml', 'nondsn', [['kijitora@example.jp', null, null, 'userunknown']]],
    ['lhost-office365-01.eml', 'nondsn', [['kijitora@example.com', '5.1.10', 550, 'userunknown']]],
    ['lhost-amazonses-09.eml', 'nondsn', [['bounce@simulator.amazonses.com', '5.1.1', 550, 'userunknown']]],
    ['rfc3834-02.eml', 'autoreply', [['nekonyaan@example.org', null, null, 'vacation']]],
  ];
  for (const [file, kind, recipients] of cases) {
    it(`${file}: ${kind}, ${recipients.map((r) => r[3]).join(', ')}`, () => {
      const report = fixture(file);
      expect(report.kind).toBe(kind);
      expect(report.recipients.map((r) => [r.recipient, r.status, r.code, r.reason])).toEqual(recipients);
      for (const r of report.recipients) expect(r.explanation.length).toBeGreaterThan(0);
    });
  }

  it('a qmail bounce keeps the remote host and the whole remote reply', () => {
    const [r] = fixture('lhost-qmail-03.eml').recipients;
    expect(r).toMatchObject({ recipient: 'kijitora@example.org', remote_mta: '192.0.2.225', diagnostic: '550 5.7.1 <root@nijo.example.jp>... Access denied' });
  });

  it('a multi-line reply quoted by DragonFly is joined into one diagnostic', () => {
    const [r] = fixture('lhost-dragonfly-01.eml').recipients;
    expect(r?.diagnostic).toMatch(/^550-5\.7\.26 Unauthenticated email .* 550 5\.7\.26 https:\/\/support\.google\.com\/mail\/\?p=DmarcRejection/);
    expect(r?.remote_mta).toBe('gmail-smtp-in.l.google.com');
  });

  it('an ARF report is feedback, with the reported message traced', () => {
    const report = fixture('arf-11.eml');
    expect(report.kind).toBe('arf');
    expect(report.recipients.map((r) => r.reason)).toEqual(['feedback']);
    expect(report.feedback?.feedbackType).toBe('abuse');
    expect(report.feedback?.original.from).toBe('<shironeko@example.net>');
  });

  it('Japanese (ISO-2022-JP) diagnostics are decoded', () => {
    expect(fixture('lhost-domino-02.eml').recipients[0]?.diagnostic).toContain('Domino ディレクトリには見つかりません');
  });
});
