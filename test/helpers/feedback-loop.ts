// The relay side of a feedback round trip in scenario tests: send through the relay as a hosted script, wait for the
// copy the destination received (timelines: queue-fixture's committedTimeline).
import nodemailer from 'nodemailer';
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import type { Received, Target } from './target-server.js';

/** Send as the hosting user `user` (X-AuthUser names the identity); the relay's reply, refusals included. */
export function sendAs(relayPort: number, user: string, to: string | string[], subject: string): Promise<string> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: relayPort, secure: false, ignoreTLS: true });
  const rcpts = typeof to === 'string' ? [to] : to;
  const raw = `From: ${user}@shop.test\r\nTo: ${rcpts.join(', ')}\r\nSubject: ${subject}\r\nX-AuthUser: ${user}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@shop.test>\r\n\r\nHello.\r\n`;
  return t.sendMail({ envelope: { from: `${user}@shop.test`, to: rcpts }, raw }).then((i) => i.response, (err: { response?: string; message: string }) => err.response ?? err.message).finally(() => t.close());
}

/** The copies with this subject at the target, once `count` arrived (they may already have when the 250 came back). */
export async function deliveredCopies(target: Target, subject: string, count = 1): Promise<Received[]> {
  const find = () => target.received.filter((r) => r.raw.toString().includes(`\r\nSubject: ${subject}\r\n`));
  for (let n = target.received.length + 1; find().length < count; n++) await target.waitFor(n);
  return find();
}

/** The queue id a VERP return path carries. */
export const queueIdOf = (returnPath: string) => returnPath.slice(2).split('.')[0]!.toUpperCase();

/** A relay for feedback round trips: hosted scripts on loopback (X-AuthUser), VERP on bounces.test, the report listener on. */
export function feedbackRelayConfig(dataDir: string, targetPort: number): Config {
  return parseConfig({
    hostname: 'relay.mailwarden.test', dataDir, log: { level: 'silent' },
    listeners: { submission: { enabled: false }, smtps: { enabled: false }, relay: { port: 0 } }, admin: { enabled: false },
    trustedNetworks: { hosting: ['127.0.0.0/8'] },
    identity: { presets: ['exim-authuser'] },
    delivery: { routes: { '*': `127.0.0.1:${targetPort}` }, pollIntervalMs: 50 },
    feedback: { enabled: true, bounceDomain: 'bounces.test', listener: { enabled: true, port: 0 } },
    policy: { flushMs: 50 },
  });
}
