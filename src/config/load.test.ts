import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './load.js';

describe('configuration', () => {
  it('fills every setting with its default when there is no file', () => {
    const c = parseConfig({});
    expect(c.listeners.submission.port).toBe(2587);
    expect(c.limits.maxRecipients).toBe(100);
    expect(c.delivery.maxLifetimeS).toBe(5 * 24 * 3600);
    expect(Object.isFrozen(c.limits)).toBe(true);
  });

  it('stops on an unknown key and names its path', () => {
    expect(() => parseConfig({ listeners: { submision: { port: 1 } } }, 'mw.yaml')).toThrow(/mw\.yaml: listeners: .*submision/);
  });

  it('stops on a bad value and names its path', () => {
    expect(() => parseConfig({ limits: { maxRecipients: 0 } })).toThrow(ConfigError);
    expect(() => parseConfig({ listeners: { relay: { port: 'x' } } })).toThrow(/listeners\.relay\.port/);
  });

  it('lets environment variables override the file', () => {
    const c = parseConfig({ listeners: { relay: { port: 1 } } }, 'f', { MAILWARDEN_RELAY_PORT: '2600', MAILWARDEN_HOSTNAME: 'mx.test' });
    expect(c.listeners.relay.port).toBe(2600);
    expect(c.hostname).toBe('mx.test');
    expect(() => parseConfig({}, 'f', { MAILWARDEN_ADMIN_PORT: 'abc' })).toThrow(/MAILWARDEN_ADMIN_PORT/);
  });
});
