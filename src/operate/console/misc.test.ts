import { expect, it } from 'vitest';
import { parseConfig } from '../../config/load.js';
import { redact } from './misc.js';

it('redacts secret settings wherever they sit, and keeps the rest', () => {
  const shown = JSON.stringify(redact(parseConfig({ identity: { traceSecret: 'hunter2-hunter2' }, admin: { port: 0 } })));
  expect(shown).not.toContain('hunter2');
  expect(shown).toContain('"traceSecret":"(set, redacted)"');
  expect(shown).toContain('"port":0');
});
