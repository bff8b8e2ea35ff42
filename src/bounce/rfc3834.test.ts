import { describe, expect, it } from 'vitest';
import { parseRfc3834 } from './rfc3834.js';
import { mime } from '../../test/helpers/bounce-messages.js';

const reply = (headers: string[]) => mime(['From: Ann Example <ann@example.com>', 'To: sender@example.org', ...headers, '', 'I am away until Monday.']);

describe('parseRfc3834', () => {
  it('recognises Auto-Submitted: auto-replied, X-Autoreply, Precedence and auto-reply subjects', () => {
    for (const headers of [['Auto-Submitted: auto-replied (vacation)'], ['X-Autoreply: yes'], ['Precedence: auto_reply'], ['Subject: Out of Office: meeting'], ['Subject: Automatic reply: hello']]) {
      expect(parseRfc3834(reply(headers), 'I am away until Monday.')).toEqual({ kind: 'found', value: { responder: 'ann@example.com', excerpt: 'I am away until Monday.', disabled: false } });
    }
  });

  it('tells a closed mailbox ("no longer in use") from a holiday', () => {
    const text = 'This email inbox ann@example.com is no longer in use. Please write to team@example.com.';
    expect(parseRfc3834(reply(['Subject: Automatic reply: hello']), text)).toMatchObject({ kind: 'found', value: { disabled: true } });
  });

  it('does not take a bounce marked auto-replied (as Exim marks its bounces) for a vacation notice', () => {
    const bounce = mime(['From: Mail Delivery System <Mailer-Daemon@mx.example.net>', 'Subject: Mail delivery failed', 'Auto-Submitted: auto-replied', '', 'failed']);
    expect(parseRfc3834(bounce, 'failed').kind).toBe('not-this-kind');
  });

  it('says "not this kind" for an ordinary message and "broken" without a From address', () => {
    expect(parseRfc3834(reply(['Subject: lunch?']), '').kind).toBe('not-this-kind');
    expect(parseRfc3834(mime(['From: nobody', 'Auto-Submitted: auto-replied', '', 'x']), 'x').kind).toBe('broken');
  });
});
