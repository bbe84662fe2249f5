import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/model.ts';
import { analyseQuestion } from '../../src/qa/question.ts';
import { SentenceMemo, rankPassages } from '../../src/qa/rank.ts';
import { isDescription, nameForDescription, speakerMatches } from '../../src/qa/statements.ts';
import { storedArticle } from './helpers.ts';

const HEARING: ArticleDraft = {
  title: 'Port chief questioned over ferry closures',
  outlet: 'Example Gazette',
  url: 'https://gazette.example/2026/03/ferry',
  published: '2026-03-09T10:00:00Z',
  text:
    'Port chief questioned over ferry closures\n\n' +
    'Harbour Mayor Jane Holloway questioned port director Samuel Okafor on Tuesday about the ferry closures.\n\n' +
    'Holloway’s questions came after weeks of complaints from fishermen.\n\n' +
    'Okafor said that the old ferries were unsafe and could not be repaired in time.\n\n' +
    'He has called the repair plan "a waste of public money" in the past.\n\n' +
    '"We will not leave the islands without a boat," Holloway told the hearing.\n\n' +
    'Okafor spoke at the hearing for two hours.',
};

const statementsOf = (question: string) => {
  const q = analyseQuestion(question);
  return rankPassages(q, [storedArticle(HEARING, 1)], q.terms.map(() => 1), new SentenceMemo()).filter((p) => p.parts.speaker! > 0).map((p) => p.text);
};

describe('the statements of the person a question asks about', () => {
  it('are their quotes and their reported speech, and "he" right after a sentence about them', () => {
    const okafor = statementsOf('what did okafor say about the ferries');
    expect(okafor).toEqual(expect.arrayContaining([expect.stringMatching(/^Okafor said that the old ferries were unsafe/), expect.stringMatching(/^He has called the repair plan/)]));
    // Not someone else's words, nor a sentence that only says that they spoke or names them in a possessive.
    expect(okafor.join(' ')).not.toMatch(/islands without a boat|spoke at the hearing|Holloway’s questions/);
    expect(statementsOf('what did holloway say about the ferry')).toEqual([expect.stringMatching(/We will not leave the islands/)]);
  });

  it('are found for a description the article gives the name of ("the harbour mayor")', () => {
    expect(isDescription(['harbour', 'mayor'])).toBe(true);
    expect(isDescription(['holloway'])).toBe(false);
    expect(nameForDescription(HEARING.text, ['harbour', 'mayor'])).toEqual(['jane', 'holloway']);
    expect(nameForDescription(HEARING.text, ['port', 'director'])).toEqual(['samuel', 'okafor']);
    expect(nameForDescription(HEARING.text, ['city', 'treasurer'])).toBeNull();
    expect(statementsOf('what did the harbour mayor say about the islands')).toEqual([expect.stringMatching(/We will not leave the islands/)]);
  });

  it('match the asked name by every word of it: "bill clinton" is not Hillary', () => {
    expect(speakerMatches('Hillary Clinton', ['clinton'])).toBe(true);
    expect(speakerMatches('Hillary Clinton', ['hillary'])).toBe(true);
    expect(speakerMatches('Hillary Clinton', ['bill', 'clinton'])).toBe(false);
    expect(speakerMatches(null, ['clinton'])).toBe(false);
  });
});
