// Who sends what and when in the simulation: the neighbours' ordinary mail for every day, the newsletter's daily send
// at its usual time, and on the last day the attack. Pure: a seed gives the same world.
import { newsletterMail, personalMail, phishingMail, spamMail, templatedPhishingMail, type SimMessage } from './mail.js';
import type { Rng } from '../../src/shared/prng.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Monday 2 November 2026, 00:00 UTC: the first simulated day. */
export const START = Date.UTC(2026, 10, 2);

export type Kind = 'history' | 'legit' | 'newsletter' | 'spam';

export interface SimEvent {
  at: number;
  seq: number;
  sub: string;
  kind: Kind;
  message: SimMessage;
}

/**
 * How the hijacker sends. `burst`: one identity, the fixed template, as fast as it can; `rotate`: a new identity
 * header on every message; `spread`: round robin over many existing identities of the login; `mixed`: one identity's
 * ordinary kind of mail with one phishing link, one every few minutes for a day; `slow`: the phishing campaign from
 * one identity, one message every few minutes for a day.
 */
export const VARIANTS = ['burst', 'rotate', 'spread', 'mixed', 'slow'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface WorldOptions {
  /** Default `burst`. */
  variant?: Variant;
  identities: number;
  historyDays: number;
  newsletter: number;
  spam: number;
  spamMinutes: number;
}

interface Neighbour {
  sub: string;
  from: string;
  contacts: string[];
  domains: string[];
  perDay: number;
}

const FREEMAIL = ['mail.sim.test', 'post.sim.test', 'inbox.sim.test', 'webmail.sim.test'];
/** Business hours weigh more; a few late messages are normal too. */
const HOUR_WEIGHTS = [0, 0, 0, 0, 0, 0, 1, 2, 6, 8, 8, 7, 5, 7, 8, 7, 6, 4, 2, 2, 1, 1, 0, 0];

function pickHour(rng: Rng): number {
  const total = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  let x = rng.next() * total;
  for (let h = 0; h < 24; h++) if ((x -= HOUR_WEIGHTS[h]!) < 0) return h;
  return 12;
}

function neighbour(rng: Rng, i: number): Neighbour {
  const sub = `site${String(i).padStart(3, '0')}`;
  const domains = [...Array.from({ length: rng.int(2, 8) }, (_, k) => `c${i}-${k}.sim.test`), ...FREEMAIL];
  const contacts = Array.from({ length: rng.int(5, 40) }, (_, k) => `contact${k}@${rng.pick(domains)}`);
  return { sub, from: `info@${sub}.sim.test`, contacts, domains, perDay: rng.int(2, 16) };
}

export interface World {
  events: SimEvent[];
  hijacked: string;
  newsletterSub: string;
  /** End of the simulation: noon of the attack day, or a day after the attack began for the day-long variants. */
  end: number;
}

export function buildWorld(rng: Rng, o: WorldOptions): World {
  const events: SimEvent[] = [];
  let seq = 0;
  const add = (at: number, sub: string, kind: Kind, message: SimMessage) => events.push({ at, seq: seq++, sub, kind, message });
  const neighbours = Array.from({ length: o.identities }, (_, i) => neighbour(rng, i + 1));
  const hijacked = rng.pick(neighbours);
  const newsletterSub = 'allotments';
  const memberDomains = [...FREEMAIL, ...Array.from({ length: 60 }, (_, k) => `isp${k}.sim.test`)];
  const members = Array.from({ length: o.newsletter }, (_, k) => `member${k}@${rng.pick(memberDomains)}`);
  const testDay = o.historyDays;
  const variant = o.variant ?? 'burst';
  const attackStart = START + testDay * DAY + 9 * HOUR + 5 * 60_000;
  const dayLong = variant === 'mixed' || variant === 'slow';
  const testEnd = dayLong ? attackStart + DAY + HOUR : START + testDay * DAY + 12 * HOUR;

  for (let day = 0; START + day * DAY < testEnd; day++) {
    const dayStart = START + day * DAY;
    const weekend = day % 7 >= 5;
    const kind: Kind = day >= testDay ? 'legit' : 'history';
    for (const n of neighbours) {
      const count = rng.int(0, Math.round(2 * n.perDay * (weekend ? 0.2 : 1)));
      for (let k = 0; k < count; k++) {
        const at = dayStart + pickHour(rng) * HOUR + rng.int(0, HOUR - 1);
        if (at >= testEnd) continue;
        // Mostly known correspondents; now and then somebody new, at a known or a new domain.
        const to = rng.chance(0.9) ? rng.pick(n.contacts) : `new${rng.int(1, 1e6)}@${rng.chance(0.5) ? rng.pick(n.domains) : `other${rng.int(1, 500)}.sim.test`}`;
        add(at, n.sub, kind, personalMail(rng, n.sub, n.from, to, seq));
      }
    }
    // The newsletter goes out every day at 09:00, about 200 a minute, in list order.
    const newsletterKind: Kind = day >= testDay ? 'newsletter' : 'history';
    members.forEach((to, k) =>
      add(dayStart + 9 * HOUR + Math.floor((k * 60_000) / 200), newsletterSub, newsletterKind, newsletterMail(newsletterSub, 'news@allotments.sim.test', to, day + 1, seq)),
    );
  }

  // The takeover: five minutes into the newsletter, through the same login, to harvested addresses.
  const victim = () =>
    `${rng.pick(['j.smith', 'maria', 'kevin.b', 'sales', 'ahmed', 'linda', 'peter', 'office'])}${rng.int(1, 9999)}@${rng.chance(0.3) ? rng.pick(FREEMAIL) : `victim${rng.int(1, 3000)}.sim.test`}`;
  const spread = neighbours.filter((n) => n !== hijacked).slice(0, 49).concat(hijacked);
  const plan: Record<Variant, { count: number; minutes: number }> = {
    burst: { count: o.spam, minutes: o.spamMinutes },
    rotate: { count: o.spam, minutes: 3 * o.spamMinutes },
    spread: { count: 2 * o.spam, minutes: 6 * o.spamMinutes },
    mixed: { count: 480, minutes: 24 * 60 },
    slow: { count: 360, minutes: 24 * 60 },
  };
  const { count, minutes } = plan[variant];
  for (let k = 0; k < count; k++) {
    const at = attackStart + Math.floor((k * minutes * 60_000) / count);
    const to = victim();
    if (variant === 'burst') add(at, hijacked.sub, 'spam', spamMail(rng, hijacked.sub, hijacked.from, to, seq));
    else if (variant === 'rotate') {
      const sub = `u${rng.int(1e5, 9e5)}${k}`;
      add(at, sub, 'spam', phishingMail(rng, sub, `${sub}@${rng.pick(neighbours).sub}.sim.test`, to, seq));
    } else if (variant === 'spread') {
      const n = spread[k % spread.length]!;
      add(at, n.sub, 'spam', phishingMail(rng, n.sub, n.from, to, seq));
    } else if (variant === 'mixed') add(at, hijacked.sub, 'spam', templatedPhishingMail(rng, hijacked.sub, hijacked.from, to, seq));
    else add(at, hijacked.sub, 'spam', phishingMail(rng, hijacked.sub, hijacked.from, to, seq));
  }
  return { events, hijacked: hijacked.sub, newsletterSub, end: testEnd };
}
