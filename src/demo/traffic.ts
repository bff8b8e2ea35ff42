// The demo's mail: a hosting server's senders (identities below one account) writing ordinary mail to people at the
// big providers, and one of them taken over, sending phishing to many recipients at once. Seeded, so that one seed
// always sends the same mail in the same order.
import type { Rng } from '../shared/prng.js';

export interface DemoMessage {
  /** Milliseconds after the start of the run. */
  at: number;
  sender: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  hijacked: boolean;
}

export interface TrafficOptions {
  senders: number;
  seconds: number;
  /** Ordinary messages per second, all senders together. */
  perSecond: number;
  /** The hijacked sender's messages per second once the takeover began. */
  hijackedPerSecond: number;
  /** Share of the run after which the takeover begins. */
  hijackAt: number;
}

/** Recipient domains, one or two per simulated provider. */
export const RECIPIENT_DOMAINS = ['gmail.com', 'outlook.com', 'hotmail.com', 'aol.com', 'yahoo.com'] as const;

const FIRST = ['anna', 'ben', 'chloe', 'david', 'emma', 'felix', 'grace', 'hugo', 'iris', 'jonas', 'lena', 'marco', 'nina', 'oscar', 'paula'];

/** Ordinary mail of small businesses and clubs: what most of a hosting server's mail looks like. */
const ORDINARY: ReadonlyArray<(name: string, n: number) => { subject: string; text: string }> = [
  (name, n) => ({ subject: `Your order ${n} has shipped`, text: `Hello ${name},\n\nthe parcel with your order ${n} left our workshop today and should arrive within three working days.\n\nThank you for shopping with us,\nthe team at the pottery` }),
  (name) => ({ subject: 'Rehearsal moved to Thursday', text: `Hi ${name},\n\nthe choir rehearsal moves from Wednesday to Thursday this week, same time, same room. Please bring the new scores.\n\nSee you there,\nMaria` }),
  (name, n) => ({ subject: `Invoice ${n} for November`, text: `Dear ${name},\n\nplease find below the summary of invoice ${n}: two hours of garden work and the hedge trimming, 140 EUR in all, due by the end of the month.\n\nKind regards,\nGreen Corner Gardening` }),
  (name) => ({ subject: 'Minutes of the last meeting', text: `Hello ${name},\n\nhere are the points we agreed on: the summer fair stays in June, Paul looks into renting the tent, and the next meeting is on the 12th.\n\nBest,\nthe board of the neighbourhood association` }),
  (name, n) => ({ subject: `Table for ${2 + (n % 5)} confirmed`, text: `Hello ${name},\n\nwe are happy to confirm your table for Saturday at 7 pm. Let us know if your plans change.\n\nWarm regards,\nTrattoria da Luigi` }),
  (name) => ({ subject: 'Photos from the weekend', text: `Hi ${name},\n\nit was lovely to see you all on Sunday. I uploaded the photos to the club page, the one of the kids at the lake is my favourite.\n\nCheers,\nTom` }),
];

/**
 * What the hijacker sends: a mailbox-storage phishing lure, plausible enough that content scoring alone only tags it
 * (a filter that refused all of it would leave nothing for the demo's other protections to show).
 */
function phishing(name: string, n: number): { subject: string; text: string } {
  return {
    subject: 'Your mailbox storage is almost full',
    text: `Hello ${name},\n\nyour mailbox has reached 98% of its storage. To keep receiving messages, please verify your account ` +
      `at http://mailbox-storage.example/${n} today.\n\nThank you,\nMail Support`,
  };
}

/** Sender identities `site001` …: the names the hosting server gives its users (its X-AuthUser header). */
export const senderName = (i: number) => `site${String(i + 1).padStart(3, '0')}`;

export function buildTraffic(rng: Rng, o: TrafficOptions): { messages: DemoMessage[]; hijacked: string } {
  const hijackedIndex = rng.int(0, o.senders - 1);
  const hijacked = senderName(hijackedIndex);
  const messages: DemoMessage[] = [];
  const recipient = () => `${rng.pick(FIRST)}.${rng.int(1, 9999)}@${rng.pick(RECIPIENT_DOMAINS)}`;
  const fromOf = (i: number) => `info@${senderName(i)}.example`;
  const end = o.seconds * 1000;
  for (let n = 0, at = 0; ; n++) {
    at += (-Math.log(1 - rng.next()) * 1000) / o.perSecond; // Poisson arrivals
    if (at >= end) break;
    const i = rng.int(0, o.senders - 1);
    const to = recipient();
    messages.push({ at, sender: senderName(i), from: fromOf(i), to, ...rng.pick(ORDINARY)(to.split('.')[0]!, 1000 + n), hijacked: false });
  }
  for (let n = 0, at = o.hijackAt * end; ; n++) {
    at += 1000 / o.hijackedPerSecond;
    if (at >= end) break;
    const to = recipient();
    messages.push({ at, sender: hijacked, from: fromOf(hijackedIndex), to, ...phishing(to.split('.')[0]!, n), hijacked: true });
  }
  messages.sort((a, b) => a.at - b.at);
  return { messages, hijacked };
}
