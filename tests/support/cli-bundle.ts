// Vitest global setup: bundles the CLI once per test run, as `npm start` runs it (plain
// JavaScript, no tsx loader), for the e2e tests that start it as a child process. Started
// through tsx, each of those processes spent seconds compiling on a busy machine; the
// bundle starts in about a third of the time. serve's own e2e tests keep starting
// bin/news-digest.js, so the tsx entry point stays covered.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/main.js of this run's bundle. */
    cliBundle: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default function setup(project: TestProject): () => void {
  // Under node_modules, so that the bundle's imports of packages resolve; one folder per run,
  // so that test runs side by side do not overwrite each other's files.
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'news-digest-e2e-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.js'), join(dir, 'dist')], { stdio: 'inherit' });
  // The bundle finds prompts/ next to its dist/ folder, as in the project.
  symlinkSync(resolve(ROOT, 'prompts'), join(dir, 'prompts'));
  project.provide('cliBundle', join(dir, 'dist', 'main.js'));
  return () => rmSync(dir, { recursive: true, force: true });
}
