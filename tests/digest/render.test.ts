import { describe, expect, it } from 'vitest';
import type { Digest, Story } from '../../src/model/digest.ts';
import { DigestSchema } from '../../src/model/digest.ts';
import { TELEGRAM_MESSAGE_LIMIT, renderJson, renderTelegram, renderText, sourceDate, sourceLine, sourceLineHtml } from '../../src/digest/render.ts';
import { visibleLength, visibleText } from '../../src/telegram/html.ts';
import { cutText, truncateText } from '../../src/util/text.ts';

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
    expect(visibleText(message!.html)).toMatch(/nothing about "syria"/);
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
});

describe('source lines', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const wire = { articleId: 1, title: 'Dock strike halts cargo', url: 'https://www.valmorapost.example/strike', outlet: 'Valmora Post', published: '2026-11-27T07:05:00Z', ingested: '2026-11-27T09:00:00Z' };

  it('name the outlet and the publication time', () => {
    expect(sourceLine(wire, now)).toBe('Valmora Post, 27 Nov, 07:05 UTC: https://www.valmorapost.example/strike');
  });

  it('say that an ingest time is one, and "date unknown" only without any time', () => {
    const { published: _, ...unpublished } = wire;
    expect(sourceDate(unpublished, now)).toBe('ingested 27 Nov, 09:00 UTC');
    const { ingested: __, ...undated } = unpublished;
    expect(sourceDate(undated, now)).toBe('date unknown');
  });

  it('name an outlet from the URL when none is stored, and never use the headline as the outlet', () => {
    expect(sourceLine({ articleId: 2, title: 'Headline', url: 'https://www.rt.com/news/1', ingested: '2026-11-27T09:00:00Z' }, now)).toBe(
      'RT, ingested 27 Nov, 09:00 UTC: https://www.rt.com/news/1',
    );
    expect(sourceLine({ articleId: 3, title: 'Headline', published: '2016-09-05T14:12:00Z' }, now)).toBe('unknown outlet, 5 Sep 2016, 14:12 UTC');
  });

  it('show near-duplicate copies as one source, "also: AP, Reuters", each other outlet once and linked in HTML', () => {
    const copy = (articleId: number, outlet: string) => ({ articleId, title: 'Copy', url: `https://${outlet.toLowerCase().replace(/ /g, '')}.example/${articleId}`, outlet, published: '2026-11-27T08:00:00Z' });
    const source = { ...wire, also: [copy(2, 'AP'), copy(3, 'Reuters'), copy(4, 'AP'), copy(5, 'Valmora Post')] };
    expect(sourceLine(source, now)).toBe('Valmora Post, 27 Nov, 07:05 UTC: https://www.valmorapost.example/strike (also: AP, Reuters)');
    expect(String(sourceLineHtml(source, now))).toBe(
      '<a href="https://www.valmorapost.example/strike">Valmora Post</a>, 27 Nov, 07:05 UTC (also: <a href="https://ap.example/2">AP</a>, <a href="https://reuters.example/3">Reuters</a>)',
    );
    expect(String(sourceLineHtml(source, now, { title: true }))).toContain('Valmora Post</a>, 27 Nov, 07:05 UTC: Dock strike halts cargo (also: ');
  });

  it('appear with outlet and date in every digest renderer', () => {
    const { published: _, ...unpublished } = wire;
    const d = digest([story(1, { sources: [unpublished] })]);
    expect(renderText(d)).toContain('- Valmora Post, ingested 27 Nov, 09:00 UTC: https://www.valmorapost.example/strike');
    expect(renderTelegram(d)[0]!.html).toContain('>Valmora Post</a>, ingested 27 Nov, 09:00 UTC');
    expect(JSON.parse(renderJson(d)).stories[0].sources[0]).toMatchObject({ outlet: 'Valmora Post', ingested: '2026-11-27T09:00:00Z' });
  });
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('cutting text by grapheme', () => {
  it('truncateText never leaves half a surrogate pair, a split flag or a letter without its accent', () => {
    const emoji = truncateText('😀'.repeat(3000), 300);
    expect(emoji.endsWith('😀…')).toBe(true);
    expect(LONE_SURROGATE.test(emoji)).toBe(false);
    expect(emoji.length).toBeLessThanOrEqual(300);
    expect(truncateText('🇺🇦🇺🇦🇺🇦', 5)).toBe('🇺🇦…');
    expect(truncateText('e\u0301'.repeat(10), 6)).toBe('e\u0301e\u0301…');
    expect(truncateText('short', 10)).toBe('short');
    expect(truncateText('one two three four five', 20)).toBe('one two three four…');
  });

  it('cutText keeps whole graphemes within a length or a byte budget', () => {
    const bold = '𝐌𝐚𝐱𝐢𝐦𝐢𝐥𝐢𝐚𝐧 𝐖𝐚𝐬𝐡𝐢𝐧𝐠𝐭𝐨𝐧';
    const cut = cutText(`topic:${bold}`, { maxBytes: 64 });
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(64);
    expect(Buffer.byteLength(cut)).toBeGreaterThan(58);
    expect(LONE_SURROGATE.test(cut)).toBe(false);
    expect(cutText('😀'.repeat(150), { max: 199 })).toBe('😀'.repeat(99));
    // A 2-million-character title is cut without segmenting all of it.
    expect(cutText('a'.repeat(2_000_000), { max: 5 })).toBe('aaaaa');
  });

  it('turns half a surrogate pair in a title (a JSON feed can carry one) into U+FFFD', () => {
    const [message] = renderTelegram(digest([story(1, { title: 'ok \ud83d 😀' })]));
    expect(message!.html).toContain('ok \uFFFD 😀');
  });
});

describe('names and titles are capped in every message', () => {
  it('a 4,206-character outlet, title and speaker still give messages within Telegram limits', () => {
    const long = 'World News Network '.repeat(222).slice(0, 4206);
    const hostile = story(1, {
      title: long,
      quotes: [{ text: 'We will stay.', speaker: long, verified: true, articleId: 1 }],
      sources: [{ articleId: 1, title: long, url: 'https://news.example/a', outlet: long, published: '2026-11-27T07:05:00Z' }],
    });
    const messages = renderTelegram(digest([hostile, story(2)]));
    for (const message of messages) {
      expect(visibleLength(message.html)).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      assertValidTelegramHtml(message.html);
    }
    const html = messages.map((m) => m.html).join('\n');
    expect(html).toContain('World News Network');
    expect(html).toContain('Story 2');
    expect(visibleText(html).split('World News Network').length).toBeLessThan(70);
  });
});
