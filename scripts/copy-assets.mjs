// tsc compiles only TypeScript: copy the data files the built code reads at run time (reply rules) next to it,
// then check the rules and keep their parsed contents, so that start-up need not parse YAML (src/classify/ruleset.ts).
import { cpSync } from 'node:fs';

cpSync('src/classify/rules', 'dist/classify/rules', { recursive: true, filter: (src) => !src.endsWith('.ts') && !src.endsWith('.compiled.json') });
const { writeRuleCache } = await import('../dist/classify/ruleset.js');
writeRuleCache('dist/classify/rules');
