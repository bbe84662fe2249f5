// Runs the real CLI as a child process, as a user would: the bundle `npm start` runs, built
// once per test run (tests/support/cli-bundle.ts).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { outputOf, type ProcessResult } from '../support/process-output.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEED = fileURLToPath(new URL('../fixtures/rt-2016-09-05-putin-obama-syria.txt', import.meta.url));
/** The CLI's entry point to start with `node`. */
export const CLI = inject('cliBundle');

export type CliResult = ProcessResult;

/** `input`, when given, is written to the command's standard input. */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string | Buffer): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: PROJECT_ROOT,
    // A clean environment: no .env or developer settings leak into the test.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', SOURCES_FILE: '/nonexistent/sources.json', ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin!.end(input);
  return outputOf(child);
}
