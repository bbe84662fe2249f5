import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentenceSpans, splitSentences } from '../../src/nlp/sentences.ts';

const seed = readFileSync(new URL('../fixtures/rt-2016-09-05-putin-obama-syria.txt', import.meta.url), 'utf8');

describe('splitSentences: abbreviations, initials, numbers', () => {
  it.each([
    ['Mr. Smith met Dr. Jones and Mrs. Lee. They talked.', ['Mr. Smith met Dr. Jones and Mrs. Lee.', 'They talked.']],
    ['Gen. Mattis, Sen. Warren, Rep. Ryan and Gov. Brown met at St. Paul. It went well.', ['Gen. Mattis, Sen. Warren, Rep. Ryan and Gov. Brown met at St. Paul.', 'It went well.']],
    ['George W. Bush and J.K. Rowling met. It was brief.', ['George W. Bush and J.K. Rowling met.', 'It was brief.']],
    ['U.S. officials and U.N. envoys met U.K. ministers. Nothing was agreed.', ['U.S. officials and U.N. envoys met U.K. ministers.', 'Nothing was agreed.']],
    ['The talks took place in the U.S. The next round is in Geneva.', ['The talks took place in the U.S.', 'The next round is in Geneva.']],
    ['Growth was 3.5% and the deal is worth $1.2 billion. Shares rose.', ['Growth was 3.5% and the deal is worth $1.2 billion.', 'Shares rose.']],
    ['The vote is at 10 a.m. Monday, Jan. 5, at No. 10 Downing St. in London. Results follow.', ['The vote is at 10 a.m. Monday, Jan. 5, at No. 10 Downing St. in London.', 'Results follow.']],
    ['Fruit, e.g. apples, i.e. not pears, vs. vegetables. Next.', ['Fruit, e.g. apples, i.e. not pears, vs. vegetables.', 'Next.']],
    ['He joined Acme Inc. in May and Widget Corp. later. He left.', ['He joined Acme Inc. in May and Widget Corp. later.', 'He left.']],
    ['He sold it to Apple Inc. The price was secret.', ['He sold it to Apple Inc.', 'The price was secret.']],
  ])('%s', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });
});

describe('splitSentences: punctuation, quotes, brackets, links', () => {
  it('splits after ellipses, questions and exclamations only before a capital', () => {
    expect(splitSentences('He waited... Then he left. Why? Nobody knows! "Really?" she asked.')).toEqual([
      'He waited...',
      'Then he left.',
      'Why?',
      'Nobody knows!',
      '"Really?" she asked.',
    ]);
  });

  it('keeps a quotation that ends a sentence inside the quote together with its attribution', () => {
    expect(splitSentences('"I think we have reached mutual understanding," he told reporters. Then he left.')).toEqual([
      '"I think we have reached mutual understanding," he told reporters.',
      'Then he left.',
    ]);
  });

  it('does not split inside a multi-sentence quotation, so no sentence starts mid-quote', () => {
    const text = '"It was mainly the two of us. I think we have reached mutual understanding," he told reporters. Talks go on.';
    expect(splitSentences(text)).toEqual([
      '"It was mainly the two of us. I think we have reached mutual understanding," he told reporters.',
      'Talks go on.',
    ]);
  });

  it('splits after a closing quote when a new sentence follows', () => {
    expect(splitSentences('He said it was "a success." The markets agreed.')).toEqual(['He said it was "a success."', 'The markets agreed.']);
  });

  it('handles single-quoted quotations that run on without a closing mark (flattened paragraphs)', () => {
    const text = "Illfield said: 'Jarryd is gifted. He is an athlete. 'His deal will help us.' Illfield invited him.";
    expect(splitSentences(text)).toEqual(["Illfield said: 'Jarryd is gifted.", 'He is an athlete.', "'His deal will help us.'", 'Illfield invited him.']);
  });

  it('keeps apostrophes and plural possessives from opening quotations', () => {
    expect(splitSentences("The nations' leaders don't agree. Talks resume.")).toEqual(["The nations' leaders don't agree.", 'Talks resume.']);
  });

  it('keeps bracketed insertions, URLs and e-mail addresses inside their sentence', () => {
    expect(
      splitSentences('"[M]y instructions were clear," he said. See https://example.com/a.b?c=d or write to a.b@example.org. Thanks.'),
    ).toEqual(['"[M]y instructions were clear," he said.', 'See https://example.com/a.b?c=d or write to a.b@example.org.', 'Thanks.']);
  });

  it('treats tokenised " ." endings (CNN/DailyMail) as sentence ends', () => {
    expect(splitSentences('By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . The bishop fell ill.')).toEqual([
      'By .',
      'Associated Press .',
      'PUBLISHED: .',
      '14:11 EST, 25 October 2013 .',
      'The bishop fell ill.',
    ]);
  });
});

