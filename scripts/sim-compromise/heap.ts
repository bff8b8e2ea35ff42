// A binary min-heap of timed events: the simulation pops mail in time order and pushes deferred mail back later.
export interface Timed {
  at: number;
  seq: number;
}

export function createHeap<T extends Timed>() {
  const items: T[] = [];
  const less = (a: T, b: T) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
  const swap = (i: number, j: number) => ([items[i], items[j]] = [items[j]!, items[i]!]);
  return {
    get size() {
      return items.length;
    },
    push(item: T): void {
      items.push(item);
      for (let i = items.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!less(items[i]!, items[parent]!)) break;
        swap(i, parent);
        i = parent;
      }
    },
    pop(): T | undefined {
      const top = items[0];
      const last = items.pop();
      if (items.length > 0 && last) {
        items[0] = last;
        for (let i = 0; ; ) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < items.length && less(items[l]!, items[m]!)) m = l;
          if (r < items.length && less(items[r]!, items[m]!)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      return top;
    },
    peek: (): T | undefined => items[0],
  };
}
