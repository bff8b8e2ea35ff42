// The import graph agrees with docs/architecture.md: every module of src/ sits on a layer, and a module imports only
// from layers below its own (or from itself), so no arrow runs back up the stages; and no file imports itself back
// through a cycle. Imports are read with a regex over the sources (static `from '...'` and dynamic `import('...')`);
// only relative imports matter, packages are no part of the graph.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Lowest first. The same table is drawn in docs/architecture.md. */
const LAYERS: readonly (readonly string[])[] = [
  ['shared', 'store', 'config', 'types'],
  ['classify', 'identify', 'mtasts', 'dane'],
  ['bounce', 'queue', 'inspect', 'routes', 'dkim'],
  ['reputation'],
  ['learn'],
  ['accounts', 'decide'],
  ['accept', 'deliver'],
  ['feedback'],
  ['operate'],
  ['relay'],
  ['demo'],
  ['cli'],
];
const layerOf = new Map(LAYERS.flatMap((modules, layer) => modules.map((m) => [m, layer] as const)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const IMPORT = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g;

/** File (relative to src, .ts) -> the files it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) =>
      relative(SRC, resolve(dirname(file), m[1]!)).replace(/\.js$/, '.ts'));
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

/** A file's module: its first folder under src, or the file's own name for a file at the top (relay.ts). */
const moduleOf = (file: string) => file.split('/')[0]!.replace(/\.d\.ts$|\.ts$/, '');

describe('architecture', () => {
  const graph = importGraph();

  it('places every module of src/ on a layer', () => {
    const unplaced = [...new Set([...graph.keys()].map(moduleOf))].filter((m) => !layerOf.has(m));
    expect(unplaced).toEqual([]);
  });

  it('imports only downwards: no module imports one on its own layer or above', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = moduleOf(file);
      for (const target of targets) {
        const to = moduleOf(target);
        if (to !== from && layerOf.get(to)! >= layerOf.get(from)!) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') return void cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
      state.set(file, 'open');
      for (const t of graph.get(file) ?? []) visit(t, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('sees the imports it checks (the regex is not silently matching nothing)', () => {
    expect(graph.get('relay.ts')).toEqual(expect.arrayContaining(['accept/index.ts', 'decide/relay-policy.ts', 'queue/sqlite-store.ts']));
    expect(graph.get('cli/commands/index.ts')!.length).toBeGreaterThan(5); // the commands' dynamic imports
  });
});
