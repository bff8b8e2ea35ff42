// The one parse per message: mbox separators and CR characters, charsets, broken and hostile MIME, and the line
// between "not a message" and "a message with defects".
import { describe, expect, it } from 'vitest';
import { compose } from '../../../test/helpers/compose.js';
import { parseContent, type ContentMessage } from './message.js';

function message(raw: string | Buffer): ContentMessage {
  const r = parseContent(typeof raw === 'string' ? Buffer.from(raw, 'latin1') : raw);
  if (r.kind !== 'message') throw new Error(r.reason);
  return r.message;
}

describe('parseContent', () => {
  it('skips an mbox From_ line and reads CR LF, bare CR and LF alike', () => {
    const m = message('From alice@example.com  Mon Nov  2 09:30:00 2026\r\nSubject: Hi\rFrom: A <a@example.com>\n\nBody text\r\n');
    expect(m.subject).toBe('Hi');
    expect(m.from?.domain).toBe('example.com');
    expect(m.text.trim()).toBe('Body text');
  });

  it('decodes encoded words, quoted-printable and the declared charset', () => {
    const m = message(
      'Subject: =?iso-8859-1?Q?Gr=FC=DFe?=\nFrom: a@example.com\nContent-Type: text/plain; charset=iso-8859-1\n' +
        'Content-Transfer-Encoding: quoted-printable\n\nK=F6ln ist sch=F6n=\n und gro=DF\n',
    );
    expect(m.subject).toBe('Grüße');
    expect(m.text).toContain('Köln ist schön und groß');
  });

  it('walks multipart/alternative and finds the links and visible text of the HTML part', async () => {
    const m = message(await compose({ text: 'plain version', html: '<p>Read <a href="https://example.com/a">the agenda</a></p>' }));
    expect(m.textParts.map((p) => p.html)).toEqual([false, true]);
    expect(m.links[0]).toMatchObject({ domain: 'example.com', anchorText: 'the agenda' });
    expect(m.text).toContain('Read the agenda');
  });

  it('gives the phrase rules the HTML text alone where the plain part repeats it, and both where it does not', async () => {
    const prose = 'Thank you for your order. Your parcel leaves our warehouse tomorrow morning and arrives within three working days. ' +
      'Tracking details follow in a separate message once the carrier collects it from our loading bay.';
    const same = message(await compose({ text: `${prose}\nhttps://shop.example.com/orders/42`, html: `<p>${prose}</p><p><a href="https://shop.example.com/orders/42">Your order</a></p>` }));
    expect(same.lower.own).not.toContain('https://shop.example.com/orders/42');
    expect(same.lower.own).toContain('loading bay');
    expect(same.lower.text).toContain('https://shop.example.com/orders/42'); // the model still reads both
    // An image-only HTML part beside a plain text that says everything: the plain text is read.
    const imageOnly = message(await compose({ text: `${prose} Please verify your account within 24 hours.`, html: '<p><img src="https://cdn.example.com/banner.png"></p>' }));
    expect(imageOnly.lower.own).toContain('verify your account within 24 hours');
    // A plain part that says more than the HTML: both are read.
    const more = message(await compose({ text: `${prose} Please verify your account within 24 hours.`, html: `<p>${prose.slice(0, 60)}</p>` }));
    expect(more.lower.own).toContain('verify your account');
  });

  it('reads an address written without a scheme as a link, and not a file name, an e-mail address or a URL\'s own path', async () => {
    const m = message(await compose({
      text: 'Verify and order the withdrawal ->-> transfer705.pages.dev/evas-dparun?flex, then see config.yaml/notes, ' +
        'mail anna@example.org/x, read https://docs.example.com/a/b.html/c or https://r.example.net/?u=evil.example.com/p.',
      html: '<p>Open (login-check.web.app/session/8812) in your browser.</p>',
    }));
    const bare = m.links.filter((l) => l.origin === 'text' && !/^https?:\/\/(?:docs|r)\./.test(l.url));
    expect(bare.map((l) => l.url)).toEqual(['http://transfer705.pages.dev/evas-dparun?flex', 'http://login-check.web.app/session/8812']);
    expect(bare.map((l) => l.host)).toEqual(['transfer705.pages.dev', 'login-check.web.app']);
  });

  it('reads a click tracker that writes its destination in its path as that destination, and leaves the others', async () => {
    const hosts = async (href: string) => message(await compose({ html: `<a href="${href}">Claim</a>`, text: undefined })).links.map((l) => l.host);
    // Postmark, its destination without a scheme; a tracker inside a tracker, escaped twice
    expect(await hosts('https://click.pstmrk.it/3s/royalshop.example.page%2Ftracker%2Fclick.php/W1sC/3-yxAQ/1/HUNjg')).toEqual(['royalshop.example.page']);
    expect(await hosts('https://click.pstmrk.it/3s/click.pstmrk.it%2F3s%2Ffound-eth.blogspot.com%252Fclaim%2F3TIB%2F1/W1sC/2/Gzh')).toEqual(['found-eth.blogspot.com']);
    // nested four deep, each level escaped once more
    expect(await hosts('https://click.pstmrk.it/3s/click.pstmrk.it%2F3s%2Fclick.pstmrk.it%252F3s%252Fclick.pstmrk.it%25252F3s%25252Fdeep.example%2525252Fx')).toEqual(['deep.example']);
    // Amazon SES, with the scheme
    expect(await hosts('https://abc123.r.us-east-1.awstrack.me/L0/https:%2F%2Fshop.brightlane.example%2Forders%2F1042/1/0100018c-x/Yz0=')).toEqual(['shop.brightlane.example']);
    // a tracker that keeps its destination to itself stays the tracker; so does a path segment that is no address
    expect(await hosts('https://u1234567.ct.sendgrid.net/ls/click?upn=u001.abcdef')).toEqual(['u1234567.ct.sendgrid.net']);
    expect(await hosts('https://click.pstmrk.it/3s/not%2Fa-host/W1sC/1')).toEqual(['click.pstmrk.it']);
    // and a link that merely carries an address in its path elsewhere is left as written (URL_REDIRECT reads those)
    expect(await hosts('https://shop.brightlane.example/share/https:%2F%2Fother.example%2Fx')).toEqual(['shop.brightlane.example']);
  });

  it('calls bytes without a header section not a message', () => {
    for (const garbage of ['', 'hello world\nthis is no mail\n', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR', '\n\nbody only']) {
      expect(parseContent(Buffer.from(garbage, 'latin1')).kind).toBe('not-message');
    }
  });

  it('keeps a message with broken MIME as a message, with defects, and loses its text', () => {
    const noBoundary = message('From: a@example.com\nContent-Type: multipart/mixed\n\nstill readable text\n');
    expect(noBoundary.defects).toContain('multipart without a boundary parameter');
    expect(noBoundary.text).toContain('still readable text');
    const unclosed = message('From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nfirst part\n--b\n\nsecond part, never closed');
    expect(unclosed.text).toContain('first part');
    expect(unclosed.text).toContain('second part');
    const badLines = message('From: a@example.com\nthis line is no field\nSubject: ok\n\nbody');
    expect(badLines.defects).toContain('line that is not a header field');
    expect(badLines.subject).toBe('ok');
  });

  it('reads hostile HTML: unclosed script hides the rest; an unclosed anchor is a link as browsers make it, to the next anchor', () => {
    const html = (body: string) => message(`From: a@example.com\nContent-Type: text/html\n\n${body}`).html!;
    const unclosedScript = html('<p>shown</p><script>' + '<style>'.repeat(10000) + 'hidden');
    expect(unclosedScript.text).toBe('shown');
    // ten thousand anchors never closed: links all the same, as many as the link limit, read in one pass
    const flood = html('<a href="https://x.example/">'.repeat(10000)).links;
    expect(flood.length).toBeGreaterThan(0);
    expect(flood.length).toBeLessThan(10000);
    expect(flood.every((l) => l.href === 'https://x.example/' && l.text === '')).toBe(true);
    const mixed = html('<a href="https://a.example/">one</a><a href="https://b.example/"><b>two</b></a><a href="https://c.example/">three <img src="x.png"><a href = "https://d.example/">four');
    expect(mixed.links).toEqual([
      { href: 'https://a.example/', text: 'one' },
      { href: 'https://b.example/', text: 'two' },
      { href: 'https://c.example/', text: 'three' },
      { href: 'https://d.example/', text: 'four' },
    ]);
  });

  it('bounds nesting depth and part count of hostile MIME', () => {
    let nested = 'leaf text';
    for (let i = 0; i < 50; i++) nested = `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n${nested}\n--b${i}--\n`;
    const deep = message('From: a@example.com\n' + nested);
    expect(deep.defects).toContain('MIME nesting too deep');
    const many = 'From: a@example.com\nContent-Type: multipart/mixed; boundary=x\n\n' + '--x\n\npart\n'.repeat(5000) + '--x--\n';
    const wide = message(many);
    expect(wide.textParts.length).toBeLessThanOrEqual(100);
    expect(wide.defects).toContain('too many MIME parts');
  });
});
