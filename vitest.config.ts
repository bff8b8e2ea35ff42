import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (src/**/*.test.ts); scenario tests over real sockets live in test/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'eval/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Scenario tests bind loopback ports and spawn processes: a small pool keeps a 2-core machine responsive.
    pool: 'forks',
    maxWorkers: 2,
    // The default reporter for people, plus one plain closing line ("N passed, N failed, N skipped") that CI reads.
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
