import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../src/qa/question.ts';

describe('analyseQuestion', () => {
  it('tells the kind of answer wanted from the way people type questions', () => {
    const kinds = (questions: string[]) => questions.map((q) => analyseQuestion(q).kind);
    expect(kinds(['Who won the debate?', "who's the ceo that got grilled in the senate", 'Which judge turned down the request?'])).toEqual(['person', 'person', 'person']);
    expect(kinds(['Which union endorsed her?', 'what company makes it'])).toEqual(['organisation', 'organisation']);
    expect(kinds(['Where did the storm hit?', 'which states are suing over the plan'])).toEqual(['place', 'place']);
    expect(kinds(['how many people got hurt', 'How much will it cost?', 'what was the vote on the bill', 'how long did the filibuster last'])).toEqual(['number', 'number', 'number', 'number']);
    expect(kinds(['When does the program run out?', 'what time is the speech', 'how soon will it open'])).toEqual(['date', 'date', 'date']);
    expect(kinds(['Why did police remove her?', 'How does the program work?', 'how come the ferry closes'])).toEqual(['reason', 'reason', 'reason']);
    expect(kinds(['Who is Putin?', 'who is marcel lazar', 'Who is Dr. Oz?'])).toEqual(['describe', 'describe', 'describe']);
    // A role is asked for, not a description of a name.
    expect(kinds(['Who is moderating the first debate?', 'who is the mexican economy secretary', "Who is Mexico's economy secretary?"])).toEqual(['person', 'person', 'person']);
  });

  it('finds the speaker of "what did X say" questions, without titles, and keeps the topic apart', () => {
    const q = analyseQuestion('what has admiral harris said about china');
    expect(q.kind).toBe('said');
    expect(q.speaker).toEqual(['harris']);
    expect(q.terms.map((t) => [t.word, t.role])).toEqual([
      ['harris', 'speaker'],
      ['china', 'topic'],
    ]);
    expect(analyseQuestion('What does Bernie Sanders think Clinton should do?').speaker).toEqual(['bernie', 'sanders']);
    expect(analyseQuestion('How did the mayor react to the vote?').speaker).toEqual(['mayor']);
    expect(analyseQuestion("What was Putin's reaction?").speaker).toEqual(['putin']);
    // "you" is not a person in the news.
    expect(analyseQuestion('What did you think of it?').kind).not.toBe('said');
  });

  it('reads chat shorthand for someone\'s words and for "who is", and a source put before the question', () => {
    const q = (text: string) => analyseQuestion(text);
    expect([q('okafor on the ferry closures').kind, q('okafor on the ferry closures').speaker]).toEqual(['said', ['okafor']]);
    expect(q("the mayor's comeback to the council on the budget").speaker).toEqual(['mayor']);
    expect(q("jane holloway's read on whether the ferries are safe").speaker).toEqual(['jane', 'holloway']);
    expect(q('did the mayor say anything about the ferries').speaker).toEqual(['mayor']);
    expect(q('how did the gazette describe the hearing').speaker).toEqual(['gazette']);
    // Typed without the apostrophe: "whats" is "what's", not part of the name.
    expect(q("whats holloway's warning about the ferries").speaker).toEqual(['holloway']);
    expect(q('whos the port director').kind).toBe(q("who's the port director").kind);
    // A request for news is not someone's words.
    expect(q('updates on the ferry closures').kind).not.toBe('said');
    expect(q('more on the hearing').kind).not.toBe('said');
    expect([q('samuel okafor, who is he').kind, q('samuel okafor, who is he').subject]).toEqual(['describe', ['samuel', 'okafor']]);
    expect(q('according to the port authority, why did the ferries stop').kind).toBe('reason');
    // The source is kept as words to look for: it tells which article answers.
    expect(q('according to the port authority, why did the ferries stop').terms.map((t) => t.word)).toEqual(expect.arrayContaining(['port', 'authority', 'ferries']));
  });

  it('finds the question in a chat line that does not open with it: after a comma or dash, an opener, a condition, or a noun', () => {
    const q = (text: string) => analyseQuestion(text);
    expect([q('all told how much did the ferry repairs cost').kind, q('all told how much did the ferry repairs cost').numberKind]).toEqual(['number', 'money']);
    expect(q('harbour vote last night, final tally for okafor and reyes').kind).toBe('number');
    expect(q('odds of the ferry reopening before june?').kind).toBe('number');
    expect([q('if okafor ran for governor what % would she get').kind, q('if okafor ran for governor what % would she get').numberKind]).toEqual(['number', 'percent']);
    expect(q('the three sailors rescued off the pier, who were they').kind).toBe('person');
    expect(q('name of the port spokesman who said the ferries were safe').kind).toBe('person');
    // The pronoun stands for the preamble; a relative clause in it is the topic.
    expect([q('the harbour master who closed the pier, what did she say').kind, q('the harbour master who closed the pier, what did she say').speaker]).toEqual(['said', ['harbour', 'master']]);
    expect(q('jane holloway reaction to the ferry closures').speaker).toEqual(['jane', 'holloway']);
    expect(q('samuel okafor - was the closure legal in his view').speaker).toEqual(['samuel', 'okafor']);
    // "final vote count for ...": a count of votes; "what year": a year, and "year" is no word to look for.
    expect([q('final vote count for okafor and reyes').numberKind, q('final vote count for okafor and reyes').focus]).toEqual(['count', 'vote']);
    expect([q('what year did the ferry line start').wantsYear, q('what year did the ferry line start').terms.map((t) => t.word)]).toEqual([true, ['ferry', 'line', 'start']]);
    expect(q('since when has okafor run the port').wantsYear).toBe(true);
    expect(q('when did okafor close the port').wantsYear).toBeUndefined();
    // A relative "where" or "when" does not make a place or date question of a request.
    expect(q('tell me about the pier where the ferry sank').kind).toBe('other');
  });

  it('knows the names the user capitalised, and the subject of "who is"', () => {
    const q = analyseQuestion('What did Trump say about Lester Holt?');
    expect(q.names).toEqual([['trump'], ['lester', 'holt']]);
    expect(q.terms.filter((t) => t.capitalised).map((t) => t.word)).toEqual(['trump', 'lester', 'holt']);
    expect(analyseQuestion('Who is Vladimir Putin?').subject).toEqual(['vladimir', 'putin']);
    // Question words and stop words are not what the question is about.
    expect(analyseQuestion('What happened with the bridge today?').terms.map((t) => t.word)).toEqual(['bridge']);
  });

  it('matches a word with its forms: irregular verbs, agent nouns, a country and its people, an ordinal\'s spellings', () => {
    const keys = (question: string, word: string) => analyseQuestion(question).terms.find((t) => t.word === word)!.forms.map((f) => f.word);
    expect(keys('Who won the debate?', 'won')).toEqual(expect.arrayContaining(['won', 'win', 'winner']));
    expect(keys('Who is the winner?', 'winner')).toEqual(expect.arrayContaining(['winner', 'win', 'won']));
    expect(keys('What did Syrian rebels say?', 'syrian')).toEqual(expect.arrayContaining(['syrian', 'syria']));
    expect(keys('What about Syria?', 'syria')).toEqual(expect.arrayContaining(['syria', 'syrian']));
    // An ordinal as typed and as written: "2nd amendment", "the Second Amendment".
    expect(keys('what did she say about the 2nd amendment', '2nd')).toContain('second');
    expect(keys('who won the third debate', 'third')).toContain('3rd');
  });

  it('knows the noun asked about and the kind of number wanted', () => {
    const q = (text: string) => analyseQuestion(text);
    expect(q('which judge turned down the request').focus).toBe('judge');
    expect(q('which former msnbc host works for RT now').focus).toBe('host');
    expect(q('how many fake accounts did the bank open').focus).toBe('accounts');
    // A verb with its particle ends the noun phrase ("read out"), and so does a role noun.
    expect(q('which senator read out the count').focus).toBe('senator');
    expect(q('which governor handed off the microphone').focus).toBe('governor');
    expect(q('Who won the debate?').focus).toBeNull();
    expect(['how many people got hurt', 'how much money did they raise', 'what share of the vote did she get', 'how long did it last', 'how old is the justice', 'how often does it happen', 'how is johnson doing in the polls'].map((t) => q(t).numberKind)).toEqual(['count', 'money', 'percent', 'duration', 'age', 'frequency', 'percent']);
    // A word of a phrasal verb brings the phrase's synonyms; a name brings none.
    expect(q('which judge turned down the request').terms.find((t) => t.word === 'turned')!.forms.map((f) => f.word)).toContain('reject');
    expect(q('What did Trump say about Lester Holt?').terms.every((t) => t.forms.every((f) => f.weight >= 0.8))).toBe(true);
    // A number in the question is a word to find ("iPhone 7").
    expect(q('when does the iphone 7 come out').terms.map((t) => t.word)).toContain('7');
  });

  it('knows the verb whose doer a who / which question asks for, and none when the answer suffered it', () => {
    const verb = (text: string) => analyseQuestion(text).verb;
    expect(verb('who shot reagan')).toBe('shot');
    expect(verb("who's running against the mayor")).toBe('running');
    expect(verb('who has endorsed holloway')).toBe('endorsed');
    expect(verb('which country called the plan illegal')).toBe('called');
    expect(verb('who was shot at the rally')).toBeNull();
    expect(verb('who did the mayor invite')).toBeNull();
    expect(verb('how many people died')).toBeNull();
  });
});
