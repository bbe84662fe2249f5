import { describe, expect, it } from 'vitest';
import type { Digest, Story } from '../../src/digest/model.ts';
import { DigestSchema } from '../../src/digest/model.ts';
import { TELEGRAM_MESSAGE_LIMIT, escapeHtml, renderTelegram, renderText, visibleLength } from '../../src/digest/render.ts';

function story(i: number, extra: Partial<Story> = {}): Story {
  return {
    id: `s${i}`,
    title: `Story ${i} <b>bold</b> & "quoted"`,
    summary: [`First sentence of story ${i} with a < sign & an ampersand.`, `Second sentence ${'word '.repeat(60)}`],
    quotes: [{ text: `We will <not> stop & never give up ${i},`, speaker: 'Jane Doe', verified: true, articleId: i }],
    sources: [{ articleId: i, title: `Source ${i}`, url: `https://news.example/a?id=${i}&x="1"`, outlet: 'Example <News>', published: '2026-11-27T07:05:00Z' }],
    updated: '2026-11-27T07:05:00Z',
    ...extra,
  };
}

function digest(stories: Story[], topic: string | null = 'syria'): Digest {
  return DigestSchema.parse({ topic, since: '2026-11-26T12:00:00Z', generatedAt: '2026-11-27T12:00:00Z', stories });
}

/** Tags must nest and close; only Telegram's tags; no raw < or & outside tags/entities. */
function assertValidTelegramHtml(html: string): void {
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z-]+)([^>]*)>|&(#?\w+);|[<>]/g)) {
    if (match[0] === '<' || match[0] === '>') throw new Error(`raw ${match[0]} in ${html.slice(0, 80)}`);
    if (match[4] !== undefined) {
      expect(['lt', 'gt', 'amp', 'quot']).toContain(match[4]);
      continue;
    }
    const [, closing, tag] = match;
    expect(['b', 'i', 'a', 'u', 's', 'code', 'pre', 'blockquote']).toContain(tag);
    if (closing) expect(stack.pop()).toBe(tag);
    else stack.push(tag!);
  }
  expect(stack).toEqual([]);
}

describe('renderTelegram', () => {
  it('escapes <, > and & everywhere and uses only allowed tags', () => {
    const [message] = renderTelegram(digest([story(1)], 'syria <script>'));
    assertValidTelegramHtml(message!.html);
    expect(message!.html).toContain('Story 1 &lt;b&gt;bold&lt;/b&gt; &amp;');
    expect(message!.html).toContain('href="https://news.example/a?id=1&amp;x=%221%22"');
    expect(message!.html).toContain('syria &lt;script&gt;');
    expect(message!.html).toContain('— Jane Doe');
  });

  it('splits a 20-story digest between stories into messages of at most 4096 characters', () => {
    const stories = Array.from({ length: 20 }, (_, i) => story(i + 1));
    const messages = renderTelegram(digest(stories));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(visibleLength(m.html)).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      assertValidTelegramHtml(m.html);
      expect(m.keyboard).toHaveLength(m.storyIds.length);
    }
    expect(messages.flatMap((m) => m.storyIds)).toEqual(stories.map((s) => s.id));
    for (const row of messages.flatMap((m) => m.keyboard)) for (const b of row) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  });

  it('shortens a single story too long for one message instead of breaking a tag', () => {
    const huge = story(1, { summary: ['x'.repeat(3000), 'y'.repeat(3000)], title: 'T'.repeat(5000) });
    const messages = renderTelegram(digest([huge]));
    expect(messages).toHaveLength(1);
    expect(visibleLength(messages[0]!.html)).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    assertValidTelegramHtml(messages[0]!.html);
  });

  it('never sends an empty message: nothing found says so, with suggestions', () => {
    const empty = { ...digest([]), suggestions: ['Syria', 'G20'] };
    const [message] = renderTelegram(empty);
    expect(message!.html).toMatch(/nothing about "syria"/);
    expect(message!.html).toContain('Syria, G20');
  });
});

describe('renderText', () => {
  it('prints title, summary, quotes with speakers and sources', () => {
    const text = renderText(digest([story(1)]));
    expect(text).toContain('1. Story 1 <b>bold</b>');
    expect(text).toContain('“We will <not> stop & never give up 1” — Jane Doe');
    expect(text).toContain('Example <News>, 27 Nov, 07:05 UTC: https://news.example/a?id=1&x="1"');
  });
  it('escapeHtml leaves quotes alone in text', () => expect(escapeHtml(`a "b" <c> & d`)).toBe('a "b" &lt;c&gt; &amp; d'));
});
