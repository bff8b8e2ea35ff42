// A relay replacing another one seeds its baselines from the old relay's volumes: `senders import-history` writes a
// week of past messages into the counters, so the identity is known (trust, its usual day, its recipient domains)
// instead of new. A file with one bad line imports nothing and says which line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { cli, writeConfig } from './helpers/relay-process.js';

const DAY = 24 * 3600_000;

it('seeds an identity\'s baseline from past volumes, all or nothing', () => {
  const dir = tempDir('mw-history-');
  const config = writeConfig(dir, { dataDir: dir, log: { level: 'silent' } });
  const now = Date.now();
  const lines: string[] = [];
  for (let day = 7; day >= 1; day--) {
    for (let n = 0; n < 4; n++) {
      const at = new Date(now - day * DAY + n * 3600_000).toISOString();
      lines.push(JSON.stringify({ identity: 'webhost/site001', at, recipients: [`friend${n}@gmail.com`], from: 'info@site001.example' }));
    }
  }

  const bad = join(dir, 'bad.jsonl');
  writeFileSync(bad, [...lines.slice(0, 3), '{"identity":"webhost/site002","at":"yesterday","recipients":[]}', ...lines.slice(3)].join('\n'));
  expect(() => cli(config, 'senders', 'import-history', bad)).toThrow(/nothing imported:[\s\S]*line 4: at: [\s\S]*recipients/);
  expect(() => cli(config, 'senders', 'list')).toThrow(/no database at/); // not even a store was created

  const good = join(dir, 'history.jsonl');
  writeFileSync(good, lines.reverse().join('\n') + '\n'); // newest first, as a log grep may give them
  expect(cli(config, 'senders', 'import-history', good)).toBe(`imported 28 messages of 1 identities from ${good}\n`);
  const shown = JSON.parse(cli(config, 'senders', 'show', 'webhost/site001', '--json')) as {
    counters: { trust: number; knownDomains: number; signals: Array<{ name: string }>; baseline: { activeDays: number; dailyMessages: number } };
  };
  expect(shown.counters.baseline.activeDays).toBeGreaterThanOrEqual(6); // the baseline's window ends now
  expect(shown.counters.baseline.dailyMessages).toBeGreaterThan(3);
  expect(shown.counters.knownDomains).toBe(1);
  expect(shown.counters.trust).toBeGreaterThan(0);
  expect(shown.counters.signals.map((s) => s.name)).not.toContain('NEW_IDENTITY');
});
