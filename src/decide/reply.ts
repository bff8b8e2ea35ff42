// The one place where a Decision becomes an SMTP reply (DESIGN.md §1: "one function turns a verdict into the SMTP
// reply"). The reason text is the policy's plain sentence, which is written to be safe for the client to read.
import type { Decision } from './types.js';

export type DecisionReply =
  /** Store the message in this state, then answer 250 with `text` (which names the queue id). */
  | { kind: 'enqueue'; state: 'queued' | 'quarantined'; code: 250; text: string }
  /** Store nothing; answer with `code` and `text`. */
  | { kind: 'refuse'; code: 451 | 550; text: string };

/** Control characters would split the reply line (RFC 5321 §4.2: one line per reply line). */
function oneLine(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
}

export function decisionReply(decision: Decision, queueId: string): DecisionReply {
  // End-user page link (src/operate/enduser/refusal-links.ts), appended when the operator enabled that page.
  // The id names the refusal in our log and in `senders show`, so that a customer quoting the reply can be answered.
  const ref = queueId ? ` (ref ${queueId})` : '';
  const why = `[${oneLine(decision.code)}] ${oneLine(decision.reason)}${ref}${decision.link ? ` ${oneLine(decision.link)}` : ''}`;
  switch (decision.verdict) {
    case 'accept':
    case 'tag':
      return { kind: 'enqueue', state: 'queued', code: 250, text: `2.0.0 Ok: queued as ${queueId}` };
    case 'quarantine':
      // Same reply as accepted mail: telling a spammer their message is held only teaches them to rephrase it.
      return { kind: 'enqueue', state: 'quarantined', code: 250, text: `2.0.0 Ok: queued as ${queueId}` };
    case 'defer':
      return { kind: 'refuse', code: 451, text: `4.7.1 ${why}` };
    case 'reject':
    case 'suspend':
      return { kind: 'refuse', code: 550, text: `5.7.1 ${why}` };
    default: {
      const never: never = decision.verdict;
      throw new Error(`unhandled verdict ${String(never)}`);
    }
  }
}

/** Severity order of verdicts: a sender-stage quarantine is not undone by a clean message-stage decision. */
const SEVERITY: Record<Decision['verdict'], number> = { accept: 0, tag: 1, quarantine: 2, defer: 3, reject: 4, suspend: 5 };

export function stricterDecision(a: Decision, b: Decision): Decision {
  return SEVERITY[b.verdict] > SEVERITY[a.verdict] ? b : a;
}
