import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI bundle the e2e tests run as child processes (tests/support/cli-bundle.ts).
    globalSetup: ['tests/support/cli-bundle.ts'],
    // Budgets for a busy machine (several test runs on two cores): a test that needs its
    // own time limit sets it; none asserts on wall time. The first PostgreSQL (PGlite) store of
    // a test file starts a WASM PostgreSQL: about a second on a quiet machine, up to a minute
    // seen at load 17, hence the room.
    testTimeout: 150_000,
    hookTimeout: 150_000,
    // Tests start local servers and child processes; two cores do not gain from more workers.
    maxWorkers: 2,
  },
});
