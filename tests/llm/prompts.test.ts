import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROMPTS_DIR,
  loadPrompts,
  parsePrompt,
  placeholdersOf,
  PROMPT_PLACEHOLDERS,
  PromptError,
  renderPrompt,
  renderTemplate,
  type PromptName,
} from '../../src/llm/prompts.ts';

const prompts = loadPrompts();
const names = Object.keys(PROMPT_PLACEHOLDERS) as PromptName[];

function filled(name: PromptName): Record<string, string> {
  return Object.fromEntries(PROMPT_PLACEHOLDERS[name].map((p) => [p, `<<value of ${p}>>`]));
}

describe('prompts', () => {
  it('loads the three prompts from prompts/', () => {
    expect(Object.keys(prompts).sort()).toEqual(['digest-headline', 'follow-up-answer', 'story-summary']);
    for (const name of names) expect(prompts[name].hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each(names)('%s renders with every placeholder filled, none left over', (name) => {
    const values = filled(name);
    const rendered = renderPrompt(prompts[name], values as never);
    const all = `${rendered.system}\n${rendered.user}`;
    expect(all).not.toMatch(/\{\{/);
    for (const value of Object.values(values)) expect(all).toContain(value);
  });

  it.each(names)('%s: a missing or an unknown placeholder value is an error', (name) => {
    const values = filled(name);
    const first = PROMPT_PLACEHOLDERS[name][0];
    const { [first]: _dropped, ...missing } = values;
    expect(() => renderPrompt(prompts[name], missing as never)).toThrow(PromptError);
    expect(() => renderPrompt(prompts[name], missing as never)).toThrow(/no value for placeholder \{\{/);
    expect(() => renderPrompt(prompts[name], { ...values, surprise: 'x' } as never)).toThrow(/unknown placeholder \{\{surprise\}\}/);
  });

  it('tells the model to quote only verbatim text and to name speakers as the article does', () => {
    for (const name of ['story-summary', 'follow-up-answer'] as const) {
      const system = prompts[name].system;
      expect(system).toMatch(/character for character/);
      expect(system).toMatch(/speaker/i);
      expect(system).toMatch(/Never guess a name/);
    }
    expect(prompts['digest-headline'].system).toMatch(/Do not invent/);
  });

  it('inserts values as they are: a value holding "{{title}}" is not filled again', () => {
    expect(renderTemplate('A {{x}} B {{y}}', { x: '{{y}}', y: 'why' })).toBe('A {{y}} B why');
  });

  it('a prompt file with an unknown or a missing placeholder is refused at load', () => {
    expect(() => parsePrompt('t', '[system]\nHi {{title}} {{bogus}}\n[user]\n{{articles}}', ['title', 'articles'])).toThrow(/unknown placeholder \{\{bogus\}\}/);
    expect(() => parsePrompt('t', '[system]\nHi\n[user]\n{{articles}}', ['title', 'articles'])).toThrow(/missing placeholder \{\{title\}\}/);
    expect(() => parsePrompt('t', 'no sections {{title}}', ['title'])).toThrow(PromptError);
    expect(() => parsePrompt('t', '[system]\nonly system {{title}}', ['title'])).toThrow(/\[user\]/);

    const dir = mkdtempSync(join(tmpdir(), 'nd-prompts-'));
    try {
      for (const name of names) writeFileSync(join(dir, `${name}.txt`), readFileSync(join(DEFAULT_PROMPTS_DIR, `${name}.txt`), 'utf8'));
      expect(() => loadPrompts(dir)).not.toThrow();
      writeFileSync(join(dir, 'story-summary.txt'), '[system]\nSummarise {{headline}}.\n[user]\n{{articles}}');
      expect(() => loadPrompts(dir)).toThrow(/story-summary: unknown placeholder \{\{headline\}\}/);
      rmSync(join(dir, 'digest-headline.txt'));
      writeFileSync(join(dir, 'story-summary.txt'), readFileSync(join(DEFAULT_PROMPTS_DIR, 'story-summary.txt'), 'utf8'));
      expect(() => loadPrompts(dir)).toThrow(/digest-headline: cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists placeholders once each, spaces inside braces allowed', () => {
    expect(placeholdersOf('{{a}} {{ b }} {{a}}')).toEqual(['a', 'b']);
  });
});
