// The README's playground demo, run as a user runs it: the shell block from README.md, with its
// here-doc piped into `npm run playground`, on a fresh database.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { outputOf, type ProcessResult } from './process-output.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nd-playground-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readmeDemo(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes("npm run playground <<'EOF'"));
  if (!block) throw new Error("README.md has no ```sh block with npm run playground <<'EOF'");
  return block;
}

function runShell(script: string, env: Record<string, string>): Promise<ProcessResult> {
  return outputOf(spawn('sh', ['-c', script], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** The transcript as turns: what the user typed and everything the bot answered before the next line. */
function turns(transcript: string): { input: string; replies: string }[] {
  return transcript
    .split('\nyou › ')
    .slice(1)
    .map((turn) => ({ input: turn.slice(0, turn.indexOf('\n')), replies: turn.slice(turn.indexOf('\n')) }));
}

describe('the playground demo in the README', () => {
  it('answers every line of the here-doc in order, in plain text, and exits at the end of the input', async () => {
    const script = readmeDemo();
    const lines = script.slice(script.indexOf("<<'EOF'\n") + 8, script.lastIndexOf('EOF')).trim().split('\n');
    const sourcesFile = join(ROOT, 'sources.json');
    const result = await runShell(script, { DATABASE_PATH: join(dir, 'demo.db'), SOURCES_FILE: sourcesFile, LOG_LEVEL: 'warn', NPM_CONFIG_UPDATE_NOTIFIER: 'false' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/\x1b\[/);

    const said = turns(result.stdout);
    expect(said.map((t) => t.input)).toEqual(lines);
    for (const turn of said) expect(turn.replies).toContain('bot ›');
    const [, summary, answer, sources] = said;
    // The story's headline in bold with its entity decoded, its source as `text <url>`.
    expect(summary!.replies).toMatch(/\*[^*\n]*Russia & US may reach agreement on Syria[^*\n]*\*/);
    expect(summary!.replies).toContain('RT <https://www.rt.com/news/358263-putin-obama-syria/>');
    expect(answer!.replies).toContain('sanctions');
    // The default sources, in a database no `serve` or `sources` command has opened.
    const defaults = (JSON.parse(readFileSync(sourcesFile, 'utf8')) as { sources: { name: string }[] }).sources;
    for (const source of defaults) expect(sources!.replies).toContain(source.name);
  }, 180_000);
});
