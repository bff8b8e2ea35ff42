// A submission server may add the Date and Message-ID an application left out (RFC 6409 §8.2-8.3), and an outbound
// relay must: RFC 5322 requires a Date and Gmail refuses mail without a Message-ID. A client's own fields stay as
// they are, and the timeline says which fields the relay supplied.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/accept-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustedNetworks: {} });
  await h.addAccount('shop', 'shop-password-1');
});
afterAll(async () => h.close());

const send = (raw: string) =>
  nodemailer
    .createTransport({ host: '127.0.0.1', port: h.ports.smtps!, secure: true, tls: { rejectUnauthorized: false }, auth: { user: 'shop', pass: 'shop-password-1' } })
    .sendMail({ envelope: { from: 'orders@shop.test', to: ['r@example.test'] }, raw });

const stored = (subject: string) => {
  const m = h.messages().find((x) => x.raw.toString().includes(`Subject: ${subject}\r\n`))!;
  return { id: m.id, header: m.raw.toString().split('\r\n\r\n')[0]!, events: h.store.timeline(m.id) };
};

describe('origin fields the client left out', () => {
  it('adds a Date and a Message-ID on the relay\'s own name, and records that it did', async () => {
    const before = Date.now();
    await send('From: orders@shop.test\r\nTo: r@example.test\r\nSubject: bare script\r\n\r\nYour export is ready.\r\n');
    const m = stored('bare script');
    const date = /^Date: (.+)$/m.exec(m.header)?.[1];
    expect(date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(Date.parse(date!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(m.header).toMatch(new RegExp(`^Message-ID: <${m.id}@relay\\.mailwarden\\.test>$`, 'm'));
    expect(m.events.find((e) => e.type === 'received')?.data).toMatchObject({ addedHeaders: ['Date', 'Message-ID'] });
  });

  it('keeps the client\'s own Date and Message-ID and adds neither', async () => {
    await send('From: orders@shop.test\r\nTo: r@example.test\r\nSubject: own fields\r\nDate: Tue, 01 Dec 2026 09:00:00 +0100\r\nMessage-ID: <order-77@shop.test>\r\n\r\nThanks for your order.\r\n');
    const m = stored('own fields');
    expect(m.header.match(/^Date: /gm)).toHaveLength(1);
    expect(m.header).toContain('Date: Tue, 01 Dec 2026 09:00:00 +0100');
    expect(m.header.match(/^Message-ID: /gim)).toHaveLength(1);
    expect(m.header).toContain('Message-ID: <order-77@shop.test>');
    expect(m.events.find((e) => e.type === 'received')?.data).not.toHaveProperty('addedHeaders');
  });
});
