// Who sent which content in the current hour: recipients per (fingerprint, identity). It answers both "this identity
// sends the same text to many people" and "many identities send the same text at once" (a campaign across accounts,
// the pattern of a leaked password list or one exploit kit on many sites). In memory only and bounded: it is a view
// of the last hour, and a restart costs at most one hour of this one signal.

const HOUR = 3_600_000;
const MAX_FINGERPRINTS = 50_000;

interface Entry {
  hourIndex: number;
  /** identity key -> recipients this hour */
  senders: Map<string, number>;
  recipients: number;
}

export interface ContentSpread {
  /** Recipients of this content from this identity in the current hour (this message included). */
  identityRecipients: number;
  /** Identities that sent this content in the current hour (this one included). */
  identities: number;
  /** Recipients of this content from all identities in the current hour. */
  recipients: number;
}

export interface CampaignTracker {
  /** Count a message's recipients under its fingerprint and report the spread so far. */
  record(fingerprint: string, identityKey: string, recipients: number, now: number): ContentSpread;
  /** The spread so far without counting anything. */
  peek(fingerprint: string, identityKey: string, now: number): ContentSpread;
}

export function createCampaignTracker(): CampaignTracker {
  const entries = new Map<string, Entry>();

  function current(fingerprint: string, now: number): Entry | undefined {
    const entry = entries.get(fingerprint);
    return entry && entry.hourIndex === Math.floor(now / HOUR) ? entry : undefined;
  }

  const spread = (entry: Entry | undefined, key: string): ContentSpread => ({
    identityRecipients: entry?.senders.get(key) ?? 0,
    identities: entry?.senders.size ?? 0,
    recipients: entry?.recipients ?? 0,
  });

  return {
    record(fingerprint, identityKey, recipients, now) {
      let entry = current(fingerprint, now);
      if (!entry) {
        entries.delete(fingerprint);
        entry = { hourIndex: Math.floor(now / HOUR), senders: new Map(), recipients: 0 };
        entries.set(fingerprint, entry);
        if (entries.size > MAX_FINGERPRINTS) entries.delete(entries.keys().next().value!);
      }
      entry.senders.set(identityKey, (entry.senders.get(identityKey) ?? 0) + recipients);
      entry.recipients += recipients;
      return spread(entry, identityKey);
    },
    peek(fingerprint, identityKey, now) {
      return spread(current(fingerprint, now), identityKey);
    },
  };
}
