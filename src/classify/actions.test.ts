// The action a reply gets is what the relay does about it (src/routes/react.ts performs the route reactions from this
// very field), and a rule's fix text that speaks of what the relay does says what its action does, for every sample.
import { describe, expect, it } from 'vitest';
import { builtinRules, classifyReply, classifyWith } from './index.js';

describe('actions', () => {
  it('names the route reaction the relay performs', () => {
    const cases: Array<[string, Parameters<typeof classifyReply>[0]]> = [
      ['pause-route', { text: '521 5.2.1 : (CON:B1) http://postmaster.info.aol.com/errors/554conb1.html', phase: 'connect' }],
      ['pause-route', { text: "550 5.7.1 Unfortunately, messages from [192.0.2.7] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).", phase: 'mail' }],
      ['slow-down', { text: '421 4.7.0 [TSS04] Messages from 192.0.2.7 temporarily deferred due to unexpected volume or user complaints', phase: 'mail' }],
      ['retry-later', { text: '450 4.7.1 Greylisted, please try again in 300 seconds', phase: 'rcpt' }],
      ['bounce', { text: '550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown', phase: 'rcpt' }],
      ['retry', { text: '452 4.2.2 The email account that you tried to reach is over quota', phase: 'rcpt' }],
    ];
    for (const [action, input] of cases) expect(classifyReply(input).action, input.text).toBe(action);
  });

  it("keeps every rule's fix text true to its action", () => {
    const rules = builtinRules();
    const wrong: string[] = [];
    for (const rule of [...[...rules.byProvider.values()].flat(), ...rules.generic]) {
      for (const sample of rule.samples) {
        const c = classifyWith(rules, { text: sample.text, phase: sample.phase, mx: sample.mx, status: sample.status });
        const says = (re: RegExp) => re.test(rule.fix);
        // The actions the fix text's words allow; a text that says nothing about the relay allows any.
        const allowed = new Set<string>();
        if (says(/relay sends more slowly/)) allowed.add('slow-down');
        if (says(/pauses this IP/)) allowed.add('pause-route');
        if (says(/relay retries after the delay/)) allowed.add('retry-later');
        if (says(/relay (retries|tries again)/)) for (const a of ['retry', 'retry-later', 'slow-down']) allowed.add(a);
        if (says(/a permanent one bounces/)) allowed.add('bounce');
        if ((allowed.size > 0 && !allowed.has(c.action)) || (says(/Nothing is lost/) && c.action === 'bounce')) wrong.push(`${rule.id}: ${c.action}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
