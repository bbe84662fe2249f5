import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../src/qa/question.ts';
import { rankPassages } from '../../src/qa/rank.ts';
import type { ArticleDraft } from '../../src/model.ts';
import { BRIDGE, STORM, storedArticle } from './helpers.ts';

const articles = [storedArticle(BRIDGE, 1), storedArticle(STORM, 2)];
/** Every term weighs the same here: the tests are about the boosts and checks, not the IDF. */
const rank = (question: string) => {
  const q = analyseQuestion(question);
  return rankPassages(q, articles, q.terms.map(() => 1));
};

describe('rankPassages', () => {
  it('never offers a headline or a question as an answer', () => {
    const texts = rank('Harbour council approves the new river bridge').map((p) => p.text);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts).not.toContain(BRIDGE.title);
  });

  it('puts the sentence with the kind of answer asked for first', () => {
    expect(rank('When will the bridge open?')[0]!.text).toMatch(/open in 2028/);
    expect(rank('How much will the bridge cost?')[0]!.text).toMatch(/48 million euros/);
    expect(rank('Why did fishermen oppose the bridge plan?')[0]!.text).toMatch(/because/);
    // A date questions wants a date: the vote sentence shares as many words but has none.
    const when = rank('when did the council vote on the bridge');
    expect(when[0]!.text).toMatch(/on Monday/);
  });

  it('for "who", wants a name the question does not hold; the speaker of a quote only when asked who said something', () => {
    const who = rank('Who visited the flooded town?');
    expect(who[0]!.text).toMatch(/Governor Tom Reyes/);
    expect(who[0]!.parts.type).toBe(1);
    // "Reyes told reporters": the quote's speaker answers who promised it.
    const promised = rank('Who promised to rebuild every road?');
    expect(promised[0]!.text).toMatch(/We will rebuild every road/);
    expect(promised[0]!.parts.type).toBe(1);
  });

  it('for "what did X say", ranks what X said above sentences where others speak', () => {
    const said = rank('What did Holloway say about the bridge?');
    expect(said[0]!.text).toMatch(/Holloway/);
    expect(said[0]!.parts.speaker).toBe(1);
    expect(said.slice(0, 2).map((p) => p.text).join(' ')).toMatch(/connect both halves/);
    const other = said.findIndex((p) => p.text.includes('weather service'));
    expect(other === -1 || said[other]!.parts.speaker === 0).toBe(true);
  });

  it('for "who VERBed Y", ranks the sentence naming the doer above one naming the victim', () => {
    const attack: ArticleDraft = {
      title: 'Man held after attack at the town hall',
      outlet: 'Example Gazette',
      url: 'https://gazette.example/attack',
      published: BRIDGE.published,
      text:
        'Man held after attack at the town hall\n\n' +
        'Jane Holloway was attacked outside the town hall on Monday evening.\n\n' +
        'Police said a builder, Peter Marsh, attacked the mayor after a council meeting about the bridge.\n\n' +
        'Holloway was treated in hospital and went home the same night.',
    };
    const q = analyseQuestion('who attacked the mayor');
    const ranked = rankPassages(q, [storedArticle(attack, 3)], q.terms.map(() => 1));
    expect(ranked[0]!.text).toMatch(/Peter Marsh/);
    expect(ranked[0]!.parts.agent).toBe(1);
    expect(ranked.find((p) => p.text.includes('was attacked outside'))!.parts.agent).toBe(0);
  });

  it('lifts a sentence with the kind of answer asked for in an article that holds all the question\'s words, though the sentence does not', () => {
    const story = (id: number, opening: string): ReturnType<typeof storedArticle> =>
      storedArticle({ title: 'County report', outlet: 'Example Gazette', url: `https://gazette.example/report-${id}`, published: BRIDGE.published, text: `County report\n\n${opening}\n\nIt took two years and $7 million of public money.` }, id);
    const q = analyseQuestion('how much did the flood inquiry cost taxpayers');
    const ranked = rankPassages(q, [story(5, 'The flood inquiry ended with a report on what it cost taxpayers.'), story(6, 'The council published a report on the flood on Monday.')], q.terms.map(() => 1));
    const money = (id: number) => ranked.find((p) => p.article.id === id && p.text.includes('$7 million'))!;
    expect(money(5).parts.articleEvidence).toBeGreaterThan(0);
    expect(money(6).parts.articleEvidence).toBeUndefined();
    expect(money(5).score).toBeGreaterThan(money(6).score);
  });

  it('for "why", joins the next sentence to the event\'s sentence when the reason stands there', () => {
    const polls: ArticleDraft = {
      title: 'Fewer places to vote',
      outlet: 'Valley Post',
      url: 'https://valleypost.example/polls',
      published: BRIDGE.published,
      text: 'Fewer places to vote\n\nThe county closed most polling places before the spring election.\n\nThe recorder said it was because the state had not paid for the election.\n\nVoters waited for hours.',
    };
    const q = analyseQuestion('why did the county close polling places');
    const ranked = rankPassages(q, [storedArticle(polls, 4)], q.terms.map(() => 1));
    expect(ranked[0]!.text).toBe('The county closed most polling places before the spring election. The recorder said it was because the state had not paid for the election.');
    expect(ranked[0]!.parts.type).toBe(1);
  });

  it('for "what did X say about Y", takes X\'s words in an article about Y though they do not repeat Y\'s name', () => {
    const harbour: ArticleDraft = {
      title: 'Harbour plan splits the council',
      outlet: 'Example Gazette',
      url: 'https://gazette.example/harbour',
      published: BRIDGE.published,
      text: 'Harbour plan splits the council\n\nThe council debated the Kestrel harbour plan on Monday, and Kestrel fishermen protested outside.\n\nThe vote was put off to April.\n\n"It goes nowhere near far enough," Councillor Ann Price said.',
    };
    const q = analyseQuestion('what did ann price think of the kestrel harbour plan');
    const ranked = rankPassages(q, [storedArticle(harbour, 7)], q.terms.map(() => 1));
    expect(ranked[0]!.text).toMatch(/nowhere near far enough/);
    expect(ranked[0]!.parts.names).toBeUndefined();
  });
});
