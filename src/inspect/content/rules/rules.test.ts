// Every content rule fires on a hand-written message made to show its trick, and stays quiet on an honest message
// that comes as close as legitimate mail does (the negative cases are the traps a careless rule falls into).
import { describe, expect, it } from 'vitest';
import { compose, withoutHeader, zipOf } from '../../../../test/helpers/compose.js';
import { parseContent, type ContentMessage } from '../message.js';
import type { ScoreContext } from '../types.js';
import { contentRules } from './index.js';

interface Case {
  message: () => Promise<Buffer>;
  ctx?: ScoreContext;
}

const html = (body: string) => compose({ text: undefined, html: `<html><body>${body}</body></html>` });
const attach = (filename: string, content: Buffer | string, contentType?: string) =>
  compose({ attachments: [{ filename, content, ...(contentType ? { contentType } : {}) }] });
const MZ = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const OLE = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(100), Buffer.from('_VBA_PROJECT', 'utf16le')]);
const filler = 'Our quarterly report covers the new office, the budget and the hiring plan for the spring. '.repeat(4);

const cases: Record<string, { positive: Case; negative: Case }> = {
  MISSING_FROM: {
    positive: { message: async () => withoutHeader(await compose(), 'from') },
    negative: { message: () => compose() },
  },
  BAD_DATE: {
    positive: { message: () => compose({ headers: { Date: 'Tuesday, sometime in spring' }, date: undefined }) },
    negative: { message: () => compose({ date: new Date('2026-11-03T08:00:00Z') }), ctx: { now: Date.parse('2026-11-02T09:30:00Z') } },
  },
  FROM_ENVELOPE_MISMATCH: {
    positive: { message: () => compose(), ctx: { mailFrom: 'bounce@mailer.example.net' } },
    negative: { message: () => compose(), ctx: { mailFrom: 'bounces+123@news.example.com' } },
  },
  FROM_AUTH_MISMATCH: {
    positive: { message: () => compose({ from: 'Billing <billing@bank.example>' }), ctx: { authUser: 'alice@example.com' } },
    negative: { message: () => compose(), ctx: { authUser: 'alice@mail.example.com' } },
  },
  REPLYTO_FREEMAIL: {
    positive: { message: () => compose({ replyTo: 'ceo.private@gmail.com' }) },
    negative: { message: () => compose({ from: 'Alice <alice.example@gmail.com>', replyTo: 'alice.other@gmail.com' }) },
  },
  BRAND_IMPERSONATION: {
    positive: { message: () => compose({ from: '"PayPal Service" <service@secure-account.example>' }) },
    negative: { message: () => compose({ from: '"PayPal" <service@paypal.com>' }) },
  },
  DISPLAY_NAME_OTHER_DOMAIN: {
    positive: { message: () => compose({ from: '"IT Desk example.org" <desk@evil.example>' }), ctx: { recipients: ['bob@example.org'] } },
    negative: { message: () => compose({ from: '"CNET News.com" <news@online.example>' }), ctx: { recipients: ['bob@example.org'] } },
  },
  URL_SHORTENER: {
    positive: { message: () => compose({ text: 'See https://bit.ly/3xYz12 for the photos.' }) },
    negative: { message: () => compose({ text: 'See https://photos.example.com/album/3xYz12 for the photos.' }) },
  },
  LINK_FREE_HOSTING: {
    positive: { message: () => html('<a href="https://secure-review-docs.pages.dev/view">Open the document</a>') },
    // a page of the sender's own domain, and a domain whose name merely ends like a platform
    negative: { message: () => html('<a href="https://www.example.com/view">Open</a> <a href="https://mypages.dev.docs-site.net/">docs</a>') },
  },
  FROM_SEVERAL_ADDRESSES: {
    positive: { message: () => compose({ from: '"deals@shop.example", <service@mailer.example>' }) },
    // several authors with a Sender, as RFC 5322 §3.6.2 asks
    negative: { message: () => compose({ from: 'Alice <alice@example.com>, Bob <bob@example.com>', sender: 'Alice <alice@example.com>' }) },
  },
  FAKE_SAFETY_BANNER: {
    positive: { message: () => compose({ text: 'This message is from a trusted sender.\nUw FedEx-pakket is in behandeling.' }) },
    // an antivirus footer says what the sender's gateway did
    negative: { message: () => compose({ text: 'Minutes attached.\n--\nThis e-mail was scanned for viruses by the office gateway.' }) },
  },
  GREETING_BY_ADDRESS: {
    positive: { message: () => compose({ subject: 'bob@example.org , Gewinnen Sie einen Valentinskorb!', text: 'Hey bob@example.org, ich sehe, wir wohnen in der Nähe.' }) },
    // the address in a footer, and a greeting by name
    negative: { message: () => compose({ text: 'Hi Bob,\n\nyour order shipped.\n\nThis message was sent to bob@example.org.' }) },
  },
  NAME_FIELD_BAIT: {
    positive: { message: () => compose({ from: 'WordPress <wordpress@bakery.example>', text: 'Username: www.quick-win.blogspot.ro - 90966 EURO\n\nTo set your password, visit: https://bakery.example/wp-login.php?action=rp' }) },
    // a real name, an e-mail address as the login, the site naming itself in the greeting
    negative: { message: () => compose({ from: 'WordPress <wordpress@bakery.example>', text: 'Hello and welcome to www.bakery.example, Anna Kowalska!\nUsername: anna.kowalska@mail.example\nYour plan: Basic, €9.00 a month' }) },
  },
  RECIPIENT_IN_LINK: {
    positive: { message: () => compose({ text: 'Sign in: https://portal.evil.example/login#Ym9iQGV4YW1wbGUub3Jn' }), ctx: { recipients: ['bob@example.org'] } },
    // the reader's address on the sender's own site (its unsubscribe link), and another reader's address elsewhere
    negative: { message: () => compose({ text: 'Unsubscribe: https://www.example.com/u?email=bob%40example.org or see https://other.example/?e=carol@example.org' }), ctx: { recipients: ['bob@example.org'] } },
  },
  URL_IP_LITERAL: {
    positive: { message: () => html('<a href="http://203.0.113.7/login">Sign in</a>') },
    negative: { message: () => html('<a href="http://login.example.com/">Sign in</a> from 203.0.113.7') },
  },
  URL_USERINFO: {
    positive: { message: () => compose({ text: 'Log in at http://www.bank.example@203.0.113.9/secure now.' }) },
    negative: { message: () => compose({ text: 'Write to me@example.com or see http://www.example.com/' }) },
  },
  URL_ANCHOR_MISMATCH: {
    positive: { message: () => html('<a href="https://evil.example/x">https://www.paypal.com/signin</a>') },
    negative: { message: () => html('<a href="https://www.paypal.com/signin?x=1">www.paypal.com</a> <a href="https://t.example/">click here</a>') },
  },
  URL_REDIRECT: {
    positive: { message: () => compose({ text: 'Open https://www.google.com/url?q=https://evil.example/ now' }) },
    negative: { message: () => compose({ text: 'Open https://www.example.com/search?q=minutes now' }) },
  },
  URL_DATA_OR_JAVASCRIPT: {
    positive: { message: () => html('<a href="javascript:document.location=\'https://evil.example/\'">Open</a>') },
    negative: { message: () => html('<img src="data:image/png;base64,iVBORw0KGgo="><a href="https://example.com/">Open</a>') },
  },
  HTML_HIDDEN_TEXT: {
    positive: { message: () => html(`<p>Buy now</p><div style="display:none">${filler}</div>`) },
    negative: { message: () => html(`<p>${filler}</p><span style="display:none">preheader</span>`) },
  },
  HTML_WORD_SPLIT: {
    positive: { message: () => html(['To see your State', 'ment, down', 'load the fi', 'le'].join('<sub style="display:none;font-size:0.0001px">9R4ZET0AYQ</sub>')) },
    // Hidden blocks between words (a preheader, a mobile-only menu) split nothing.
    negative: { message: () => html('<span style="display:none">Your receipt</span><p>Thanks!</p> <div style="display:none;max-height:0">Menu</div> <p>See you</p> <span style="display:none">x</span>') },
  },
  HTML_TINY_FONT: {
    positive: { message: () => html(`<p>Buy now</p><font size="1">${filler}</font>`) },
    negative: { message: () => html(`<p>${filler}</p><font size="2">Unsubscribe at any time.</font>`) },
  },
  HTML_IMAGE_ONLY: {
    positive: { message: () => html('<a href="https://shop.example/"><img src="https://shop.example/offer.jpg"></a>') },
    // a short payment notice under the company's logo: a sentence or two is words a filter reads
    negative: { message: () => html('<img src="https://example.com/logo.png"><p>Your credit card ending in 3205 has been charged: Growth plan (monthly), 25/06/2026, €39.00. Thanks for being a customer!</p>') },
  },
  ATTACH_EXECUTABLE: {
    positive: { message: () => attach('report.dat', MZ, 'application/octet-stream') },
    negative: { message: () => attach('report.pdf', '%PDF-1.4 minutes', 'application/pdf') },
  },
  ATTACH_SCRIPT: {
    positive: { message: () => attach('scan.zip', zipOf([{ name: 'scan_0042.js', data: 'WScript.Echo(1)' }]), 'application/zip') },
    negative: { message: () => attach('notes.txt', 'plain notes') },
  },
  ATTACH_MACRO_OFFICE: {
    positive: { message: () => attach('invoice.doc', OLE, 'application/msword') },
    negative: { message: () => attach('minutes.docx', zipOf([{ name: 'word/document.xml', data: '<w:document/>' }])) },
  },
  ATTACH_ENCRYPTED_ARCHIVE: {
    positive: { message: () => attach('invoice.zip', zipOf([{ name: 'invoice.pdf', data: 'xx', encrypted: true }])) },
    negative: { message: () => attach('photos.zip', zipOf([{ name: 'beach.jpg', data: 'xx' }])) },
  },
  ATTACH_HTML_FORM: {
    positive: { message: () => attach('secure-message.html', '<form action="https://evil.example/"><input type=password name=p></form>', 'text/html') },
    negative: { message: () => attach('agenda.html', '<h1>Agenda</h1><p>Budget, hiring</p>', 'text/html') },
  },
  ATTACH_DOUBLE_EXTENSION: {
    positive: { message: () => attach('invoice.pdf.exe', 'x', 'application/octet-stream') },
    negative: { message: () => attach('v1.2.release-notes.pdf', '%PDF-1.4', 'application/pdf') },
  },
  REPLYTO_OTHER_DOMAIN: {
    positive: { message: () => compose({ replyTo: 'accounts@payments-desk.example.net' }) },
    // A contact form notifies the site owner with the visitor as Reply-To: the mail stays in the sender's domain.
    negative: { message: () => compose({ from: 'WordPress <wordpress@example.com>', to: 'info@example.com', replyTo: 'visitor@elsewhere.example.org' }) },
  },
  LINK_BRAND_MISMATCH: {
    positive: { message: () => compose({ from: '"PayPal Service" <alice@example.com>', html: '<p>Please confirm.</p><a href="https://paypa1-login.xyz/x">Open</a>', text: undefined }) },
    negative: { message: () => compose({ from: '"DHL Express via Shop" <shop@example.com>', html: '<a href="https://www.dhl.de/track?x=1">Track</a> <a href="https://www.example.com/">Shop</a>', text: undefined }) },
  },
  LOOKALIKE_DOMAIN: {
    positive: { message: () => compose({ text: 'Sign in at https://www.rnicrosoft.com/login to continue.' }) },
    negative: { message: () => compose({ text: 'Sign in at https://login.microsoftonline.com/ or see https://www.microscope-shop.example/ and https://www.paypal.com/' }) },
  },
  PUNYCODE_LOOKALIKE: {
    positive: { message: () => compose({ text: 'Log in: https://xn--pypal-4ve.com/signin' }) },
    negative: { message: () => compose({ text: 'Stadtplan: https://www.xn--mnchen-3ya.de/stadtplan' }) },
  },
  HTML_PASSWORD_FIELD: {
    positive: { message: () => html('<form action="https://collect.example.xyz/p"><input type="email"><input type="password" name="p"></form>') },
    negative: { message: () => html('<form action="https://www.example.com/search"><input type="text" name="q"></form><a href="https://www.example.com/login">Sign in</a>') },
  },
  PHISH_LURE_LINK: {
    positive: { message: () => compose({ text: 'Ihr Konto wurde gesperrt. Bestätigen Sie Ihre Daten hier: https://secure-check.top/de' }) },
    // The same words from the shop's own billing page, linking to the sender's own domain.
    negative: { message: () => compose({ text: 'We could not process your payment. Update your payment method at https://app.example.com/billing' }) },
  },
  PHISH_QR_CODE: {
    positive: { message: () => html('<p>Your password expires today. Scan the QR code below with your phone to keep your current password.</p><img src="https://img.example.net/qr.png">') },
    negative: { message: () => html('<p>Your ticket for Saturday: show this QR code at the entrance.</p><img src="https://tickets.example.com/qr.png">') },
  },
  PHISH_GIFT_CARD: {
    positive: { message: () => compose({ text: 'Are you at your desk? I need you to buy 6 Apple gift cards of $100 for a client. Scratch the back and send me the codes by email.' }) },
    negative: { message: () => compose({ text: 'Looking for a present? Buy a gift card in our shop, in any amount from 10 to 200 euros.' }) },
  },
  PHISH_WIRE_REQUEST: {
    positive: { message: () => compose({ from: 'Mark Ellison <mark@acme-tools.com>', to: 'accounts@acme-tools.com', replyTo: 'Mark Ellison <m.ellison.office@gmail.com>',
      subject: 'Quick favour', text: 'Are you at your desk? I need you to process a wire transfer of $48,500 to a new vendor today. Keep this confidential, I am in meetings all afternoon.' }) },
    // A sole trader answering from a personal mailbox bills a client, and would like it paid today: mail to another firm.
    negative: { message: () => compose({ from: 'Jane Moss <jane@mossdesign.com>', to: 'office@client.example', replyTo: 'mossdesign@gmail.com',
      subject: 'Invoice 2026-114', text: 'Hello, please find invoice 2026-114 attached. Payment by bank transfer please; if you could pay it today that would be lovely. Thank you!' }) },
  },
  PHISH_NEW_ACCOUNT_ABROAD: {
    positive: { message: () => compose({ from: 'Buchhaltung <buchhaltung@tischlerei-berg.de>', subject: 'Neue Bankverbindung',
      text: 'Sehr geehrte Damen und Herren, bitte beachten Sie die Änderung unserer Bankverbindung. Offene Rechnungen bitte ab sofort nur noch auf IBAN LT12 1000 0111 0100 1000 überweisen.' }) },
    // The same announcement with the firm's new account at home; and a .com firm, whose country the domain does not say.
    negative: { message: () => compose({ from: 'Buchhaltung <buchhaltung@tischlerei-berg.de>', subject: 'Neue Bankverbindung',
      text: 'Sehr geehrte Damen und Herren, bitte beachten Sie die Änderung unserer Bankverbindung: IBAN DE89 3704 0044 0532 0130 00 bei der Volksbank.' }) },
  },
  PHISH_COUSIN_REPLY_TO: {
    positive: { message: () => compose({ from: 'Comptabilité <compta@menuiserie-lefebvre.fr>', to: 'achats@client.example', replyTo: 'compta@menuiserie-lefebvre-sarl.fr',
      subject: 'Changement de coordonnées bancaires', text: 'Bonjour, suite à un changement de banque, merci de régler les factures en cours sur le nouveau compte ci-joint.' }) },
    // The same firm answered at its help desk, or a Reply-To on a partner's unrelated domain: no cousin of the name.
    negative: { message: () => compose({ from: 'Comptabilité <compta@menuiserie-lefebvre.fr>', to: 'achats@client.example', replyTo: 'factures@cabinet-expert.example',
      subject: 'Changement de coordonnées bancaires', text: 'Bonjour, suite à un changement de banque, merci de régler les factures en cours sur le nouveau compte ci-joint.' }) },
  },
  PHISH_CALLBACK: {
    positive: { message: () => compose({ from: 'Norton Billing <billing.dept4471@gmail.com>', subject: 'Norton 360 subscription renewed',
      text: 'Your Norton 360 Deluxe subscription was renewed today for $399.99 (invoice 88213). If you did not authorize this charge, call our billing department at +1 (808) 555-0142 within 24 hours to cancel and get a refund.' }) },
    // The shop's own receipt: the same words and a number to call, from the shop itself (it names PayPal as the way it was paid).
    negative: { message: () => compose({ from: 'Orders <orders@gardenshop.example>', subject: 'Payment received via PayPal for your order 4471',
      text: 'Thank you! Total charged: $84.50 via PayPal. If you did not place this order, call us at (808) 555-0199 and we will cancel it.' }) },
  },
  PHISH_EXTORTION: {
    positive: { message: () => compose({ subject: 'Your device was hacked', text: 'I infected your computer with spyware and recorded a video of you. Send $1450 in Bitcoin to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 within 48 hours, or the video goes to all your contacts.' }) },
    // A shop that takes bitcoin: an address and a time limit, nothing that threatens.
    negative: { message: () => compose({ subject: 'Payment details for order 4471', text: 'Please send exactly 0.00231 BTC to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq within 60 minutes; after that the rate is recalculated.' }) },
  },
  PHISH_CREDENTIALS: {
    positive: { message: () => compose({ text: 'Your mailbox has been suspended. Verify your account at the link below.' }) },
    negative: { message: () => compose({ text: 'I verified the account numbers in the budget sheet; all fine.' }) },
  },
  PHISH_PAYMENT: {
    positive: { message: () => compose({ text: 'Please note the change of our bank details before you pay the invoice.' }) },
    negative: { message: () => compose({ text: 'The bank holiday moves our meeting; details follow.' }) },
  },
  PHISH_URGENCY: {
    positive: { message: () => compose({ subject: 'FINAL NOTICE', text: 'Respond within 24 hours or lose access. Unverified profiles are disabled soon.' }) },
    negative: { message: () => compose({ text: 'No rush: whenever you have time this month. Our office is closed today for the holiday. Orders ship within 24 hours, and the recording is sent to attendees within 48 hours.' }) },
  },
  PHISH_ADVANCE_FEE: {
    positive: { message: () => compose({ text: 'This strictly confidential matter concerns my late father who left 8.6 million US dollars; I need to transfer the funds into your account as foreign partner.' }) },
    negative: { message: () => compose({ text: 'Strictly confidential: the board approved the 2 million dollars budget for next year.' }) },
  },
  SUBJECT_ALL_CAPS: {
    positive: { message: () => compose({ subject: 'YOUR POWER SUPPLY IS KILLING YOUR EQUIPMENT' }) },
    negative: { message: () => compose({ subject: 'RE: FYI - NASA and the ESA budget' }) },
  },
  DISGUISED_WORDS: {
    positive: { message: () => compose({ text: 'I ḟeel sặd to ḁlert you ąḅout ẵ couple oḟ news ƒor you. I gảined ǎccess to eǎch oƒ your devices ąnd wåtched thẻ camera.' }) },
    // French, Portuguese and Vietnamese write their own words with accents, never English ones
    negative: { message: () => compose({ text: 'Où êtes-vous ? Voilà le café. Não há pão à venda. Tôi và bạn có thể đi ở đây. Crème brûlée for the café.' }) },
  },
  BRAND_DISGUISED_SPELLING: {
    positive: { message: () => compose({ subject: 'Scan your Iedger now', text: 'Your device needs a security check.' }) },
    // the brand spelt right, an accountant's "Ledger", Italian "Il", a product code and a LinkedIn name are no disguise
    negative: { message: () => compose({ subject: 'Il PayPal di Ledger Nano S Plus (LNSP-01) e Office 2021', text: 'Il conto è nel General Ledger. Find us on LinkedIn and at McIntosh Street. Born in Turin.' }) },
  },
  UNFILLED_PLACEHOLDER: {
    positive: { message: () => compose({ subject: '#CRYPTO# %FIRSTNAME%, your reward is waiting' }) },
    // a hashtag, a percentage and a word in brackets are no variables
    negative: { message: () => compose({ subject: 'Sale: 20% off #summer items [limited] until Friday' }) },
  },
  TEXT_ALL_CAPS: {
    positive: { message: () => compose({ text: `${filler}\n${filler.toUpperCase()}` }) },
    negative: { message: () => compose({ text: `${filler} The NASA, ESA and JAXA teams met at the UN in NYC with the EU and WHO.` }) },
  },
  STYLED_LETTERS: {
    positive: { message: () => compose({ subject: '𝐈𝐬𝐨𝐥𝐚𝐭𝐢𝐨𝐧 𝐭𝐡𝐞𝐫𝐦𝐢𝐪𝐮𝐞 : 𝐃É𝐂𝐎𝐔𝐕𝐑𝐄𝐙' }) },
    // a formula with a few mathematical letters, and Japanese mail's full-width letters
    negative: { message: () => compose({ text: 'The force is 𝐅 = m𝐚, see the attached sheet. ログインＩＤとＰＡＳＳＷＯＲＤを確認してください' }) },
  },
  MIXED_SCRIPTS: {
    positive: { message: () => compose({ text: 'Your Pаypal account needs аttention from the Pаypal team.' }) },
    negative: { message: () => compose({ text: 'Привет, Bob! The Москва office sends greetings.' }) },
  },
  ZERO_WIDTH_CHARS: {
    positive: { message: () => compose({ text: 'Vi\u200bag\u200bra che\u200bap to\u200bday' }) },
    negative: { message: () => compose({ text: 'A normal sentence with an emoji 👍🏽 and a soft\u00adhyphen. Preview text \u200c\u00a0\u200c\u00a0\u200c\u00a0\u200c\u00a0\u200c\u00a0' }) },
  },
};

