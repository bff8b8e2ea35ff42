// "Hello jane@example.com": a greeting that names the reader by their e-mail address. A sender with whom the reader
// has an account or a conversation knows their name (or greets them without one); a list of harvested addresses
// holds nothing else, so phishing and spam kits paste the address where the name would go. Honest services do it too
// when they know no name (a payment notice, a sign-up confirmation: on public templates rendered for made-up
// companies it was the one hint beside the model's unsure line), so it only corroborates evidence.
import { GREETING } from '../greeting.js';
import { recipientsOf } from '../message.js';
import type { ContentRule } from './rule.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const greetingByAddress: ContentRule = {
  name: 'GREETING_BY_ADDRESS',
  score: 1.5,
  strength: 'corroboration',
  description: 'greets the reader by their e-mail address, as mail to a list of harvested addresses does',
  test(msg, ctx) {
    const recipients = recipientsOf(msg, ctx).filter((r) => r.includes('@'));
    if (recipients.length === 0) return false;
    const { own: text, subject } = msg.lower;
    for (const address of recipients) {
      const a = address.toLowerCase();
      // The subject addressed to the reader by their address ("jane@example.com, you have won ...").
      if (subject.startsWith(a) && /^\s*[,:!-]/.test(subject.slice(a.length))) return a;
      if (!text.includes(a) && !subject.includes(a)) continue;
      const greeting = new RegExp(String.raw`(?:^|[^\p{L}])${GREETING}[\s,:]+(?:mr\.?\s+|mrs\.?\s+|ms\.?\s+)?${escape(a)}`, 'u');
      if (greeting.test(text) || greeting.test(subject)) return a;
    }
    return false;
  },
};
