import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/model.ts';
import { analyseQuestion } from '../../src/qa/question.ts';
import { SentenceMemo, rankPassages } from '../../src/qa/rank.ts';
import { fullMentions, isDescription, nameForDescription, speakerMatches } from '../../src/qa/statements.ts';
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

  it('are not someone else\'s words about them: "Reyes says Okafor ...", "he warns" after it, Okafor named inside Reyes\'s quote', () => {
    const about: ArticleDraft = {
      title: 'Council members weigh in on the port',
      outlet: 'Example Gazette',
      url: 'https://gazette.example/2026/03/port',
      published: '2026-03-10T10:00:00Z',
      text:
        'Council members weigh in on the port\n\n' +
        'Councillor Ana Reyes says Okafor "has a record of keeping the ferries running."\n\n' +
        'He warns that the council would "sink the harbour" with its budget cuts.\n\n' +
        '"Well, look, Okafor has been out there saying some tough things about the budget," Reyes said.\n\n' +
        'The council meets again on Friday.',
    };
    const q = analyseQuestion('what did okafor say about the budget');
    const ranked = rankPassages(q, [storedArticle(about, 2)], q.terms.map(() => 1), new SentenceMemo());
    expect(ranked.filter((p) => p.parts.speaker! > 0).map((p) => p.text)).toEqual([]);
  });

  it('are found for a description the article gives the name of ("the harbour mayor")', () => {
    expect(isDescription(['harbour', 'mayor'])).toBe(true);
    expect(isDescription(['holloway'])).toBe(false);
    expect(nameForDescription(HEARING.text, ['harbour', 'mayor'])).toEqual(['jane', 'holloway']);
    expect(nameForDescription(HEARING.text, ['port', 'director'])).toEqual(['samuel', 'okafor']);
    expect(nameForDescription(HEARING.text, ['city', 'treasurer'])).toBeNull();
    expect(statementsOf('what did the harbour mayor say about the islands')).toEqual([expect.stringMatching(/We will not leave the islands/)]);
  });

  it('take a lone surname for the asked person only when the article names them in full more than another bearer', () => {
    const family: ArticleDraft = {
      title: 'Senator tours the valley',
      published: '2026-03-09T10:00:00Z',
      text:
        'Senator tours the valley\n\n' +
        'Senator Robert Marsh toured the flooded valley on Monday with his wife, Ellen Marsh.\n\n' +
        'Robert Marsh has pushed for federal aid since the spring.\n\n' +
        'Marsh said that the levees must be rebuilt before winter.\n\n' +
        '"We saw families who lost everything," Ellen Marsh told reporters.',
    };
    const of = (question: string) => {
      const q = analyseQuestion(question);
      return rankPassages(q, [storedArticle(family, 1)], q.terms.map(() => 1), new SentenceMemo()).filter((p) => p.parts.speaker! > 0).map((p) => p.text);
    };
    // "Marsh said" is Robert, named in full twice; Ellen's statement is her own quote only.
    expect(of('what did robert marsh say about the levees')).toEqual(expect.arrayContaining([expect.stringMatching(/^Marsh said that the levees/)]));
    expect(of('what did ellen marsh say about the levees')).toEqual([expect.stringMatching(/families who lost everything/)]);
    expect(fullMentions(family.text, ['ellen', 'marsh']).map((m) => m.isX)).toEqual([false, true, false, true]);
  });

  it('match the asked name by every word of it: "bill clinton" is not Hillary', () => {
    expect(speakerMatches('Hillary Clinton', ['clinton'])).toBe(true);
    expect(speakerMatches('Hillary Clinton', ['hillary'])).toBe(true);
    expect(speakerMatches('Hillary Clinton', ['bill', 'clinton'])).toBe(false);
    expect(speakerMatches(null, ['clinton'])).toBe(false);
  });
});
