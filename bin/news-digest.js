#!/usr/bin/env node
// Entry point of the `news-digest` CLI: runs the TypeScript sources through tsx,
// so there is no build step between `npm ci` and `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
