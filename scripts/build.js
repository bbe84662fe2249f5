#!/usr/bin/env node
// Bundles the CLI into dist/ (plain ESM JavaScript, packages left in node_modules) so that
// `npm start` runs without tsx's loader hooks (about 75 MB of RSS). Run by `prestart`, so it
// is never stale; `npx news-digest` keeps running the sources through tsx.
// `node scripts/build.js OUTDIR` bundles into another folder named dist (the e2e tests build
// their own, once per run: tests/support/cli-bundle.ts); it must sit where node_modules is found.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
// The ingest worker thread is started by URL: './prepare-worker.js' next to the code that spawns it.
// word-vectors.js is run below, once the bundle is written.
const entryPoints = { main: 'src/main.ts', 'prepare-worker': 'src/ingest/prepare-worker.ts', 'word-vectors': 'src/nlp/word-vectors.ts' };

const { metafile } = await build({
  absWorkingDir: root,
  entryPoints,
  outdir: dist,
  bundle: true,
  // Without chunks, esbuild hoists every package import to the top of main.js and the
  // lazy `import()`s (commands, the LLM client, ...) would load everything at start.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Node 20 reads Unicode-property patterns (/\p{Lu}/u) itself; without this esbuild rewrites each
  // one written inside a function as `new RegExp(...)`, a new pattern compiled on every call.
  supported: { 'regexp-unicode-property-escapes': true },
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
});

// Chunk names carry a content hash: drop those of earlier builds (after writing the new ones,
// so a process starting meanwhile never finds dist/ half empty).
const outputs = new Set(Object.keys(metafile.outputs).map((file) => resolve(root, file)));
for (const file of readdirSync(dist)) {
  if (!outputs.has(join(dist, file))) rmSync(join(dist, file), { recursive: true, force: true });
}

// The word vectors' cache (node_modules/.cache, about 2 s the first time after an install, then a
// no-op): built here, so that neither `serve` at start nor a Docker container, whose code is
// read-only, has to convert the package's JSON.
const { wordVectors } = await import(pathToFileURL(join(dist, 'word-vectors.js')).href);
wordVectors();
