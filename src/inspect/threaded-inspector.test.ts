import { afterEach, describe, expect, it } from 'vitest';
import { contentSchema } from '../config/schema.js';
import { createContentScorer } from './content/scorer.js';
import { inspectMessage } from './inspection.js';
import { createThreadedInspector, type ThreadedInspector } from './threaded-inspector.js';

const message = (subject: string, body: string) =>
  Buffer.from(`From: Ann <ann@example.org>\r\nTo: bob@example.net\r\nSubject: ${subject}\r\n\r\n${body}\r\n`);

describe('content inspection on a worker thread', () => {
  let inspector: ThreadedInspector | null = null;
  afterEach(async () => {
    await inspector?.close();
    inspector = null;
  });

  it('answers what the in-process scorer answers, for each of several messages sent at once', async () => {
    const settings = contentSchema.parse({});
    inspector = await createThreadedInspector(settings);
    const scorer = createContentScorer(settings);
    const ctx = { mailFrom: 'ann@example.org', recipients: ['bob@example.net'], now: Date.UTC(2026, 0, 5) };
    const raws = [
      message('Lunch on Friday?', 'Shall we meet at noon at the usual place?'),
      message('URGENT BUSINESS PROPOSAL', 'STRICTLY CONFIDENTIAL: I am the next of kin of a late client, 10% of the total sum is yours.'),
      Buffer.from('no header block at all'),
    ];
    const threaded = await Promise.all(raws.map((raw) => inspector!.inspect(raw, ctx)));
    const local = await Promise.all(raws.map((raw) => inspectMessage(scorer, Buffer.from(raw), ctx)));
    expect(threaded).toEqual(local);
    expect(threaded[0]?.facts).toMatchObject({ fromAddress: 'ann@example.org', subject: 'Lunch on Friday?' });
    expect(threaded[1]!.verdict.score).toBeGreaterThan(threaded[0]!.verdict.score);
  });

  it('refuses to start when the model cannot be loaded', async () => {
    const settings = contentSchema.parse({ model: '/nonexistent/model.json' });
    await expect(createThreadedInspector(settings)).rejects.toThrow(/model/i);
  });
});
