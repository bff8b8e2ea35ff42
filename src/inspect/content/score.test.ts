// The combined verdict: rule scores and the model's contribution summed and compared with the thresholds, and
// what the relay gets for bytes that are no message at all.
import { describe, expect, it } from 'vitest';
import { compose } from '../../../test/helpers/compose.js';
import { contentSchema } from '../../config/schema.js';
import { emptyModel, learn } from './bayes.js';
import { createContentScorer, scoreContent } from './index.js';
import { parseContent } from './message.js';
import { scoreMessage } from './score.js';
import { messageTokens } from './tokens.js';
import type { ScoreContext } from './types.js';

const thresholds = { tag: 5, quarantine: 8, reject: 12 };

describe('content verdict', () => {
  it('sums the rules that fire and picks the action from the thresholds', async () => {
    const raw = await compose({
      from: '"PayPal Security" <alert@secure-login.example>',
      replyTo: 'paypal.help@gmail.com',
      html: '<p>Your account has been suspended. Verify your account within 24 hours:</p>' +
        '<a href="http://203.0.113.5/paypal/">https://www.paypal.com/verify</a>',
      text: undefined,
    });
    const msg = parseContent(raw);
    if (msg.kind !== 'message') throw new Error(msg.reason);
    const verdict = scoreMessage(msg.message, {}, { model: emptyModel(), thresholds, modelWeight: 8, maxScanBytes: 1e6 });
    expect(verdict.rules.map((r) => r.name).sort()).toEqual(
      ['BRAND_IMPERSONATION', 'LINK_BRAND_MISMATCH', 'PHISH_CREDENTIALS', 'PHISH_LURE_LINK', 'PHISH_URGENCY', 'REPLYTO_FREEMAIL', 'URL_ANCHOR_MISMATCH', 'URL_IP_LITERAL'].sort(),
    );
    expect(verdict.score).toBe(22); // PHISH_LURE_LINK weighs 5 for a sign-in lure
    expect(verdict.rules.find((r) => r.name === 'LINK_BRAND_MISMATCH')?.description).toContain('says paypal, links go to 203.0.113.5');
    expect(verdict).toMatchObject({ spam: true, threshold: 5, action: 'reject' });
  });

  it('lets the model tag but never hold on its own, never count against spam, and add to evidence', async () => {
    const model = emptyModel();
    const spamRaw = await compose({ subject: 'cheap replica watches', text: 'cheap replica watches discount order today' });
    const hamRaw = await compose();
    const tokensOf = (raw: Buffer) => {
      const p = parseContent(raw);
      if (p.kind !== 'message') throw new Error(p.reason);
      return messageTokens(p.message);
    };
    for (let i = 0; i < 5; i++) {
      learn(model, tokensOf(spamRaw), true);
      learn(model, tokensOf(hamRaw), false);
    }
    const o = { model, thresholds, modelWeight: 8, maxScanBytes: 1e6 };
    const parsed = async (raw: Buffer) => {
      const p = parseContent(raw);
      if (p.kind !== 'message') throw new Error(p.reason);
      return p.message;
    };
    const alone = scoreMessage(await parsed(spamRaw), {}, o);
    expect(alone).toMatchObject({ action: 'tag', score: 7.9, rules: [{ name: 'STATISTICAL_MODEL', score: 7.9 }] });
    expect(alone.rules[0]!.description).toContain('capped');
    expect(scoreMessage(await parsed(hamRaw), {}, o)).toMatchObject({ action: 'accept', spam: false, score: 0, rules: [] });
    // The same spam words with a piece of evidence (a link to a bare IP address): the model adds its full weight.
    const withEvidence = await compose({ subject: 'cheap replica watches', text: 'cheap replica watches discount order today http://203.0.113.9/shop' });
    const v = scoreMessage(await parsed(withEvidence), {}, o);
    expect(v.rules.find((r) => r.name === 'STATISTICAL_MODEL')?.score).toBeGreaterThan(7.9);
    expect(v.action).toBe('quarantine');
  });

  it('keeps the model under the tag threshold in a reply and where its clues conflict', async () => {
    // A link elsewhere: a message that sends the reader nowhere has its own limit (below).
    const spamWords = { subject: 'cheap replica watches', text: 'cheap replica watches discount order today https://replica-shop.example/' };
    const tokensOf = (raw: Buffer) => {
      const p = parseContent(raw);
      if (p.kind !== 'message') throw new Error(p.reason);
      return messageTokens(p.message);
    };
    const spamRaw = await compose(spamWords);
    const model = emptyModel();
    for (let i = 0; i < 5; i++) {
      learn(model, tokensOf(spamRaw), true);
      learn(model, tokensOf(await compose()), false);
    }
    const o = { model, thresholds, modelWeight: 8, maxScanBytes: 1e6 };
    const verdictOf = (raw: Buffer) => {
      const p = parseContent(raw);
      if (p.kind !== 'message') throw new Error(p.reason);
      return scoreMessage(p.message, {}, o);
    };
    const reply = verdictOf(await compose({ ...spamWords, subject: `Re: ${spamWords.subject}`, inReplyTo: '<minutes-0@example.org>' }));
    expect(reply).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4.9 }] });
    expect(reply.rules[0]!.description).toContain('a reply in a conversation');
    const quoting = verdictOf(await compose({ ...spamWords, text: `${spamWords.text}\n\nOn Monday Ann wrote:\n> see you`, inReplyTo: '<minutes-0@example.org>' }));
    expect(quoting.rules[0]).toMatchObject({ name: 'STATISTICAL_MODEL', score: 4.9 });
    // Naming a message without reading as a reply (a help-desk notice, bulk mail with the header left empty) is not a
    // conversation: every word is the sender's, and the model tags on its own.
    const helpdesk = await compose({ ...spamWords, inReplyTo: '<ticket-4411@helpdesk.example>' });
    const emptyHeaders = Buffer.concat([Buffer.from('In-Reply-To:\r\nReferences:\r\n'), await compose({ ...spamWords, subject: `Re: ${spamWords.subject}` })]);
    // A forward passes a whole message on, quoted header block and all: the recipient reads the forwarded words.
    const forward = await compose({ ...spamWords, subject: `Fwd: ${spamWords.subject}`, text: `---------- Forwarded message ---------\nFrom: Shop <deals@replica-shop.example>\nDate: Monday\n\n${spamWords.text}\n\nOn Monday Ann wrote:\n> see you`, inReplyTo: '<minutes-0@example.org>' });
    for (const notice of [helpdesk, emptyHeaders, forward]) {
      expect(verdictOf(notice)).toMatchObject({ action: 'tag', rules: [{ name: 'STATISTICAL_MODEL', score: 7.9 }] });
    }
    // One clue seen in 8 of 10 spam and 2 of 10 ham: spam probability 0.787, in the range where the model is unsure.
    const unsure = { ...o, model: { spamMessages: 10, hamMessages: 10, tokens: new Map([['subject:replica', { spam: 8, ham: 2 }]]) } };
    const p = parseContent(spamRaw);
    if (p.kind !== 'message') throw new Error(p.reason);
    const mixed = scoreMessage(p.message, {}, unsure);
    expect(mixed).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    expect(mixed.rules[0]!.description).toContain('0.787, 4.6 capped to 4: below 0.9 the model is unsure');
  });

  it('lets no style hint lift an unsure model to a tag on mail that sends the reader nowhere but the sender\'s own site', async () => {
    // One clue seen in 8 of 10 spam and 2 of 10 ham: spam probability 0.787, where the model is unsure.
    const model = { spamMessages: 10, hamMessages: 10, tokens: new Map([['subject:card', { spam: 8, ham: 2 }]]) };
    const o = { model, thresholds, modelWeight: 8, maxScanBytes: 1e6 };
    const verdictFor = async (link: string) => {
      const p = parseContent(await compose({ from: 'Brightlane Billing <billing@brightlane.io>', to: 'ann@example.org', subject: 'card', text: `Your card on file expires soon. Update it here: ${link}` }));
      if (p.kind !== 'message') throw new Error(p.reason);
      return scoreMessage(p.message, {}, o);
    };
    const own = await verdictFor('https://app.brightlane.io/billing');
    expect(own.rules.map((r) => r.name)).toEqual(['PHISH_URGENCY', 'STATISTICAL_MODEL']);
    expect(own).toMatchObject({ action: 'accept', score: 4.9 });
    expect(own.rules[1]!.description).toContain("only evidence tags");
    // the same words with the link elsewhere: the hint agrees with the model, and the message is tagged
    expect(await verdictFor('https://brightlane-billing.top/card')).toMatchObject({ action: 'tag' });
  });

  it('lets the model tag a message that sends the reader nowhere but the sender\'s own site only when it is nearly sure', async () => {
    // One clue seen in 19 of 20 spam and 1 of 20 ham: spam probability 0.940, sure enough to tag anywhere else.
    const model = { spamMessages: 20, hamMessages: 20, tokens: new Map([['subject:replica', { spam: 19, ham: 1 }]]) };
    const o = { model, thresholds, modelWeight: 8, maxScanBytes: 1e6 };
    const verdictFor = async (link: string, extra: Record<string, string> = {}, ctx: ScoreContext = {}) => {
      const p = parseContent(await compose({ from: 'Brightlane <news@brightlane.io>', to: 'ann@example.org', subject: 'replica', text: `Your trial ends on Friday: ${link}`, ...extra }));
      if (p.kind !== 'message') throw new Error(p.reason);
      return scoreMessage(p.message, ctx, o);
    };
    const own = await verdictFor('https://app.brightlane.io/billing');
    expect(own).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    expect(own.rules[0]!.description).toContain("0.940, 7 capped to 4: it sends the reader nowhere but the sender's own site");
    expect(await verdictFor('https://brightlane-offers.top/billing')).toMatchObject({ action: 'tag', rules: [{ name: 'STATISTICAL_MODEL', score: 7 }] });
    // A template's footer: the company's profiles on social networks and its app's listing are its own pages too.
    const footer = ' Follow us: https://www.facebook.com/brightlane https://x.com/brightlane Get the app: https://apps.apple.com/app/id1234567';
    expect(await verdictFor(`https://app.brightlane.io/billing${footer}`)).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    // ... and so are a local business's booking page and its place on the map.
    const visit = ' Book a visit: https://calendly.com/brightlane/intro Directions: https://www.google.com/maps/search/?api=1&query=Brightlane+Leeds';
    expect(await verdictFor(`https://app.brightlane.io/billing${visit}`)).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    // A well-known service's own pages send the reader to no attacker's page either: a carrier's tracking page.
    expect(await verdictFor('https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234567890')).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    // ... nor does the invoice a shop bills through a payment service: the page is the sender's account there.
    expect(await verdictFor('https://invoice.stripe.com/i/acct_1Nx/live_YWNjdA')).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    expect(await verdictFor('https://in.xero.com/Z4kq9aLm2')).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    // ... nor does a deposit's or withdrawal's public record on a block explorer.
    expect(await verdictFor('https://etherscan.io/tx/0x7e1f0c3b9a')).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    // ... but a form anyone can publish on a brand's domain is nobody's own page.
    expect(await verdictFor('https://docs.google.com/forms/d/e/1FAIpQLSe-trial/viewform')).toMatchObject({ action: 'tag' });
    // ... nor a service's redirector, which sends the reader on to whatever page it names.
    expect(await verdictFor('https://app.brightlane.io/billing https://www.google.com/url?q=https%3A%2F%2Fbrightlane-offers.top%2Fcart')).toMatchObject({ action: 'tag' });
    // Another page of the same platforms is not a profile: Google's own pages outside the app store count as elsewhere.
    // (Beside the sender's own site the model is unsure below 0.99 then, but for mail that links elsewhere too.)
    expect(await verdictFor('https://sites.google.com/view/brightlane-billing')).toMatchObject({ action: 'tag' });
    expect((await verdictFor('https://app.brightlane.io/billing https://sites.google.com/view/brightlane-billing')).rules[0]!.description).toContain("links to the sender's own site and no evidence");
    // No link and no attachment: it sends the reader nowhere at all (an invoice whose amount is in the text).
    expect(await verdictFor('reply to this mail with any question')).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    // ... unless the answer goes elsewhere: a Reply-To on another domain, or a free mailbox named in the text.
    expect(await verdictFor('reply to this mail with any question', { replyTo: 'brightlane.billing@gmail.com' })).toMatchObject({ rules: [{ name: 'REPLYTO_FREEMAIL' }, { name: 'STATISTICAL_MODEL', score: 5.9 }] });
    expect(await verdictFor('write to my private e-mail brightlane.billing@gmail.com')).toMatchObject({ action: 'tag', rules: [{ name: 'STATISTICAL_MODEL', score: 7 }] });
    expect(await verdictFor('write to us at billing@brightlane.io')).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    // ... nor a site's contact form notifying its owner at the address it sends from (the envelope says so; a To field
    // naming the sender is how bulk mail hides its list in Bcc): the visitor's mailbox is whom to answer
    const form = 'New enquiry from the website. Name: Kevin Marsh. Email: kevin.marsh@outlook.com. Message: please quote for a roof repair.';
    const toItself = { from: 'news@brightlane.io', to: 'news@brightlane.io', replyTo: 'kevin.marsh@outlook.com' };
    expect(await verdictFor(form, toItself, { recipients: ['news@brightlane.io'] })).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    expect(await verdictFor(form, toItself, { recipients: ['ann@example.org', 'bob@example.net'] })).toMatchObject({ action: 'tag' });
    expect(await verdictFor(form, toItself)).toMatchObject({ action: 'tag' });
    // A course on the learning platform the sender runs under its own name is its own page; another name there is not.
    expect(await verdictFor('Your course starts Monday: https://brightlane.brightspace.com/d2l/home')).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    expect(await verdictFor('Your course starts Monday: https://brightlane-login.brightspace.com/d2l/home')).toMatchObject({ action: 'tag' });
    // An invoicing service sends under its customer's name from its own domain, answers going to the customer's domain
    // that spells that name; a company writing as itself with answers going to a look-alike of its name does not.
    const viaService = { from: '"Brightlane" <messaging-service@post.xero.com>', replyTo: 'Brightlane Accounts <accounts@brightlane.io>' };
    expect(await verdictFor('reply to this mail with any question', viaService)).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    const booking = { from: 'Calendly <notifications@calendly.com>', replyTo: 'Priya Raman <priya@ramanplanning.example>' };
    expect(await verdictFor('reply to this mail with any question', booking)).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    // ... not a payment service under its own name answered elsewhere: an invoice scam's shape
    const paymentAnsweredElsewhere = { from: 'PayPal <service@paypal.com>', replyTo: 'paypal.billing.desk@gmail.com' };
    expect(await verdictFor('reply to this mail with any question', paymentAnsweredElsewhere)).toMatchObject({ action: 'tag' });
    const wordOfTheName = { from: '"Brightlane Plumbing & Heating" <quickbooks@notification.intuit.com>', replyTo: 'office@brightlaneri.io' };
    expect(await verdictFor('reply to this mail with any question', wordOfTheName)).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    // ... not anybody writing under a name with answers at a domain registered in that name, nor a company answered at
    // a look-alike of its own name
    const inTheNamesDomain = { from: '"John Smith" <john@brightlane.io>', replyTo: 'john@johnsmith.example' };
    expect(await verdictFor('reply to this mail with any question', inTheNamesDomain)).toMatchObject({ action: 'tag' });
    const lookalike = { from: '"Brightlane Group" <accounts@brightlane.io>', replyTo: 'accounts@brightlanegroup.co' };
    expect(await verdictFor('reply to this mail with any question', lookalike)).toMatchObject({ action: 'tag' });
    // The reader's own address is no mailbox to write to instead: a welcome names the login, a footer whom it went to.
    const login = 'Username: ann.lee84@gmail.com. This message was sent to ann.lee84@gmail.com';
    expect(await verdictFor(login, { to: 'ann.lee84@gmail.com' })).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    expect(await verdictFor(login, { to: 'ann@example.org' })).toMatchObject({ action: 'tag', rules: [{ name: 'STATISTICAL_MODEL', score: 7 }] });
    // No link and a calendar invitation attached whose own addresses stay on the sender's site or a service's meeting
    // page: an appointment booked, nowhere to go; one whose description links elsewhere sends the reader there.
    const invitation = async (url: string) => {
      const ics = `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Mortgage appointment\r\nDESCRIPTION:Details and directions: ${url.slice(0, 30)}\r\n ${url.slice(30)}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
      const p = parseContent(await compose({ from: 'Brightlane <news@brightlane.io>', to: 'ann@example.org', subject: 'replica', text: 'Your appointment is booked for Tuesday at 10:30.', attachments: [{ filename: 'invite.ics', content: ics, contentType: 'text/calendar' }] }));
      if (p.kind !== 'message') throw new Error(p.reason);
      return scoreMessage(p.message, {}, o);
    };
    for (const url of ['https://www.brightlane.io/branches/tavistock/directions', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ']) {
      expect(await invitation(url), url).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    }
    expect(await invitation('https://brightlane-appointments.top/confirm?id=77315')).toMatchObject({ action: 'tag' });
  });

  it('lets only evidence tag mail that greets its reader by name and sends them nowhere but the sender\'s own site', async () => {
    // Three clues seen in 99 of 100 spam and 1 of 100 ham: the model is as sure as it gets.
    const tokens = ['subject:renewal', 'subject:premium', 'subject:returned'].map((t) => [t, { spam: 99, ham: 1 }] as const);
    const o = { model: { spamMessages: 100, hamMessages: 100, tokens: new Map(tokens) }, thresholds, modelWeight: 8, maxScanBytes: 1e6 };
    const verdictFor = async (text: string, extra: Record<string, unknown> = {}) => {
      const p = parseContent(await compose({ from: 'Alboran Brokers <receipts@alboranbrokers.example>', to: 'Karen Mitchell <karen.mitchell62@gmail.com>', subject: 'renewal premium returned', text, ...extra }));
      if (p.kind !== 'message') throw new Error(p.reason);
      return scoreMessage(p.message, {}, o);
    };
    const pay = 'You can pay online: https://clientes.alboranbrokers.example/pay/REC-2026-05';
    const byName = await verdictFor(`Dear Mrs Mitchell,\n\nThe direct debit for your renewal premium was returned by your bank. ${pay}`);
    expect(byName).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    expect(byName.rules[0]!.description).toContain("greets its reader by name and sends them nowhere but the sender's own site: only evidence tags");
    // other ways of addressing the reader by name: a first name, a vocative at the top, a greeting in another language
    for (const opening of ['Hi Karen,', 'Thanks for staying with us, Karen', 'Karen, your premium was returned.', 'Hej Karen!', 'Sehr geehrte Frau Mitchell,', 'Dear Mr and Mrs Mitchell,', 'Sehr geehrte Frau und Herr Mitchell,']) {
      expect(await verdictFor(`${opening}\n\nThe direct debit was returned by your bank. ${pay}`), opening).toMatchObject({ action: 'accept' });
    }
    // ... a piece of a dotted local part when the To field gives no name, but not a local part of one piece
    const bare = (to: string, hello: string) => verdictFor(`${hello}\n\nThe direct debit was returned. ${pay}`, { to });
    expect(await bare('karen.mitchell62@gmail.com', 'Hi Karen,')).toMatchObject({ action: 'accept' });
    expect(await bare('karen@gmail.com', 'Hi karen,')).toMatchObject({ action: 'tag' });
    // Not by name: a greeting by address (what a kit pastes), a generic one, a name that is not the reader's
    for (const opening of ['Hello karen.mitchell62@gmail.com,', 'Dear customer,', 'Dear Mr Jones,']) {
      expect(await verdictFor(`${opening}\n\nThe direct debit was returned by your bank. ${pay}`), opening).toMatchObject({ action: 'tag' });
    }
    // By name but sending the reader elsewhere, or with a document attached that may carry the lure: the model tags as before.
    expect(await verdictFor('Dear Karen,\n\nYour premium was returned. Pay here: https://alboran-payments.top/rec')).toMatchObject({ action: 'tag' });
    const pdf = (action: string) => `%PDF-1.4\n4 0 obj\n<< /Type /Annot /Subtype /Link /A ${action} >>\nendobj\n%%EOF\n`;
    const withFile = (filename: string, content: string) => verdictFor(`Dear Karen,\n\nYour renewal schedule is attached. ${pay}`, { attachments: [{ filename, content }] });
    for (const [filename, content] of [
      ['schedule.pdf', pdf('<< /S /URI /URI (https://alboran-docs.top/view?id=8812) >>')],
      ['schedule.pdf', pdf('<< /S /JavaScript /JS (this.submitForm("https://alboran-docs.top/")) >>')],
      ['schedule.docx', 'PK\u0003\u0004word/document.xml'],
      ['review.ics', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDESCRIPTION:Confirm your renewal: https://alboran-docs.top/confirm\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'],
    ]) expect(await withFile(filename!, content!), content).toMatchObject({ action: 'tag' });
    expect(await withFile('review.ics', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDESCRIPTION:Your review call\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')).toMatchObject({ action: 'accept' });
    // ... but a PDF whose links stay on the sender's site, or write to it, sends the reader nowhere the letter does not
    for (const action of ['<< /S /URI /URI (https://clientes.alboranbrokers.example/policy/REC-2026-05) >>', '<< /S /URI /URI (mailto:claims@alboranbrokers.example) >>']) {
      expect(await withFile('schedule.pdf', pdf(action)), action).toMatchObject({ action: 'accept' });
    }
    expect(await withFile('schedule.pdf', '%PDF-1.4\n%%EOF\n')).toMatchObject({ action: 'accept' });
    // A letter with no link and a PDF that acts on nothing: by name it is the sender's own business; to "Dear
    // customer" it may be a harvested list's "see the attached invoice", whose phone number sits in the PDF's text.
    const letter = (opening: string) => verdictFor(`${opening}\n\nYour renewal schedule is attached; please sign and return it.`, { attachments: [{ filename: 'schedule.pdf', content: '%PDF-1.4\n%%EOF\n' }] });
    expect(await letter('Dear Mrs Mitchell,')).toMatchObject({ action: 'accept' });
    expect(await letter('Dear customer,')).toMatchObject({ action: 'tag' });
  });

  it('lets the model alone tag mail that links to the sender\'s own site beside a third party\'s page only from 0.99', async () => {
    // One clue: seen in 19 of 20 spam and 1 of 20 ham (spam probability 0.940), or in 40 of 40 spam (0.994).
    const options = (counts: { spam: number; ham: number }) => ({ model: { spamMessages: 40, hamMessages: 40, tokens: new Map([['subject:welcome', counts]]) }, thresholds, modelWeight: 8, maxScanBytes: 1e6 });
    const verdictFor = async (text: string, counts = { spam: 19, ham: 1 }, extra: Record<string, unknown> = {}) => {
      const p = parseContent(await compose({ from: 'Kestrel Yoga <hello@kestrelyoga.example>', subject: 'welcome', text, ...extra }));
      if (p.kind !== 'message') throw new Error(p.reason);
      return scoreMessage(p.message, {}, options(counts));
    };
    const booking = 'Book your first class: https://bookings.studio-platform.example/kestrel/schedule';
    const studio = `${booking}\n\nKestrel Yoga, https://kestrelyoga.example`;
    const capped = await verdictFor(studio);
    expect(capped).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    expect(capped.rules[0]!.description).toContain("links to the sender's own site and no evidence speaks against it");
    // without the sender's own site among its links, the model tags alone as before; so it does when it is sure
    expect(await verdictFor(booking)).toMatchObject({ action: 'tag' });
    expect(await verdictFor(studio, { spam: 40, ham: 0 })).toMatchObject({ action: 'tag' });
    // a hint lifts the line to a tag (a Reply-To elsewhere), and evidence is not talked down (a sign-in lure off the site)
    expect(await verdictFor(studio, undefined, { replyTo: 'kestrel.bookings@frontdesk-mail.example' })).toMatchObject({ action: 'tag' });
    const lure = await verdictFor(`Your account is suspended. Verify your account: https://kestrel-login.top/verify\n\n${studio}`);
    expect(lure.rules.find((r) => r.name === 'STATISTICAL_MODEL')?.score).toBe(7);
  });

  it('counts the sender\'s profile pages beside a payment service\'s page as its own', async () => {
    // One clue seen in 19 of 20 spam and 1 of 20 ham: spam probability 0.940, unsure for mail that stays home.
    const o = { model: { spamMessages: 20, hamMessages: 20, tokens: new Map([['subject:receipt', { spam: 19, ham: 1 }]]) }, thresholds, modelWeight: 8, maxScanBytes: 1e6 };
    const verdictFor = async (footer: string, extra: Record<string, unknown> = {}) => {
      const p = parseContent(await compose({ from: 'Cartwheel <plus@cartwheelgrocery.example>', subject: 'receipt', text: `View receipt: https://pay.stripe.com/receipts/payment/CAcaFw ${footer}`, ...extra }));
      if (p.kind !== 'message') throw new Error(p.reason);
      return scoreMessage(p.message, {}, o);
    };
    expect(await verdictFor('Follow us: https://www.instagram.com/cartwheelgrocery')).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    // the same receipt with its PDF attached: no way further unless the PDF's own links leave (or it cannot be read)
    const receipt = (action: string) => ({ attachments: [{ filename: 'receipt.pdf', content: `%PDF-1.4\n4 0 obj\n<< /Type /Annot /Subtype /Link /A ${action} >>\nendobj\n%%EOF\n` }] });
    expect(await verdictFor('', receipt('<< /S /URI /URI (https://cartwheelgrocery.example/help) >>'))).toMatchObject({ action: 'accept' });
    expect(await verdictFor('', receipt('<< /S /URI /URI (https://cartwheel-refunds.top/claim) >>'))).toMatchObject({ action: 'tag' });
    expect(await verdictFor('', { attachments: [{ filename: 'receipt.docx', content: 'PK\u0003\u0004word/document.xml' }] })).toMatchObject({ action: 'tag' });
    // a regulator's register a regulated firm names, the EU's dispute-resolution page a shop must link to
    for (const authority of ['https://register.fca.org.uk/s/firm?id=001b000000NMXYZ', 'https://ec.europa.eu/consumers/odr/', 'https://www.gov.uk/government/organisations/ofgem']) {
      expect(await verdictFor(`Regulated: ${authority}`), authority).toMatchObject({ action: 'accept' });
    }
    expect(await verdictFor('Regulated: https://fca-register-check.top/firm')).toMatchObject({ action: 'tag' });
    // the Direct Debit Guarantee a UK mandate confirmation must show, at the collecting service or the scheme's site
    for (const guarantee of ['https://gocardless.com/direct-debit/guarantee/', 'https://www.directdebit.co.uk/direct-debit-explained/direct-debit-guarantee/']) {
      expect(await verdictFor(`Your payments are protected by the Direct Debit Guarantee: ${guarantee}`), guarantee).toMatchObject({ action: 'accept' });
    }
    expect(await verdictFor('Follow us: https://cartwheel-deals.top/follow')).toMatchObject({ action: 'tag' });
  });

  it('counts the front page of the software a notice was made with as no page elsewhere, and nothing else on its domain', async () => {
    // One clue seen in 19 of 20 spam and 1 of 20 ham: spam probability 0.940, unsure for mail that stays home.
    const o = { model: { spamMessages: 20, hamMessages: 20, tokens: new Map([['subject:dispatched', { spam: 19, ham: 1 }]]) }, thresholds, modelWeight: 8, maxScanBytes: 1e6 };
    const verdictFor = async (credit: string) => {
      const text = `Your books left our shop with UPS: https://www.ups.com/track?tracknum=1Z999AA10123456784\n\nMaplewood Books, ${credit}`;
      const p = parseContent(await compose({ from: 'Maplewood Books <shop@maplewoodbooks.example>', subject: 'dispatched', text }));
      if (p.kind !== 'message') throw new Error(p.reason);
      return scoreMessage(p.message, {}, o);
    };
    for (const credit of ['built with WooCommerce https://woocommerce.com', 'powered by Odoo https://www.odoo.com/?utm_source=db&utm_medium=email']) {
      expect(await verdictFor(credit), credit).toMatchObject({ action: 'accept', rules: [{ name: 'STATISTICAL_MODEL', score: 4 }] });
    }
    // a page a customer publishes under the vendor's domain, a redirect through its front page, an unknown vendor
    for (const credit of ['order form https://form.jotform.com/241234567', 'https://www.jotform.com/form/241234567', 'https://woocommerce.com/?url=https%3A%2F%2Fmaplewood-books.top%2Fpay', 'built with ShopKit https://shopkit-cart.top']) {
      expect(await verdictFor(credit), credit).toMatchObject({ action: 'tag' });
    }
  });

  it('does not count HTML tag names against a message that sends the reader nowhere but the sender\'s own site', async () => {
    // Tag names that only the spam of the model's corpus was written with: they say "HTML", which every shop's notice is.
    const tags = ['tag:table', 'tag:tbody', 'tag:strong', 'tag:font'].map((t) => [t, { spam: 19, ham: 1 }] as const);
    const model = { spamMessages: 20, hamMessages: 20, tokens: new Map(tags) };
    const o = { model, thresholds, modelWeight: 8, maxScanBytes: 1e6 };
    const verdictFor = async (href: string) => {
      const html = `<table><tbody><tr><td><font>Your order <strong>#1042</strong> has shipped.</font> <a href="${href}">Track it</a></td></tr></tbody></table>`;
      const p = parseContent(await compose({ from: 'Brightlane <orders@brightlane.io>', subject: 'Order shipped', html, text: undefined }));
      if (p.kind !== 'message') throw new Error(p.reason);
      return scoreMessage(p.message, {}, o);
    };
    expect(await verdictFor('https://shop.brightlane.io/orders/1042')).toMatchObject({ action: 'accept', rules: [] });
    // the same markup with a link elsewhere: the tag names count as before
    expect(await verdictFor('https://track-parcel.top/1042')).toMatchObject({ action: 'tag', rules: [{ name: 'STATISTICAL_MODEL' }] });
    // where the reader acts is the sender's own site, and a vendor's credit sits below it ("Powered by …"): home
    const credit = (first: string) => verdictFor(`${first}">Track it</a> <a href="https://vendor.example/">Powered by Vendor</a><a href="${first}`);
    expect(await credit('https://shop.brightlane.io/orders/1042')).toMatchObject({ action: 'accept', rules: [] });
    // a hijacked mailbox's lure puts the attacker's link first
    expect(await credit('https://track-parcel.top/1042')).toMatchObject({ action: 'tag' });
  });

  it('reads a message the same whichever transfer encoding its library chose', async () => {
    // Python's email package writes UTF-8 text in base64, other libraries in quoted-printable: same words, same verdict.
    const body = 'Hi Anna,\r\n\r\nyour Brightlane receipt for December: 49.00 EUR, paid by card.\r\n';
    const as = (cte: string, encoded: string) =>
      Buffer.from('From: Brightlane <billing@brightlane.io>\r\nTo: anna@example.org\r\nSubject: Your receipt\r\nMIME-Version: 1.0\r\n' +
        `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n${encoded}\r\n`);
    const tokens = (raw: Buffer) => {
      const p = parseContent(raw);
      if (p.kind !== 'message') throw new Error(p.reason);
      return [...messageTokens(p.message)].sort();
    };
    const base64 = tokens(as('base64', Buffer.from(body).toString('base64')));
    expect(base64).toContain('part:plain');
    expect(base64).toEqual(tokens(as('quoted-printable', body)));
    expect(scoreContent(as('base64', Buffer.from(body).toString('base64')))).toEqual(scoreContent(as('7bit', body)));
  });

  it('gives bytes that are no message the reject score, with the reason', () => {
    const v = scoreContent(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'));
    expect(v).toMatchObject({ action: 'reject', spam: true, rules: [{ name: 'NOT_A_MESSAGE' }] });
  });

  it('scores an honest message with the shipped model and default settings as accept', async () => {
    expect(scoreContent(await compose())).toMatchObject({ spam: false, action: 'accept' });
  });

  it('uses configured thresholds', async () => {
    const strict = createContentScorer(contentSchema.parse({ thresholds: { tag: -100, quarantine: -50, reject: 100 } }));
    expect(strict.score(await compose())).toMatchObject({ spam: true, action: 'quarantine', threshold: -100 });
    expect(() => contentSchema.parse({ thresholds: { tag: 9, quarantine: 8 } })).toThrow(/tag <= quarantine <= reject/);
  });

  it('reads words styled in mathematical or enclosed letters as the words they show', async () => {
    const p = parseContent(await compose({ subject: '𝐅𝐫𝐞𝐞 𝐐𝐮𝐨𝐭𝐞 today', text: 'Claim your ⓅⓇⒾⓏⒺ now' }));
    if (p.kind !== 'message') throw new Error(p.reason);
    const tokens = messageTokens(p.message);
    for (const t of ['subject:free', 'subject:quote', 'subject:today', 'prize', 'claim']) expect(tokens.has(t), t).toBe(true);
  });
});
