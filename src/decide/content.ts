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

export type ContentScorer = (raw: Buffer) => ContentVerdict | Promise<ContentVerdict>;
