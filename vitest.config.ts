import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each test uses its own queue prefix and database schema, so files could run in parallel; they
    // run one at a time because the load, fault and worker-process tests measure timing on a
    // 2-core machine and would starve each other.
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['test/support/reliability-report.ts'],
  },
});
