// The simulation's mail, written for it: ordinary correspondence of small sites, a newsletter, and the kind of spam a
// hijacked account sends (one template with merge fields, as spam kits do). Every message carries the sub-identity
// in an X-AuthUser header, as Exim on a shared host adds it.
import type { Rng } from './prng.js';

const FIRST = ['Anna', 'Ben', 'Chloe', 'David', 'Elif', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kasia', 'Liam', 'Maya', 'Noah', 'Olga', 'Pavel', 'Rosa', 'Sami', 'Tara', 'Umar'];
const TOPICS = ['invoice', 'meeting', 'order', 'booking', 'quote', 'delivery', 'contract', 'appointment', 'report', 'question'];
const OPENERS = [
  'thanks for getting back to me so quickly.',
  'I hope the week is going well on your side.',
  'following up on our call earlier today.',
  'sorry for the slow reply, it has been a busy few days.',
  'as promised, here are the details.',
  'quick question before I send the final version.',
];
const MIDDLES = [
  'The figures for last month are attached in the shared folder; let me know if anything looks off.',
  'We can move the appointment to Thursday afternoon if that suits you better.',
  'The parcel left our workshop this morning and should arrive by Friday.',
  'Could you confirm the delivery address and the number of units you need?',
  'I have updated the draft with your comments and highlighted the two open points.',
  'Our opening hours change next week, so please call ahead before you come by.',
  'The invoice is due at the end of the month; bank details are unchanged.',
  'I talked to the team and everyone is happy with the plan as it stands.',
];
const CLOSERS = ['Best regards,', 'Kind regards,', 'Thanks again,', 'Cheers,', 'All the best,'];

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

export function personalMail(rng: Rng, sub: string, from: string, to: string, seq: number): SimMessage {
  const name = rng.pick(FIRST);
  const subject = `${rng.chance(0.4) ? 'Re: ' : ''}${rng.pick(TOPICS)} ${rng.int(100, 9999)}`;
  const paragraphs = Array.from({ length: rng.int(1, 3) }, () => rng.pick(MIDDLES));
  const body = [`Hi ${name},`, '', rng.pick(OPENERS), '', ...paragraphs, '', rng.pick(CLOSERS), sub].join('\r\n');
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
