#!/usr/bin/env node
// Entry point of the `news-digest` CLI from source: runs the TypeScript through tsx, so tests
// and `npx news-digest` need no build. `npm start` runs the dist/ bundle instead (built by
// its prestart script, scripts/build.js), without tsx's loader (about 75 MB of RSS).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
