import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../src/model.ts';
import {
  findVerbatim,
  keepSentencesWithVerbatimQuotations,
  normaliseForMatch,
  quotationsIn,
  verifyQuotes,
} from '../../src/llm/verify.ts';

function article(id: number, text: string, quotes: { start: number; end: number; speaker: string | null }[] = []): StoredArticle {
  return {
    id,
    title: 'Talks',
    text,
    sourceId: null,
    canonicalUrl: null,
    ingestedAt: '2026-01-01T00:00:00Z',
    fingerprint: '',
    nearDuplicateOf: null,
    analysis: {
      sentences: [],
      summary: [],
      quotes: quotes.map((q) => ({ ...q, text: text.slice(q.start, q.end), verified: true, fragment: false })),
    },
  };
}

const TEXT = 'The minister spoke late.\n“We could, at least for a period of time,   agree on mutual efforts,” Sergey Lavrov said. He added: ‘it’s done’.';
const a = article(7, TEXT, [{ start: TEXT.indexOf('We could'), end: TEXT.indexOf(',” Sergey') + 1, speaker: 'Sergey Lavrov' }]);

describe('normaliseForMatch', () => {
  it('unifies quote marks, collapses whitespace, lowers case, and maps back to the original', () => {
    const n = normaliseForMatch('  “Hello”\n\n  World’s ');
    expect(n.text).toBe('"hello" world\'s');
    expect(n.from[0]).toBe(2);
    expect(n.to[n.text.length - 1]).toBe(20);
  });
});

describe('verifyQuotes', () => {
  const sent = new Set([7]);
  const byId = new Map([[7, a]]);

  it('keeps a quote that differs only in quote marks, whitespace and case, with the article’s exact text', () => {
    const out = verifyQuotes([{ text: '"we could, at least for a period of time, agree on mutual efforts."', speaker: 'Sergey Lavrov', articleId: 7 }], byId, sent);
    expect(out.dropped).toEqual([]);
    expect(out.quotes).toEqual([{ text: 'We could, at least for a period of time,   agree on mutual efforts', speaker: 'Sergey Lavrov', verified: true, articleId: 7 }]);
    expect(TEXT).toContain(out.quotes[0]!.text);
  });

  it('matches curly apostrophes against straight ones', () => {
    const out = verifyQuotes([{ text: "He added: 'it's done'", speaker: null, articleId: 7 }], byId, sent);
    // Quote marks at the edges are not part of a quote.
    expect(out.quotes[0]?.text).toBe('He added: ‘it’s done');
  });

  it('drops an invented quote, one cited to an article not sent, and one too short to mean anything', () => {
    const out = verifyQuotes(
      [
        { text: 'We will win this war', speaker: 'Sergey Lavrov', articleId: 7 },
        { text: 'We could, at least for a period of time', speaker: 'Sergey Lavrov', articleId: 8 },
        { text: 'minister spoke', speaker: null, articleId: 7 },
        { text: 'We could, at least for a period ... mutual efforts', speaker: 'Sergey Lavrov', articleId: 7 },
      ],
      new Map([[7, a], [8, article(8, 'Other text entirely.')]]),
      sent,
    );
    expect(out.quotes).toEqual([]);
    expect(out.dropped.map((d) => d.reason)).toEqual(['not-verbatim', 'unknown-article', 'too-short', 'not-verbatim']);
  });

  it('replaces a speaker the article does not name with the analyser’s, else null', () => {
    const out = verifyQuotes([{ text: 'at least for a period of time', speaker: 'John Kerry', articleId: 7 }], byId, sent);
    expect(out.quotes[0]!.speaker).toBe('Sergey Lavrov');
    expect(out.speakersCorrected).toBe(1);
    const none = verifyQuotes([{ text: 'The minister spoke late', speaker: 'Joe Bloggs', articleId: 7 }], byId, sent);
    expect(none.quotes[0]!.speaker).toBeNull();
  });

  it('keeps each quote once', () => {
    const q = { text: 'agree on mutual efforts', speaker: 'Lavrov', articleId: 7 };
    expect(verifyQuotes([q, { ...q, text: 'Agree on mutual efforts.' }], byId, sent).quotes).toHaveLength(1);
  });
});

describe('quotations inside the model’s own sentences', () => {
  it('finds double-quoted and curly single-quoted words, not apostrophes', () => {
    expect(quotationsIn('Putin said the talks were "constructive" and ‘going well’, and Obama’s aides agreed.')).toEqual(['constructive', 'going well']);
  });

  it('keeps sentences whose quotations are verbatim and drops the others', () => {
    const out = keepSentencesWithVerbatimQuotations(
      ['Lavrov said they could "agree on mutual efforts".', 'Lavrov said "we will win".', 'No quotes here.'],
      [TEXT],
    );
    expect(out.kept).toEqual(['Lavrov said they could "agree on mutual efforts".', 'No quotes here.']);
    expect(out.dropped).toEqual(['Lavrov said "we will win".']);
  });

  it('findVerbatim gives original offsets', () => {
    const span = findVerbatim('AT LEAST for a period', TEXT)!;
    expect(TEXT.slice(span.start, span.end)).toBe('at least for a period');
  });
});
