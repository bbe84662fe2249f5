// LLM prompts live in prompts/*.txt as text with named placeholders ({{title}}). Each file
// has a [system] and a [user] section. They are loaded and checked once at start: a prompt
// that uses a placeholder we do not fill, or lacks one we do, is an error then, not at the
// first request.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export class PromptError extends Error {}

/** The prompts and the placeholders each must use (all of them, and no others). */
export const PROMPT_PLACEHOLDERS = {
  'story-summary': ['title', 'articles'],
  'digest-headline': ['topic', 'stories'],
  'follow-up-answer': ['question', 'passages', 'not_found'],
} as const;

export type PromptName = keyof typeof PROMPT_PLACEHOLDERS;
export type PromptValues<N extends PromptName> = Record<(typeof PROMPT_PLACEHOLDERS)[N][number], string>;

export interface PromptTemplate {
  name: string;
  system: string;
  user: string;
  placeholders: readonly string[];
  /** Changes when the prompt text changes; part of the LLM cache key. */
  hash: string;
}

export interface RenderedPrompt {
  system: string;
  user: string;
}

export type Prompts = { [N in PromptName]: PromptTemplate };

const here = dirname(fileURLToPath(import.meta.url));
// prompts/ at the project root: two levels up from src/llm, one up from the dist/ bundle.
export const DEFAULT_PROMPTS_DIR = resolve(here, basename(here) === 'dist' ? '..' : '../..', 'prompts');

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names a template uses, each once, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Fills every {{name}} in one pass (a value that itself contains "{{x}}" is inserted as is).
 * A placeholder without a value, or a value without a placeholder, is an error.
 */
export function renderTemplate(template: string, values: Record<string, string>, label = 'prompt'): string {
  const used = placeholdersOf(template);
  const missing = used.filter((name) => !Object.hasOwn(values, name) || typeof values[name] !== 'string');
  if (missing.length) throw new PromptError(`${label}: no value for placeholder ${missing.map((m) => `{{${m}}}`).join(', ')}`);
  const unknown = Object.keys(values).filter((name) => !used.includes(name));
  if (unknown.length) throw new PromptError(`${label}: unknown placeholder ${unknown.map((m) => `{{${m}}}`).join(', ')}`);
  return template.replace(PLACEHOLDER, (_, name: string) => values[name]!);
}

/** Splits a prompt file into its [system] and [user] sections. */
export function parsePrompt(name: string, text: string, placeholders: readonly string[]): PromptTemplate {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const header = /^\[(system|user)\]\s*$/.exec(line);
    if (header) {
      if (sections.has(header[1]!)) throw new PromptError(`prompt ${name}: section [${header[1]}] appears twice`);
      current = [];
      sections.set(header[1]!, current);
    } else if (current) {
      current.push(line);
    } else if (line.trim()) {
      throw new PromptError(`prompt ${name}: text before the [system] section`);
    }
  }
  const system = sections.get('system')?.join('\n').trim();
  const user = sections.get('user')?.join('\n').trim();
  if (!system || !user) throw new PromptError(`prompt ${name}: needs a [system] and a [user] section`);
  const used = placeholdersOf(`${system}\n${user}`);
  const unknown = used.filter((p) => !placeholders.includes(p));
  if (unknown.length) throw new PromptError(`prompt ${name}: unknown placeholder ${unknown.map((p) => `{{${p}}}`).join(', ')} (expected ${placeholders.map((p) => `{{${p}}}`).join(', ')})`);
  const absent = placeholders.filter((p) => !used.includes(p));
  if (absent.length) throw new PromptError(`prompt ${name}: missing placeholder ${absent.map((p) => `{{${p}}}`).join(', ')}`);
  const hash = createHash('sha256').update(`${system}\u0000${user}`).digest('hex').slice(0, 16);
  return { name, system, user, placeholders, hash };
}

export function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): Prompts {
  const out = {} as Record<PromptName, PromptTemplate>;
  for (const [name, placeholders] of Object.entries(PROMPT_PLACEHOLDERS) as [PromptName, readonly string[]][]) {
    const path = join(dir, `${name}.txt`);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new PromptError(`prompt ${name}: cannot read ${path}: ${(error as Error).message}`);
    }
    out[name] = parsePrompt(name, text, placeholders);
  }
  return out;
}

/** Fills a prompt's system and user parts; every declared placeholder needs a value, no others allowed. */
export function renderPrompt<N extends PromptName>(prompt: PromptTemplate, values: PromptValues<N>): RenderedPrompt {
  const all = values as Record<string, string>;
  const unknown = Object.keys(all).filter((k) => !prompt.placeholders.includes(k));
  if (unknown.length) throw new PromptError(`prompt ${prompt.name}: unknown placeholder ${unknown.map((p) => `{{${p}}}`).join(', ')}`);
  const pick = (part: string) => Object.fromEntries(placeholdersOf(part).map((p) => [p, all[p]!]).filter(([, v]) => v !== undefined));
  const missing = prompt.placeholders.filter((p) => typeof all[p] !== 'string');
  if (missing.length) throw new PromptError(`prompt ${prompt.name}: no value for placeholder ${missing.map((p) => `{{${p}}}`).join(', ')}`);
  return {
    system: renderTemplate(prompt.system, pick(prompt.system), `prompt ${prompt.name}`),
    user: renderTemplate(prompt.user, pick(prompt.user), `prompt ${prompt.name}`),
  };
}
