import { describe, expect, it } from 'vitest';
import { recipientBlocks, smtpPhase } from './recipient-blocks.js';

const read = (lines: string[], exclude: string[] = [], known: string[] = []) => recipientBlocks({ text: lines.join('\n'), exclude, known, openingAsReason: true });

describe('recipientBlocks', () => {
  it('reads a qmail-style report: recipient, remote host, reply and phase', () => {
    const [r, ...rest] = read(['Hi. This is the qmail-send program at relay.example.net.', '', '<ann@example.com>:', 'Connected to 192.0.2.9 but sender was rejected.', 'Remote host said: 553 5.7.1 <sender@example.org>... Sender denied', ''], ['sender@example.org']);
    expect(rest).toEqual([]);
    expect(r).toEqual({ recipient: 'ann@example.com', status: '5.7.1', code: 553, diagnostic: '553 5.7.1 <sender@example.org>... Sender denied', remoteMta: '192.0.2.9', dsnAction: null, phase: 'mail', hint: null });
  });

  it('finds the remote reply after a full-width colon, as Chinese and Japanese templates label it', () => {
    const [r] = read(['退信原因：对方服务器暂时拒收。', '收件人：wang@example.cn', '远程服务器：mx.example.cn [192.0.2.8]', '服务器返回：452 4.2.2 Mailbox over quota', '']);
    expect(r).toMatchObject({ recipient: 'wang@example.cn', code: 452, status: '4.2.2', diagnostic: '452 4.2.2 Mailbox over quota' });
  });

  it('joins a multi-line reply and stops at the paragraph end', () => {
    const [r] = read(['  bob@example.com', '    SMTP error from remote mail server after RCPT TO:<bob@example.com>:', '    host mx.example.com [192.0.2.3]: 550-5.1.1 The email account that you tried to reach', '    550 5.1.1 does not exist.', '', 'Other text 421 not a reply']);
    expect(r).toMatchObject({ diagnostic: '550-5.1.1 The email account that you tried to reach 550 5.1.1 does not exist.', code: 550, status: '5.1.1', remoteMta: 'mx.example.com', phase: 'rcpt' });
  });

  it('gives each Sendmail recipient line its own reply, and a RCPT TO transcript its phase to the recipient it names', () => {
    const rs = read(['   ----- Transcript of session follows -----', '550 <a@example.com>... 550 Host unknown', '554 <b@example.com>... Service unavailable', 'While talking to mx.example.net:', '>>> RCPT To:<c@example.net>', '<<< 550 No such user here', '550 <c@example.net>... User unknown']);
    expect(rs.map((r) => [r.recipient, r.diagnostic, r.phase])).toEqual([
      ['a@example.com', '550 <a@example.com>... 550 Host unknown', 'rcpt'],
      // (the transcript below is c's session: it says nothing of the command b's refusal answered)
      ['b@example.com', '554 <b@example.com>... Service unavailable', null],
      ['c@example.net', '550 No such user here', 'rcpt'],
    ]);
  });

  it('ends a Sendmail entry\'s reason where the next entry names a program an alias delivered to', () => {
    const [r] = read(['   ----- The following addresses had permanent fatal errors -----', '<ann@example.com>', '    (reason: 550 5.1.1 <ann@example.com>... User unknown)', '"|/usr/bin/procmail -a support"', '    (reason: 554 5.3.0 unknown mailer error 75)', '    (expanded from: <help@example.com>)', '']);
    expect(r).toMatchObject({ recipient: 'ann@example.com', code: 550, diagnostic: '550 5.1.1 <ann@example.com>... User unknown)' });
  });

  it("keeps the command one qmail recipient's entry names to that recipient", () => {
    const rs = read(['Hi. This is the qmail-send program at mx.example.org.', '', '<ann@example.org>:', 'user is over quota', '', '<bob@example.net>:', 'Connected to 192.0.2.61 but sender was rejected.', 'Remote host said: 553 5.1.8 <s@example.org>: Sender address rejected: Domain not found', ''], ['s@example.org']);
    expect(rs.map((r) => [r.recipient, r.diagnostic, r.phase])).toEqual([
      ['ann@example.org', '<ann@example.org>: user is over quota', null],
      ['bob@example.net', '553 5.1.8 <s@example.org>: Sender address rejected: Domain not found', 'mail'],
    ]);
  });

  it("takes the remote reply from the Sendmail session above a recipient's summary line", () => {
    const rs = read(['   ----- Transcript of session follows -----', 'While talking to mx.example.edu:', '>>> MAIL From:<s@example.org>', '<<< 550 Relaying denied', '554 <a@example.edu>... Remote protocol error', 'While talking to mx.example.net:', '>>> RCPT To:<b@example.net>', '<<< 552 Mailbox full', '552 <b@example.net>... Mailbox full']);
    expect(rs.map((r) => [r.recipient, r.diagnostic, r.phase])).toEqual([
      ['a@example.edu', '550 Relaying denied', 'mail'],
      ['b@example.net', '552 Mailbox full', 'rcpt'],
    ]);
  });

  it('prefers report sentences over summary header lines, and the sender only when nobody else is named', () => {
    expect(read(['Your message', '  To:      first@example.com', '  Subject: hi', 'did not reach the following recipient(s):', 'second@example.com on Thu, 29 Apr 2026', '    The recipient name is not recognized']).map((r) => r.recipient)).toEqual(['second@example.com']);
    expect(read(['<me@example.org>:', 'mailbox is full'], ['me@example.org']).map((r) => r.recipient)).toEqual(['me@example.org']);
  });

  it("takes the report's opening as the reason when a recipient's block is only its address", () => {
    const [r] = read(['The user(s) account is disabled.', '', '<gone@example.jp>', '']);
    expect(r?.diagnostic).toBe('The user(s) account is disabled. <gone@example.jp>');
  });

  it('keeps the order of X-Failed-Recipients and skips daemon addresses', () => {
    const rs = read(['postmaster@example.net says:', 'b@example.com: 550 unknown', 'a@example.com: 552 full'], [], ['a@example.com', 'b@example.com']);
    expect(rs.map((r) => [r.recipient, r.code])).toEqual([
      ['a@example.com', 552],
      ['b@example.com', 550],
    ]);
  });

  it('names the MTA-stated reason as a hint (qmail giving up)', () => {
    const [r] = read(['<x@example.com>:', "Sorry, I couldn't find any host named example.com. (#5.1.2)", ''], []);
    expect(r?.hint).toBe('hostunknown');
  });
});

describe('smtpPhase', () => {
  it('reads the phase from the common MTA wordings', () => {
    expect(smtpPhase('(in reply to\n    RCPT TO command)')).toBe('rcpt');
    expect(smtpPhase('SMTP error from remote mail server after end of data:')).toBe('eod');
    expect(smtpPhase('mx.example.com [192.0.2.1] did not like our final DATA:')).toBe('eod');
    expect(smtpPhase('550 5.1.1 <a@b>... User Unknown [RCPT_TO]')).toBe('rcpt');
    expect(smtpPhase('SMTP error from remote mail server after MAIL FROM:<a@b>')).toBe('mail');
    expect(smtpPhase('-------server message\n550 No such user\n\n-------SMTP command\nDATA\n')).toBe('data');
    expect(smtpPhase('SMTP command: RCPT TO:<a@b.example>')).toBe('rcpt');
    expect(smtpPhase('no command named here')).toBeNull();
  });
});
