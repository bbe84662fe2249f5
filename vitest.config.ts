import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI bundle the e2e tests run as child processes (tests/support/cli-bundle.ts).
    globalSetup: ['tests/support/cli-bundle.ts'],
    // Budgets for a busy machine (several test runs on two cores): a test that needs its
    // own time limit sets it; none asserts on wall time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests start local servers and child processes; two cores do not gain from more workers.
    maxWorkers: 2,
  },
});
