// The nearest valid key for a misspelt one: the keys the schema allows at that path, by edit distance.
import type { z } from 'zod';

/** Unwrap defaults, optionals and the like down to the schema that has the shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema as unknown as { _zod: { def: { innerType?: z.ZodType; in?: z.ZodType; type: string } } };
  for (let i = 0; i < 10 && (s._zod.def.innerType || s._zod.def.in); i++) {
    s = (s._zod.def.innerType ?? s._zod.def.in) as unknown as typeof s;
  }
  return s as unknown as z.ZodType;
}

function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node = unwrap(schema) as unknown as { shape?: Record<string, z.ZodType>; _zod: { def: { type: string; valueType?: z.ZodType } } };
  for (const key of path) {
    if (node.shape) node = unwrap(node.shape[String(key)]!) as unknown as typeof node;
    else if (node._zod.def.valueType) node = unwrap(node._zod.def.valueType) as unknown as typeof node; // a record: any key
    else return [];
    if (!node) return [];
  }
  return node.shape ? Object.keys(node.shape) : [];
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The allowed key at `path` closest to `key`, when it is close enough to be a typo (at most a third of it differs). */
export function nearestKey(schema: z.ZodType, path: readonly PropertyKey[], key: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of keysAt(schema, path)) {
    const d = distance(key, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.ceil(key.length / 3)) ? best : null;
}
