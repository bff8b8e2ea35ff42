// From what a bounce says about a recipient to the classification contract: the reply classifier reads the remote
// reply; the bounce adds what only it knows (the report kind, the DSN Action, the reporting MTA's own wording).
import { builtinRules, classifyWith, type RuleSet } from '../classify/index.js';
import { REASON_PROFILES, actionOf } from '../classify/reasons.js';
import type { Classification, Reason } from '../classify/types.js';
import { withoutHints } from './nonstandard/hints.js';
import type { BounceKind, BounceRecipient, RecipientFacts } from './types.js';

/** What the reply classifier sees of a diagnostic: replies are short; the rest of a long one is noise. */
const MAX_REPLY_CHARS = 2000;

export function judgeRecipient(kind: BounceKind, facts: RecipientFacts, rules: RuleSet = builtinRules()): BounceRecipient {
  const c = classify(kind, facts, rules);
  return {
    recipient: facts.recipient,
    status: facts.status ?? c.status,
    code: facts.code ?? c.code,
    diagnostic: facts.diagnostic,
    remote_mta: facts.remoteMta,
    reason: c.reason,
    blame: c.blame,
    action: reportedAction(facts, c),
    explanation: facts.dsnAction === 'delayed' && c.reason === 'expired' ? DELAY_WARNING : c.explanation,
  };
}

/** RFC 3464 §2.3.3 "delayed": a warning that the message is still queued, not that it failed. */
const DELAY_WARNING =
  'A delay warning, not a failure: the reporting server has not delivered the message yet and keeps trying; a bounce follows only if it gives up.';

function reportedAction(facts: RecipientFacts, c: Classification): Classification['action'] {
  // A DSN that reports "Action: failed" says the reporting MTA gave up, even on a temporary reply (a queue
  // lifetime ran out): nothing will retry the message, whatever its last reply's class.
  if (facts.dsnAction === 'failed' && (c.action === 'retry' || c.action === 'retry-later')) return 'bounce';
  // "Action: delayed" says the reporting MTA is still retrying, whatever reason the delay has (Sisimai names the
  // delay itself "expired"): a report, nothing has bounced yet.
  if (facts.dsnAction === 'delayed') return 'none';
  return c.action;
}

function classify(kind: BounceKind, facts: RecipientFacts, rules: RuleSet): Classification {
  const base = { code: facts.code, status: facts.status };
  switch (kind) {
    case 'arf':
      return fromBounce('feedback', base, 'arf-report');
    case 'autoreply': {
      // An auto-reply may say more than "away": "this inbox is no longer in use" is a disabled mailbox.
      const said = classifyWith(rules, { text: facts.diagnostic ?? '' });
      if (AUTO_REPLY_FACTS.has(said.reason)) return said;
      return fromBounce(facts.hint ?? 'vacation', base, facts.hint ? `rfc3834-${facts.hint}` : 'rfc3834-auto-reply');
    }
    case 'dsn':
    case 'nondsn':
    case 'unknown':
      break;
  }
  // RFC 3464 §2.3.3: "delivered", "relayed" and "expanded" report success, whatever the diagnostic says.
  if (facts.dsnAction === 'delivered' || facts.dsnAction === 'relayed' || facts.dsnAction === 'expanded' || facts.status?.startsWith('2.')) {
    return fromBounce('delivered', base, facts.dsnAction ? `dsn-action-${facts.dsnAction}` : 'dsn-status-success');
  }
  if (facts.hintDecides && facts.hint) return fromBounce(facts.hint, base, `notice-${facts.hint}`);
  const c = classifyWith(rules, {
    text: facts.diagnostic ? withoutHints(facts.diagnostic.slice(0, MAX_REPLY_CHARS)) : '',
    ...(facts.status ? { status: facts.status } : {}),
    ...(facts.phase ? { phase: facts.phase } : {}),
    ...(facts.remoteMta ? { mx: facts.remoteMta } : {}),
  });
  // The reporting MTA's own words decide when the remote reply (if any) matched no text rule: a specific reply
  // ("mailbox full") outranks the MTA's "giving up after retrying", a bare status code does not.
  if (facts.hint && c.rule.startsWith('fallback')) return fromBounce(facts.hint, base, `bounce-${facts.hint}`);
  // Without a remote reply (no reply code) the text is the reporting MTA's own: its conclusion that the destination
  // does not resolve ("Host or domain name not found. Name service error … try again") names the cause that a
  // transport-fault reading of the same words only describes.
  if (facts.hint === 'hostunknown' && facts.code === null && TRANSPORT.has(c.reason)) return fromBounce('hostunknown', base, 'bounce-hostunknown');
  // RFC 3464 §2.3.3 "delayed": the MTA has not delivered in time and says so; unless the reply names a cause, that
  // is what it reports. A failed name lookup ("host name lookup failure", "no MX or A for domain") is a cause of its
  // own: the recipient domain's DNS, which no number of connection attempts fixes.
  if (facts.dsnAction === 'delayed' && (c.rule.startsWith('fallback') || (TRANSPORT.has(c.reason) && !DNS_RULES.has(c.rule)))) {
    return fromBounce('expired', base, 'dsn-action-delayed');
  }
  // The reporting MTA never reached the host and stopped trying: what the sender learns is that delivery ran out of
  // time, not a live network fault (a bounce is written after the retries, not during them).
  if (c.reason === 'networkerror' && UNREACHABLE.test(facts.diagnostic ?? '')) return fromBounce('expired', base, 'bounce-gave-up-unreachable');
  // A failure report that gives no reason at all, neither in words nor in a specific status: Sisimai's "onhold",
  // delivery stopped for a reason nobody stated.
  if (c.reason === 'undefined') return fromBounce('onhold', base, 'bounce-no-reason');
  // A gateway format that never names the SMTP command (nonstandard/gateways.ts): without an X.1.x status, its
  // "user unknown" may answer the message after DATA, where such filters refuse with these words (Sisimai: filtered).
  if (c.reason === 'userunknown' && facts.commandless && !facts.phase && !namesAddressProblem(c.status)) {
    return fromBounce('filtered', base, 'bounce-gateway-no-command');
  }
  return c;
}

/** Reply rules that say the recipient domain's name lookup failed (generic-remote.yaml, generic-recipient.yaml). */
const DNS_RULES = new Set(['dns-failure', 'domain-lookup-deferred']);

/** Faults of getting the message across, as opposed to a refusal that names a cause. */
const TRANSPORT = new Set<Reason>(['networkerror', 'systemerror', 'undefined', 'onhold']);

/** A host that never answered (as opposed to one that refused, or a name that does not resolve). */
const UNREACHABLE = /\btimed? ?out\b|did not respond|no answer from|not reachable/i;

/** RFC 3463 §3.2: an X.1.x status says the address itself was refused, whatever command the reply answered. */
function namesAddressProblem(status: string | null): boolean {
  return status !== null && status.split('.')[1] === '1';
}

/** What an auto-reply can tell about the address beyond absence. */
const AUTO_REPLY_FACTS = new Set<Reason>(['suspend', 'hasmoved', 'userunknown', 'mailboxfull']);

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
    action: actionOf({ reason, blame: profile.blame, scope: profile.scope, permanent }),
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
