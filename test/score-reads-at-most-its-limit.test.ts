// `mailwarden score` reads a file only up to the message size limit: a file larger than the relay would accept, or
// one that never ends (/dev/zero), gets an error line instead of being read into memory until the process dies.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { tempDir } from './helpers/queue-fixture.js';
import { CLI, writeConfig } from './helpers/relay-process.js';

it('score /dev/zero stops at limits.maxMessageBytes with an error line', () => {
  const configFile = writeConfig(tempDir('mw-score-'), { limits: { maxMessageBytes: 1_000_000 } });
  const r = spawnSync(process.execPath, [CLI, '--config', configFile, 'score', '--json', '/dev/zero'], { encoding: 'utf8', timeout: 30_000 });
  expect(r.signal).toBeNull();
  expect(JSON.parse(r.stdout)).toEqual({ file: '/dev/zero', error: 'larger than limits.maxMessageBytes (1000000 bytes): the relay would refuse it' });
  expect(r.status).toBe(1);
}, 60_000);
