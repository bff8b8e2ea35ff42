// The configuration reference, generated from the schema itself (its .describe() texts and its defaults), so the
// documentation cannot drift from what start-up accepts. `mailwarden config reference` prints it; the README carries
// it between two markers, and a test keeps that copy current.
import type { z } from 'zod';
import { configSchema } from './schema.js';

interface Row {
  path: string;
  type: string;
  fallback: unknown;
  description: string;
}

type AnySchema = z.ZodType & { description?: string };

function defOf(schema: AnySchema): { type: string; [k: string]: unknown } {
  return (schema as unknown as { _zod: { def: { type: string; [k: string]: unknown } } })._zod.def;
}

/** Peel wrappers (default, prefault, optional, pipe) down to the schema that says what the value is. */
function core(schema: AnySchema): { schema: AnySchema; description: string } {
  let s = schema;
  let description = s.description ?? '';
  for (;;) {
    const def = defOf(s);
    const inner = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as AnySchema | undefined;
    if (!inner) return { schema: s, description };
    s = inner;
    description ||= s.description ?? '';
  }
}

function typeName(schema: AnySchema): string {
  const def = defOf(schema);
  switch (def.type) {
    case 'enum':
      return Object.values(def.entries as Record<string, string>).map((v) => `\`${v}\``).join(' \\| ');
    case 'array':
      return `list of ${typeName(core(def.element as AnySchema).schema)}`;
    case 'record':
      return `map of ${typeName(core(def.valueType as AnySchema).schema)}`;
    case 'union':
      return (def.options as AnySchema[]).map((o) => typeName(core(o).schema)).join(' or ');
    case 'object':
      return 'mapping';
    default:
      return def.type;
  }
}

function walk(schema: AnySchema, path: string[], defaults: unknown, rows: Row[]): void {
  const { schema: s, description } = core(schema);
  const def = defOf(s);
  if (def.type === 'object') {
    if (path.length > 0 && description) rows.push({ path: path.join('.'), type: 'section', fallback: undefined, description });
    for (const [key, child] of Object.entries(def.shape as Record<string, AnySchema>)) {
      walk(child, [...path, key], (defaults as Record<string, unknown> | undefined)?.[key], rows);
    }
    return;
  }
  rows.push({ path: path.join('.'), type: typeName(s), fallback: defaults, description });
}

function cell(value: unknown): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 60 ? `\`${text.slice(0, 57)}...\`` : `\`${text}\``;
}

/** The reference as Markdown: one table row per setting, with its type, default and meaning. */
export function configReference(): string {
  const rows: Row[] = [];
  walk(configSchema as AnySchema, [], configSchema.parse({}), rows);
  const lines = [
    'Generated from `src/config/schema.ts` by `mailwarden config reference`; do not edit by hand. Every setting is',
    'optional. Relative paths (`dataDir`, `storage.sqlitePath`) resolve against the working directory and `dataDir`.',
    '',
    '| setting | type | default | meaning |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| \`${r.path}\` | ${r.type} | ${cell(r.fallback)} | ${r.description.replace(/\|/g, '\\|')} |`),
  ];
  return lines.join('\n') + '\n';
}

const START = '<!-- config-reference:start -->';
const END = '<!-- config-reference:end -->';

/** The README text with the reference placed between its two markers (which must both be there). */
export function spliceReference(readme: string, reference: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README needs the markers ${START} and ${END}`);
  return readme.slice(0, start + START.length) + '\n' + reference + readme.slice(end);
}
