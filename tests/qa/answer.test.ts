import { describe, expect, it } from 'vitest';
import { choosePassages, composeAnswer, describeWindow } from '../../src/qa/answer.ts';
import { notFoundAnswer } from '../../src/model/answer.ts';
import { analyseQuestion } from '../../src/qa/question.ts';
import { SentenceMemo, rankPassages, type RankedPassage } from '../../src/qa/rank.ts';
import { BRIDGE, storedArticle } from './helpers.ts';

const bridge = storedArticle(BRIDGE, 1);
const copy = { ...storedArticle(BRIDGE, 2), nearDuplicateOf: 1 };

describe('the answer', () => {
  it('shows a sentence once, and one passage per story for a fact', () => {
    const q = analyseQuestion('How much will the bridge cost?');
    const ranked = rankPassages(q, [bridge, copy], q.terms.map(() => 1), new SentenceMemo());
    const chosen = choosePassages(ranked, q, 0);
    expect(chosen.map((p) => p.text)).toEqual([expect.stringMatching(/48 million euros/)]);
    const answer = composeAnswer(q, chosen, { searched: 'the last 7 days of news' });
    expect(answer.sentences).toHaveLength(1);
    expect(answer.sources.map((s) => s.articleId)).toEqual([1]);
  });

  it('adds a runner-up of the same story only when both hold (about) the kind of answer asked for and score close', () => {
    const q = analyseQuestion('how many polling places were there');
    const passage = (text: string, score: number, type: number | undefined, first: number): RankedPassage => ({
      article: bridge, first, last: first, start: 0, end: 0, contextStart: 0, contextEnd: 0, text, quotes: [], score, parts: type === undefined ? {} : { type },
    });
    const top = passage('Officials said 60 polling places would open on the day.', 0.53, 1, 1);
    const close = passage('Voters found 12 polling places closed by noon in the west.', 0.5, 1, 2);
    const untyped = passage('The county explained its decision at a hearing on the cuts.', 0.52, 0, 3);
    expect(choosePassages([top, close], q, 0.3)).toEqual([top, close]);
    expect(choosePassages([top, untyped], q, 0.3)).toEqual([top]);
    // A number of another kind does not pass; a fit close to the kind asked for does.
    expect(choosePassages([top, { ...close, parts: { type: 0.6 } }], q, 0.3)).toEqual([top]);
    expect(choosePassages([top, { ...close, parts: { type: 0.8 } }], q, 0.3)).toHaveLength(2);
    expect(choosePassages([top, { ...close, score: 0.4 }], q, 0.3)).toEqual([top]);
  });

  it('names the speaker of a quotation that does not name its speaker itself', () => {
    const q = analyseQuestion('What did Holloway say?');
    const quote = bridge.analysis!.quotes.find((x) => x.text.startsWith('This bridge'))!;
    const start = bridge.text.indexOf('"This bridge');
    const end = bridge.text.indexOf('halves of our city,"') + 'halves of our city,"'.length;
    const passage: RankedPassage = { article: bridge, first: 3, last: 3, start, end, contextStart: start, contextEnd: end, text: bridge.text.slice(start, end), quotes: [quote], score: 1, parts: {} };
    const answer = composeAnswer(q, [passage], { searched: 'x' });
    expect(answer.sentences[0]!.speaker).toBe('Jane Holloway');
    expect(answer.answer).toBe('"This bridge will finally connect both halves of our city," (Jane Holloway)');
    expect(answer.quotes).toEqual([expect.objectContaining({ speaker: 'Jane Holloway', articleId: 1 })]);
  });

  it('lists a quote once: not a short quote beside the longer one that holds it', () => {
    const q = analyseQuestion('What did Holloway say?');
    const quote = (text: string, start: number) => ({ text, speaker: 'Jane Holloway', verified: true, start, end: start + text.length, fragment: false });
    const short = quote('Keep the ferry running,', 10);
    const whole = quote('Keep the ferry running. The bridge will take years.', 200);
    const passage = (first: number, text: string, quotes: ReturnType<typeof quote>[]): RankedPassage => ({
      article: bridge, first, last: first, start: 0, end: 0, contextStart: 0, contextEnd: 0, text, quotes, score: 1, parts: {},
    });
    const answer = composeAnswer(q, [passage(1, '"Keep the ferry running," she said.', [short]), passage(4, '"Keep the ferry running. The bridge will take years."', [whole])], { searched: 'x' });
    expect(answer.quotes.map((x) => x.text)).toEqual([whole.text]);
  });

  it('says what was searched when nothing answers, and describes windows as they are', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(describeWindow(new Date('2026-03-03T12:00:00Z'), now)).toBe('the last 7 days');
    expect(describeWindow(new Date('2026-03-09T12:00:00Z'), now)).toBe('the last 24 hours');
    expect(describeWindow(new Date('2026-02-17T12:00:00Z'), now)).toBe('the last 3 weeks');
    expect(notFoundAnswer('q', 'the last 7 days of news, then older articles', []).answer).toBe("I don't find that in the articles: I searched the last 7 days of news, then older articles.");
  });
});
