// tsc compiles only TypeScript: copy the data files the built code reads at run time (reply rules) next to it.
import { cpSync } from 'node:fs';

cpSync('src/classify/rules', 'dist/classify/rules', { recursive: true, filter: (src) => !src.endsWith('.ts') });