describe('splitSentences: lines', () => {
  it('keeps a sub-heading or line without final punctuation as its own unit', () => {
    expect(splitSentences('Talks resume\nThe two sides met on Monday. They agreed.\n\nWhat comes next\nNobody knows.')).toEqual([
      'Talks resume',
      'The two sides met on Monday.',
      'They agreed.',
      'What comes next',
      'Nobody knows.',
    ]);
  });

  it('joins a hard-wrapped line that continues in lower case', () => {
    expect(splitSentences('The minister said the plan\nwould be ready soon. Nobody believed it.')).toEqual([
      'The minister said the plan\nwould be ready soon.',
      'Nobody believed it.',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \t')).toEqual([]);
  });
});

describe('splitSentenceSpans', () => {
  it('gives offsets that slice the input back to each sentence', () => {
    const spans = splitSentenceSpans(seed);
    expect(spans.length).toBeGreaterThan(20);
    for (const span of spans) expect(seed.slice(span.start, span.end)).toBe(span.text);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });
});

describe('the seed article', () => {
  const sentences = splitSentences(seed);

  it('keeps the page furniture, dateline, headline and sub-heading apart from the body', () => {
    expect(sentences[0]).toMatch(/^icon bookmark-bicon/);
    expect(sentences[1]).toBe('5 Sep, 2016 14:12');
    expect(sentences[2]).toBe("Putin: Russia & US may reach agreement on Syria 'within next few days'");
    expect(sentences).toContain("'To normalize Russia-US relations, Washington should lift sanctions'");
    expect(sentences[3]).toMatch(/^Moscow and Washington may reach an agreement/);
  });

  it('splits the first paragraph into its two sentences', () => {
    expect(sentences[3]).toBe(
      'Moscow and Washington may reach an agreement on resolving the Syrian crisis shortly, Russian President Vladimir Putin said on Monday, following a meeting with US counterpart Barack Obama.',
    );
    expect(sentences[4]).toBe('The two leaders have finally come to a common understanding, Putin said.');
  });

  it('keeps the two-sentence quotation with its attribution', () => {
    expect(sentences).toContain(
      '"It was mainly the two of us who had the discussion, going into detail. I think we have reached mutual understanding," he told reporters, adding that the nations\' top diplomats have now been tasked with working further on the "technical" questions.',
    );
  });

  it('splits a paragraph where a new quotation follows a sentence', () => {
    expect(sentences).toContain(
      '"We could, at least for a period of time, agree on mutual and active efforts to recover the situation in Syria," the president said, stressing that any moves should be taken in consultation with the Syrian government.',
    );
    expect(sentences).toContain('"Our other partners, including Iran, will also be informed [on the progress]," Putin added.');
    expect(sentences).toContain(
      '"[M]y instructions to Secretary Kerry and Mr Putin\'s instructions to [Foreign Minister] Mr Lavrov were to keep working at it over the next several days," the US leader told the media.',
    );
  });

  it('never starts a sentence inside a double-quoted passage', () => {
    for (const span of splitSentenceSpans(seed)) {
      const paragraphStart = seed.lastIndexOf('\n', span.start) + 1;
      const before = seed.slice(paragraphStart, span.start);
      // Straight quotes open and close in pairs; the one curly close in this text pairs with a straight open.
      const marks = (before.match(/["”]/g) ?? []).length;
      expect(marks % 2, span.text).toBe(0);
    }
  });

  it('ends every body sentence with terminal punctuation', () => {
    const body = sentences.slice(3).filter((s) => !s.startsWith("'To normalize"));
    for (const s of body) expect(s, s).toMatch(/[.!?]["'”]?$/);
    expect(body).toHaveLength(26);
  });
});
