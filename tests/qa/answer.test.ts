import { describe, expect, it } from 'vitest';
import { choosePassages, composeAnswer, describeWindow, notFoundAnswer } from '../../src/qa/answer.ts';
import { analyseQuestion } from '../../src/qa/question.ts';
import { rankPassages, type RankedPassage } from '../../src/qa/rank.ts';
import { BRIDGE, storedArticle } from './helpers.ts';

const bridge = storedArticle(BRIDGE, 1);
const copy = { ...storedArticle(BRIDGE, 2), nearDuplicateOf: 1 };

describe('the answer', () => {
  it('shows a sentence once, and one passage per story for a fact', () => {
    const q = analyseQuestion('How much will the bridge cost?');
    const ranked = rankPassages(q, [bridge, copy], q.terms.map(() => 1));
    const chosen = choosePassages(ranked, q, 0);
    expect(chosen.map((p) => p.text)).toEqual([expect.stringMatching(/48 million euros/)]);
    const answer = composeAnswer(q, chosen, { searched: 'the last 7 days of news' });
    expect(answer.sentences).toHaveLength(1);
    expect(answer.sources.map((s) => s.articleId)).toEqual([1]);
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

  it('says what was searched when nothing answers, and describes windows as they are', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(describeWindow(new Date('2026-03-03T12:00:00Z'), now)).toBe('the last 7 days');
    expect(describeWindow(new Date('2026-03-09T12:00:00Z'), now)).toBe('the last 24 hours');
    expect(describeWindow(new Date('2026-02-17T12:00:00Z'), now)).toBe('the last 3 weeks');
    expect(notFoundAnswer('q', 'the last 7 days of news, then older articles', []).answer).toBe("I don't find that in the articles: I searched the last 7 days of news, then older articles.");
  });
});
