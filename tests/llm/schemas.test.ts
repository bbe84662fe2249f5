import { describe, expect, it } from 'vitest';
import { ANSWER_FORMAT, HEADLINE_FORMAT, jsonSchemaOf, STORY_SUMMARY_FORMAT } from '../../src/llm/schemas.ts';

type Node = { [key: string]: unknown };

function objects(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const n of node) objects(n, out);
  else if (node && typeof node === 'object') {
    const n = node as Node;
    if (n.type === 'object') out.push(n);
    for (const v of Object.values(n)) objects(v, out);
  }
  return out;
}

describe('output schemas', () => {
  it.each([STORY_SUMMARY_FORMAT, HEADLINE_FORMAT, ANSWER_FORMAT])('$name is a strict-mode JSON schema', (format) => {
    const schema = jsonSchemaOf(format.schema);
    expect(schema.$schema).toBeUndefined();
    expect(format.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const text = JSON.stringify(schema);
    expect(text).not.toMatch(/minLength|9007199254740991/);
    for (const obj of objects(schema)) {
      expect(obj.additionalProperties).toBe(false);
      expect([...(obj.required as string[])].sort()).toEqual(Object.keys(obj.properties as Node).sort());
    }
  });

  it('validates what comes back', () => {
    const ok = { summary: ['One.', 'Two.'], quotes: [{ text: 'We will', speaker: null, articleId: 3 }] };
    expect(STORY_SUMMARY_FORMAT.schema.safeParse(ok).success).toBe(true);
    expect(STORY_SUMMARY_FORMAT.schema.safeParse({ ...ok, summary: [] }).success).toBe(false);
    expect(STORY_SUMMARY_FORMAT.schema.safeParse({ ...ok, summary: ['  '] }).success).toBe(false);
    expect(STORY_SUMMARY_FORMAT.schema.safeParse({ ...ok, quotes: [{ text: 'x', speaker: 'A', articleId: 1.5 }] }).success).toBe(false);
    expect(ANSWER_FORMAT.schema.safeParse({ found: false, answer: '', articleIds: [], quotes: [] }).success).toBe(true);
    expect(HEADLINE_FORMAT.schema.safeParse({ headline: 'Two\nlines' }).success).toBe(false);
  });
});
