import { describe, expect, it } from 'vitest';
import { namedCommand } from './index.js';

describe('which command a command line names', () => {
  it('finds the command after global options and their values', () => {
    expect(namedCommand(['bounce', '--json', 'a.eml'])).toBe('bounce');
    expect(namedCommand(['-c', 'mw.yaml', 'queue', 'list'])).toBe('queue');
    expect(namedCommand(['--config', 'start', 'explain', 'x'])).toBe('explain'); // "start" is the file name here
  });

  it('names none for help, an unknown word or no word at all, so every command is registered', () => {
    expect(namedCommand(['--help'])).toBeUndefined();
    expect(namedCommand(['help', 'queue'])).toBeUndefined();
    expect(namedCommand(['bogus'])).toBeUndefined();
    expect(namedCommand([])).toBeUndefined();
  });
});
