import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { identifySender, stripSourceHeaders } from './identify.js';
import { messageHeader } from '../shared/mime/header.js';
import { joinMessage, splitMessage } from './message-parts.js';
import { compileHeaderSources } from './sources.js';

const auth = { account: 'alice', via: 'auth' as const, clientIp: '192.0.2.1' };
const relay = { account: 'hosting-a', via: 'client-ip' as const, clientIp: '192.0.2.9' };

function sources(identity: Record<string, unknown>) {
  return compileHeaderSources(parseConfig({ identity }).identity);
}
function msg(...headers: string[]) {
  return Buffer.from([...headers, 'Subject: hi', '', 'body', ''].join('\r\n'));
}

describe('sender identity', () => {
  it('falls back to the login, or to the client address on a trusted network', () => {
    const parts = messageHeader(msg('From: a@b.test'));
    expect(identifySender(auth, parts, [])).toEqual({ account: 'alice', sub: '', source: 'auth' });
    expect(identifySender(relay, parts, [])).toEqual({ account: 'hosting-a', sub: '192.0.2.9', source: 'client-ip' });
  });
  it('reads Exim/cPanel X-AuthUser', () => {
    const parts = messageHeader(msg('X-AuthUser: shopuser@shop.test'));
    expect(identifySender(relay, parts, sources({ presets: ['exim-authuser'] }))).toEqual({ account: 'hosting-a', sub: 'shopuser@shop.test', source: 'header:X-AuthUser' });
  });
  it('reads uid and script from X-PHP-Originating-Script', () => {
    const parts = messageHeader(msg('X-PHP-Originating-Script: 1000:mailer.php'));
    expect(identifySender(relay, parts, sources({ presets: ['php-script'] }))).toMatchObject({ sub: 'uid1000:mailer.php', source: 'header:X-PHP-Originating-Script' });
    const broken = messageHeader(msg('X-PHP-Originating-Script: garbage'));
    expect(identifySender(relay, broken, sources({ presets: ['php-script'] })).source).toBe('client-ip');
  });
  it("reads Postfix's authenticated sender from the topmost Received only", () => {
    const parts = messageHeader(msg(
      'Received: from web1 (web1 [10.0.0.5])\r\n\t(Authenticated sender: bob@shop.test)\r\n\tby mx.hosting.test (Postfix) with ESMTPSA id 1',
      'Received: from x (Authenticated sender: forged@evil.test) by y',
    ));
    expect(identifySender(relay, parts, sources({ presets: ['postfix-authenticated'] }))).toMatchObject({ sub: 'bob@shop.test', source: 'header:Received' });
    const notTop = messageHeader(msg('Received: from a by b', 'Received: from x (Authenticated sender: forged@evil.test) by y'));
    expect(identifySender(relay, notTop, sources({ presets: ['postfix-authenticated'] })).source).toBe('client-ip');
  });
  it('tries presets in order, then custom headers with their regex', () => {
    const parts = messageHeader(msg('X-Customer: id=42; plan=gold', 'X-AuthUser: u1'));
    const s = sources({ presets: ['php-script'], headers: [{ header: 'x-customer', pattern: 'id=(\\d+)' }] });
    expect(identifySender(relay, parts, s)).toEqual({ account: 'hosting-a', sub: '42', source: 'header:x-customer' });
  });
  it('strips headers configured with strip, byte for byte otherwise', () => {
    const raw = msg('X-PHP-Originating-Script: 33:/home/u/site/x.php', 'X-Custom: keep\r\n folded', 'X-Secret: a');
    const parts = splitMessage(raw);
    stripSourceHeaders(parts.headers, sources({ presets: [{ preset: 'php-script', strip: true }], headers: [{ header: 'X-Secret', strip: true }] }));
    expect(joinMessage(parts).toString()).toBe(['X-Custom: keep\r\n folded', 'Subject: hi', '', 'body', ''].join('\r\n'));
  });
  it('refuses a bad regular expression at start', () => {
    expect(() => sources({ headers: [{ header: 'X-A', pattern: '(' }] })).toThrow(/X-A/);
  });
});
