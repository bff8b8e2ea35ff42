// The simulation's mail, written for it: ordinary correspondence of small sites, a newsletter, and the kind of spam a
// hijacked account sends (one template with merge fields, as spam kits do). Every message carries the sub-identity
// in an X-AuthUser header, as Exim on a shared host adds it.
import type { Rng } from '../../src/shared/prng.js';

const FIRST = ['Anna', 'Ben', 'Chloe', 'David', 'Elif', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kasia', 'Liam', 'Maya', 'Noah', 'Olga', 'Pavel', 'Rosa', 'Sami', 'Tara', 'Umar'];
const TOPICS = ['invoice', 'meeting', 'order', 'booking', 'quote', 'delivery', 'contract', 'appointment', 'report', 'question', 'repair', 'samples', 'workshop', 'rent', 'menu'];
const ITEMS = ['oak shelves', 'the blue tiles', 'two bicycles', 'the catering', 'spare keys', 'the brochure', 'garden chairs', 'the new logo', 'wine glasses',
  'the boiler', 'school uniforms', 'the website texts', 'printer toner', 'a birthday cake', 'the roof gutter', 'winter tyres', 'the photo prints', 'curtains',
  'the tax forms', 'ceramic bowls', 'the van', 'fresh herbs', 'a projector', 'the floor plan', 'yoga mats', 'the piano', 'display cases', 'the fence'];
const PLACES = ['the market', 'our workshop', 'the station', 'the town hall', 'your office', 'the warehouse', 'the library', 'the harbour', 'the school', 'the bakery'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'next week', 'the end of the month'];
const SENTENCES = [
  'Could you let me know whether {item} can be ready by {day}?',
  'I picked up {item} at {place} this morning and everything looks fine.',
  '{person} asked me to pass on that {item} arrived safely.',
  'We still need to settle the price for {item} before {day}.',
  'Would {day} work for a short visit at {place}?',
  'The quote for {item} is attached; it is valid until {day}.',
  'Sorry, {item} got delayed, we now expect it on {day}.',
  'Thanks for recommending {person}, the work on {item} was excellent.',
  'Is it still fine to drop off {item} at {place}?',
  'I have checked with {person} and {day} suits everyone.',
  'Please send the measurements for {item} when you have a minute.',
  'Parking near {place} is difficult on {day}, so maybe come by bike.',
  'The invoice for {item} went out yesterday; no hurry.',
  'We would like to order {item} again, same as last time.',
  '{person} will be at {place} on {day} if you want to see {item}.',
  'Let us keep {item} on the list for the meeting on {day}.',
];
const CLOSERS = ['Best regards,', 'Kind regards,', 'Thanks again,', 'Cheers,', 'All the best,', 'Speak soon,', 'Many thanks,'];

export interface SimMessage {
  from: string;
  to: string;
  raw: string;
}

function message(sub: string, from: string, to: string, subject: string, body: string, seq: number): SimMessage {
  const raw = [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: Mon, 2 Nov 2026 09:00:00 +0000`,
    `Message-ID: <${seq}.${sub}@sim.test>`,
    `X-AuthUser: ${sub}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
  return { from, to, raw };
}

/** Services ordinary correspondence links to now and then (shared files, maps, shops, news). */
const SHARED_SITES = ['docs.share-drive.sim.test', 'maps.sim.test', 'photos.cloud-album.sim.test', 'www.daily-news.sim.test', 'shop.big-market.sim.test',
  'www.town-council.sim.test', 'calendar.meet-up.sim.test', 'wetransfer-like.sim.test', 'video.clips.sim.test', 'www.weather.sim.test'];

/**
 * A link in about a quarter of ordinary mail: mostly the sender's own site, sometimes a service everybody uses, and
 * one time in ten a site the sender never linked to before (a new file host, a supplier's page), so that the signals
 * about new link domains meet legitimate mail too. Decided by a hash of the message, not by the world's random
 * stream, so that adding it left every other choice of the world as it was.
 */
function ordinaryLink(sub: string, from: string, seq: number): string | null {
  let h = 2166136261;
  for (const c of `${sub}:${seq}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  if (h % 100 >= 25) return null;
  const kind = (h >>> 8) % 100;
  const host = kind < 60 ? `www.${from.slice(from.indexOf('@') + 1)}` : kind < 90 ? SHARED_SITES[(h >>> 16) % SHARED_SITES.length]! : `files-${(h >>> 12) % 100_000}.sim.test`;
  return `https://${host}/${(h >>> 4) % 10_000}`;
}

export function personalMail(rng: Rng, sub: string, from: string, to: string, seq: number): SimMessage {
  const fill = (template: string) =>
    template
      .replace('{item}', rng.pick(ITEMS))
      .replace('{place}', rng.pick(PLACES))
      .replace('{day}', rng.pick(DAYS))
      .replace('{person}', rng.pick(FIRST));
  const subject = `${rng.chance(0.4) ? 'Re: ' : ''}${rng.pick(TOPICS)}: ${rng.pick(ITEMS)}`;
  const sentences = Array.from({ length: rng.int(2, 5) }, () => fill(rng.pick(SENTENCES)));
  const link = ordinaryLink(sub, from, seq);
  const body = [`Hi ${rng.pick(FIRST)},`, '', ...sentences, ...(link ? [`Here is the link: ${link}`] : []), '', rng.pick(CLOSERS), sub].join('\r\n');
  return message(sub, from, to, subject, body, seq);
}

export function newsletterMail(sub: string, from: string, to: string, day: number, seq: number): SimMessage {
  const local = to.slice(0, to.indexOf('@'));
  const body = [
    `Hello ${local},`,
    '',
    `Here is what happened at the allotment society this week (issue ${day}).`,
    'The spring seed swap takes place on Saturday in the community hall, from ten until two. Bring labelled envelopes.',
    'Plot 14 is free again; members on the waiting list will hear from the committee by the end of the month.',
    'Thanks to everyone who helped repair the water tank. The hoses are back in the shed behind the gate.',
    '',
    'Read the full issue: https://allotments.sim.test/news/weekly',
    'You receive this because you are a member. Unsubscribe: https://allotments.sim.test/unsubscribe',
  ].join('\r\n');
  return message(sub, from, to, `Allotment society weekly, issue ${day}`, body, seq);
}

export function spamMail(rng: Rng, sub: string, from: string, to: string, seq: number): SimMessage {
  const local = to.slice(0, to.indexOf('@'));
  const body = [
    `Dear ${local},`,
    '',
    'We detected an unusual sign-in attempt on your account and temporarily limited access to protect your funds.',
    `To restore full access, verify your identity within 24 hours using your reference number ${rng.int(100000, 999999)}.`,
    `Verify now: http://secure-account-verify.sim.test/login?ref=${rng.int(1e6, 9e6)}`,
    '',
    'If you do not verify, your account will be permanently suspended and pending payments will be cancelled.',
    'Security Department',
  ].join('\r\n');
  return message(sub, from, to, `Action required: account limited (case #${rng.int(10000, 99999)})`, body, seq);
}

// The attacks' mail: a phishing campaign as a kit sends it, one lure whose every sentence comes in several phrasings,
// with the victim's name, fresh numbers and a link host drawn from a pool per message, so that no two messages are
// byte-equal and an exact hash never sees the campaign twice.
const LURE_OPENERS = [
  'We detected an unusual sign-in attempt on your account and temporarily limited access.',
  'An unrecognised device tried to sign in to your account, so access has been limited for now.',
  'For your security we have restricted your account after a suspicious login.',
];
const LURE_ASKS = [
  'To restore full access, confirm your identity within 24 hours.',
  'Please verify your details within 24 hours to lift the restriction.',
  'Confirm your account information today to keep using our services.',
];
const LURE_THREATS = [
  'If you do not verify, your account will be suspended and pending payments cancelled.',
  'Accounts that are not confirmed in time are closed and their balance is frozen.',
  'Failure to confirm will lead to permanent closure of your account.',
];
const LURE_SIGNATURES = ['Security Department', 'Account Protection Team', 'Customer Security Services'];
const LURE_SUBJECTS = ['Action required: account limited', 'Your account has been restricted', 'Security alert: confirm your identity', 'Unusual sign-in: verify now'];
/** The attacker's link hosts, rotated per message. */
export const PHISH_HOSTS = Array.from({ length: 12 }, (_, k) => `secure-verify-${k}.example`);

export function phishingLink(rng: Rng): string {
  return `https://${rng.pick(PHISH_HOSTS)}/${rng.pick(['login', 'verify', 'auth', 'session'])}?ref=${rng.int(1e6, 9e6)}`;
}

export function phishingMail(rng: Rng, sub: string, from: string, to: string, seq: number): SimMessage {
  const local = to.slice(0, to.indexOf('@'));
  const body = [
    `${rng.pick(['Dear', 'Hello', 'Hi'])} ${local},`,
    '',
    rng.pick(LURE_OPENERS),
    `${rng.pick(LURE_ASKS)} Reference number ${rng.int(100000, 999999)}.`,
    `Verify now: ${phishingLink(rng)}`,
    '',
    rng.pick(LURE_THREATS),
    rng.pick(LURE_SIGNATURES),
  ].join('\r\n');
  return message(sub, from, to, `${rng.pick(LURE_SUBJECTS)} (case #${rng.int(10000, 99999)})`, body, seq);
}

/** The identity's own kind of mail with one phishing link in it: the template passes, the link is the attack. */
export function templatedPhishingMail(rng: Rng, sub: string, from: string, to: string, seq: number): SimMessage {
  const plain = personalMail(rng, sub, from, to, seq);
  const link = `\r\n\r\nThe documents are ready for you here: ${phishingLink(rng)}\r\n`;
  const end = plain.raw.lastIndexOf('\r\n\r\n');
  return { ...plain, raw: plain.raw.slice(0, end) + link + plain.raw.slice(end) };
}
