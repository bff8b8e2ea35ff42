// Who sent which content, over sliding windows: near-duplicate messages (by their MinHash sketch, inspect/signature.ts)
// are gathered into one campaign, and each campaign counts its recipients per identity, per login and in all over the
// last hour and the last day. That answers "this identity sends the same text to many people" (an hour or a slow
// day), "several identities of one login send the same text" (a hijacked login spreading its spam) and "many
// identities send it at once" (a leaked password list or one exploit kit on many sites).
//
// Campaigns are found with LSH: the sketch is cut into bands, and a message joins the campaign of the first band it
// shares whose first message is similar enough (the check keeps chains of loosely similar mail apart). In memory
// and bounded; each campaign that changes is handed to a sink as plain data (campaign-rows.ts writes it to SQLite) and
// the tracker starts from what was written, so a relay that is restarted, or crashes, keeps its campaigns.
import { similarity } from '../inspect/signature.js';
import type { CampaignSink } from './campaign-rows.js';
import { addCount, countSum, newCountRing, type Ring } from './ring.js';

const HOUR = 3_600_000;
const ROWS_PER_BAND = 2;
/** Estimated Jaccard similarity of 3-shingles at which a message joins a campaign: a kit that rephrases every sentence
 * from a few alternatives still shares a quarter with many of its messages; two unrelated short mails rarely do. */
export const SAME_CAMPAIGN = 0.25;
export const MAX_CAMPAIGNS = 20_000;
const MAX_BAND_KEYS = 200_000;
const MAX_SENDERS_PER_CAMPAIGN = 2_000;

interface Window {
  hour: Ring;
  day: Ring;
  /** Last time anything was added: "sent it in the last hour" without summing the ring. */
  lastAt: number;
}

interface Campaign {
  sketch: number[];
  identities: Map<string, Window>;
  /** Per login: its recipients, and those at domains the sending identity never wrote to, over the last hour. */
  logins: Map<string, { recipients: Ring; strangers: Ring }>;
  all: Window;
}

export interface ContentSpread {
  /** Recipients of this campaign from this identity in the last hour and day (this message included). */
  identityRecipients: number;
  identityDayRecipients: number;
  /** Recipients of it from this identity's login in the last hour, and how many of the login's identities sent it. */
  loginRecipients: number;
  loginIdentities: number;
  /** Of the login's recipients, those at domains the identity that wrote to them never wrote to before. */
  loginStrangers: number;
  /** Identities that sent it in the last hour (this one included), and its recipients from all of them. */
  identities: number;
  recipients: number;
}

export const NO_SPREAD: ContentSpread = { identityRecipients: 0, identityDayRecipients: 0, loginRecipients: 0, loginIdentities: 0, loginStrangers: 0, identities: 0, recipients: 0 };

export interface SentContent {
  sketch: number[];
  identityKey: string;
  account: string;
  recipients: number;
  /** Its recipients at domains the identity never wrote to. */
  strangers: number;
}

export interface CampaignTracker {
  /** Count a message's recipients under its campaign; the spread so far. */
  record(m: SentContent, now: number): ContentSpread;
  /** The spread so far without counting anything. */
  peek(m: Omit<SentContent, 'recipients' | 'strangers'>, now: number): ContentSpread;
}

/** One campaign as JSON-safe data (maps as entry lists), as the sink receives it and the tracker starts from it. */
export interface StoredCampaign {
  sketch: number[];
  identities: Array<[string, Window]>;
  logins: Array<[string, { recipients: Ring; strangers: Ring }]>;
  all: Window;
}

const isWindow = (w: unknown): w is Window => typeof w === 'object' && w !== null && 'hour' in w && 'day' in w && 'lastAt' in w;
function isStoredCampaign(d: unknown): d is StoredCampaign {
  if (typeof d !== 'object' || d === null) return false;
  const c = d as Partial<StoredCampaign>;
  return Array.isArray(c.sketch) && Array.isArray(c.identities) && Array.isArray(c.logins) && isWindow(c.all);
}

const stored = (c: Campaign): StoredCampaign => ({ sketch: c.sketch, identities: [...c.identities], logins: [...c.logins], all: c.all });

const newWindow = (): Window => ({ hour: newCountRing(60_000, 60), day: newCountRing(3_600_000, 24), lastAt: 0 });

function add(w: Window, now: number, n: number): void {
  w.lastAt = Math.max(w.lastAt, now);
  addCount(w.hour, now, n);
  addCount(w.day, now, n);
}