async function parsed(c: Case): Promise<ContentMessage> {
  const result = parseContent(await c.message());
  if (result.kind !== 'message') throw new Error(`test message did not parse: ${result.reason}`);
  return result.message;
}

describe('content rules', () => {
  it('every rule has a positive and a negative case', () => {
    expect(Object.keys(cases).sort()).toEqual(contentRules.map((r) => r.name).sort());
  });

  it('counts invisible joiners in the display name, and takes rows of digits under pictures for no text', async () => {
    const zeroWidth = contentRules.find((r) => r.name === 'ZERO_WIDTH_CHARS')!;
    const joined = [...'Carrefour'].join('\u034f');
    expect(zeroWidth.test(await parsed({ message: () => compose({ from: `"${joined}" <admission@example.edu>`, text: 'Tenemos una sorpresa.' }) }), {})).toBeTruthy();
    // an emoji with its variation selector, and right-to-left marks in Hebrew: no hiding
    expect(zeroWidth.test(await parsed({ message: () => compose({ from: '"Dana ❤️" <dana@example.org>', text: 'שלום\u200f עולם\u200f, see you\u200f soon ❤️ ❤️ ❤️' }) }), {})).toBe(false);
    const imageOnly = contentRules.find((r) => r.name === 'HTML_IMAGE_ONLY')!;
    const digits = Array.from({ length: 12 }, (_, i) => String(2467442 + i * 1111)).join(' ');
    expect(imageOnly.test(await parsed({ message: () => html(`<img src="https://cdn.example.net/a.png"><p>${'_'.repeat(60)} ${digits}</p>`) }), {})).toBe(true);
  });

  it('BAD_DATE also fires on a date days ahead of the clock, and an old date is fine', async () => {
    const badDate = contentRules.find((r) => r.name === 'BAD_DATE')!;
    const now = Date.parse('2026-11-02T09:30:00Z');
    expect(badDate.test(await parsed({ message: () => compose({ date: new Date('2026-11-05T09:30:00Z') }) }), { now })).toBe('in the future');
    expect(badDate.test(await parsed({ message: () => compose({ date: new Date('2002-08-21T10:00:00Z') }) }), { now })).toBe(false);
  });

  it('counts a link inside an attached PDF as a lure\'s way out, as one in the text', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const pdf = (uri: string) => `%PDF-1.7\n7 0 obj\n<< /Type /Annot /Subtype /Link /A << /S /URI /URI (${uri}) >> >>\nendobj\n%%EOF\n`;
    const withPdf = async (uri: string, text = 'Good morning Karen,\n\nplease review the attached remittance advice and confirm receipt.\n\nTom Hale\nHale Joinery') =>
      lure.test(await parsed({ message: () => compose({ from: 'Tom Hale <tom@halejoinery.co.uk>', text, attachments: [{ filename: 'Remittance-0412.pdf', content: pdf(uri) }] }) }), {});
    expect(await withPdf('https://halejoinery-docs.top/view?d=0412')).toMatch(/^invoice: "remittance", attaches Remittance-0412\.pdf linking to halejoinery-docs\.top$/);
    // the sender's own site, an invoice on a payment service's page, a file on a sharing service: no attacker's page
    for (const uri of ['https://www.halejoinery.co.uk/accounts', 'https://invoice.stripe.com/i/acct_1Hx/inv_22', 'https://www.dropbox.com/s/abc/remittance.pdf']) {
      expect(await withPdf(uri), uri).toBe(false);
    }
    // and no lure in the text, no way out to judge
    expect(await withPdf('https://halejoinery-docs.top/view?d=0412', 'Hi Karen, the drawings for the staircase are attached. Tom')).toBe(false);
  });

  it('reads lures in the sender\'s own words, not in the lines a reply quotes', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const quoted = 'It handles that fine.\n\n> I assume it can take a mailbox full of mail to report.\n\nDocs: https://docs.file-share.net/report\n';
    expect(lure.test(await parsed({ message: () => compose({ text: quoted }) }), {})).toBe(false);
    // The same lure above the quote, as a hijacked account answers in a real thread, still counts.
    const hijack = 'Your mailbox is full, release pending messages at https://docs.file-share.net/report\n\n> see you Tuesday\n';
    expect(lure.test(await parsed({ message: () => compose({ text: hijack }) }), {})).toBeTruthy();
  });

  it('reads no lure in honest mail\'s warning against it ("we will never ask you to …"), and still the request itself', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const brand = contentRules.find((r) => r.name === 'LINK_BRAND_MISMATCH')!;
    const link = '\nTrack it: https://trk.parcel-links.example/t/8KfQ2m\n';
    for (const warning of [
      'Your prints ship via Royal Mail; we will never ask you to pay a redelivery fee.',
      'PayPal never asks for your password by e-mail, so keep it to yourself.',
      'Nous ne vous demanderons jamais de confirmer votre mot de passe par courriel.',
      'Wir werden Sie niemals auffordern, Ihr Passwort per E-Mail zu bestätigen.',
    ]) {
      const msg = await parsed({ message: () => compose({ text: warning + link }) });
      expect(lure.test(msg, {}), warning).toBe(false);
      expect(brand.test(msg, {}), warning).toBe(false);
    }
    for (const request of [
      'Your parcel is held by Royal Mail. Pay the redelivery fee to release it.',
      // the disclaimer copied into the footer does not hide the lure in its own sentence
      'Your account is suspended, verify your account now. PayPal will never ask for your password.',
      // a negation of something else than asking keeps the lure
      'If you do not pay the redelivery fee today, the parcel goes back to the sender.',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: request + link }) }), {}), request).toBeTruthy();
  });

  it('reads a sign-up notice or auto-reply whose echoed name is a web address or a sum of money as a form filled with bait', async () => {
    const rule = contentRules.find((r) => r.name === 'NAME_FIELD_BAIT')!;
    const notice = async (text: string) => rule.test(await parsed({ message: () => compose({ from: 'Cycles Morel <boutique@cyclesmorel.example>', text }) }), {});
    for (const bait of [
      "Nom d'utilisateur : www.crypto-payout.example - 4 500 EUR pour vous\nMot de passe : celui que vous avez choisi",
      'Hi 💰 You received 1.25 BTC, withdraw at https://payout-desk.example/w,\n\nthanks for contacting us, we will answer within two days.',
      'Dear $5,000 bonus waiting for you,\n\nthank you for registering.',
    ]) expect(await notice(bait), bait).toMatch(/^"/);
    for (const honest of [
      'Hi Camille,\n\nyour order of €120.00 has shipped.',
      "Nom d'utilisateur : camille.roux@mail.example",
      'Bonjour et bienvenue sur www.cyclesmorel.example, Camille,\nvotre compte est prêt.',
      'Name: Gift card €50\nQuantity: 1',
    ]) expect(await notice(honest), honest).toBe(false);
  });

  it('reads no lure where the sender says it will look after the account itself ("so we can secure it"), and still the imperative', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const link = '\nOur app: https://apps.example-store.net/gym-pass\n';
    for (const promise of [
      'Your e-mail address was changed. If that was not you, call the front desk so we can secure your account.',
      "Bring photo ID to your first visit and we'll verify your identity there.",
    ]) expect(lure.test(await parsed({ message: () => compose({ text: promise + link }) }), {}), promise).toBe(false);
    for (const request of [
      'Your e-mail address was changed. If that was not you, secure your account now.',
      // a threat in the sender's words is no promise
      'Unusual sign-in detected. We will suspend your account unless you verify your account today.',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: request + link }) }), {}), request).toBeTruthy();
  });

  it('reads another script\'s marks on the Latin letters of a sender\'s name as a disguise, and no accent of a Latin-script language', async () => {
    const mixed = contentRules.find((r) => r.name === 'MIXED_SCRIPTS')!;
    const brand = contentRules.find((r) => r.name === 'BRAND_IMPERSONATION')!;
    // Syriac points, Arabic vowel signs (Script "Inherited", Script_Extensions Arabic and Syriac), Hebrew points
    for (const name of ['A\u0731m\u0731a\u0731z\u0731o\u0731n', 'P\u0651a\u0651y\u0651P\u0651a\u0651l', 'N\u05b4etflix']) {
      const msg = await parsed({ message: () => compose({ from: `"${name}" <service@notify-center.example>`, text: 'Your order could not be shipped.' }) });
      expect(mixed.test(msg, {}), name).toBeTruthy();
      expect(brand.test(msg, {}), name).toBeTruthy();
    }
    // Latin-script accents, precomposed or as combining marks, and names in other scripts
    for (const name of ['Zoe\u0308 Jose\u0301 Nguye\u0302\u0303n', 'Łukasz Żółć', 'محمد علي', 'Ἀλέξανδρος']) {
      const msg = await parsed({ message: () => compose({ from: `"${name}" <friend@mail.example>`, text: 'See you on Tuesday.' }) });
      expect(mixed.test(msg, {}), name).toBe(false);
    }
  });

  it('reads a delivery or customs fee as a lure only when the reader is told to pay it, not as a line of a shop\'s mail', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const link = '\nhttps://track.parcel-desk.example/t/8KfQ2m\n';
    for (const honest of [
      'Shipping costs are included in your order total. Track your parcel:',
      'Los gastos de envío ya están incluidos en tu pedido. Seguimiento:',
      'Die Versandgebühren sind im Preis enthalten. Sendungsverfolgung:',
      'No tienes que pagar nada. Los gastos de envío corren de nuestra cuenta:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: honest + link }) }), {}), honest).toBe(false);
    for (const demand of [
      'Your parcel is waiting: pay the small €1.99 redelivery fee here:',
      'A customs fee of €2.99 is due before delivery:',
      'Pague los gastos de envío de 1,99 € para recibir su paquete:',
      'Bitte zahlen Sie die Zollgebühr von 2,49 EUR:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: demand + link }) }), {}), demand).toBeTruthy();
  });

  it('reads a parcel or order said to be delayed, with a link elsewhere, as a parcel lure; a shop\'s own delay notice links home', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    for (const subject of ['Your package has been delayed', 'El pedido FF-31 se ha retrasado', 'Ihre Sendung hat sich verzögert']) {
      const phish = () => compose({ from: 'Parcel Service <notice@mail-center.example>', subject, text: 'See the new date: https://track-info.example/x1' });
      expect(lure.test(await parsed({ message: phish }), {}), subject).toBeTruthy();
      const shop = () => compose({ from: 'Kettle & Co <orders@kettleandco.example>', subject, text: 'See the new date: https://kettleandco.example/orders/31' });
      expect(lure.test(await parsed({ message: shop }), {}), subject).toBe(false);
    }
  });

  it('reads a charge to dispute by phone sent from a free mailbox as callback phishing, without a brand named', async () => {
    const callback = contentRules.find((r) => r.name === 'PHISH_CALLBACK')!;
    const alert = (from: string) => () =>
      compose({ from, subject: 'Aviso importante', text: 'Transação em análise no valor de R$ 1.599,99. Caso não reconheça, ligue para a central: 0800 400 8033.' });
    expect(callback.test(await parsed({ message: alert('Suporte <suporte.cliente442@gmail.com>') }), {})).toBe('sent from a free mailbox (gmail.com)');
    // the same from a company's own domain names no brand and is no free mailbox: not this rule's to judge
    expect(callback.test(await parsed({ message: alert('Suporte <suporte@lojadobairro.example>') }), {})).toBe(false);
    // a person writing from a free mailbox about money, with a phone number, but no charge to dispute
    const person = () => compose({ from: 'Ana <ana.souza@gmail.com>', text: 'Paguei R$ 150,00 pelos ingressos. Me liga no 0800 400 8033 se quiser ir.' });
    expect(callback.test(await parsed({ message: person }), {})).toBe(false);
  });

  it('takes the sender\'s own address shown over its mailing service\'s tracker for the newsletter it is, not a brand\'s', async () => {
    const mismatch = contentRules.find((r) => r.name === 'URL_ANCHOR_MISMATCH')!;
    const tracked = (shown: string) => () =>
      compose({
        from: 'Fieldnote Studio <news@news.fieldnote.example>',
        headers: { 'List-Unsubscribe': '<https://click.mailwisp.example/unsub?c=88>, <mailto:unsub-88@mailwisp.example>' },
        html: `<p>Workshops: <a href="https://click.mailwisp.example/ls/click?upn=u001.72ef6b">${shown}</a></p>`,
      });
    expect(mismatch.test(await parsed({ message: tracked('https://fieldnote.example/workshops') }), {})).toBe(false);
    expect(mismatch.test(await parsed({ message: tracked('https://www.paypal.com/signin') }), {})).toBe('paypal.com -> mailwisp.example');
    // a tracker that is not the message's own unsubscribe service is still another domain
    const other = () => compose({ from: 'Fieldnote Studio <news@news.fieldnote.example>', html: '<a href="https://click.mailwisp.example/x">https://fieldnote.example/a</a>' });
    expect(mismatch.test(await parsed({ message: other }), {})).toBe('fieldnote.example -> mailwisp.example');
  });

  it('takes a From at a bare name or a broken domain for no From address, and the brand it names for a disguise', async () => {
    const rule = (name: string) => contentRules.find((r) => r.name === name)!;
    // Written into the header as the sender wrote them (a composer would turn the styled letters into kinder.de).
    const rawFrom = async (from: string) => Buffer.concat([Buffer.from(`From: ${from}\r\n`), withoutHeader(await compose(), 'from')]);
    for (const from of ['Correios <contato@correios>', '"Taxa" <taxa@%atendimento.com>', '"Dein Geschenk" <no-reply@𝗞𝗶𝗻𝗱𝗲𝗿.𝗱𝗲>']) {
      expect(rule('MISSING_FROM').test(await parsed({ message: () => rawFrom(from) }), {}), from).toBeTruthy();
    }
    // a name under a wildcard suffix of the public suffix list (*.sch.uk, *.ck) is a suffix itself, and still a host
    for (const from of ['Bäckerei <info@bäckerei-müller.example>', 'Cron Daemon <root@web01.example.net>', 'Post <a@xn--bckerei-q2a.example>', 'School <office@staidans.sch.uk>']) {
      expect(rule('MISSING_FROM').test(await parsed({ message: () => compose({ from }) }), {}), from).toBe(false);
    }
    // A bare name in the domain is nobody's site, so a brand named beside it is claimed, not the sender's own name.
    expect(rule('BRAND_IMPERSONATION').test(await parsed({ message: () => compose({ from: 'Correios <contato@correios>' }) }), {})).toBe('correios');
  });

  it('reads a brand in a display name spelt with letters that pass for others, and not a name that merely has them', async () => {
    const rule = contentRules.find((r) => r.name === 'BRAND_IMPERSONATION')!;
    const claim = async (from: string) => rule.test(await parsed({ message: () => compose({ from }) }), {});
    expect(await claim('Iedger <jennifer@shalinimisra.example>')).toBe('ledger, spelt "Iedger"');
    expect(await claim('"PaypaI Billing" <billing@secure-pay.example>')).toBe('paypal, spelt "PaypaI Billing"');
    expect(await claim('"App1e Support" <help@icloud-care.example>')).toMatch(/^apple, spelt/);
    for (const from of ['Ingrid Ledge <ingrid@example.net>', '"IT Desk" <it@example.net>', '"Team 10 Alpha" <a@example.net>']) expect(await claim(from), from).toBe(false);
  });

  it('reads an IPv4 address in every form a browser accepts, and no domain as one', async () => {
    const rule = contentRules.find((r) => r.name === 'URL_IP_LITERAL')!;
    for (const host of ['3112953397', '027142763065', '0xb98be635', '0271.0x8b.230.53', '185.139.230.53']) {
      // Node's URL parser (WHATWG, as browsers) takes each for 185.139.230.53
      expect(new URL(`http://${host}/`).hostname, host).toBe('185.139.230.53');
      expect(rule.test(await parsed({ message: () => html(`<a href="http://${host}/4TRmlI">Claim my discount</a>`) }), {}), host).toBe(host);
    }
    expect(rule.test(await parsed({ message: () => html('<a href="http://web2.example.com/">Shop</a> <a href="http://365.example.org/">Deals</a>') }), {})).toBe(false);
  });

  it('takes an e-mail service\'s click tracker and the sender\'s own pages on a platform for the sender\'s own site', async () => {
    const rule = (name: string) => contentRules.find((r) => r.name === name)!;
    // A shop's receipt sent through SendGrid with link tracking: every link, the footer's Facebook page too, goes
    // through the tracker, and the receipt offers to update the card on file.
    const tracked = (n: number) => `https://u1234567.ct.sendgrid.net/ls/click?upn=u001.${'x'.repeat(20)}${n}`;
    const receipt = () => compose({ from: 'Kettle & Co <orders@kettleandco.example>', subject: 'Your Kettle & Co receipt #KC-20931',
      html: `<p>This is the receipt for your purchase. No payment is due. Need to <a href="${tracked(1)}">update your payment information</a>?</p>`
        + `<p><a href="${tracked(2)}">www.kettleandco.example</a> · <a href="${tracked(3)}">Instagram</a> · <a href="${tracked(4)}">Facebook</a></p>`, text: undefined });
    for (const name of ['PHISH_LURE_LINK', 'LINK_BRAND_MISMATCH', 'URL_ANCHOR_MISMATCH', 'PHISH_CREDENTIALS']) {
      expect(rule(name).test(await parsed({ message: receipt }), {}), name).toBe(false);
    }
    // A display name that claims a brand the sending domain is not: the tracker hides where the brand's name leads.
    const claimed = () => compose({ from: 'PayPal <service@paypal-alerts.example>', subject: 'Your account is limited',
      html: `<p>Please <a href="${tracked(1)}">restore access</a> within 24 hours.</p>`, text: undefined });
    expect(rule('LINK_BRAND_MISMATCH').test(await parsed({ message: claimed }), {})).toBe('says paypal, links go to sendgrid.net');
    // A tracker that writes the destination in its path leads there: an abused Postmark account's airdrop lure.
    const airdrop = (dest: string) => () => compose({ from: 'Kettle & Co <orders@kettleandco.example>', subject: 'Exclusive airdrop',
      html: `<p>Claim your airdrop now: <a href="https://click.pstmrk.it/3s/${encodeURIComponent(dest)}/W1sC/1/HUN">PARTICIPATE NOW</a></p>`, text: undefined });
    expect(rule('PHISH_LURE_LINK').test(await parsed({ message: airdrop('found-eth.blogspot.com/claim') }), {})).toBeTruthy();
    expect(rule('PHISH_LURE_LINK').test(await parsed({ message: airdrop('www.kettleandco.example/rewards') }), {})).toBe(false);
    // The brand's own domain sending through its tracker is the brand.
    const own = () => compose({ from: 'Geek Squad <support@bestbuy.com>', html: `<p><a href="${tracked(1)}">Your protection plan</a></p>`, text: undefined });
    expect(rule('LINK_BRAND_MISMATCH').test(await parsed({ message: own }), {})).toBe(false);
    // A sign-up confirmation whose footer links to the company's status page and help centre under its own name.
    const footer = (status: string) => () => compose({ from: 'Nordpfad <no-reply@nordpfad.example>', subject: 'Bestätigen Sie Ihr Konto',
      text: `Konto bestätigen: https://app.nordpfad.example/confirm?t=yZ3x\nSystemstatus: ${status}\nHilfe: https://nordpfad.zendesk.com/hc/de` });
    expect(rule('PHISH_LURE_LINK').test(await parsed({ message: footer('https://nordpfad.statuspage.io') }), {})).toBe(false);
    // Somebody else's name on the same platform is off the sender's site.
    expect(rule('PHISH_LURE_LINK').test(await parsed({ message: footer('https://konto-sicherheit.statuspage.io') }), {})).toBeTruthy();
    // A failed payment whose one link is the sender's billing portal at its subscription service, under its own name
    const dunning = (portal: string) => () => compose({ from: 'Tallyboard Billing <billing@tallyboard.example>', subject: 'Payment failed',
      text: `We could not charge your card. Update your payment method: ${portal}/portal/v2/login` });
    expect(rule('PHISH_LURE_LINK').test(await parsed({ message: dunning('https://tallyboard.chargebeeportal.com') }), {})).toBe(false);
    expect(rule('PHISH_LURE_LINK').test(await parsed({ message: dunning('https://billing-verify.chargebeeportal.com') }), {})).toBeTruthy();
    // A receipt whose help centre is on Intercom under the sender's name in the path, shown as its own help address
    const stripeReceipt = (help: string) => () => compose({ from: 'Tallyboard <billing@tallyboard.example>', subject: 'Your receipt',
      html: `<p><a href="https://invoice.stripe.com/i/acct_1Q/live_x">Download invoice</a></p><p>Questions? <a href="${help}">help.tallyboard.example</a></p>`, text: undefined });
    expect(rule('PHISH_LURE_LINK').test(await parsed({ message: stripeReceipt('https://intercom.help/tallyboard/en/') }), {})).toBe(false);
    expect(rule('URL_ANCHOR_MISMATCH').test(await parsed({ message: stripeReceipt('https://intercom.help/tallyboard/en/') }), {})).toBe(false);
    // somebody else's name in the path is somebody else's page (shown as the sender's: a disguise)
    expect(rule('URL_ANCHOR_MISMATCH').test(await parsed({ message: stripeReceipt('https://intercom.help/invoice-center/en/') }), {})).toBe('tallyboard.example -> intercom.help');
    // The reader downloads the invoice on the payment service's page: a help centre on a platform no list knows
    // is no way out; a lure's words on the link elsewhere are
    const helpElsewhere = (help: string) => () => compose({ from: 'Tallyboard <billing@tallyboard.example>', subject: 'Your receipt',
      html: `<p><a href="https://invoice.stripe.com/i/acct_1Q/live_x">Download invoice</a></p><p>Questions? <a href="https://tallyboard.supportdesk-cloud.net/">${help}</a></p>`, text: undefined });
    expect(rule('PHISH_LURE_LINK').test(await parsed({ message: helpElsewhere('Visit our help center') }), {})).toBe(false);
    expect(rule('PHISH_LURE_LINK').test(await parsed({ message: helpElsewhere('View and settle the invoice') }), {})).toBeTruthy();
  });

  it('knows the retailers and online shops that fake rewards and outlets sign with', async () => {
    const brand = contentRules.find((r) => r.name === 'BRAND_IMPERSONATION')!;
    expect(brand.test(await parsed({ message: () => compose({ from: '"TEMU_Thank you! - Enjoy Temu Reward on us!" <vkwgc@cutynaledriite.example>' }) }), {})).toBe('temu');
    expect(brand.test(await parsed({ message: () => compose({ from: '"Albert Heijn Cadeaucentrum" <news@specialty-glass.example>' }) }), {})).toBe('albert heijn');
    // the UK's high-street banks, and not from their own domains
    expect(brand.test(await parsed({ message: () => compose({ from: 'Barclays <no-reply.22@brc.securdeutsh.example>' }) }), {})).toBe('barclays');
    expect(brand.test(await parsed({ message: () => compose({ from: '"Halifax Online" <alerts@halifax-verify.example>' }) }), {})).toBe('halifax');
    expect(brand.test(await parsed({ message: () => compose({ from: 'Barclays <alerts@notifications.barclays.co.uk>' }) }), {})).toBe(false);
    expect(brand.test(await parsed({ message: () => compose({ from: '"-Albert-Heijn Cadeaucentrum!. .LSFIH" <newsletters.QrZl@specialty-glass.example>' }) }), {})).toBe('albert heijn');
    expect(brand.test(await parsed({ message: () => compose({ from: 'Albert Heijn <nieuwsbrief@ah.nl>' }) }), {})).toBe(false);
  });

  it('reads a brand with a trade-mark sign in the display name', async () => {
    const brand = contentRules.find((r) => r.name === 'BRAND_IMPERSONATION')!;
    expect(brand.test(await parsed({ message: () => compose({ from: 'Mcafee™ <support@norskdesign.example>' }) }), {})).toBe('mcafee');
    expect(brand.test(await parsed({ message: () => compose({ from: 'PayPal® Service <service@paypal.com>' }) }), {})).toBe(false);
  });

  it('reads a link\'s text as the reader sees it, without the invisible pieces that break it up', async () => {
    const hide = '<sub style="display:none">9R4ZET0AYQ</sub>';
    const message = () => html(`Your statement: <a href="https://ap.lc/mwkEz">ht${hide}tps://www.ss${hide}a.gov/forms</a>`);
    expect(contentRules.find((r) => r.name === 'URL_ANCHOR_MISMATCH')!.test(await parsed({ message }), {})).toBe('ssa.gov -> ap.lc');
  });

  it('takes a brand beside the sender\'s own organisation in the display name for a topic, not an identity', async () => {
    const message = () => compose({ from: '"Gnomeletter Apple Core" <news@gnomeletter.example>', html: '<p>Tips for your Mac.</p><a href="https://tips.example.org/mac">Read</a>', text: undefined });
    for (const name of ['BRAND_IMPERSONATION', 'LINK_BRAND_MISMATCH']) {
      expect(contentRules.find((r) => r.name === name)!.test(await parsed({ message }), {})).toBe(false);
    }
  });

  it('knows the reader\'s own mail held back until they release it elsewhere, in seven languages, and not someone\'s pending mail in ordinary words', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const link = ' https://mail-release.evil.example/owa/';
    for (const text of [
      'You have 7 pending incoming messages on the server. Release your pending messages to your inbox:',
      'You have 7 incoming messages that were held on the mail server because of a system delay. Open:',
      'Sie haben 4 ausstehende Nachrichten. Nachrichten freigeben:',
      'Vous avez 5 messages en attente sur le serveur. Libérez vos messages ici :',
      'Tienes 3 mensajes pendientes en el servidor. Liberar mensajes:',
      'Hai 6 messaggi in sospeso sul server di posta. Recuperali qui:',
      'U heeft 2 wachtende berichten op de server. Bekijk ze hier:',
      'Você tem 9 mensagens pendentes no servidor. Liberar suas mensagens:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBeTruthy();
    for (const text of [
      'I still have two pending emails to answer before lunch, then I will look at the draft:',
      'The press team will send the release messages for the launch on Monday; the calendar is here:',
      'Tipps: So sortieren Sie eingehende Nachrichten in Outlook automatisch in Ordner:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBe(false);
  });

  it('knows a parcel held at customs until a fee is paid, in seven languages, and not a shop\'s notice that customs cleared it', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const link = ' https://parcel-fees.evil.example/pay';
    for (const text of [
      'Your parcel is held at customs until the import charges are settled. Pay now:',
      'Ihr Paket wird vom Zoll festgehalten. Jetzt bezahlen:',
      'Votre colis est retenu en douane. Réglez maintenant :',
      'Su paquete ha sido retenido en la aduana. Pague aquí:',
      'Il tuo pacco è trattenuto in dogana. Paga ora:',
      'Uw pakket wordt vastgehouden door de douane. Betaal hier:',
      'Verificamos que o seu pedido encontra-se retido na alfândega por conta de taxas pendentes. Pagar agora:',
      'Seu pedido foi bloqueado pela fiscalização alfandegária devido à falta de pagamento. Efetuar pagamento:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBeTruthy();
    for (const text of [
      'Your order has cleared customs and is on its way. Track it here:',
      'Ihre Sendung befindet sich in der Zollabfertigung. Sendungsverfolgung:',
      'Seu pedido foi enviado e está a caminho. Rastreie aqui:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBe(false);
  });

  it('knows a lapsed subscription or protection to renew off the sender\'s site, in seven languages, and not a subscription\'s news', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const link = ' https://renew-now.evil.example/cl/146565';
    for (const text of [
      'Your antivirus protection has expired. Renew now:',
      'Ihr McAfee-Abonnement läuft ab, verlängern Sie es jetzt:',
      'Votre abonnement Norton a expiré. Renouvelez :',
      'Su suscripción ha caducado. Renueve aquí:',
      'Il tuo abbonamento è scaduto. Rinnova ora:',
      'Uw abonnement is verlopen. Verleng hier:',
      'Sua assinatura expirou. Renove agora:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBeTruthy();
    for (const text of [
      'Your subscription includes three new courses this month. Browse them here:',
      'Ihr Abonnement wurde verlängert, vielen Dank. Rechnung:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBe(false);
  });

  it('takes a page on a CDN or object-storage name of its own for free hosting, not the CDN\'s images', async () => {
    const rule = contentRules.find((r) => r.name === 'LINK_FREE_HOSTING')!;
    expect(rule.test(await parsed({ message: () => html('<a href="https://d15k2d11r6t6rl.cloudfront.net/public/u/Link7_1.html">Live chat</a>') }), {})).toBe('d15k2d11r6t6rl.cloudfront.net (cloudfront.net)');
    expect(rule.test(await parsed({ message: () => html('<img src="https://d15k2d11r6t6rl.cloudfront.net/logo.png"><a href="https://www.example.com/">Shop</a>') }), {})).toBe(false);
  });

  it('knows a spam run\'s casino bonus, drugs, weight loss and dating sold on another domain, in seven languages, and not news on those topics', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const link = ' https://bonus-club.evil.example/go?aff=2291';
    const tags = async (text: string) => lure.test(await parsed({ message: () => compose({ text: text + link }) }), {});
    for (const text of [
      'Get 200 free spins and a 100% deposit bonus today:',
      '50 Freispiele ohne Einzahlung warten auf dich:',
      '400 % Bonus bis zu 2000 €. Bonus ist nur für neue Spieler gültig:',
      'The Ultimate Welcome Bonus at SpinRise CASINO, plus weekly reload bonuses:',
      'Profitez de 100 tours gratuits sur votre premier dépôt :',
      'Consigue 50 giros gratis con tu primer depósito:',
      'Ricevi 100 giri gratis subito:',
      'Claim je 25 gratis spins:',
      'Ganhe 100 rodadas grátis no seu primeiro depósito:',
      'Buy cheap Viagra and Cialis, discreet shipping:',
      'Cialis rezeptfrei, diskreter Versand:',
      'Kamagra online, entrega rápida:',
      'DIE Lösung für eine Mega-Harte Erektion – Spray X jetzt entdecken:',
      'The natural formula for harder erections and more stamina:',
      'Des érections plus fermes en 15 minutes :',
      'Ereções mais firmes sem receita:',
    ]) expect(await tags(text), text).toMatchObject({ score: 5 });
    for (const text of [
      'Lose up to 15 kg in 30 days with one gummy a day:',
      'Emagrecer sem dieta: o segredo das famosas:',
      '10 Kilo abnehmen in 4 Wochen, ganz ohne Hunger:',
      'Fett schmelzen ohne Diät oder Sport: KetoBurn Apple Gummies, jetzt bestellen:',
    ]) expect(await tags(text), text).toMatch(/^weight-loss:/);
    for (const text of [
      'Lonely women in your area want to chat tonight:',
      'Annushka, 28: siehe private Fotos',
      'Des femmes célibataires près de chez vous vous attendent :',
      'Mulheres solteiras perto de você querem conversar:',
      'Treffen Sie heiße ukrainische Singles - siehe Fotos:',
      'Geniet van discreet, flirterig chatten. Aanmelden is gratis:',
      'Discreet affairs and casual encounters, join free tonight:',
      'Sex dating for grown-ups, no strings:',
      "Hi there, I'm 26 and I'm searching for a real man to meet this week. My profile:",
      'Ich bin 31 Jahre alt und suche einen Liebhaber. Meine Fotos:',
      "J’ai 24 ans et je cherche un amant discret :",
    ]) expect(await tags(text), text).toMatch(/^dating:/);
    for (const text of [
      'The state parliament passed the new online casino law on Tuesday; our summary is here:',
      'Your prescription is ready for pick-up at our Main Street branch. Opening hours:',
      'Spam of the week: Viagra again, and a new trick with images. Our filter notes:',
      'Our spring running club: ten weeks, three runs a week, sign up here:',
      'Unser Verein sucht neue Spieler für die C-Jugend. Probetraining:',
      'Anna sent you a message. Reply to her on our site:',
      'Privacy tip: never send private photos to people you have not met. Our guide:',
      'Erectile dysfunction affects one man in five over forty; our urologist explains the treatments:',
      'Dating apps: how to stay safe when you meet a match for the first time. Our guide:',
      'I am 34 years old and looking for a new role in logistics; my CV is here:',
      'The man I am looking for is our new lab manager, 45 years of experience between the three of us:',
      // a host's own notice names one account's cPanel, webmail and SMTP server; a print shop sells mailers and leads
      'Your hosting is ready. Your cPanel, webmail and SMTP settings are on this page:',
      'We print mailers, flyers and postcards and find leads for realtors:',
    ]) expect(await tags(text), text).toBe(false);
    // an underground shop's price list of stolen access tags alone
    for (const text of ['Cpanels - Shells - SSH/WHM - RDPs - Smtps - Mailers - Leads, check us out:', 'Fresh SMTPs, RDPs and cPanels for sale:'])
      expect(await tags(text), text).toMatchObject({ score: 5, detail: expect.stringMatching(/^crimeware:/) });
  });

  it('weighs a mailing whose every link, the opt-out too, is shortened, and not one shortened link among the sender\'s own', async () => {
    const rule = contentRules.find((r) => r.name === 'URL_SHORTENER')!;
    const hit = async (m: string) => rule.test(await parsed({ message: () => html(m) }), {});
    expect(await hit('Mehr Power im Bett: <a href="https://is.gd/3FqTwz">jetzt entdecken</a>. Keine E-Mails mehr? <a href="https://is.gd/HJEUkd">Hier abmelden</a>.'))
      .toMatchObject({ score: 5 });
    // the sender's own site beside the shortened link; a person's note with two shortened links and no opt-out
    expect(await hit('Our offer: <a href="https://bit.ly/3xY">here</a>. <a href="https://example.com/unsubscribe">Unsubscribe</a>')).toBe('bit.ly');
    expect(await hit('The photos: <a href="https://bit.ly/3xY">day one</a> and <a href="https://bit.ly/4zQ">day two</a>.')).toBe('bit.ly');
    // a map's share link leads to the map: no shortener
    expect(await hit('Directions: <a href="https://maps.app.goo.gl/Xy12AbCd">our cottage on the map</a>, <a href="https://goo.gl/maps/AbC">parking</a>.')).toBe(false);
    expect(await hit('Hair Regrowth Spring Sale: <a href="https://tinyurl.com/a1">shop</a>. If you would no longer like to receive these ads, <a href="https://tinyurl.com/a2">click here</a>.'))
      .toMatchObject({ score: 5 });
    // images and no words, every link shortened; the same pictures linking to the sender's own shop are no such thing
    const pictures = (a: string, b: string) => `<a href="${a}"><img src="https://img.example.net/1.png"></a><a href="${b}"><img src="https://img.example.net/2.png"></a>`;
    expect(await hit(pictures('https://t.co/13ihCu', 'https://t.co/0MjDMC'))).toMatchObject({ score: 5, detail: expect.stringContaining('images') });
    expect(await hit(pictures('https://shop.example.com/sale', 'https://t.co/0MjDMC'))).toBe('t.co');
  });

  it('knows money offered back for the reader\'s details, in seven languages, and not a shop\'s refund receipt', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const link = ' https://storage.googleapis.com/newera1/claim.html';
    for (const text of [
      'You are entitled to compensation of up to 10,000 EUR. Claim it here:',
      'Sie haben Anspruch auf eine Rückerstattung. Jetzt beantragen:',
      'Vous avez droit à un remboursement. Cliquez ici :',
      'Tiene derecho a una indemnización. Solicítela aquí:',
      'Hai diritto a un rimborso. Richiedilo qui:',
      'Je kunt je geld terugclaimen: tot €10.000. Claim mijn compensatie:',
      'Você tem direito a uma restituição. Acesse:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBeTruthy();
    for (const text of [
      'We have refunded 24.90 EUR to your card; it shows within five days. Order details:',
      'Ihre Rückerstattung über 24,90 EUR wurde veranlasst. Bestellung:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBe(false);
  });

  it('knows a full mailbox in six more languages, and not a full letterbox or a storage price list', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const link = ' https://webmail-space.evil.example/?e=chris@example.com';
    for (const text of [
      'Ihr Postfach ist fast voll. Speicherplatz erweitern:',
      'Votre boîte aux lettres est pleine. Augmentez votre espace :',
      'Su buzón de correo está lleno. Amplíe el espacio:',
      'La tua casella di posta è piena: hai superato il limite di archiviazione. Aumenta spazio:',
      'Uw mailbox is bijna vol. Vergroot uw opslag:',
      'Sua caixa de entrada está cheia. Libere espaço:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBeTruthy();
    for (const text of [
      'Der Briefkasten im Hof ist voll, bitte leeren. Plan:',
      'Nos offres de stockage en ligne à partir de 2 € par mois :',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBe(false);
  });

  it('reads the reader\'s domain name about to lapse as a payment lure off the registrar\'s site, not an article or the registrar\'s own notice', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    for (const text of [
      'Your domain example.com expires in 3 days. Renew now: https://domain-renewal.evil.example/r',
      'Ihre Domain example.de läuft in 3 Tagen ab. Jetzt verlängern: https://domain-renewal.evil.example/r',
      'Votre nom de domaine example.fr expire dans 3 jours : https://domain-renewal.evil.example/r',
    ]) expect(lure.test(await parsed({ message: () => compose({ text }) }), {}), text).toBeTruthy();
    const article = 'Why the .io domain name expires with the territory, explained: https://news-site.org/io';
    const registrar = 'Your domain example.com expires in 30 days. Renew it in your account: https://www.example.com/domains/renew';
    expect(lure.test(await parsed({ message: () => compose({ text: article }) }), {})).toBe(false);
    expect(lure.test(await parsed({ message: () => compose({ text: registrar }) }), {})).toBe(false);
  });

  it('reads a supplier\'s or employee\'s account that "changed" as payment pressure', async () => {
    const payment = contentRules.find((r) => r.name === 'PHISH_PAYMENT')!;
    for (const text of [
      'Please be informed that our bank details have changed. Do not pay to the old account.',
      'I would like to update my direct deposit information before the next payroll.',
    ]) expect(payment.test(await parsed({ message: () => compose({ text }) }), {}), text).toBeTruthy();
    expect(payment.test(await parsed({ message: () => compose({ text: 'Our office address has changed; the bank account stays the same.' }) }), {})).toBe(false);
  });

  it('knows complaints about the reader\'s site or page, mail that stops unless they act, and the HR handbook lure; not the same topics in ordinary words', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const link = ' https://proof-files.evil.example/x';
    for (const text of [
      'Your page has been reported for violating our community standards and is scheduled for permanent deletion. Submit an appeal:',
      'Notificación judicial: no hemos recibido respuesta. Para evitar cualquier penalización revise el documento:',
      'Gerichtliche Vorladung: Ihre Unterlagen liegen bereit:',
      'Your wallet is still pending verification. All unverified wallets will be temporarily disabled soon. Verify now:',
      'Your website uses my images without my permission. This is a copyright infringement. See the proof here:',
      'Ihre Webseite verwendet meine Bilder ohne meine Erlaubnis (Urheberrechtsverletzung). Beweise:',
      'Votre site utilise mes photos sans autorisation. Les preuves :',
      'To continue receiving messages, please verify your email address within 24 hours:',
      'All employees are required to read and acknowledge the updated employee handbook by Friday:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBeTruthy();
    for (const text of [
      'To keep receiving our emails about new courses, confirm your subscription:',
      'Our lawyer wrote a guide to photo licences for small shops, worth a read:',
      'This week: the copyright infringement case against the chip maker, and PHP 4.3 released:',
      'The handbook for new volunteers is on the club site:',
      'Our webinar on judicial review and court procedure, slides here:',
      'News: PayPal receives subpoena in the fraud inquiry; read the full story:',
    ]) expect(lure.test(await parsed({ message: () => compose({ text: text + link }) }), {}), text).toBe(false);
  });

  it('reads the advance-fee script in the languages it is translated into, not a news item with a sum in millions', async () => {
    const fee = contentRules.find((r) => r.name === 'PHISH_ADVANCE_FEE')!;
    for (const text of [
      'Você está sendo compensado com 5,8 milhões de dólares; como beneficiário, seu dinheiro é convertido em um cartão Visa ATM.',
      'Su pago de compensación está aprobado y le será entregado en una tarjeta ATM.',
      'Une affaire strictement confidentielle : feu mon client a laissé 12 millions de dollars sans plus proche parent.',
      'Als Begünstigter erhalten Sie die Entschädigungszahlung von 2,5 Millionen US-Dollar.',
      'Tenho alguns fundos que herdei do meu falecido marido, a quantia de ($ 5.500.000.00USD), depositada no banco.',
    ]) expect(fee.test(await parsed({ message: () => compose({ text }) }), {}), text).toBe(true);
    expect(fee.test(await parsed({ message: () => compose({ text: 'A empresa investiu 40 milhões de dólares na nova fábrica em Manaus.' }) }), {})).toBe(false);
    expect(fee.test(await parsed({ message: () => compose({ text: 'O contrato prevê a quantia de R$ 1.200.000,00 paga ao fornecedor em três parcelas.' }) }), {})).toBe(false);
  });

  it('reads the advance-fee script in its dying donor and compensation variants, and not a grant\'s beneficiary', async () => {
    const fee = contentRules.find((r) => r.name === 'PHISH_ADVANCE_FEE')!;
    const donor = 'I am a widow; my late husband deposited the sum of ($4,500,000.00 USD). My doctor says I have a few months to live, so I will donate this fund to an honest person.';
    const compensation = 'Your compensation payment of $1,500,000.00 has been approved and will be delivered on an ATM Master Card.';
    const grant = 'The foundation received a donation of $2,500,000 from a local family; as beneficiary of the grant, our school opens the new library in May.';
    expect(fee.test(await parsed({ message: () => compose({ text: donor }) }), {})).toBeTruthy();
    expect(fee.test(await parsed({ message: () => compose({ text: compensation }) }), {})).toBeTruthy();
    expect(fee.test(await parsed({ message: () => compose({ text: grant }) }), {})).toBe(false);
    // The dying donor in the translations the script goes out in.
    for (const text of [
      'Infelizmente, estou em estado terminal e morrerei em breve. Minha herança é de três milhões de dólares para caridade.',
      'Ich bin unheilbar krank; meine Erbschaft von 4 Millionen Euro soll einem ehrlichen Menschen zugutekommen.',
    ]) expect(fee.test(await parsed({ message: () => compose({ text }) }), {}), text).toBe(true);
    // A hospice's newsletter: a patient's story and a donation, no fortune to hand over.
    expect(fee.test(await parsed({ message: () => compose({ text: 'Maria, terminally ill, spent her last weeks with us. Thanks to an inheritance gift, our garden reopens.' }) }), {})).toBe(false);
  });

  it('knows an article headline about expiring passwords from a notice that the reader\'s password expires', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const headline = 'Q321305 - how to log on if you forget your password or your password expires https://kb-help.org/q321305';
    expect(lure.test(await parsed({ message: () => compose({ text: headline }) }), {})).toBe(false);
    const notice = 'Your Microsoft 365 password for this mailbox expires today. Keep it here: https://kb-help.org/keep';
    expect(lure.test(await parsed({ message: () => compose({ text: notice }) }), {})).toBeTruthy();
  });

  it('reads payment and account wording as a service\'s own notice when every link stays on the sender\'s site', async () => {
    const own = 'We could not charge your card: your payment failed. Please verify your account billing at https://app.example.com/billing';
    const elsewhere = 'We could not charge your card: your payment failed. Please verify your account billing at https://billing-example.net/pay';
    const noLink = 'Please send the amount by bank transfer to the account below within 30 days.';
    for (const name of ['PHISH_PAYMENT', 'PHISH_CREDENTIALS']) {
      const rule = contentRules.find((r) => r.name === name)!;
      expect(rule.test(await parsed({ message: () => compose({ text: own }) }), {})).toBe(false);
      expect(rule.test(await parsed({ message: () => compose({ text: elsewhere }) }), {})).toBeTruthy();
    }
    const payment = contentRules.find((r) => r.name === 'PHISH_PAYMENT')!;
    // A bill without a link asking for a bank transfer is an ordinary invoice; money to a new account is not.
    expect(payment.test(await parsed({ message: () => compose({ text: noLink }) }), {})).toBe(false);
    expect(payment.test(await parsed({ message: () => compose({ text: noLink + ' Note that our bank details have changed.' }) }), {})).toBeTruthy();
    // An overdue invoice to pay on a payment service's page is billing; on some other site it presses.
    expect(payment.test(await parsed({ message: () => compose({ text: 'Your invoice is overdue: https://invoice.stripe.com/i/acct_1/x' }) }), {})).toBe(false);
    expect(payment.test(await parsed({ message: () => compose({ text: 'Your invoice is overdue: https://pay-invoices.net/x' }) }), {})).toBeTruthy();
  });

  it('takes a link to the sender\'s own name under another suffix for its own site, not for a way out', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const from = 'Acme CRM <no-reply@acmecrm.io>';
    const text = (link: string) => `Your account will be deactivated on 5 January unless you sign in before then: ${link}`;
    expect(lure.test(await parsed({ message: () => compose({ from, text: text('https://app.acmecrm.com/login') }) }), {})).toBe(false);
    expect(lure.test(await parsed({ message: () => compose({ from, text: text('https://acmecrm-login.com/x') }) }), {})).toBeTruthy();
    // Short names match by chance: a three-letter sender name does not make abc.net its own.
    expect(lure.test(await parsed({ message: () => compose({ from: 'Abc <no-reply@abc.io>', text: text('https://abc.net/login') }) }), {})).toBeTruthy();
  });

  it('takes a partner\'s name over a link to the sender\'s own site for a portal, a well-known brand\'s for a disguise', async () => {
    const mismatch = contentRules.find((r) => r.name === 'URL_ANCHOR_MISMATCH')!;
    const mall = (shown: string, href: string) =>
      parsed({ message: () => compose({ from: 'Shopmall <news@shopmall.ie>', text: undefined, html: `<p>This week at <a href="${href}">${shown}</a></p>` }) });
    expect(mismatch.test(await mall('www.arnotts.ie', 'https://www.shopmall.ie/arnotts'), {})).toBe(false);
    expect(mismatch.test(await mall('www.paypal.com', 'https://www.shopmall.ie/wp-content/pp/'), {})).toBe('paypal.com -> shopmall.ie');
    expect(mismatch.test(await mall('www.arnotts.ie', 'https://arnotts-offers.top/'), {})).toBe('arnotts.ie -> arnotts-offers.top');
  });

  it('takes a Reply-To in the sender\'s own name inside one domain for a diverted answer, a contact form\'s visitor for none', async () => {
    const freemail = contentRules.find((r) => r.name === 'REPLYTO_FREEMAIL')!;
    const wire = contentRules.find((r) => r.name === 'PHISH_WIRE_REQUEST')!;
    const text = 'Bitte veranlasse heute noch eine Überweisung über 18.400 € an den neuen Lieferanten. Vertraulich, ich bin im Termin.';
    const inside = (replyTo: string, from = 'Petra Wagner <p.wagner@wagner-bau.de>') => parsed({ message: () => compose({ from, to: 'buchhaltung@wagner-bau.de', replyTo, subject: 'Dringend', text }) });
    // the boss's name, the boss's surname in the user name
    expect(freemail.test(await inside('Petra Wagner <petra.private@gmx.de>'), {})).toBe('gmx.de');
    expect(wire.test(await inside('<wagner.petra.gf@gmail.com>'), {})).toContain('überweisung');
    // the site's form mailing its owner, a visitor's address to answer: the same words are the visitor's
    expect(freemail.test(await inside('Lukas Brandt <lukas.brandt@gmail.com>', 'Wagner Bau Website <website@wagner-bau.de>'), {})).toBe(false);
    expect(wire.test(await inside('Lukas Brandt <lukas.brandt@gmail.com>', 'Wagner Bau Website <website@wagner-bau.de>'), {})).toBe(false);
  });

  it('takes a Reply-To to another free mailbox than a free-mail From for a diverted answer, the sender\'s second address for none', async () => {
    const freemail = contentRules.find((r) => r.name === 'REPLYTO_FREEMAIL')!;
    const note = (from: string, replyTo: string) => parsed({ message: () => compose({ from, replyTo, to: 'someone@example.net', subject: '', text: 'I wrote to you before and you did not answer. Is this address still in use?' }) });
    expect(freemail.test(await note('"Dr. Samuel Okoro" <linda.m4471@gmail.com>', 'claims.desk2291@gmail.com'), {})).toBe('claims.desk2291@gmail.com');
    expect(freemail.test(await note('"Dr. Samuel Okoro" <linda.m4471@gmail.com>', 'claims.desk2291@outlook.com'), {})).toBe('outlook.com');
    expect(freemail.test(await note('Marta Novak <marta.novak@gmail.com>', 'Marta Novak <novak.marta@gmail.com>'), {})).toBe(false);
    expect(freemail.test(await note('Marta Novak <marta.novak@gmail.com>', 'marta.novak@gmail.com'), {})).toBe(false);
  });

  it('leaves a template\'s preview text (one short hidden span before anything visible) out of hidden and tiny text', async () => {
    const hidden = contentRules.find((r) => r.name === 'HTML_HIDDEN_TEXT')!;
    const tiny = contentRules.find((r) => r.name === 'HTML_TINY_FONT')!;
    const preview = 'Tom Hargreaves with Hargreaves & Co Accountants has invited you to use Tallyfox to collaborate with them. Use the button below to set up your account.';
    const span = (text: string) => `<span class="preheader" style="display: none !important; visibility: hidden; font-size: 1px; line-height: 1px; max-height: 0; opacity: 0;">${text}</span>`;
    const page = (body: string) => parsed({ message: () => html(body) });
    const opening = await page(`${span(preview)}<table><tr><td><h1>Hi Anna,</h1><p>${filler}</p></td></tr></table>`);
    expect(hidden.test(opening, {})).toBe(false);
    expect(tiny.test(opening, {})).toBe(false);
    // The same span after what the reader sees, or a longer block in front, is text hidden from the reader.
    expect(hidden.test(await page(`<p>${filler}</p>${span(preview)}`), {})).toBe(true);
    expect(tiny.test(await page(`${span(filler)}<p>Buy now</p>`), {})).toBe(true);
  });

  it('counts no preview filler (invisible characters padding a preview text) as hidden text', async () => {
    const hidden = contentRules.find((r) => r.name === 'HTML_HIDDEN_TEXT')!;
    const page = (body: string) => parsed({ message: () => html(body) });
    // A component library pads the preview to a fixed length with characters that render as nothing, so that the
    // inbox shows nothing of the body after it.
    const padding = '\u00a0\u200c\u200b\u200d\u200e\u200f\ufeff'.repeat(120);
    const preview = `<div style="display:none;overflow:hidden;line-height:1px;opacity:0;max-height:0;max-width:0">Your sign-in code for Tallyfox<div>${padding}</div></div>`;
    expect(hidden.test(await page(`<table><tr><td>${preview}<h1>Your code</h1><p>${filler}</p></td></tr></table>`), {})).toBe(false);
    // Words hidden the same way still count.
    expect(hidden.test(await page(`<table><tr><td><div style="display:none;max-height:0">${filler}<div>${padding.slice(0, 140)}</div></div><p>Hi</p></td></tr></table>`), {})).toBe(true);
  });

  it('reads a fractional font size or opacity as visible (Tailwind\'s 0.875rem), only a zero as hidden', async () => {
    const hidden = contentRules.find((r) => r.name === 'HTML_HIDDEN_TEXT')!;
    const page = (body: string) => parsed({ message: () => html(body) });
    expect(hidden.test(await page(`<h1>Your year</h1><p style="font-size:0.875rem;line-height:1.25rem">${filler}</p>`), {})).toBe(false);
    expect(hidden.test(await page(`<h1>Your year</h1><p style="opacity:0.6">${filler}</p>`), {})).toBe(false);
    expect(hidden.test(await page(`<h1>Your year</h1><p style="font-size:0.0em">${filler}</p>`), {})).toBe(true);
    expect(hidden.test(await page(`<h1>Your year</h1><p style="opacity: 0 !important">${filler}</p>`), {})).toBe(true);
  });

  it('counts a hidden block longer than the closing-tag search window, closed far away or never', async () => {
    const hidden = contentRules.find((r) => r.name === 'HTML_HIDDEN_TEXT')!;
    const page = (body: string) => parsed({ message: () => html(body) });
    const long = filler.repeat(4); // about 1,400 characters of words
    expect(hidden.test(await page(`<p>Cheap meds, click now</p><div style="display:none">${long}</div>`), {})).toBe(true);
    expect(hidden.test(await page(`<p>Cheap meds, click now</p><span style="display:none">${long}`), {})).toBe(true);
  });

  it('takes a social profile in the footer of a notice that acts on its own site for no way out; a lure linking only to one is', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const page = (body: string) => parsed({ message: () => html(body) });
    const confirm = '<p>Please confirm your account by clicking the link below.</p>';
    const own = await page(`${confirm}<a href="https://app.example.com/confirm?t=8f2c">Confirm email address</a><p>Follow <a href="https://twitter.com/examplehq">@examplehq</a> on Twitter.</p>`);
    expect(rule.test(own, {})).toBe(false);
    expect(rule.test(await page(`${confirm}<a href="https://www.facebook.com/groups/verify-now">Confirm email address</a>`), {})).not.toBe(false);
    expect(rule.test(await page(`${confirm}<a href="https://confirm-mailbox.top/x">Confirm</a><p>Follow <a href="https://twitter.com/examplehq">@examplehq</a></p>`), {})).not.toBe(false);
  });

  it('reads the dying donor\'s and the charity donor\'s advance-fee stories, not a charity\'s own report', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_ADVANCE_FEE')!;
    const text = async (t: string) => parsed({ message: () => compose({ text: t }) });
    expect(rule.test(await text('With a limited timeframe due to cancer, I seek a reliable partner to handle the allocated funds of my late husband.'), {})).toBe(true);
    expect(rule.test(await text('Mr. Bernard has donated $ 3,500,000.00 USD to you for the purpose of charity, contact him for details on how to receive your donation.'), {})).toBe(true);
    expect(rule.test(await text('Thanks to you, our charity work reached 12,000 families this year: donors gave $1,250,000 to the food bank.'), {})).toBe(false);
  });

  it('reads a shared file, a document to sign, a password that expires and an invoice to view in the other languages', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const text = async (t: string) => parsed({ message: () => compose({ text: t }) });
    const away = ' https://docs-viewer.top/x';
    for (const lure of [
      'Jonas Keller hat ein Dokument mit Ihnen geteilt.', 'Claire a partagé un fichier avec vous.', 'Lucía ha compartido un documento contigo.',
      'Paolo ha condiviso un file con te.', 'Pieter heeft een bestand met u gedeeld.', 'Rita compartilhou um arquivo com você.',
      'Merci de consulter et signer le contrat.', 'Por favor, revisar y firmar el acuerdo.',
      'Das Kennwort für Ihr Postfach läuft heute ab.', 'Pode consultar e descarregar a fatura no link abaixo.',
      // files "sent" behind a link, a transfer service's wording (session 21)
      'Daniel sent you files.', 'Pizzeria Vesuvio ti ha inviato un file.', 'Marta te ha enviado un archivo.', 'Luc vous a envoyé un fichier.',
      'Herr Wolf hat Ihnen eine Datei gesendet.', 'Sanne heeft u een bestand gestuurd.', 'Joana enviou-lhe um ficheiro: lhe enviou um ficheiro.',
      'Rechnung öffnen (PDF):', 'Tom shared "Revised Drawings - Phase 2" with you.',
      // Polish, Czech, Swedish, and a document said to be shared through a file-sharing service (session 23)
      'Anna udostępniła Ci plik.', 'Petr s vámi sdílel dokument.', 'Karin har delat ett dokument med dig.',
      'Ritningarna är delade via SharePoint.', 'The tender pack is shared securely via OneDrive.', 'Die Unterlagen wurden über Dropbox freigegeben.',
    ]) expect(rule.test(await text(lure + away), {}), lure).not.toBe(false);
    // a person naming the service the files are on, with the link on that service: no attacker's page
    expect(rule.test(await text('The photos are shared via Dropbox: https://www.dropbox.com/scl/fo/abc123/photos'), {})).toBe(false);
    // the same words on the sender's own site are no way out
    expect(rule.test(await text('Jonas Keller hat ein Dokument mit Ihnen geteilt: https://www.example.com/portal/doc/4'), {})).toBe(false);
  });

  it('reads a supplier\'s changed bank details in other words and languages as payment pressure', async () => {
    const payment = contentRules.find((r) => r.name === 'PHISH_PAYMENT')!;
    const text = async (t: string) => parsed({ message: () => compose({ text: t }) });
    for (const t of [
      'We have changed our banking arrangements; all future payments should be made to our new account below.',
      'Aufgrund einer Umstellung hat sich unsere Bankverbindung geändert.', 'Veuillez noter nos nouvelles coordonnées bancaires.',
      'Le informamos de nuestros nuevos datos bancarios.', 'Vi comunichiamo le nuove coordinate bancarie.', 'Hierbij onze gewijzigde bankgegevens.',
    ]) expect(payment.test(await text(t), {}), t).not.toBe(false);
    expect(payment.test(await text('Please pay the invoice by bank transfer to the account on the invoice, as always.'), {})).toBe(false);
  });

  it('reads a withdrawal notice that links to the transaction\'s public record as no way out, and a wallet lure elsewhere still', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const text = async (t: string) => parsed({ message: () => compose({ from: 'Ledgerline <notifications@ledgerline.example>', text: t }) });
    expect(lure.test(await text('Your bitcoin withdrawal was sent. View the transaction: https://mempool.space/tx/4a5e1e4b'), {})).toBe(false);
    expect(lure.test(await text('Your bitcoin withdrawal was sent. View the transaction: https://mempool-space.top/tx/4a5e1e4b'), {})).toBeTruthy();
    expect(lure.test(await text('Your bitcoin withdrawal is on hold. Verify your wallet: https://ledgerline-verify.top/wallet'), {})).toBeTruthy();
  });

  it('reads an invoice\'s fraud warning in the fraud\'s own words as a promise, and the announcement itself still', async () => {
    const payment = contentRules.find((r) => r.name === 'PHISH_PAYMENT')!;
    const text = async (t: string) => parsed({ message: () => compose({ text: t }) });
    for (const warning of [
      'Beware of invoice fraud: we will never change our bank details by email. Call us if in doubt.',
      'For your safety: we never use Western Union for payments.',
      'We would never ask you to buy gift cards for us.',
    ]) expect(payment.test(await text(warning), {}), warning).toBe(false);
    for (const request of [
      // the negation belongs to another verb, or another clause
      "Don't forget to update to our new bank details: all future payments must be made to our new account.",
      'We never had problems before. Please note the change of our bank details before you pay.',
    ]) expect(payment.test(await text(request), {}), request).not.toBe(false);
  });

  it('reads the consignment variant of the advance-fee story, not a company\'s funding news', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_ADVANCE_FEE')!;
    const text = async (t: string) => parsed({ message: () => compose({ text: t }) });
    expect(rule.test(await text('I am a diplomatic courier holding a consignment box registered in your name at the airport. Reply with your delivery address.'), {})).toBe(true);
    expect(rule.test(await text('Your compensation of US$ 2.8 million is loaded on a consignment package; send your details to the agent.'), {})).toBe(true);
    expect(rule.test(await text('We closed a $4.5 million seed round this week and will ship the new dashboard in March.'), {})).toBe(false);
  });

  it('reads the e-mail lottery variant of the advance-fee story, not a shop\'s prize draw', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_ADVANCE_FEE')!;
    const text = async (t: string) => parsed({ message: () => compose({ text: t }) });
    expect(rule.test(await text('Your e-mail address has won 650,000 EUR in our online draw. Contact your claims agent, Mr. Ruiz, with your full name and phone number.'), {})).toBe(true);
    expect(rule.test(await text('Seu e-mail foi sorteado no programa internacional. Mantenha esta notificação em sigilo até o pagamento.'), {})).toBe(true);
    expect(rule.test(await text('Congratulations, you won our Christmas draw! Your voucher is in your customer account; we will also mail it to you.'), {})).toBe(false);
  });

  it('reads "confirm your address for the shipping" of a prize sent free as a parcel lure, in English and German', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const text = async (t: string) => parsed({ message: () => compose({ text: t }) });
    expect(rule.test(await text('Four tickets are ready to ship to you free of charge. Confirm your address for the shipping here: https://prize-desk.top/x'), {})).not.toBe(false);
    expect(rule.test(await text('Vier Eintrittskarten liegen für Sie bereit. Bestätigen Sie jetzt hier Ihre Adresse für den Versand: https://prize-desk.top/x'), {})).not.toBe(false);
    expect(rule.test(await text('Your order ships tomorrow. Confirm your address for the delivery in your account: https://shop.example.com/account'), {})).toBe(false);
  });

  it('takes the link that carries the lure\'s words for the way to act: a vendor\'s credit in the footer is no way out', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const page = (body: string) => parsed({ message: () => html(body) });
    const notice = '<p>Here is your invoice INV/2026/00457 amounting to 1,250.00 EUR. Please remit payment at your earliest convenience.</p>';
    const credit = '<p>Powered by <a href="https://www.odoo.example/?utm_source=db">Odoo</a></p>';
    expect(rule.test(await page(`${notice}<a href="https://erp.example.com/my/invoices/457?access_token=9f2">View Invoice</a>${credit}`), {})).toBe(false);
    // The button that leaves the site, or a second one that does, is the way out as before.
    expect(rule.test(await page(`${notice}<a href="https://invoice-portal.top/457">View Invoice</a>${credit}`), {})).not.toBe(false);
    expect(rule.test(await page(`${notice}<a href="https://erp.example.com/my/invoices/457">View Invoice</a><a href="https://invoice-portal.top/457">View invoice online</a>`), {})).not.toBe(false);
  });

  it('takes the first link the reader meets for the way to act when no link carries the lure\'s words', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const payment = contentRules.find((r) => r.name === 'PHISH_PAYMENT')!;
    const page = (body: string) => parsed({ message: () => html(body) });
    const notice = '<p>This is an overdue notice: your invoice is overdue. The total is $2,600.00. You can see the invoice and pay it here:';
    const credit = '<p>Powered by <a href="https://books-vendor.example/?utm_medium=software">Ledgerly</a> <a href="https://books-vendor.example/start">Get Started</a></p>';
    // The invoice's own number links to the sender's billing site; the software's credit comes last.
    const own = await page(`${notice} <a href="https://billing.example.com/invoices/24?signature=5f2">INV-00021</a></p>${credit}`);
    expect(lure.test(own, {})).toBe(false);
    expect(payment.test(own, {})).toBe(false);
    // A hijacked mailbox's lure: the attacker's link first, the owner's website in the signature below.
    const hijacked = await page(`${notice} <a href="https://invoice-view.top/24">INV-00021</a></p><p>Regards, <a href="https://www.example.com/">www.example.com</a></p>`);
    expect(lure.test(hijacked, {})).not.toBe(false);
    expect(payment.test(hijacked, {})).not.toBe(false);
  });

  it('takes a share button that sends the reader back to the sender\'s own site for no redirect', async () => {
    const rule = contentRules.find((r) => r.name === 'URL_REDIRECT')!;
    const page = (href: string) => parsed({ message: () => html(`<p>Our spring collection is here.</p><a href="${href}">Share</a>`) });
    expect(rule.test(await page('https://www.facebook.com/sharer/sharer.php?u=https://shop.example.com/spring'), {})).toBe(false);
    expect(rule.test(await page('https://www.facebook.com/l.php?u=https://login-check.top/x'), {})).not.toBe(false);
  });

  it('reads the destination a click tracker signs into a token in the query', async () => {
    const rule = contentRules.find((r) => r.name === 'URL_REDIRECT')!;
    const jwt = (claims: object) => ['{"alg":"HS256","typ":"JWT"}', JSON.stringify(claims)].map((p) => Buffer.from(p).toString('base64url')).join('.') + '.c2lnbmF0dXJl';
    const page = (claims: object) => parsed({ message: () => html(`<p>Activate your card check.</p><a href="https://trackingservice.board-tool.example.net/tracker/link?token=${jwt(claims)}&r=euc1">Activate</a>`) });
    expect(rule.test(await page({ originalUrl: 'https://br3484rifjk.mkwd-space.top/049', emailId: 'efcf75a8', iat: 1770035375 }), {})).toBe('example.net sends on to mkwd-space.top');
    // an issuer's address is no destination, and a token that names none is an ordinary token
    expect(rule.test(await page({ iss: 'https://auth.other-idp.top/', sub: 'user-1' }), {})).toBe(false);
    expect(rule.test(await page({ originalUrl: 'https://board-tool.example.net/boards/7' }), {})).toBe(false);
    expect(rule.test(await parsed({ message: () => html('<a href="https://x.example.net/l?token=eyJnotjson.eyJ!!.x">a</a>') }), {})).toBe(false);
  });

  it('does not read the zero font size of an inline-block layout (MJML, Foundation) as hidden text', async () => {
    const hidden = contentRules.find((r) => r.name === 'HTML_HIDDEN_TEXT')!;
    const page = (body: string) => parsed({ message: () => html(body) });
    // The container's font-size 0 removes the gaps between columns; each column gives its text a size back, inline,
    // through a class of the style sheet, or as a block.
    const column = (inner: string) => `<td style="direction:ltr;font-size:0px;padding:20px 0;text-align:center;">${inner}</td>`;
    expect(hidden.test(await page(`<p>Hi</p><table><tr>${column(`<div style="font-family:Arial;font-size:13px;color:#000">${filler}</div>`)}</tr></table>`), {})).toBe(false);
    expect(hidden.test(await page(`<p>Hi</p><table><tr>${column(`<div class="receipt-text">${filler}</div>`)}</tr></table>`), {})).toBe(false);
    expect(hidden.test(await page(`<p>Hi</p><table><tr>${column(`<table><tr><td>${filler}</td></tr></table>`)}</tr></table>`), {})).toBe(false);
    // Words directly inside a zero-size element, or in a bare inline child, inherit the size: hidden.
    expect(hidden.test(await page(`<p>Hi</p><span style="font-size:0px">${filler}</span>`), {})).toBe(true);
    expect(hidden.test(await page(`<p>Hi</p><div style="font-size:0"><span>${filler}</span></div>`), {})).toBe(true);
    // Other ways of hiding hide the children too.
    expect(hidden.test(await page(`<p>Hi</p><div style="display:none;font-size:0"><div class="x">${filler}</div></div>`), {})).toBe(true);
  });

  it('counts a protected PDF as hidden from scanners when the mail gives its password, not a bank\'s statement', async () => {
    const rule = contentRules.find((r) => r.name === 'ATTACH_ENCRYPTED_ARCHIVE')!;
    const pdf = (encrypted: boolean) =>
      Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n<< /Size 6 /Root 1 0 R${encrypted ? ' /Encrypt 5 0 R' : ''} >>\n%%EOF\n`, 'latin1');
    const mail = (text: string, encrypted = true) =>
      parsed({ message: () => compose({ from: 'Ourocard <pontos.ourocard@gmail.com>', text, attachments: [{ filename: 'extrato.pdf', content: pdf(encrypted), contentType: 'application/pdf' }] }) });
    expect(rule.test(await mail('Seus pontos expiram em 24 horas. Veja como resgatar no arquivo em anexo. Senha de acesso: 123'), {})).toBe('extrato.pdf, its password in the text');
    // the bank's own statement: the password is something the reader knows, not written here
    expect(rule.test(await mail('Seu extrato mensal segue em anexo. A senha são os cinco primeiros dígitos do seu CPF.'), {})).toBe(false);
    expect(rule.test(await mail('Your statement is attached. Password: 123', false), {})).toBe(false);
  });

  it('reads a brand spelt with look-alike letters in the subject and the text, not from the brand itself', async () => {
    const rule = contentRules.find((r) => r.name === 'BRAND_DISGUISED_SPELLING')!;
    const mail = async (subject: string, text = 'Hello.', from = 'Support <help@wallet-care.example>') =>
      rule.test(await parsed({ message: () => compose({ from, subject, text }) }), {});
    expect(await mail('Scan your Iedger now')).toBe('ledger, spelt "Iedger"');
    expect(await mail('Account notice', 'Your PayPaI balance is on hold.')).toBe('paypal, spelt "PayPaI"');
    expect(await mail('Your Micr0soft password expires')).toBe('microsoft, spelt "Micr0soft"');
    expect(await mail('Arnazon order 113-55')).toBe('amazon, spelt "Arnazon"');
    expect(await mail('Scan your Iedger now', 'Hello.', 'Ledger <news@ledger.com>')).toBe(false);
    // words that merely hold a capital I, a digit or "rn": a name, Italian, a version number
    expect(await mail('Il nuovo iPhone 15 e Windows 11 a Livorno', 'LinkedIn, McIntosh, Office365, Barnes, modern learning')).toBe(false);
  });

  it('reads a brand in a display name through accents and letters spaced out to slip past filters', async () => {
    const rule = contentRules.find((r) => r.name === 'BRAND_IMPERSONATION')!;
    const from = async (f: string) => rule.test(await parsed({ message: () => compose({ from: f }) }), {});
    expect(await from('"I T A Ú - FEITO COM VOCÊ." <ism-tokens15@t-online.de>')).toBe('itaú');
    expect(await from('"P.a.y.P.a.l Service" <service@secure-account.example>')).toBe('paypal');
    expect(await from('"Itaú Unibanco" <avisos@itau.com.br>')).toBe(false);
    expect(await from('"J. R. Miller" <jr@millerlaw.example>')).toBe(false);
    // exchanges, carriers and the names of Europe's fake prize mail
    expect(await from('Ripple <teamripple@lucidire.example>')).toBe('ripple');
    expect(await from('"Trust Wallet Support" <support@mrkqqzoq.example>')).toBe('trust wallet');
    expect(await from('"ADAC Kundenservice" <info@verbraucher-aktion.example>')).toBe('adac');
    expect(await from('Kundenservice Deutsche Bahn <reply@telekom.com>')).toBe('deutsche bahn');
    expect(await from('"DPD Paket" <noreply@dpd.de>')).toBe(false);
  });

  it('takes a brand\'s own domain in From with a link to a free hosting platform for a forged sender, not its tracker', async () => {
    const rule = contentRules.find((r) => r.name === 'LINK_BRAND_MISMATCH')!;
    const bank = (href: string) =>
      parsed({ message: () => compose({ from: 'Bradesco <noreply@bradesco.com.br>', text: undefined, html: `<p>Agora você é Bradesco Prime! Para concluir, <a href="${href}">cadastre-se</a>.</p>` }) });
    expect(rule.test(await bank('https://b-a4qxna7jwq-rj.a.run.app/b/?tr=18590'), {})).toBe('says bradesco from its own domain, links go to b-a4qxna7jwq-rj.a.run.app');
    // the bank's own newsletter through its mailing service's click tracker
    expect(rule.test(await bank('https://click.mailing-service.example.net/t/18590'), {})).toBe(false);
  });

  it('takes a brand named beside a lure for a mismatch only when the lure sends the reader off the sender\'s site', async () => {
    const rule = contentRules.find((r) => r.name === 'LINK_BRAND_MISMATCH')!;
    const renewal = (pay: string) =>
      parsed({
        message: () =>
          compose({
            from: 'Harbour Pilates <hello@harbourpilates.example>',
            text: undefined,
            html:
              `<p>Your class pass renews on 1 May. Need a new card on file? <a href="${pay}">Update payment details</a></p>` +
              '<p>Book classes in <a href="https://bookings.studio-platform.example/harbour">your bookings account</a>.</p>' +
              '<p><a href="https://harbourpilates.example">harbourpilates.example</a> · <a href="https://www.instagram.com/harbourpilates/">Instagram</a></p>',
          }),
      });
    // the card updated at the studio's billing page at Stripe: the booking platform and Instagram below lure nobody
    expect(rule.test(await renewal('https://billing.stripe.com/p/login/4gw2Kd'), {})).toBe(false);
    // the same words sending the reader to a stranger's page to update it
    expect(rule.test(await renewal('https://card-update-portal.top/harbour'), {})).toBe('says instagram, links go to card-update-portal.top');
  });

  it('leaves a Reply-To at the sender\'s help desk alone, not one under the sender\'s name on another suffix', async () => {
    const rule = contentRules.find((r) => r.name === 'REPLYTO_OTHER_DOMAIN')!;
    const from = 'Brightlane <no-reply@mail.brightlane.io>';
    expect(rule.test(await parsed({ message: () => compose({ from, replyTo: 'Support <support@brightlane.zendesk.com>' }) }), {})).toBe(false);
    expect(rule.test(await parsed({ message: () => compose({ from, replyTo: 'billing@brightlane.co' }) }), {})).toBe('brightlane.co instead of brightlane.io');
  });

  it('reads "Name via Service" with Reply-To in that name as the service acting for the person, another name as a Reply-To elsewhere', async () => {
    const rule = contentRules.find((r) => r.name === 'REPLYTO_OTHER_DOMAIN')!;
    const from = 'Dana Whitfield via Tallyboard <notify@tallyboard.example>';
    expect(rule.test(await parsed({ message: () => compose({ from, replyTo: 'Dana Whitfield <dana@whitfield-legal.example>' }) }), {})).toBe(false);
    expect(rule.test(await parsed({ message: () => compose({ from, replyTo: 'Accounts Desk <desk@pay-settle.example>' }) }), {})).toBe('pay-settle.example instead of tallyboard.example');
    // the person whose name opens the business's name answers for it; a name merely sharing a word does not
    expect(rule.test(await parsed({ message: () => compose({ from: 'Dana Whitfield Legal via Tallyboard <notify@tallyboard.example>', replyTo: 'Dana Whitfield <dana@whitfield-legal.example>' }) }), {})).toBe(false);
    expect(rule.test(await parsed({ message: () => compose({ from: 'Dana Whitfield Legal via Tallyboard <notify@tallyboard.example>', replyTo: 'Whitfield Payments <pay@whitfield-pay.example>' }) }), {})).not.toBe(false);
    // without the "via", a name alike on both sides is the sender in person writing from elsewhere (business e-mail compromise)
    expect(rule.test(await parsed({ message: () => compose({ from: 'Dana Whitfield <notify@tallyboard.example>', replyTo: 'Dana Whitfield <dana@whitfield-legal.example>' }) }), {})).not.toBe(false);
  });

  it('weighs a QR code to sign in or sign a document with as a sign-in lure with a way off the site, one to verify an account a point under', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_QR_CODE')!;
    const img = '<img src="https://img.example.net/qr.png">';
    expect(rule.test(await parsed({ message: () => html(`<p>Your MFA expires today. Scan the QR code below to re-authenticate.</p>${img}`) }), {})).toMatchObject({ score: 5 });
    expect(rule.test(await parsed({ message: () => html(`<p>Scan the QR code to review and sign the document.</p>${img}`) }), {})).toMatchObject({ score: 5 });
    expect(rule.test(await parsed({ message: () => html(`<p>Scan the QR code to verify your account.</p>${img}`) }), {})).toBe('"scan the qr"');
  });

  it('reads a voucher to confirm and a Portuguese demand letter as lures', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    for (const text of [
      'Bestätigen Sie jetzt Ihren Netto-Gutschein: https://r.evil.example/g',
      'SARs emitiu uma Carta de Demanda que requer sua atenção: https://r.evil.example/d',
      'U hebt (1) pakket in de wacht. Bevestig de leveringsgegevens op de volgende pagina: https://r.evil.example/p',
      'Sie wurden als einer der wenigen Glücklichen ausgewählt: https://r.evil.example/p',
      'Sie wurden heute für unsere Verlosung für einen 100€ Bahngutschein ausgewählt: https://r.evil.example/p',
    ]) {
      expect(lure.test(await parsed({ message: () => compose({ text }) }), {}), text).toBeTruthy();
    }
  });

  it('reads a greeting by address in the text and a subject that opens with the reader\'s address', async () => {
    const rule = contentRules.find((r) => r.name === 'GREETING_BY_ADDRESS')!;
    expect(rule.test(await parsed({ message: () => compose({ text: 'Olá bob@example.org! Seu prêmio espera.' }) }), {})).toBe('bob@example.org');
    expect(rule.test(await parsed({ message: () => compose({ subject: 'bob@example.org, your prize is waiting' }) }), {})).toBe('bob@example.org');
    expect(rule.test(await parsed({ message: () => compose({ subject: 'Report for bob@example.org: 3 new comments' }) }), {})).toBe(false);
  });

  it('takes a server\'s generic name after its address for a bare address, not a name that merely holds numbers', async () => {
    const rule = contentRules.find((r) => r.name === 'URL_IP_LITERAL')!;
    for (const host of ['142.132.167.72.host.secureserver.net', 'ec2-54-12-3-4.compute-1.amazonaws.com']) {
      expect(rule.test(await parsed({ message: () => html(`<a href="http://${host}/doc">Open the notice</a>`) }), {}), host).toMatchObject({ score: 2 });
    }
    for (const host of ['www.example.com', 'files.2026.10.31.example.org', 'cdn-1-2-3.example.net']) {
      expect(rule.test(await parsed({ message: () => html(`<a href="https://${host}/doc">Open</a>`) }), {}), host).toBe(false);
    }
  });

  it('follows Google\'s AMP viewer to the page it shows', async () => {
    const rule = contentRules.find((r) => r.name === 'URL_REDIRECT')!;
    expect(rule.test(await parsed({ message: () => html('<a href="https://www.google.co.uk/amp/s/tosuchapel.example/SURqTU">Enter to win</a>') }), {})).toBe('google.co.uk sends on to tosuchapel.example');
    expect(rule.test(await parsed({ message: () => html('<a href="https://www.google.com/amp/">About AMP</a>') }), {})).toBe(false);
  });

  it('judges a link through a redirector by where it lands for a lookalike, and a redirect to the brand itself as none', async () => {
    const rule = contentRules.find((r) => r.name === 'LOOKALIKE_DOMAIN')!;
    const link = (href: string) => parsed({ message: () => html(`<p>Join our community event.</p><a href="${href}">Registration</a>`) });
    expect(rule.test(await link('https://google.com/amp/s/insights-ripple.com'), {})).toEqual({ detail: 'insights-ripple.com imitates ripple.com: brand name inside', score: 5 });
    expect(rule.test(await link('https://www.google.com/url?q=https%3A%2F%2Fpaypal-secure.example%2Fx&sa=D'), {})).toBeTruthy();
    expect(rule.test(await link('https://www.google.com/url?q=https%3A%2F%2Fwww.paypal.com%2Fsignin&sa=D'), {})).toBe(false);
  });

  it('reads a brand inside a site\'s name on a free hosting platform as a lookalike, unless the brand is an everyday word', async () => {
    const rule = contentRules.find((r) => r.name === 'LOOKALIKE_DOMAIN')!;
    const link = (href: string) => parsed({ message: () => html(`<p>Documents ready.</p><a href="${href}">Open</a>`) });
    expect(rule.test(await link('https://dropbox-condivisione-it.web.app/s/1'), {})).toMatchObject({ score: 5 });
    expect(rule.test(await link('https://live-music-night.web.app/'), {})).toBe(false);
    expect(rule.test(await link('https://www.docusign-review.web.app/s/2'), {})).toMatchObject({ score: 5 });
    expect(rule.test(await link('https://apple-orchard-farm.web.app/'), {})).toBe(false);
    expect(rule.test(await link('https://village-fete.web.app/'), {})).toBe(false);
  });

  it('takes LinkedIn\'s /slink for a shortener, and a brand\'s name with a link through it for a mismatch', async () => {
    const short = contentRules.find((r) => r.name === 'URL_SHORTENER')!;
    const mismatch = contentRules.find((r) => r.name === 'LINK_BRAND_MISMATCH')!;
    const msg = await parsed({ message: () => compose({ from: 'Belastingdienst <admin@daycare.example>', text: 'Betaal direct: https://www.linkedin.com/slink?code=eR4kT9pQ' }) });
    expect(short.test(msg, {})).toBe('linkedin.com');
    expect(mismatch.test(msg, {})).toBeTruthy();
    const profile = await parsed({ message: () => compose({ text: 'My profile: https://www.linkedin.com/in/jane-doe' }) });
    expect(short.test(profile, {})).toBe(false);
  });

  it('takes an archive it cannot open, with its password written in the mail, for a protected one', async () => {
    const rule = contentRules.find((r) => r.name === 'ATTACH_ENCRYPTED_ARCHIVE')!;
    const withPassword = await parsed({ message: () => compose({ text: 'Anbei die Mahnung. Das Archiv ist geschützt, Passwort: 3381',
      attachments: [{ filename: 'Mahnung_3381.7z', content: Buffer.from('7z placeholder') }] }) });
    expect(rule.test(withPassword, {})).toBe('Mahnung_3381.7z, its password in the text');
    const without = await parsed({ message: () => compose({ text: 'Anbei die Fotos vom Wochenende.', attachments: [{ filename: 'fotos.7z', content: Buffer.from('7z placeholder') }] }) });
    expect(rule.test(without, {})).toBe(false);
  });

  it('weighs new bank details answered at a mailbox elsewhere in the sender\'s own name, and a payment asked for in Dutch', async () => {
    const cousin = contentRules.find((r) => r.name === 'PHISH_COUSIN_REPLY_TO')!;
    const rent = await parsed({ message: () => compose({ from: 'Hausverwaltung Berg <verwaltung@hv-berg.example>', to: 'mieter@tenant.example',
      replyTo: 'Hausverwaltung Berg <hv-berg@buchhaltung-service.example>', subject: 'Neue Bankverbindung', text: 'Sehr geehrte Mieter, unsere neue Bankverbindung für die Miete ab März finden Sie unten.' }) });
    expect(cousin.test(rent, {})).toBeTruthy();
    const freelancer = await parsed({ message: () => compose({ from: 'Olivia Grant <hello@oliviagrant.example>', to: 'mia@client.example',
      replyTo: 'Olivia Grant <olivia.grant@mailbox-service.example>', subject: 'Re: Invoice 0087', text: "I've recently switched banks, so could you please use my new details for invoice 0087?" }) });
    expect(cousin.test(freelancer, {})).toBeTruthy();
    // the phrase is reported from the word's first letter, though the pattern matches from its second ("änderung")
    const abroad = contentRules.find((r) => r.name === 'PHISH_NEW_ACCOUNT_ABROAD')!;
    const change = await parsed({ message: () => compose({ from: 'Buchhaltung <b@tischlerei.example.de>', text: 'Bitte beachten Sie die Änderung unserer Bankverbindung: IBAN LT12 1000 0111 0100 1000.' }) });
    expect(abroad.test(change, {})).toMatch(/^"änderung unserer bankverbindung"/);
    const wire = contentRules.find((r) => r.name === 'PHISH_WIRE_REQUEST')!;
    const ceo = await parsed({ message: () => compose({ from: 'Henk <directie@bouw-smit.example>', to: 'administratie@bouw-smit.example', replyTo: 'Henk <henk.smit.directie@proton.me>',
      subject: 'Spoed', text: 'Ik heb vandaag nog een aanbetaling nodig van € 48.750 naar het notariskantoor. Strikt vertrouwelijk.' }) });
    expect(wire.test(ceo, {})).toBeTruthy();
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const vignette = await parsed({ message: () => compose({ text: 'Vaše vozidlo nemá platnou dálniční známku, hrozí pokuta 5 000 Kč. Zaplaťte zde: https://edalnice-cz.evil.example/' }) });
    expect(lure.test(vignette, {})).toBeTruthy();
  });

  it('reads the boss\'s own hijacked mailbox asking staff for a secret payment without a call; a real request lacks one part', async () => {
    const wire = contentRules.find((r) => r.name === 'PHISH_WIRE_REQUEST')!;
    const internal = (text: string) => parsed({ message: () => compose({ from: 'Paul Berger <p.berger@berger-metall.example>', to: 'buchhaltung@berger-metall.example', subject: 'Zahlung', text }) });
    // the whole script with nothing else to add: it tags on its own
    expect(wire.test(await internal('Bitte heute noch eine Überweisung von 24.900 € an die Kanzlei ausführen. Die Sache ist streng vertraulich. Ich bin den ganzen Tag in einer Besprechung, schreiben Sie mir nur per Mail.'), {})).toMatchObject({ score: 5 });
    const es = await parsed({ message: () => compose({ from: 'Marta Gil <marta@gil-abogados.example>', to: 'admin@gil-abogados.example',
      text: 'Necesito una transferencia de 12.000 € hoy. Es confidencial, no lo comentes con nadie. Estoy reunida y no puedo atender el teléfono.' }) });
    expect(wire.test(es, {})).toBeTruthy();
    // a manager asking for an ordinary payment, or for discretion about a salary, can still be called
    expect(wire.test(await internal('Bitte die Überweisung an Schmidt GmbH heute freigeben, die Rechnung liegt im Ordner. Bei Fragen ruf mich an.'), {})).toBe(false);
    expect(wire.test(await internal('Die Überweisung der Prämien bitte vertraulich behandeln. Ich bin ab 14 Uhr im Büro.'), {})).toBe(false);
    // mail to another firm is not the firm's own staff
    const outside = await parsed({ message: () => compose({ from: 'Marta Gil <marta@gil-abogados.example>', to: 'pagos@cliente.example',
      text: 'Necesito una transferencia de 12.000 € hoy. Es confidencial. Estoy reunida y no puedo atender el teléfono.' }) });
    expect(wire.test(outside, {})).toBe(false);
  });

  it('reads a cashback or free coins handed out behind a link as a lure', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const text = async (t: string) => parsed({ message: () => compose({ text: t }) });
    for (const t of [
      'You have been selected to receive a cashback of up to 2,500 USDT. Claim it here: https://usdt-bonus.example/claim',
      'Our community giveaway: get your free ETH today at https://eth-giveaway.example/',
      'USDC cashback: connect wallet with your browser extension and withdraw: https://usdc-back.example/',
    ]) expect(rule.test(await text(t), {}), t).not.toBe(false);
    expect(rule.test(await text('You have been chosen to receive our printed catalogue: https://catalogue.example/order'), {})).toBe(false);
    // a remote "task" job paid by the day, applied for in a chat anyone can open: the chat is the owner's page, not
    // the messenger's
    expect(rule.test(await text('Vaga home office: avaliar produtos, R$ 150 a R$ 400 por dia. Fale com a recrutadora: https://wa.me/5511900000000'), {})).not.toBe(false);
  });

  it('reads no gift-card scam in a shop\'s receipt for the reader\'s own gift card', async () => {
    const gift = contentRules.find((r) => r.name === 'PHISH_GIFT_CARD')!;
    const receipt = await parsed({ message: () => compose({ from: 'Café Lindqvist <shop@cafe-lindqvist.example>', subject: 'Your gift card for Café Lindqvist',
      text: 'Hi Tom, thanks for your purchase! Your e-gift card code is 4821-7730-1195 and the PIN is 0427. We have also emailed the code to Anna.' }) });
    expect(gift.test(receipt, {})).toBe(false);
    const scam = await parsed({ message: () => compose({ subject: 'Gift cards', text: 'Gift cards: please purchase 5 Apple cards of $200 today and email me the codes.' }) });
    expect(gift.test(scam, {})).toBeTruthy();
  });

  it('reads new bank details announced as a heading or as "our new account" in several languages', async () => {
    const abroad = contentRules.find((r) => r.name === 'PHISH_NEW_ACCOUNT_ABROAD')!;
    for (const [from, text] of [
      ['b@elektro-vogt.example.de', 'Neue Bankverbindung: IBAN LT60 3250 0123 4567 8901, bitte offene Posten dorthin.'],
      ['b@elektro-vogt.example.de', 'Wegen der Umstellung unseres Geschäftskontos zahlen Sie bitte auf IBAN LV80 BANK 0000 4351 9500 1.'],
      ['compta@atelier-roux.example.fr', 'Merci de régler vos factures sur notre nouveau compte : IBAN LT12 1000 0111 0100 1000.'],
      ['admin@taller-ruiz.example.es', 'Por favor, realice los pagos a nuestra nueva cuenta: IBAN LT12 1000 0111 0100 1000.'],
    ]) {
      const msg = await parsed({ message: () => compose({ from: `Buchhaltung <${from}>`, text }) });
      expect(abroad.test(msg, {}), text).toBeTruthy();
    }
  });

  it('reads no QR lure in a message without a picture: an IT warning that describes the trick has nothing to scan', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_QR_CODE')!;
    const warning = await parsed({ message: () => compose({ text: 'Heads-up: some fake mails carry a QR code instead of a link so you scan it with your phone. Do not scan it and never enter your password.' }) });
    expect(rule.test(warning, {})).toBe(false);
  });

  it('tags a link to a lookalike on its own; the sender\'s own lookalike name and its links to itself weigh less', async () => {
    const rule = contentRules.find((r) => r.name === 'LOOKALIKE_DOMAIN')!;
    const offSite = await parsed({ message: () => compose({ from: 'David <david@builder.example>', text: 'Revised drawings: https://builder-my.sharepoint-docs-view.com/personal/david/plans.pdf' }) });
    expect(rule.test(offSite, {})).toMatchObject({ score: 5 });
    const own = await parsed({ message: () => compose({ from: 'Shop <info@apple-repair-berlin.com>', text: 'Your repair is done: https://apple-repair-berlin.com/orders/2231' }) });
    expect(rule.test(own, {})).toBe('apple-repair-berlin.com imitates apple.com: brand name inside');
  });

  it('reads a brand\'s file-download domain inside another name as the brand\'s, and the download domain itself as no lookalike', async () => {
    const rule = contentRules.find((r) => r.name === 'LOOKALIKE_DOMAIN')!;
    const link = (href: string) => parsed({ message: () => html(`<p>The contract is ready.</p><a href="${href}">Open</a>`) });
    expect(rule.test(await link('https://dl-dropboxusercontent-share.com/s/8kq2x/contract.html'), {})).toEqual({ detail: 'dl-dropboxusercontent-share.com imitates dropbox.com: brand name inside', score: 5 });
    expect(rule.test(await link('https://dl.dropboxusercontent.com/s/8kq2x/contract.pdf'), {})).toBe(false);
  });

  it('takes an HTML attachment that sends the browser on when opened for a door to another page', async () => {
    const rule = contentRules.find((r) => r.name === 'ATTACH_HTML_FORM')!;
    const page = async (html: string) => rule.test(await parsed({ message: () => attach('Offerte_v2.htm', html, 'text/html') }), {});
    for (const html of [
      '<script>var d=atob("aHR0cHM6Ly9leGFtcGxlLm5ldC8=");document.write(\'<meta http-equiv="refresh" content="0;url=\'+d+\'">\');</script>',
      '<meta http-equiv="refresh" content="0; url=https://viewer.example.net/open">',
      '<script>window.location.href = "https://viewer.example.net/" + location.hash;</script>',
      '<body onload="location.replace(\'https://viewer.example.net/\')">',
    ]) expect(await page(html), html).toMatchObject({ score: 5, detail: 'Offerte_v2.htm: opens another page' });
    // a page that only shows something, scripts that compare the location, and a form keep their own answers
    expect(await page('<h1>Offerte</h1><table><tr><td>8 kW</td><td>12</td></tr></table>')).toBe(false);
    expect(await page('<script>if (location.hash == "#print") window.print();</script><h1>Offerte</h1>')).toBe(false);
    expect(await page('<form action="https://viewer.example.net/"><input type="password"></form>')).toBe('Offerte_v2.htm');
  });

  it('reads a social-security agency\'s name in the display name of another domain as a brand', async () => {
    const rule = contentRules.find((r) => r.name === 'BRAND_IMPERSONATION')!;
    expect(rule.test(await parsed({ message: () => compose({ from: 'INPS Comunicazioni <segreteria@scuola.example>' }) }), {})).toBeTruthy();
    expect(rule.test(await parsed({ message: () => compose({ from: 'INPS Comunicazioni <comunicazioni@inps.it>' }) }), {})).toBe(false);
  });

  it('takes a link to a name reserved for examples (a template placeholder left unfilled) for no way out', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const from = 'Brightlane Billing <billing@brightlane.io>';
    const text = (link: string) => `We were unable to process your last payment. Check and update your billing info: ${link}`;
    expect(lure.test(await parsed({ message: () => compose({ from, text: text('https://example.com/billing') }) }), {})).toBe(false);
    expect(lure.test(await parsed({ message: () => compose({ from, text: text('https://billing-update.net/b') }) }), {})).toBeTruthy();
  });

  it('takes an invoice to settle on a payment service\'s hosted page for billing, not a lure', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const hosted = 'Your invoice for December is ready. View invoice and pay: https://invoice.stripe.com/i/acct_1/test_x';
    const attacker = 'Your invoice for December is ready. View invoice and pay: https://invoice-stripe-view.example/i/1';
    const credentials = 'Your account has been suspended, verify your account: https://invoice.stripe.com/i/acct_1/test_x';
    expect(lure.test(await parsed({ message: () => compose({ text: hosted }) }), {})).toBe(false);
    expect(lure.test(await parsed({ message: () => compose({ text: attacker }) }), {})).toBeTruthy();
    expect(lure.test(await parsed({ message: () => compose({ text: credentials }) }), {})).toBeTruthy();
    // a failed payment, the sender's billing page written without a scheme, and the payment service's help page
    const declined = 'We could not process your payment. Update your payment method at example.com/account/billing ; help: support.stripe.com/questions/declined';
    expect(lure.test(await parsed({ message: () => compose({ text: declined }) }), {})).toBe(false);
  });

  it('knows the lures of today\'s phishing kits: voice messages, shared files, quarantined mail, closing accounts, payroll, refunds', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    for (const text of [
      'You have a new voice message (0:32). Listen to the message: https://vm.evil.example/play',
      'Dana shared a file with you: https://docs.evil.example/d/1',
      '3 messages are held in quarantine for you. Review: https://mail.evil.example/q',
      'Your mailbox will be deactivated within 24 hours unless you act: https://mail.evil.example/keep',
      'Please see the salary adjustment for 2027 here: https://hr.evil.example/doc',
      'You are eligible for a tax refund of 412.50 EUR: https://refund.evil.example/',
      'You have received a 2 page fax. View it online: https://fax.evil.example/v',
      'The meeting recording is now available. Sign in with your work email to watch: https://rec.evil.example/',
    ]) expect(lure.test(await parsed({ message: () => compose({ text }) }), {}), text).toBeTruthy();
    // The same topics in ordinary words stay quiet.
    for (const text of [
      'I left you a voice message yesterday about the offsite, call me back when you can. https://maps-site.org/x',
      'The quarterly salary review meeting moves to Friday. Agenda: https://wiki-site.org/agenda',
    ]) expect(lure.test(await parsed({ message: () => compose({ text }) }), {}), text).toBe(false);
  });

  it('knows the commonest lures in Polish, Czech and Swedish, the secure-message portal and a daily income in the reader\'s currency', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    for (const text of [
      'Twoja przesyłka czeka. Opłać przesyłkę (2,19 zł) w ciągu 24 godzin: https://pl-dostawa.example/pay',
      'Zweryfikuj swoje konto, inaczej zostanie zablokowane: https://poczta-login.example/',
      'Vaše zásilka čeká na doručení, uhraďte doplatek 39 Kč: https://cz-zasilky.example/platba',
      'Ověřte svůj účet do 24 hodin: https://ucet-overeni.example/',
      'Ditt paket väntar. Betala tullavgift här: https://se-paket.example/',
      'You have received a secure encrypted message from Ridgeway Planning. Read Message: https://viewer.evil.example/m',
      'Pensionato guadagna 1.150 € al giorno con la nuova piattaforma: https://ai-trading.evil.example/it',
      'Mit nur 250 € Startkapital bis zu 1.800 € täglich verdienen: https://ki-plattform.evil.example/',
      'Marco ha condiviso con te la cartella "Pagamenti aprile" (2 file): https://share.evil.example/s/1',
      'Vous pouvez bénéficier d\'un remboursement de 318,50 EUR: https://remb.evil.example/',
      'Er staat nog een bedrag open; zonder betaling volgt een dwangbevel: https://betaal.evil.example/',
      'La tua casella verrà disattivata entro 24 ore se non confermi le tue credenziali: https://webmail-it.evil.example/',
      'Votre boîte aux lettres sera désactivée aujourd\'hui: https://webmail-fr.evil.example/',
      'Uw betaalpas verloopt binnenkort. Activeer uw nieuwe pas: https://pas.evil.example/',
    ]) expect(lure.test(await parsed({ message: () => compose({ text }) }), {}), text).toBeTruthy();
    // The same topics from a sender's own site, or said in passing, stay quiet.
    for (const text of [
      'Twoja przesyłka została nadana. Śledź ją tutaj: https://www.example.com/sledzenie',
      'Děkujeme za objednávku, zásilku odešleme zítra. https://maps-site.org/x',
    ]) expect(lure.test(await parsed({ message: () => compose({ text }) }), {}), text).toBe(false);
  });

  it('extortion needs two parts of the threat beside a wallet, three without one; a base58 word that is no address does not count', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_EXTORTION')!;
    const wallet = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
    const fired = async (text: string) => rule.test(await parsed({ message: () => compose({ text }) }), {});
    expect(await fired(`Pay to ${wallet} within 48 hours.`)).toBe(false);
    expect(await fired(`Pay to ${wallet} within 48 hours or all your contacts will see it.`)).toMatch(/deadline.*contacts|contacts.*deadline/);
    expect(await fired('Ich habe Ihr Gerät gehackt. Überweisen Sie 1.500 € in Bitcoin. Sie haben 48 Stunden, sonst geht das Video an alle Ihre Kontakte.')).toBeTruthy();
    expect(await fired('Scammers write that they hacked your computer and demand you send bitcoin within 48 hours.')).toBe(false);
    expect(await fired('Reference 1AAAAAAAAAAAAAAAAAAAAAAAAAAAAA: within 48 hours all your contacts get the newsletter.')).toBe(false);
  });

  it('reads callback phishing in German, French, Spanish, Portuguese, Italian and Dutch; a shop\'s receipt or an IT provider\'s renewal stays quiet', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_CALLBACK')!;
    const fired = async (from: string, subject: string, text: string) => rule.test(await parsed({ message: () => compose({ from, subject, text }) }), {});
    const scammer = 'Kundendienst <service.center4471@gmail.com>';
    expect(await fired(scammer, 'Norton 360 Abonnement verlängert', 'Ihr Norton 360 Abonnement wurde für 399,99 € verlängert. Wenn Sie diese Zahlung nicht autorisiert haben, rufen Sie uns innerhalb von 24 Stunden unter 0800 123 4567 an.')).toBeTruthy();
    expect(await fired(scammer, 'Facture PayPal n° 88213', 'Votre paiement de 499,00 € a été effectué. Si vous n\'avez pas autorisé ce paiement, appelez le +33 1 84 88 12 34 pour annuler et obtenir un remboursement.')).toBeTruthy();
    expect(await fired(scammer, 'Su suscripción McAfee se ha renovado', 'Se ha cargado 349,99 EUR en su cuenta. Si no reconoce este cargo, llame al +34 910 123 456 para cancelar.')).toBeTruthy();
    expect(await fired(scammer, 'Assinatura Norton renovada', 'Sua assinatura foi renovada por R$ 1.299,90. Se você não reconhece esta cobrança, ligue para 0800 591 2233 para cancelar.')).toBeTruthy();
    expect(await fired(scammer, 'Rinnovo abbonamento McAfee', 'Il tuo abbonamento è stato rinnovato per 299,99 €. Se non hai autorizzato il pagamento, chiama il +39 02 1234 5678 per annullare.')).toBeTruthy();
    expect(await fired(scammer, 'PayPal factuur 88213', 'Er is 449,00 EUR afgeschreven. Als u dit niet heeft gedaan, bel dan direct +31 20 123 4567 voor terugbetaling.')).toBeTruthy();
    // The shop's own receipt: PayPal is how it was paid, the shop's own number to call.
    expect(await fired('Bestellungen <bestellung@gartenladen.example>', 'Ihre Bestellung 4471, bezahlt mit PayPal', 'Vielen Dank! Betrag: 84,50 € (bezahlt mit PayPal). Wenn Sie diese Bestellung nicht getätigt haben, rufen Sie uns unter 030 1234 5678 an.')).toBe(false);
    expect(await fired('Commandes <commandes@jardin.example>', 'Votre commande 4471 payée par PayPal', 'Merci ! Montant : 84,50 €. Si vous n\'avez pas passé cette commande, appelez-nous au 01 84 88 12 34.')).toBe(false);
    // An IT provider billing the brand's product under its own name, with its own number to cancel: no dispute of a charge.
    expect(await fired('Brightline IT Billing <billing@brightline-it.example>', 'Your Microsoft 365 subscription renewed - invoice INV-20931', 'Your Microsoft 365 Business Standard subscription renewed today. Amount charged: £562.80. If you want to cancel or change the number of licences, call us on 020 7946 0018.')).toBe(false);
    expect(await fired('Systemhaus Weber <rechnung@weber-it.example>', 'Ihr Microsoft 365 Abonnement wurde verlängert', 'Betrag: 149,00 €. Wenn Sie kündigen möchten, rufen Sie uns unter 030 1234 5678 an.')).toBe(false);
    // Speaking as the brand, a plain "call to cancel" is enough.
    expect(await fired('Norton Billing <norton.renewals@gmail.com>', 'Renewal notice', 'Your plan renewed for $399.99. To cancel, call +1 (808) 555-0142 within 24 hours.')).toBeTruthy();
    // A German newsletter that mentions cancelling and a phone number, naming nobody as the seller.
    expect(await fired('Newsletter <news@verein.example>', 'Mitgliedsbeitrag 2027', 'Der Beitrag beträgt 60 €. Wer kündigen möchte, ruft bitte 030 1234 5678 an.')).toBe(false);
  });

  it('reads the demand in USDT on Tron, ether, litecoin and Monero as in bitcoin; a shop taking them stays quiet', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_EXTORTION')!;
    const fired = async (text: string) => rule.test(await parsed({ message: () => compose({ text }) }), {});
    const threat = 'I hacked your computer and recorded a video of you. You have 48 hours, then all your contacts get it.';
    expect(await fired(`${threat} Send 1500 USDT (TRC20) to TN3W4H6rK8sy8HbhHzZfJTpLxBSgQZmw6q.`)).toMatch(/wallet TN3W4H6rK8sy/);
    expect(await fired(`${threat} Wallet: 0x71c7656ec7ab88b098defb751b7401b5f6d8976f`)).toMatch(/wallet 0x71c7656ec7/);
    expect(await fired(`${threat} Address: ltc1qg82tmp0yz5hx3mkfz2s0vuxqzzazh9yn3sqr6e`)).toMatch(/wallet ltc1qg82tmp0/);
    const monero = '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A';
    expect(await fired(`${threat} Pay 2 XMR (Monero) to ${monero}`)).toMatch(/wallet 44AFFq5kSiGB/);
    expect(await fired(`${threat.replace('You have', 'Do not call the police. You have')} Pay $1450 in USDT and I delete everything.`)).toMatch(/"pay \$1450 in usdt"/);
    expect(await fired('Please send exactly 412.50 USDT to TN3W4H6rK8sy8HbhHzZfJTpLxBSgQZmw6q within 60 minutes; after that the rate is recalculated.')).toBe(false);
    expect(await fired('Send 0.0412 ETH to 0x71c7656ec7ab88b098defb751b7401b5f6d8976f within 24 hours to complete order 4471.')).toBe(false);
  });

  it('reads a gift-card request whose verbs carry accents or a hyphenated pronoun ("envoyez-moi", "achète")', async () => {
    const rule = contentRules.find((r) => r.name === 'PHISH_GIFT_CARD')!;
    const fired = async (text: string) => rule.test(await parsed({ message: () => compose({ text }) }), {});
    expect(await fired("J'ai besoin de cartes cadeaux Amazon, 6 cartes de 100 €. Envoyez-moi les codes par retour de mail.")).toBeTruthy();
    expect(await fired('Peux-tu acheter 5 cartes cadeaux ? Envoie-moi les codes, merci.')).toBeTruthy();
    expect(await fired('Nos cartes cadeaux sont en vente en magasin. Envoyez-nous vos questions.')).toBe(false);
  });

  it('weighs a sign-in lure with a way off the sender\'s site enough to tag alone, the other kinds a point under', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const signIn = lure.test(await parsed({ message: () => compose({ text: 'Your 2026 W-2 is ready. Sign in with your company email to view it: https://w2-docs.evil.example/v' }) }), {});
    expect(signIn).toMatchObject({ score: 5, detail: expect.stringMatching(/^credentials: "sign in with your company email"/) });
    const invoice = lure.test(await parsed({ message: () => compose({ text: 'Your invoice is overdue. View invoice: https://invoices.evil.example/v' }) }), {});
    expect(invoice).toMatch(/^invoice:/);
    // A person sharing a folder on a file-sharing service, staff sent to Microsoft's own password page by their IT
    // department, a DocuSign request passed on: the lure's words with no attacker's page behind them are no evidence.
    const share = lure.test(await parsed({ message: () => compose({ text: 'I have shared a folder with you with the logo drafts: https://drive.google.com/drive/folders/1AbC' }) }), {});
    expect(share).toBe(false);
    const itDesk = lure.test(await parsed({ message: () => compose({ text: 'Your Windows password will expire in 5 days. Change it at https://passwordreset.microsoftonline.com' }) }), {});
    expect(itDesk).toBe(false);
    const forwarded = lure.test(await parsed({ message: () => compose({ subject: 'FW: Please DocuSign: lease', text: 'Mark sent you a document to review and sign. REVIEW DOCUMENT https://na4.docusign.net/Signing/EmailStart.aspx?a=3f8c' }) }), {});
    expect(forwarded).toBe(false);
    // A page anyone can publish on a brand's domain is no service's own: a Google form or Sites page collects passwords.
    const form = lure.test(await parsed({ message: () => compose({ text: 'Your mailbox is full. Verify your account: https://docs.google.com/forms/d/e/1FAIpQLSc7/viewform' }) }), {});
    expect(form).toMatchObject({ score: 5 });
    const site = lure.test(await parsed({ message: () => compose({ text: 'Jane shared "Remittance.pdf" with you: https://sites.google.com/view/remit-2026/home' }) }), {});
    expect(site).toMatchObject({ score: 5 });
  });

  it('knows prizes, surveys and points that lapse today as lures, and Brazilian Portuguese account and parcel lures', async () => {
    const lure = contentRules.find((r) => r.name === 'PHISH_LURE_LINK')!;
    const test = async (text: string) => {
      const hit = lure.test(await parsed({ message: () => compose({ text }) }), {});
      return typeof hit === 'object' ? hit.detail : hit;
    };
    for (const text of [
      'Congratulations! You have been selected to receive a $100 gift card: https://r.evil.example/s',
      'Complete our short 30-second survey to claim your reward: https://r.evil.example/s',
      'Um Anspruch zu erheben, nehmen Sie einfach an dieser kurzen Umfrage teil: https://r.evil.example/s',
      'Füllen Sie unsere kurze Umfrage zu Ihren Erfahrungen mit uns aus und erhalten Sie eine Kaffeemaschine: https://r.evil.example/s',
      'Es dauert nur eine Minute, um diesen fantastischen Preis zu erhalten: https://r.evil.example/s',
      'Sie wurden ausgewählt, an unserem Treueprogramm teilzunehmen: https://r.evil.example/s',
      'Répondez à ce court questionnaire pour recevoir votre kit : https://r.evil.example/s',
      'Responda esta breve encuesta para reclamar su regalo: https://r.evil.example/s',
      'Vul deze korte enquête in om je cadeau te ontvangen: https://r.evil.example/s',
      'Your reward points expire today. Redeem: https://r.evil.example/p',
      'Seus pontos expiram hoje! Troque agora: https://r.evil.example/p',
      'Identificamos uma pendência no seu cadastro. Atualize seus dados: https://r.evil.example/a',
      'Sua encomenda foi taxada. Pague a taxa de importação: https://r.evil.example/t',
      'Your iCloud storage is full. Your photos and videos will be deleted: https://r.evil.example/u',
      'Warning: your cloud storage has reached its limit. Upgrade now: https://r.evil.example/u',
      'Become a Bitcoin billionaire: our members make money on their laptop with a few minutes a day: https://r.evil.example/b',
      'Wie man wirklich reich wird mit Bitcoins. Jetzt ausprobieren: https://r.evil.example/b',
      // points that lapse in a few hours, in each language; a prize draw's "you are in the final draw", du-form wins
      'Seus 189.204 pontos expiram em 24 horas. Resgate: https://r.evil.example/p',
      'Ihre Punkte verfallen in 12 Stunden: https://r.evil.example/p',
      'Vos points expirent dans 24 heures : https://r.evil.example/p',
      'Tus puntos caducan en 48 horas: https://r.evil.example/p',
      'I tuoi punti scadono tra 24 ore: https://r.evil.example/p',
      'Je punten verlopen over 24 uur: https://r.evil.example/p',
      'Prezado cliente, seus 962.326 mil pontos expiram em breve! Resgate: https://r.evil.example/p',
      'Hallo Anna, du bist in der Endauslosung zum Finale! Prüfe deine Angaben: https://r.evil.example/n',
      'Glückwunsch, du hast ein iPhone 15 gewonnen: https://r.evil.example/n',
      'Fordern Sie Ihr kostenloses medizinisches Kit jetzt an: https://r.evil.example/k',
      'Claim your free emergency kit today: https://r.evil.example/k',
      'Schalte deine Black Friday Mystery Box frei: https://r.evil.example/m',
      'Word Verkade Smaaktester! Gratis thuisbezorgd en houden: https://r.evil.example/t',
      'Werden Sie jetzt Ferrero-Produkttester: https://r.evil.example/t',
      // a gap word with an accent (the patterns run without the u flag, where \w is ASCII only)
      'Glückwunsch, Sie haben ein schönes Küchenset gewonnen: https://r.evil.example/n',
      'Sie sind einer der Finalisten für unser Gewinnspiel. Machen Sie mit, um Ihren möglichen Gewinn JETZT zu sichern: https://r.evil.example/g',
      'Congratulations, you are one of the lucky finalists of our holiday draw: https://r.evil.example/g',
      'Register to claim your XRP allocation: https://r.evil.example/x',
      'Thank you for being part of the community. Claim your ORB tokens before the window closes: https://r.evil.example/x',
      'You have earned +0.303472 BTC using our cloud mining service! This withdrawal of BTC is pending: https://r.evil.example/x',
      'You have a new incoming transaction 21337712216. Verify, and order the withdrawal of funds: https://r.evil.example/x',
      'Ihr Guthaben von 1.250 € ist eingegangen. Auszahlung jetzt anfordern: https://r.evil.example/x',
      'Du bist einer von 4 Teilnehmern in der Endauslosung. Bitte beantworte die kurze Umfrage: https://r.evil.example/g',
      'You are one of 5 finalists in the final draw for a Dyson: https://r.evil.example/g',
      "Nous aimerions vous offrir un jeu de tournevis Wiha ! Pour réclamer, répondez simplement à ce court sondage : https://r.evil.example/g",
      'Take a quick survey for a chance to win a brand new Car Emergency Kit: https://r.evil.example/g',
      '¡ERES NUESTRO GANADOR! Recompensa: Dior J\'Adore. Haga clic aquí para obtener la recompensa: https://r.evil.example/g',
      'Your reward: a Dyson V15. A small delivery fee may apply: https://r.evil.example/g',
      'Du gehörst zu den Auserwählten für eine exklusive Mercedes-Umfrage. Teilnehmen: https://r.evil.example/g',
      'Sichere dir jetzt deine Chance auf den Mercedes CLA: https://r.evil.example/g',
      'Das ist das letzte Mal, dass wir Sie erinnern: Ihr 500€ EDEKA-Gutschein auf Sie wartet. Bestätigen Sie hier: https://r.evil.example/g',
      'Wir konnten Ihr Paket nicht zustellen. Bitte bestätigen Sie Ihre Adresse: https://r.evil.example/p',
      'Falls Sie also als Gutscheinempfänger ausgewählt wurden, hier nachsehen: https://r.evil.example/g',
      'Sie wurden ausgewählt an der Endauslosung eines Supermarkt Gutscheins teilnehmen zu dürfen: https://r.evil.example/g',
      'Sie gehören zu den Auserwählten für das Fressnapf Gewinnspiel. BESTÄTIGEN: https://r.evil.example/g',
      'Wir könnten Ihnen einen Einkaufsgutschein im Wert von 250 € zusenden: https://r.evil.example/g',
      'Houve um acesso à sua conta em um novo dispositivo. Não fui eu: https://r.evil.example/a',
      'Não identificamos a atualização do seu aparelho. Solicitar atualização: https://r.evil.example/a',
      // chosen for a promotion or a draw with a borrowed brand; a dormant "platform" balance to be zeroed
      'Você foi selecionado para participar da Promoção de Ano Novo com a Cielo, prêmios todo dia: https://r.evil.example/g',
      'You have been selected to take part in our New Year prize draw: https://r.evil.example/g',
      'Nehmen Sie an unserer Douglas-Umfrage teil und gewinnen Sie ein Geschenkset: https://r.evil.example/g',
      'Take our short survey and win a new iPhone: https://r.evil.example/g',
      'Répondez à notre sondage et gagnez un coffret cadeau : https://r.evil.example/g',
      'Sie wurden ausgewählt, an unserer Jubiläums-Verlosung teilzunehmen: https://r.evil.example/g',
      'Has sido seleccionado para participar en el sorteo de aniversario: https://r.evil.example/g',
      'We plan to block inactive accounts shortly. Your balance will be zeroed upon account deactivation: https://r.evil.example/x',
      'Ihr Guthaben wird auf null gesetzt, wenn Sie sich nicht anmelden: https://r.evil.example/x',
      // access "may be restricted" unless a detail is verified within hours; a card's "deactivation"
      'Please verify your phone number within 48 hours, or access to your account may be restricted: https://r.evil.example/v',
      'Sollte die Verifizierung nicht erfolgen, kann der Zugriff auf Ihr Konto vorübergehend eingeschränkt werden: https://r.evil.example/v',
      "Sans vérification, l'accès à votre compte pourrait être suspendu : https://r.evil.example/v",
      // a voucher or gift card of a stated sum to win
      'Answer three questions and win a $500 Target gift card: https://r.evil.example/g',
      'Jetzt 500€ Supermarkt-Gutschein gewinnen: https://r.evil.example/g',
      'Participez et gagnez une carte cadeau de 300 € : https://r.evil.example/g',
    ]) expect(await test(text), text).toMatch(/^(?:reward|credentials|parcel|crypto):/);
    for (const text of [
      'Consta no Sistema uma Multa de Trânsito no valor de 2.934,70. Visualizar Multa: https://r.evil.example/m',
      'Your E-ZPass account has an unpaid toll of $4.15. Pay now to avoid a late fee: https://r.evil.example/t',
      'Avis de contravention : votre amende forfaitaire est majorée sous 48 h : https://r.evil.example/t',
      'Ihr Bußgeldbescheid liegt vor. Jetzt ansehen: https://r.evil.example/t',
    ]) expect(await test(text), text).toMatch(/^legal:/);
    // A shop's points reminder with a date, a sweepstakes' own "claim your prize", points earned: no lure.
    for (const text of [
      'You earned 85 points with your last order. 120 points expire on 31 December: https://partner.example/rewards',
      'Follow these instructions to claim your prize: print this form and mail it. Official rules at www.sweeps.example',
      "Congratulations! You've been selected for early access to our new dashboard: https://beta.partner.example/join",
      'Sie wurden für unser Beta-Programm ausgewählt: https://beta.partner.example/de',
      'Vous avez été sélectionné pour participer au programme bêta : https://beta.partner.example/fr',
      'Deine Punkte verfallen nach 24 Monaten ohne Einkauf: https://partner.example/punkte',
      'Die Endauslosung findet am 24. Dezember statt, viel Glück: https://partner.example/gewinnspiel',
      'The five finalists of the design award are announced on our blog: https://partner.example/award',
      'Sie wurden als Teilnehmerin für den Workshop ausgewählt: https://partner.example/workshop',
      'Jetzt Ihren 10 € Gutschein sichern und im Shop einlösen: https://partner.example/gutschein',
      'Buy a $50 gift card for someone you love: https://partner.example/gift-cards',
      'Beim Gewinnspiel werden drei Gewinner per Los ausgewählt, Teilnahmebedingungen: https://partner.example/agb',
      'Bitte nehmen Sie an unserer kurzen Umfrage zur Zufriedenheit mit dem Kundendienst teil: https://survey.partner.example/q',
      'Füllen Sie die Umfrage zu Ihrem letzten Einkauf aus und helfen Sie uns, besser zu werden: https://survey.partner.example/q',
      'Vul deze korte enquête in over onze nieuwe website: https://survey.partner.example/q',
      'Withdrawals of funds take two working days; the fees are listed here: https://partner.example/fees',
      'Unused gift card balances are not refunded. Check your balance: https://partner.example/giftcards',
      'Enter our New Year prize draw before 31 January: https://partner.example/draw',
      'The city council discussed the new toll road and parking rules on Monday: https://partner.example/news',
      'Die Endauslosung findet am Freitag statt; alle Teilnehmer werden benachrichtigt: https://partner.example/n',
    ]) expect(await test(text), text).toBe(false);
  });

  for (const rule of contentRules) {
    const c = cases[rule.name]!;
    it(`${rule.name} fires on its trick`, async () => {
      expect(rule.test(await parsed(c.positive), c.positive.ctx ?? {})).toBeTruthy();
    });
    it(`${rule.name} stays quiet on honest mail`, async () => {
      expect(rule.test(await parsed(c.negative), c.negative.ctx ?? {})).toBe(false);
    });
  }
});
