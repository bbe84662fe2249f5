import { describe, expect, it } from 'vitest';
import { firstNameGender, hasWord, indexPeople } from '../../src/nlp/people.ts';
import { extractQuotes } from '../../src/nlp/quotes.ts';

const speakers = (text: string) => extractQuotes(text).map((q) => q.speaker);

describe('role words before a name (people.ts)', () => {
  it('stop at a line break: a heading\'s last words are no role of the name that opens the next paragraph', () => {
    // "Dad" in the heading once made Betsy Sharp a man, so "she" found no one and "he" found her.
    expect(speakers('Why My Dad Quit\n\nBetsy Sharp met reporters in Denver on Monday.\n\n"I never saw it coming," she said.'))
      .toEqual(['Betsy Sharp']);
    expect(speakers('Why My Dad Quit\n\nBetsy Sharp met reporters in Denver on Monday with her brother, Tom Sharp.\n\n"I never saw it coming," he said.'))
      .toEqual(['Tom Sharp']);
  });

  it('a capitalised role word that opens a sentence is not part of the name: its first name says the gender', () => {
    // "Prosecutor Trina Little" hid the first name, so "she" passed her over for the defendant who spoke before.
    expect(speakers(
      'Patricia Glancy, 36, admitted five counts of fraud. "I am sorry," Glancy said. ' +
        'Prosecutor Trina Little had earlier told the judge how Glancy worked at the club as its events manager. ' +
        'She said: "She was trusted with the cheques of couples planning their weddings."',
    )).toEqual(['Patricia Glancy', 'Trina Little']);
    expect(speakers('Grandmother Ann Leigh, 81, said the roof had leaked for a year. "I am just tired," Mrs Leigh said.')).toEqual(['Ann Leigh']);
  });

  it('"Bill Clinton" is a first name and a surname, not Hillary Clinton with a "bill" before her', () => {
    expect(speakers('Bill Clinton spoke in Brooklyn on Monday, and Hillary Clinton spoke in Buffalo.\n\n"He is running against me," Bill Clinton said.'))
      .toEqual(['Bill Clinton']);
  });

  it('"Pres." is a title like "President": a later "the president" finds the one so titled', () => {
    expect(speakers('In an interview, Pres. Obama admits the plan failed.\n\nHillary Clinton, who served as secretary of state, called it regrettable. She has named her experience as her qualification to be president.\n\nObama defended the process. "We executed this plan as well as I could," the president told a reporter.'))
      .toEqual(['Obama']);
  });

  it('a known first name given as someone\'s name ("a resident named Caroline") is a person of that gender', () => {
    expect(speakers('Trump laughed at the rally.\n\nThe woman who started it all identified herself as a resident named Caroline.\n\n"He truly cares about the American people," she said of Trump.'))
      .toEqual(['Caroline']);
    expect(speakers('"There never was an order," said the base chief known as Bob, speaking publicly for the first time.\n\nSenator Ted Cruz has said otherwise.\n\nBob said he arrived in December. "These guys were heroes," he said.'))
      .toEqual(['Bob', 'Bob']);
    // A word that is no first name stays no one: "she" finds no antecedent rather than a bill.
    expect(speakers('The Senate passed a bill called Medicaid.\n\n"It will help millions," she said.')).toEqual([null]);
  });
});

describe('first names of either gender (people.ts)', () => {
  it('are no woman\'s names: a name the name lists give both genders takes "he"', () => {
    // The package's French list has "Florent" as male and female; its lookup kept "female".
    expect(firstNameGender('Florent')).toBeNull();
    expect(firstNameGender('Adolphe')).toBeNull();
    expect(firstNameGender('Laurent')).toBe('m');
    expect(firstNameGender('Florence')).toBe('f');
    expect(speakers('Florent Dumas is a retired Navy pilot who lives in Ohio.\n\nDumas, 41, spoke to a local radio station about the vote and about his old unit, which Ann Pike commanded.\n\n"I have never voted for a Democrat in my life," he said.'))
      .toEqual(['Florent Dumas']);
  });
});

describe('title abbreviations (lexicon.ts)', () => {
  it('"AG" in a headline is a title: "Former AG Lindqvist" is Carl Lindqvist, and his "he said" stays his', () => {
    const text = 'Former AG Lindqvist at convention: the deal is illegal.\n\nFormer Attorney General Carl Lindqvist told delegates on Tuesday that the deal broke the law.\n\nLindqvist, who served under former President Ann Berg and Governor Tom Hale, criticized the deal.\n\n"It was wrong from the first day," Lindqvist said.\n\nLindqvist said the deal should be reviewed.\n\n"Nobody in the cabinet should have signed it," he said.';
    expect(speakers(text)).toEqual(['Carl Lindqvist', 'Carl Lindqvist']);
  });
});

describe('hasWord', () => {
  it('finds the word only as written and between non-letters, Unicode letters included', () => {
    expect(hasWord('The top aide left.', 'top')).toBe(true);
    expect(hasWord('The Top aide left.', 'top')).toBe(false);
    expect(hasWord('A topic, then stop.', 'top')).toBe(false);
    expect(hasWord('a stop, then top', 'top')).toBe(true);
    expect(hasWord('(top)-level', 'top')).toBe(true);
    // Accented and non-Latin letters are letters: "topé" and "éetop" hold no word "top".
    expect(hasWord('topé éetop', 'top')).toBe(false);
    expect(hasWord('top2 é', 'top')).toBe(true);
    // A letter outside the Basic Multilingual Plane (two UTF-16 units) is a letter too.
    expect(hasWord('\u{1D400}top', 'top')).toBe(false);
    expect(hasWord('\u{1F600}top', 'top')).toBe(true);
    expect(hasWord('a.b', 'a.b')).toBe(true);
    expect(hasWord('axb', 'a.b')).toBe(false);
  });
});

