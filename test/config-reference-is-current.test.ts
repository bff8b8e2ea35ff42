// The README's configuration reference is the one generated from the schema: a setting added, removed, re-described
// or given a new default without `npm run docs:config` fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../src/config/load.js';
import { configReference, spliceReference } from '../src/config/reference.js';

describe('configuration reference in the README', () => {
  it('matches the schema', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(spliceReference(readme, configReference())).toBe(readme);
  });

  it('shows an example configuration that start-up accepts', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(parseConfig(parse(example!), 'README example').listeners.relay.port).toBe(25);
  });

  it('describes every setting and shows its default', () => {
    const rows = configReference().split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(row, row).not.toMatch(/\|\s*\|$/);
    expect(rows).toContain('| `listeners.relay.port` | number | `2525` | TCP port; 0 picks a free one (tests). |');
  });
});
