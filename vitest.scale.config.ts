import { defineConfig } from 'vitest/config';

// `npm run test:scale`: the several-instance test on a throwaway PostgreSQL server
// (tests/scale/), not part of `npm test` (it needs Debian's postgresql package and minutes).
export default defineConfig({
  test: {
    include: ['tests/scale/**/*.scale.ts'],
    // The `serve` instances run the CLI bundle, as `npm start` does.
    globalSetup: ['tests/support/cli-bundle.ts'],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    maxWorkers: 1,
  },
});