/** Insert with least-recently-used eviction past `max`. */
export function touchEntry<K, V>(map: Map<K, V>, key: K, make: () => V, max: number): V {
  const value = map.get(key) ?? make();
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
  return value;
}

/** The LSH band keys of a sketch: a message shares a campaign's band when two of their MinHash values agree in a row. */
function bandKeys(sketch: number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b + ROWS_PER_BAND <= sketch.length; b += ROWS_PER_BAND) keys.push(`${b}:${sketch.slice(b, b + ROWS_PER_BAND).join(',')}`);
  return keys;
}

const NO_SINK: CampaignSink = { changed() {}, removed() {} };

/**
 * A tracker holding the campaigns `from` lists (least recently touched first, as the sink's store loads them), which
 * tells `sink` of every campaign it changes or evicts.
 */
export function createCampaignTracker(from: Array<{ id: number; data: unknown }> = [], sink: CampaignSink = NO_SINK): CampaignTracker {
  const bands = new Map<string, number>();
  const campaigns = new Map<number, Campaign>();
  let nextId = 1;
  for (const { id, data } of from.slice(-MAX_CAMPAIGNS)) {
    if (!isStoredCampaign(data)) continue; // a row of another shape (a damaged file, another release) is one campaign forgotten
    campaigns.set(id, { sketch: data.sketch, identities: new Map(data.identities), logins: new Map(data.logins), all: data.all });
    // The bands are the sketches' own: each band goes to the first campaign that holds it, as when they were recorded.
    for (const key of bandKeys(data.sketch)) if (!bands.has(key)) touchEntry(bands, key, () => id, MAX_BAND_KEYS);
    nextId = Math.max(nextId, id + 1);
  }

  function find(sketch: number[], keys: string[]): number | undefined {
    for (const key of keys) {
      const id = bands.get(key);
      const c = id === undefined ? undefined : campaigns.get(id);
      if (c && similarity(c.sketch, sketch) >= SAME_CAMPAIGN) return id;
    }
    return undefined;
  }

  function spread(c: Campaign | undefined, m: Omit<SentContent, 'recipients' | 'strangers'>, now: number): ContentSpread {
    if (!c) return NO_SPREAD;
    const own = c.identities.get(m.identityKey);
    let identities = 0;
    let loginIdentities = 0;
    const prefix = `${m.account}/`;
    for (const [key, w] of c.identities) {
      if (w.lastAt <= now - HOUR) continue;
      identities++;
      if (key === m.account || key.startsWith(prefix)) loginIdentities++;
    }
    const login = c.logins.get(m.account);
    return {
      identityRecipients: own ? countSum(own.hour, now) : 0,
      identityDayRecipients: own ? countSum(own.day, now) : 0,
      loginRecipients: login ? countSum(login.recipients, now) : 0,
      loginIdentities,
      loginStrangers: login ? countSum(login.strangers, now) : 0,
      identities,
      recipients: countSum(c.all.hour, now),
    };
  }

  return {
    record(m, now) {
      if (m.sketch.length === 0) return NO_SPREAD;
      const keys = bandKeys(m.sketch);
      const found = find(m.sketch, keys);
      const id = found ?? nextId++;
      const c: Campaign = campaigns.get(id) ?? { sketch: m.sketch, identities: new Map(), logins: new Map(), all: newWindow() };
      campaigns.delete(id);
      campaigns.set(id, c);
      if (campaigns.size > MAX_CAMPAIGNS) {
        const oldest = campaigns.keys().next().value!;
        campaigns.delete(oldest);
        sink.removed(oldest);
      }
      for (const key of keys) if (!bands.has(key)) touchEntry(bands, key, () => id, MAX_BAND_KEYS);
      add(touchEntry(c.identities, m.identityKey, newWindow, MAX_SENDERS_PER_CAMPAIGN), now, m.recipients);
      const login = touchEntry(c.logins, m.account, () => ({ recipients: newCountRing(60_000, 60), strangers: newCountRing(60_000, 60) }), MAX_SENDERS_PER_CAMPAIGN);
      addCount(login.recipients, now, m.recipients);
      addCount(login.strangers, now, m.strangers);
      add(c.all, now, m.recipients);
      sink.changed(id, c.all.lastAt, () => stored(c));
      return spread(c, m, now);
    },
    peek(m, now) {
      if (m.sketch.length === 0) return NO_SPREAD;
      const id = find(m.sketch, bandKeys(m.sketch));
      return spread(id === undefined ? undefined : campaigns.get(id), m, now);
    },
  };
}
