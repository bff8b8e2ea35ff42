import { describe, expect, it } from 'vitest';
import type { Verdict } from '../shared/types.js';
import { decisionReply, stricterDecision } from './reply.js';
import type { Decision } from './types.js';

const d = (verdict: Verdict, reason = 'Too many messages\r\nfrom you'): Decision => ({ verdict, code: 'MW-TEST', reason, evidence: [] });

describe('decision → SMTP reply', () => {
  it('maps every verdict', () => {
    expect(decisionReply(d('accept'), 'Q1')).toEqual({ kind: 'enqueue', state: 'queued', code: 250, text: '2.0.0 Ok: queued as Q1' });
    expect(decisionReply(d('tag'), 'Q1')).toMatchObject({ kind: 'enqueue', state: 'queued' });
    expect(decisionReply(d('quarantine'), 'Q1')).toEqual({ kind: 'enqueue', state: 'quarantined', code: 250, text: '2.0.0 Ok: queued as Q1' });
    expect(decisionReply(d('defer'), 'Q1')).toEqual({ kind: 'refuse', code: 451, text: '4.7.1 [MW-TEST] Too many messages from you (ref Q1)' });
    expect(decisionReply(d('reject'), 'Q1')).toEqual({ kind: 'refuse', code: 550, text: '5.7.1 [MW-TEST] Too many messages from you (ref Q1)' });
    expect(decisionReply(d('suspend'), 'Q1')).toMatchObject({ kind: 'refuse', code: 550 });
  });
  it('keeps the stricter of two decisions', () => {
    expect(stricterDecision(d('quarantine'), d('accept')).verdict).toBe('quarantine');
    expect(stricterDecision(d('tag'), d('reject')).verdict).toBe('reject');
  });
});
