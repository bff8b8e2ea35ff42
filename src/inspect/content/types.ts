// Types of the content scorer: what it reads (a parsed message plus what the relay knows about the transaction) and
// what it answers (one verdict with the rules that led to it).

/** What the relay knows about a message besides its bytes; every field is optional (the CLI knows none of them). */
export interface ScoreContext {
  /** Envelope sender (MAIL FROM), '' for the null sender. */
  mailFrom?: string;
  /** SMTP AUTH login of the submitting client. */
  authUser?: string;
  /** Envelope recipients (RCPT TO). */
  recipients?: string[];
  /** Current time in epoch milliseconds (an injected clock in simulations); Date.now() when absent. */
  now?: number;
}

export type ContentAction = 'accept' | 'tag' | 'quarantine' | 'reject';

export interface RuleHit {
  name: string;
  score: number;
  description: string;
}

export interface ContentVerdict {
  spam: boolean;
  /** Sum of the rule scores and the statistical model's contribution, rounded to 0.1. */
  score: number;
  /** Score from which a message counts as spam (the tag threshold). */
  threshold: number;
  action: ContentAction;
  rules: RuleHit[];
}

/** Score thresholds, each inclusive: score >= reject means reject, and so on down. */
export interface ContentThresholds {
  tag: number;
  quarantine: number;
  reject: number;
}
