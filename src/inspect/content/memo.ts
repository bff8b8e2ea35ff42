// A function's answers kept per input string, forgotten all at once when the table is full: the content rules read
// the same few thousand words and domains again and again, and the answer for one depends on nothing else; a
// stranger's endless random inputs cost memory only up to the bound.
export function boundedMemo<V>(max: number, compute: (key: string) => V): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key)!;
    if (kept.size >= max) kept.clear();
    const value = compute(key);
    kept.set(key, value);
    return value;
  };
}
