// The last few subjects and fingerprints per identity, kept so that a suspension can show what was being sent.
// Bounded in both directions: a few samples per identity, and a fixed number of identities (least recent dropped).
const PER_IDENTITY = 5;
const MAX_IDENTITIES = 10_000;

export function recentSamples() {
  const byIdentity = new Map<string, { subjects: string[]; fingerprints: string[] }>();

  const push = (list: string[], value: string) => {
    if (!value || list.includes(value)) return;
    list.push(value);
    if (list.length > PER_IDENTITY) list.shift();
  };

  return {
    add(key: string, subject: string, fingerprint: string): void {
      const entry = byIdentity.get(key) ?? { subjects: [], fingerprints: [] };
      byIdentity.delete(key);
      byIdentity.set(key, entry);
      if (byIdentity.size > MAX_IDENTITIES) byIdentity.delete(byIdentity.keys().next().value!);
      push(entry.subjects, subject);
      push(entry.fingerprints, fingerprint);
    },
    subjects: (key: string) => [...(byIdentity.get(key)?.subjects ?? [])],
    fingerprints: (key: string) => [...(byIdentity.get(key)?.fingerprints ?? [])],
  };
}
