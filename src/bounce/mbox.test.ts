import { describe, expect, it } from 'vitest';
import { splitMbox } from './mbox.js';

const text = (parts: Buffer[]) => parts.map((p) => p.toString());

describe('splitMbox', () => {
  it('splits an mbox into its messages without the postmark lines', () => {
    const raw = Buffer.from('From MAILER-DAEMON  Thu Apr 29 23:34:45 2026\nSubject: one\n\nbody one\nFrom here on, a body line\n\nFrom MAILER-DAEMON  Thu Apr 29 23:35:00 2026\nSubject: two\n\nbody two\n');
    expect(text(splitMbox(raw))).toEqual(['Subject: one\n\nbody one\nFrom here on, a body line\n', 'Subject: two\n\nbody two\n']);
  });

  it('leaves a plain message, and a "From " line not followed by headers, as one message', () => {
    expect(text(splitMbox(Buffer.from('Subject: x\n\ny')))).toEqual(['Subject: x\n\ny']);
    expect(text(splitMbox(Buffer.from('From nowhere\nnot a header')))).toEqual(['From nowhere\nnot a header']);
  });
});
