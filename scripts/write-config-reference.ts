// Writes the generated configuration reference into README.md between its two markers. Run it (npm run docs:config)
// after changing src/config/schema.ts; test/config-reference-is-current.test.ts fails until it has been run.
import { readFileSync, writeFileSync } from 'node:fs';
import { configReference, spliceReference } from '../src/config/reference.js';

const file = new URL('../README.md', import.meta.url);
writeFileSync(file, spliceReference(readFileSync(file, 'utf8'), configReference()));
