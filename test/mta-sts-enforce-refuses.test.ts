// Acceptance: MTA-STS (RFC 8461) over loopback. Policies are served by an HTTPS server on loopback, their TXT records
// and the MX hosts by a loopback DNS server; one test MX offers STARTTLS with a certificate for mx.strict.test only.
// Enforce mode delivers to a listed MX with valid TLS, and refuses (defers with the reason) an MX the policy does not
// list and an MX whose certificate is not valid for its name; testing mode only logs and delivers.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterEach, describe, expect, it } from 'vitest';
import { startDns } from './helpers/dns-server.js';
import { startEngine, type EngineFixture } from './helpers/engine-fixture.js';
import { tempDir, testMessage } from './helpers/queue-fixture.js';
import { startTarget, type Target } from './helpers/target-server.js';
import { waitUntil } from './helpers/wait.js';

const POLICIES: Record<string, string> = {
  'mta-sts.strict.test': 'version: STSv1\nmode: enforce\nmx: mx.strict.test\nmax_age: 86400\n',
  'mta-sts.elsewhere.test': 'version: STSv1\nmode: enforce\nmx: *.other.test\nmax_age: 86400\n',
  'mta-sts.badcert.test': 'version: STSv1\nmode: enforce\nmx: mx.badcert.test\nmax_age: 86400\n',
  'mta-sts.trial.test': 'version: STSv1\nmode: testing\nmx: mx.other.test\nmax_age: 86400\n',
};

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.reverse()) await c();
  closers = [];
});

describe('MTA-STS', () => {
  it('enforce delivers only to a listed MX with valid TLS; testing mode logs and delivers', async () => {
    const dir = tempDir();
    const names = ['mx.strict.test', ...Object.keys(POLICIES)];
    const pems = await generate([{ name: 'commonName', value: 'mx.strict.test' }], {
      keySize: 2048, extensions: [{ name: 'subjectAltName', altNames: names.map((value) => ({ type: 2, value })) }],
    });
    writeFileSync(join(dir, 'ca.pem'), pems.cert);

    const https: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      const policy = POLICIES[(req.headers.host ?? '').replace(/:\d+$/, '')];
      if (req.url !== '/.well-known/mta-sts.txt' || !policy) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/plain' }).end(policy);
    });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => https.close(() => resolve())));

    const mx: Target = await startTarget({ starttls: true, tls: { key: pems.private, cert: pems.cert } });
    closers.push(mx.close);
    const zone: Parameters<typeof startDns>[0] = { 'plain.test': { MX: [{ preference: 10, exchange: 'mx.strict.test' }] } };
    for (const d of ['strict.test', 'elsewhere.test', 'badcert.test', 'trial.test']) {
      const mxName = d === 'strict.test' ? 'mx.strict.test' : `mx.${d}`;
      zone[d] = { MX: [{ preference: 10, exchange: mxName }] };
      zone[mxName] = { A: ['127.0.0.1'] };
      zone[`_mta-sts.${d}`] = { TXT: ['v=STSv1; id=20261204'] };
      zone[`mta-sts.${d}`] = { A: ['127.0.0.1'] };
    }
    const dns = await startDns(zone);
    closers.push(dns.close);

    const fx: EngineFixture = startEngine({
      dnsServers: [dns.server], mxPort: mx.port,
      mtaSts: { httpsPort: (https.address() as AddressInfo).port, caFile: join(dir, 'ca.pem') },
    });
    closers.push(fx.close);
    const send = async (rcpt: string) => {
      const m = testMessage([rcpt]);
      await fx.store.enqueue(m);
      return m.id;
    };
    const ids = {
      strict: await send('a@strict.test'), plain: await send('b@plain.test'), trial: await send('c@trial.test'),
      elsewhere: await send('d@elsewhere.test'), badcert: await send('e@badcert.test'),
    };
    const status = (id: string) => fx.store.show(id)!.recipientStatus[0]!;
    await waitUntil('every first attempt recorded', () => Object.values(ids).every((id) => status(id).attempts > 0));

    expect(mx.received.map((r) => r.rcptTo[0]).sort()).toEqual(['a@strict.test', 'b@plain.test', 'c@trial.test']);
    expect(mx.received.find((r) => r.rcptTo[0] === 'a@strict.test')!.secure).toBe(true);
    expect(status(ids.elsewhere)).toMatchObject({ state: 'deferred', lastCode: null }); // our own finding: no remote reply
    expect(status(ids.elsewhere).lastReply).toBe('451 4.7.5 MTA-STS policy of elsewhere.test (enforce) allows mx *.other.test; none of its MX hosts (mx.elsewhere.test) matches');
    expect(status(ids.badcert)).toMatchObject({ state: 'deferred', lastCode: null });
    expect(status(ids.badcert).lastReply).toMatch(/^MTA-STS policy \(enforce\) requires valid TLS to mx\.badcert\.test: .*(altnames|certificate)/i);
  });
});
