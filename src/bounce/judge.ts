// From what a bounce says about a recipient to the classification contract: the reply classifier reads the remote
// reply; the bounce adds what only it knows (the report kind, the DSN Action, the reporting MTA's own wording).
import { classifyReply } from '../classify/index.js';
import { REASON_PROFILES, defaultAction } from '../classify/reasons.js';
import type { Classification, Reason } from '../classify/types.js';
import { withoutHints } from './nonstandard/hints.js';
import type { BounceKind, BounceRecipient, RecipientFacts } from './types.js';

export function judgeRecipient(kind: BounceKind, facts: RecipientFacts): BounceRecipient {
  const c = classify(kind, facts);
  return {
    recipient: facts.recipient,
    status: facts.status ?? c.status,
    code: facts.code ?? c.code,
    diagnostic: facts.diagnostic,
    remote_mta: facts.remoteMta,
    reason: c.reason,
    blame: c.blame,
    action: c.action,
    explanation: c.explanation,
  };
}

function classify(kind: BounceKind, facts: RecipientFacts): Classification {
  const base = { code: facts.code, status: facts.status };
  switch (kind) {
    case 'arf':
      return fromBounce('feedback', base, 'arf-report');
    case 'autoreply':
      return fromBounce('vacation', base, 'rfc3834-auto-reply');
    case 'dsn':
    case 'nondsn':
    case 'unknown':
      break;
  }
  // RFC 3464 §2.3.3: "delivered", "relayed" and "expanded" report success, whatever the diagnostic says.
  if (facts.dsnAction === 'delivered' || facts.dsnAction === 'relayed' || facts.dsnAction === 'expanded') {
    return fromBounce('delivered', base, `dsn-action-${facts.dsnAction}`);
  }
  const c = classifyReply({
    text: facts.diagnostic ? withoutHints(facts.diagnostic) : '',
    ...(facts.status ? { status: facts.status } : {}),
    ...(facts.phase ? { phase: facts.phase } : {}),
    ...(facts.remoteMta ? { mx: facts.remoteMta } : {}),
  });
  // The reporting MTA's own words decide when the remote reply (if any) matched no text rule: a specific reply
  // ("mailbox full") outranks the MTA's "giving up after retrying", a bare status code does not.
  if (facts.hint && c.rule.startsWith('fallback')) return fromBounce(facts.hint, base, `bounce-${facts.hint}`);
  if (c.reason === 'userunknown' && !provesUnknownAddress(facts)) return fromBounce('filtered', base, 'bounce-unknown-after-rcpt');
  return c;
}

/**
 * "User unknown" proves the address does not exist only when the server said so in answer to RCPT TO, or with the
 * RFC 3463 status X.1.1 (bad destination mailbox). The same words after DATA, or in a report that names neither
 * the command nor the status, come from filters that refuse the message for the recipient (Sisimai's "filtered"):
 * suppressing the address on such evidence would lose a valid recipient.
 */
function provesUnknownAddress(facts: RecipientFacts): boolean {
  if (facts.status && /^[45]\.1\.1$/.test(facts.status)) return true;
  return facts.phase === 'rcpt' || facts.phase === 'mail';
}

/** A classification decided by the bounce itself, with the reason's usual blame, scope and wording. */
function fromBounce(reason: Reason, base: { code: number | null; status: string | null }, rule: string): Classification {
  const profile = REASON_PROFILES[reason];
  const permanent = isPermanent(reason, base.status);
  return {
    ...base,
    reason,
    blame: profile.blame,
    permanent,
    scope: profile.scope,
    provider: null,
    action: defaultAction(reason, profile.blame, permanent),
    explanation: profile.explanation,
    fix: profile.fix,
    link: null,
    rule,
  };
}

function isPermanent(reason: Reason, status: string | null): boolean {
  if (reason === 'expired') return true; // the MTA gave up: nothing more will happen to this message
  if (reason === 'vacation' || reason === 'delivered' || reason === 'feedback') return false;
  return status ? status.startsWith('5') : true;
}