describe('indexPeople: the pronoun "I" is no part of a name', () => {
  it('"Suddenly I understood" makes no person; "Elizabeth I", after a known first name, is one', () => {
    const names = (text: string) => indexPeople(text, []).people.map((p) => p.fullName);
    expect(names('Ben Brafman looked at me.\n\nSuddenly I understood what was happening, and he did too.')).toEqual(['Ben Brafman']);
    expect(names('Queen Elizabeth I ruled England for decades.')).toContain('Elizabeth I');
  });
});

describe('indexPeople: job titles written capitalised before a name', () => {
  it('"Washington Managing Editor Bill Sammon" is Bill Sammon, and "Senior Adviser Sidney Blumenthal" is Sidney Blumenthal', () => {
    const names = (text: string) => indexPeople(text, []).people.map((p) => p.fullName);
    expect(names('Fox News Vice President and Washington Managing Editor Bill Sammon expressed the network\'s frustration.')).toEqual(['Bill Sammon']);
    expect(names('Clinton Senior Adviser Sidney Blumenthal said he had no idea.')).toContain('Sidney Blumenthal');
  });
});

describe('an appositive ends where a clause about it begins (2026-12-07, stop 47)', () => {
  it('"Castlerock Environmental, a firm Voss had represented as a lobbyist" takes "firm" as its role, not "voss" nor "lobbyist"', () => {
    const index = indexPeople('Leonard Voss asked about a bid from Castlerock Environmental, a firm Voss had represented as a lobbyist until 2017.', []);
    const castlerock = index.people.find((p) => p.fullName === 'Castlerock Environmental');
    expect([...(castlerock?.roles ?? [])]).toEqual(['firm']);
    expect(index.people.find((p) => p.fullName === 'Leonard Voss')).toBeDefined();
  });
});

describe('an interview\'s "Q." is no initial (2026-12-07, stop 47)', () => {
  it('"Q. Ben, when did you ..." leaves Ben his own name: "Ben calls it" is Ben Adler', () => {
    const text = [
      'Ruth Adler started the company in 1991. Her son, Ben Adler, became chief executive in 2020.',
      'Q. Ben, when did you know you would join?',
      'Ben Adler: Never, until I did.',
      'Q. Ruth, what was the handover like?',
      'Ruth Adler: Harder than I expected.',
      'Ruth describes the handoff as "mostly peaceful." Ben calls it "a negotiated settlement."',
    ].join('\n\n');
    const found = extractQuotes(text, { title: 'Mother and son' });
    expect(found.map((q) => q.speaker)).toEqual(['Ruth Adler', 'Ben Adler']);
  });
});

describe('the title as the first line, punctuated otherwise (2026-12-07, stop 48)', () => {
  it('"Calls Trump’s Putin Remarks ‘Troubling.’" over the title "... ‘Troubling’" is the title-case headline: "Calls Trump" is no person', () => {
    const text = 'Clinton Says Russians Hacked DNC, Calls Trump’s Putin Remarks ‘Troubling.’\n\nWASHINGTON (Reuters) - Democratic candidate Hillary Clinton accused Republican contender Donald Trump of praising Putin.\n\nTrump last week invited Russia to find the emails. “Russia, if you’re listening, I hope you’re able to find the 30,000 emails,” Trump told reporters.';
    const title = 'Clinton Says Russians Hacked DNC, Calls Trump’s Putin Remarks ‘Troubling’';
    expect(extractQuotes(text, { title }).map((q) => q.speaker)).toEqual(['Donald Trump']);
  });
});

describe('names run on from a body or an office (2026-12-07, stop 48)', () => {
  it('"Democracy Corps’ Stan Greenberg": a plural\'s possessive ends the owner, and Greenberg speaks by his own name', () => {
    const text = 'Democracy Corps’ Stan Greenberg, a Democratic pollster, released data on Monday.\n\n“It’s mind-boggling,” Greenberg said.';
    expect(extractQuotes(text, { title: 'Poll' }).map((q) => q.speaker)).toEqual(['Stan Greenberg']);
  });

  it('"said Atlantic City Mayor Don Guardian": an office and a first name make a person, though "Guardian" ends a newspaper\'s name', () => {
    const text = 'Local officials welcomed the attention.\n\n“I don’t think there is bad publicity,” said Atlantic City Mayor Don Guardian in a telephone interview.';
    expect(extractQuotes(text, { title: 'Atlantic City' }).map((q) => q.speaker)).toEqual(['Don Guardian']);
    expect(extractQuotes('“We stand by our reporting,” the Manchester Guardian said.', { title: 'Paper' }).map((q) => q.speaker)).toEqual(['the Manchester Guardian']);
  });
});

describe('a body, an office, then a name (2026-12-07, stop 48)', () => {
  it('"The Council on American-Islamic Relations National Executive Director Nihad Awad says" speaks as Nihad Awad', () => {
    const text = 'The Council on American-Islamic Relations National Executive Director Nihad Awad says the candidate’s "inflammatory rhetoric has crossed the line."';
    expect(extractQuotes(text, { title: 'Rhetoric' }).map((q) => q.speaker)).toEqual(['Nihad Awad']);
  });
});
