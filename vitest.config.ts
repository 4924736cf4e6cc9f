import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Service tests share one Redis and one PostgreSQL; files run in parallel but each test uses
    // its own queue prefix and database schema.
    pool: 'forks',
    reporters: ['default'],
    globalSetup: ['test/support/reliability-report.ts'],
  },
});
