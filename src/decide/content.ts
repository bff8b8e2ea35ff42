// The content verdict as the decide stage consumes it (produced by src/inspect/content): kept to the fields the
// decision needs, so that the policy can be built with or without a content scorer.
export type ContentAction = 'accept' | 'tag' | 'quarantine' | 'reject';

export interface ContentVerdict {
  spam: boolean;
  score: number;
  threshold: number;
  action: ContentAction;
  rules: Array<{ name: string; score: number; description: string }>;
}

/** What the scorer may use besides the message: the envelope, the login and the (injected) time. */
export interface ContentContext {
  mailFrom: string;
  authUser?: string;
  recipients: string[];
  now: number;
}

/** E.g. `(raw, ctx) => scoreContent(raw, ctx)` from src/inspect/content. */
export type ContentScorer = (raw: Buffer, ctx: ContentContext) => ContentVerdict | Promise<ContentVerdict>;
