import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../src/qa/question.ts';
import { SentenceMemo, rankPassages } from '../../src/qa/rank.ts';
import { BRIDGE, STORM, storedArticle } from './helpers.ts';

const articles = [storedArticle(BRIDGE, 1), storedArticle(STORM, 2)];
/** Every term weighs the same here: the tests are about the boosts and checks, not the IDF. */
const rank = (question: string, over = articles) => {
  const q = analyseQuestion(question);
  return rankPassages(q, over, q.terms.map(() => 1), new SentenceMemo());
};
/** A short article of a few paragraphs, its headline first. */
const story = (id: number, title: string, paragraphs: string[]) =>
  storedArticle({ title, outlet: 'Example Gazette', url: `https://gazette.example/${id}`, published: BRIDGE.published, text: [title, ...paragraphs].join('\n\n') }, id);

describe('rankPassages', () => {
  it('never offers a headline or a question as an answer', () => {
    const texts = rank('Harbour council approves the new river bridge').map((p) => p.text);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts).not.toContain(BRIDGE.title);
  });

  it('answers "who is X" for a nickname with the sentence that says who is known by it', () => {
    const hacker = story(7, 'Hacker sentenced', [
      'The hacker "Seawolf" posted the port\'s files online, the court heard.',
      'Piotr Nowak, 41, known online as "Seawolf," was sentenced on Friday to four years in prison.',
    ]);
    expect(rank('who is seawolf', [hacker])[0]!.text).toMatch(/^Piotr Nowak, 41, known online as/);
  });

  it('counts a word the sentence says otherwise by its closest word in meaning, but never a name for another name', () => {
    const mondo = story(8, 'Mondo Foods results', [
      'Mondo Foods opened its new headquarters in Leeds on Monday.',
      'Mondo Foods will reduce its workforce next year, the company said.',
      'Mondo Foods praised Obama for his visit to the Leeds plant.',
    ]);
    // "cutting jobs" is what the article calls "reduce its workforce".
    const cuts = rank('is mondo foods cutting jobs', [mondo]);
    expect(cuts[0]!.text).toMatch(/reduce its workforce/);
    expect(cuts[0]!.parts.coverage).toBeGreaterThan(cuts.find((p) => /headquarters/.test(p.text))!.parts.coverage!);
    // "Obama" is close to "clinton" in the vectors, but is someone else: no sentence counts clinton as matched.
    const clinton = rank('did mondo foods praise clinton', [mondo]).find((p) => /Obama/.test(p.text))!;
    const obama = rank('did mondo foods praise obama', [mondo]).find((p) => /Obama/.test(p.text))!;
    expect(clinton.parts.coverage).toBeLessThan(obama.parts.coverage! * 0.8);
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
    const attack = story(3, 'Man held after attack at the town hall', [
      'Jane Holloway was attacked outside the town hall on Monday evening.',
      'Police said a builder, Peter Marsh, attacked the mayor after a council meeting about the bridge.',
      'Holloway was treated in hospital and went home the same night.',
    ]);
    const ranked = rank('who attacked the mayor', [attack]);
    expect(ranked[0]!.text).toMatch(/Peter Marsh/);
    expect(ranked[0]!.parts.agent).toBe(1);
    expect(ranked.find((p) => p.text.includes('was attacked outside'))!.parts.agent).toBe(0);
  });

  it('lifts a sentence with the kind of answer asked for in an article that holds all the question\'s words, though the sentence does not', () => {
    const report = (id: number, opening: string) => story(id, 'County report', [opening, 'It took two years and $7 million of public money.']);
    const ranked = rank('how much did the flood inquiry cost taxpayers', [report(5, 'The flood inquiry ended with a report on what it cost taxpayers.'), report(6, 'The council published a report on the flood on Monday.')]);
    const money = (id: number) => ranked.find((p) => p.article.id === id && p.text.includes('$7 million'))!;
    expect(money(5).parts.articleEvidence).toBeGreaterThan(0);
    expect(money(6).parts.articleEvidence).toBeUndefined();
    expect(money(5).score).toBeGreaterThan(money(6).score);
  });

  it('for "why", joins the next sentence to the event\'s sentence when the reason stands there', () => {
    const polls = story(4, 'Fewer places to vote', [
      'The county closed most polling places before the spring election.',
      'The recorder said it was because the state had not paid for the election.',
      'Voters waited for hours.',
    ]);
    const ranked = rank('why did the county close polling places', [polls]);
    expect(ranked[0]!.text).toBe('The county closed most polling places before the spring election. The recorder said it was because the state had not paid for the election.');
    expect(ranked[0]!.parts.type).toBe(1);
  });

  it('for "why was X charged", takes the charge as the reason, before a heading that only shares a word', () => {
    const guards = story(9, 'Jail officers charged', [
      'Two jail officers were charged Tuesday with falsifying records, stating they had checked on the inmate in the hours before he died.',
      'Jails plagued by understaffing',
      'The union has warned for years that the jail has too few officers on night shifts.',
    ]);
    const ranked = rank('why were the jail guards charged', [guards]);
    expect(ranked[0]!.text).toMatch(/^Two jail officers were charged Tuesday with falsifying records/);
    expect(ranked[0]!.parts.type).toBe(1);
  });

  it('for "what did X say about Y", takes X\'s words in an article about Y though they do not repeat Y\'s name', () => {
    const harbour = story(7, 'Harbour plan splits the council', [
      'The council debated the Kestrel harbour plan on Monday, and Kestrel fishermen protested outside.',
      'The vote was put off to April.',
      '"It goes nowhere near far enough," Councillor Ann Price said.',
    ]);
    const ranked = rank('what did ann price think of the kestrel harbour plan', [harbour]);
    expect(ranked[0]!.text).toMatch(/nowhere near far enough/);
    expect(ranked[0]!.parts.names).toBeUndefined();
  });
});
