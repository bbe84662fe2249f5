import { describe, expect, it } from 'vitest';
import { speechVerbs, subjectAfter, wellFormedSpeaker } from '../../src/nlp/attribution.ts';
import { extractQuotes } from '../../src/nlp/quotes.ts';

/** The speaker of each quote found in a passage. */
const speakers = (text: string) => extractQuotes(text).map((q) => q.speaker);

describe('speechVerbs', () => {
  // The same matches as /\b(?:said|says|...)\b/gi over the verb list: whole ASCII words in any
  // case, two-word forms with one space, the first listed form winning ("added" before "added later").
  it('finds whole speech verbs in any case, including two-word forms', () => {
    const text = 'He SAID, then fired back: "No." She added later that resaid said_x 2said told-him Fired  back, went on; points out. Saying';
    expect(speechVerbs(text, 100)).toEqual([
      { verb: 'SAID', start: 103, end: 107 },
      { verb: 'fired back', start: 114, end: 124 },
      { verb: 'added', start: 136, end: 141 },
      { verb: 'told', start: 173, end: 177 },
      { verb: 'went on', start: 195, end: 202 },
      { verb: 'points out', start: 204, end: 214 },
      { verb: 'Saying', start: 216, end: 222 },
    ]);
  });
  it('treats letters outside ASCII as word boundaries, as \\b does', () => {
    expect(speechVerbs('éditeur saidé ĺtold', 0).map((v) => v.verb)).toEqual(['said', 'told']);
  });
});

describe('speech words used as nouns', () => {
  it('"Smith\'s remarks", "her comments", "the claims" are nouns, not verbs with "Smith\'s" as subject', () => {
    expect(speechVerbs("Moreau denounced Smith's remarks, her comments and the claims.", 0)).toEqual([]);
    expect(speechVerbs('As Smith notes, Lee remarks and she claims.', 0).map((v) => v.verb)).toEqual(['notes', 'remarks', 'claims']);
  });

  it('a word quoted to judge someone\'s remarks is the judge\'s, and so is the "he said" after it', () => {
    const text = 'President Louis Moreau denounced Smith\'s remarks as "hurtful" and warned of the damage a Smith presidency would do.\n"If the voters choose him, that will have consequences," he said.';
    expect(speakers(text)).toEqual(['Louis Moreau', 'Louis Moreau']);
  });
});

describe('a plural noun for people that opens the sentence, with its post-modifier', () => {
  it('"Attorneys for Olsen said" are the attorneys, not Olsen; "Aides to Olsen said" likewise', () => {
    expect(speakers('Mary Olsen faces a lawsuit over the account.\n\nAttorneys for Olsen appeared to oppose the effort, saying in court files that her account was private and "has never been the property of the city or anyone else."'))
      .toEqual(['Attorneys for Olsen']);
    expect(speakers('Mary Olsen spoke on Monday.\n\nAides to Olsen said she "would never sign a bill like this one, whatever happens."')).toEqual(['Aides to Olsen']);
    // A body's name that opens the sentence stays the body; its officials speak for it.
    expect(speakers('Friends of the Earth said the rules "will be enforced from the first day of next year."')).toEqual(['Friends of the Earth']);
    expect(speakers('Officials at the Border Agency said the rules "will be enforced from the first day of next year."')).toEqual(['the Border Agency']);
  });
});

describe('wellFormedSpeaker', () => {
  // Speaker strings seen on real multi-outlet news before this check: none of them names anyone.
  it.each([
    ['his'], ['the'], ['three'], ['He'], ['that'], ['a'], ['Friday'], ['officials'],
    ["Clinton's campaign has sharply"], ['North Carolina (Clinton'], ['the city embodied the'],
    ['a swiftly'], ['the so-'], ["that Sanders's"], ['of State John F. Kerry'], ['THAN EXPECTED TURNOUT IN IOWA DOESN’T INCREASE'],
    ['husband’s economic record—Q —and'],
    // A document described by what someone did with it: a clause, not a source anyone can name.
    ['a photo posted online'], ['a message tweeted by fans'], ['officials warned'],
    // One word that is no name: a group (a description needs two words), a word that opens a
    // sentence, a fragment, the state after a name.
    ['Aides'], ['Democrats'], ['Republican'], ['There'], ['Why'], ['Amid'], ['Russian'], ['Md.'], ['N.C.'],
  ])('rejects %j', (s) => {
    expect(wellFormedSpeaker(s)).toBeNull();
  });
  it.each([
    ['Ted Cruz'], ['Trump'], ['Al From'], ['a Trump campaign spokeswoman'], ['the Clinton campaign'],
    ['the editorial board'], ["Hillary Clinton's right-hand woman"],
    ['Israel'], ['F.A.A.'], ['King'], ['Walker'], ['Republicans in Congress'],
  ])('keeps %j', (s) => {
    expect(wellFormedSpeaker(s)).toBe(s);
  });
  it('keeps "Sen. Claire McCaskill (D-Mo.)" without its party tag (stop 42)', () => {
    expect(wellFormedSpeaker('Sen. Claire McCaskill (D-Mo.)')).toBe('Sen. Claire McCaskill');
  });
});

describe('a document described by a verb is no speaker', () => {
  it('gives a quote "according to a photo posted online" no speaker, and keeps the fan a video shows', () => {
    const text = (source: string) => `The fans of Harbour Town taunted their rivals after the derby on Saturday.\n\n"We will be champions again next year, mark my words," ${source}.\n\nThe club has not commented.`;
    expect(speakers(text('according to a photo posted online by one supporter'))).toEqual([null]);
    expect(speakers(text('one supporter wrote in a post online'))).toEqual(['one supporter']);
  });
});

describe('speechVerbs inside names', () => {
  it('does not read "States" in "the United States" as a speech verb', () => {
    expect(speechVerbs('entering the United States, the aide rallied', 0)).toEqual([]);
    expect(speechVerbs('He Says so', 0).map((v) => v.verb)).toEqual(['Says']);
  });
});

describe('a quantifier with its "of" phrase is the speaker', () => {

  it('"said one of those advisers" names the advisers, cut before the relative clause', () => {
    expect(speakers('"There will be no path," said one of those advisers, who spoke on the condition of anonymity.')).toEqual(['one of those advisers']);
    expect(speakers('"It was awful," said one of two witnesses who relayed the same story.')).toEqual(['one of two witnesses']);
  });

  it('"one" alone or "one of them" names no one', () => {
    expect(speakers('"It was awful," said one.')).toEqual([null]);
    expect(speakers('"It was awful," said one of them.')).toEqual([null]);
  });
});

describe('a descriptor that gives a name', () => {
  it('"said the base chief known as Bob" is Bob, "said a resident named Caroline Smith" is Caroline Smith', () => {
    expect(speakers('"There never was an order," said the base chief known as Bob, speaking for the first time.')).toEqual(['Bob']);
    expect(speakers('"He cares," said a resident named Caroline Smith.')).toEqual(['Caroline Smith']);
  });
});

describe('the outlet someone speaks to is not the speaker', () => {

  it('"a source speaking to Fox News said" is the source, "Sen. Jane Roe talking with CNN said" is Jane Roe', () => {
    expect(speakers('A senior official talking with NBC News said, "The agents are investigating."')).toEqual(['a senior official']);
    expect(speakers('Sen. Jane Roe speaking to CNN said, "We will win in November."')).toEqual(['Jane Roe']);
  });
});

describe('an indefinite pronoun placed by its phrase', () => {

  it('"someone in the audience shouted" is someone in the audience, not the audience', () => {
    expect(speakers('Someone in the audience shouted, "Four more years!"')).toEqual(['Someone in the audience']);
    expect(speakers('Trump spoke in Ohio.\n\nMany in the crowd chanted, "Lock her up!"')).toEqual(['many in the crowd']);
  });
});

describe('a name set off by commas before the verb', () => {

  it('never takes a place with its region for the speaker ("Cape Breton, Nova Scotia,")', () => {
    // The lower-case word before ", Nova Scotia," used to be found inside "Breton".
    expect(speakers('Rob Calabrese, a radio host in Cape Breton, Nova Scotia, said: "Come north."')).toEqual(['Rob Calabrese']);
    expect(speakers('A radio host in Cape Breton, Nova Scotia, said: "Come north."')).toEqual([null]);
    expect(speakers('The mayor of Sydney, Cape Breton, said: "Come north."')).toEqual([null]);
  });

  it('reads a name after a preposition as its object: the person it belongs to speaks', () => {
    expect(speakers('Sen. Bob Corker of Tennessee, the committee chairman, said: "We will vote."')).toEqual(['Bob Corker']);
    expect(speakers('Dana Welch, 22, of Flint, Mich., said: "We want water."')).toEqual(['Dana Welch']);
    expect(speakers('Ann Ortiz, a pollster who works with Priorities USA, a super PAC, said the race was "close and getting closer."')).toEqual(['Ann Ortiz']);
  });

  it('lets officials at a body speak for it', () => {
    expect(speakers('Officials at Border Security Investigations, a division of the agency, said they feared "more sophisticated fraud."')).toEqual(['Border Security Investigations']);
  });

  it('gives no name when several people are the subject', () => {
    expect(speakers('Mark Penn and Howard Lee, both Democrats, said: "We agree."')).toEqual([null]);
  });

  it('keeps a name with a particle whole ("Anwar al-Awlaki")', () => {
    expect(speakers('In the video, the cleric Anwar al-Awlaki, who was killed in 2011, is shown lecturing: "Take heed."')).toEqual(['Anwar al-Awlaki']);
  });
});

describe('a description keeps its post-modifier (round 6)', () => {

  it('the noun for people before "to", "for", "familiar with", "in" is the speaker, never the name after it', () => {
    expect(speakers('Sen. Ted Cruz spoke in Iowa on Monday.\n\n"He has no plans to drop out," an aide to Sen. Ted Cruz said.')).toEqual(['an aide to Sen. Ted Cruz']);
    expect(speakers('Hillary Clinton spoke in Ohio.\n\n"She was never told," a former aide to Clinton said.')).toEqual(['a former aide to Clinton']);
    expect(speakers('The deal was close.\n\n"It could fall apart," a source familiar with the negotiations said.')).toEqual(['a source familiar with the negotiations']);
    expect(speakers('The deal was close.\n\n"It could fall apart," two people briefed on the talks told reporters.')).toEqual(['two people briefed on the talks']);
    expect(speakers('Hundreds marched.\n\n"Go home," a woman in the crowd shouted.')).toEqual(['a woman in the crowd']);
    expect(speakers('The talks stalled.\n\n"We are close," officials with knowledge of the meeting said.')).toEqual(['officials with knowledge of the meeting']);
  });

  it('follows a chain of phrases back to the noun for people', () => {
    expect(speakers('The trial opened on Monday.\n\n"We want answers," a lawyer for the family of the victim said.')).toEqual(['a lawyer for the family of the victim']);
  });

  it('a description of someone with a place resolves to who holds the role: "the senator from Vermont"', () => {
    expect(speakers('Sen. Bernie Sanders spoke in Iowa on Monday.\n\n"It is rigged," the senator from Vermont said.')).toEqual(['Bernie Sanders']);
  });

  it('a time after the noun is no post-modifier, and a verb before the noun makes it no subject', () => {
    expect(speakers('The talks stalled.\n\n"We are close," a spokesman on Tuesday said.')).toEqual(['a spokesman']);
    expect(speakers('Mayor Ann Cole thanked supporters at the rally, telling volunteers in the hall "We did it."')).toEqual(['Ann Cole']);
  });
});

describe('after an inverted verb, a description keeps its post-modifier (round 6)', () => {

  it('"said a spokeswoman for the Trump campaign", "said a person close to the talks"', () => {
    expect(speakers('Donald Trump spoke in Ohio.\n\n"We will not comment," said a spokeswoman for the Trump campaign.')).toEqual(['a spokeswoman for the Trump campaign']);
    expect(speakers('The talks stalled.\n\n"We are close," said a person close to the talks.')).toEqual(['a person close to the talks']);
    expect(speakers('The rally ended.\n\n"He peaked," said one longtime adviser to the governor.')).toEqual(['one longtime adviser to the governor']);
    expect(speakers('The rally ended.\n\n"He peaked," said a strategist for one of the campaigns, speaking on condition of anonymity.')).toEqual(['a strategist for one of the campaigns']);
  });

  it('not where or how it was said, nor when', () => {
    expect(speakers('The talks stalled.\n\n"We are close," said a spokesman in a statement.')).toEqual(['a spokesman']);
    expect(speakers('The talks stalled.\n\n"We are close," said a spokesman on Tuesday.')).toEqual(['a spokesman']);
  });

  it('a plural noun phrase with no determiner: "said state officials"', () => {
    expect(speakers('The bridge closed.\n\n"There is no other way," said state officials.')).toEqual(['state officials']);
    // One word alone names no one.
    expect(speakers('The bridge closed.\n\n"There is no other way," said officials.').every((s) => s === null)).toBe(true);
  });
});

describe('the clause that sets a description off is not its subject (round 6)', () => {

  it('"a Republican operative who worked for Jeb Bush said" is the operative', () => {
    expect(speakers('Donald Trump spoke in Ohio.\n\n"He is winning," a Republican operative who worked for Jeb Bush said.')).toEqual(['a Republican operative']);
    // A clause of its own inside the relative clause keeps its subject.
    expect(speakers('Rep. Joe Walsh, the Ohio congressman who became known in 2009 when he shouted, "You lie!" lost.')).not.toContain('the Ohio congressman');
  });

  it('"a senior adviser, speaking on condition of anonymity, said"', () => {
    expect(speakers('The talks stalled.\n\n"We are close," a senior adviser, speaking on condition of anonymity, said.')).toEqual(['a senior adviser']);
  });

  it('a noun for people with an age or an agent ending, and "people close to"', () => {
    expect(speakers('Donald Trump spoke in Ohio.\n\n"He is winning," a 45-year-old nurse from Toledo said.')).toEqual(['a 45-year-old nurse from Toledo']);
    expect(speakers('Donald Trump spoke in Ohio.\n\n"He is winning," people close to Trump said.')).toEqual(['people close to Trump']);
    expect(speakers('Donald Trump spoke in Ohio.\n\n"He is winning," according to people close to Trump.')).toEqual(['people close to Trump']);
    expect(speakers('Donald Trump spoke in Ohio.\n\n"He is winning," Republicans close to the campaign said.')).toEqual(['Republicans close to the campaign']);
  });
});

describe('who a participle belongs to (round 6)', () => {

  it('"a reporter can be heard asking": the one heard, not the one asked', () => {
    expect(speakers('Mayor Ann Cole left the hall.\n\n"Should there be a vote?" a reporter can be heard asking Cole after the event.')).toEqual(['a reporter']);
  });

  it('a clause with its own subject before the participle: "where about 50 protesters had gathered, chanting"', () => {
    const text = 'Ann Cole spoke down the street from the casino, where about 50 protesters had gathered on Wednesday morning, chanting "no contract, no peace" after the talks failed.';
    expect(speakers(text)).toEqual(['about 50 protesters']);
  });
});

describe('"called" that names a thing is no speech (round 6)', () => {

  it('"a warm-up band called Sophistafunk got the crowd to cheer" gives the band no words; "a spokesman called Clinton ..." still speaks', () => {
    expect(speakers('Sanders took the stage at ten. A warm-up band called Sophistafunk got the crowd to cheer for "President Bernie Sanders."')).not.toContain('a warm-up band');
    expect(speakers('A spokesman called Clinton "unqualified."')).toEqual(['a spokesman']);
  });

  it('"a 2002 psychology class called “Perception”": a quoted title after a thing is named, not said, so the "writing" after it is the sharer\'s', () => {
    const quotes = extractQuotes('Later on Sunday, Ben Carson shared a syllabus for a 2002 psychology class called “Perception” on his Facebook page, writing “Here is a syllabus for the class you claim never existed.”');
    expect(quotes.at(-1)!.speaker).toBe('Ben Carson');
    expect(speakers('The book was a hit. It told of a popular play called "Sons of Trump," which mocks the rich.')).not.toContain('a popular play');
    // A subject that coined the words is still their source.
    expect(speakers("It is what one Latino conservative has dubbed ''the yuca primary,'' after the Cuban staple.")).toEqual(['one Latino conservative']);
  });
});

describe('a new sentence after a quotation is no cue when its verb has an object of its own', () => {
  it('"Glancy admitted five counts of fraud" after the judge\'s words is narration, not their speaker', () => {
    const quotes = extractQuotes(
      "Judge Peter Moss spoke to the defendant, Patricia Glancy. 'You risked their reputation,' said Judge Moss. " +
        "'I saw evidence you had been engaged in charity events. That may well have been the motivation for you.' " +
        'Glancy, from Ascot, admitted five counts of fraud at an earlier hearing.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Peter Moss', 'Peter Moss']);
  });
});

describe('speech verbs: "elaborated", "reiterated", "clarified", "bemoaned", "texted"', () => {
  it('report the words of their subject, after a quotation and before one', () => {
    expect(speakers('"First and foremost," Dorothy Woods told the host.\n\n"The way I see it," she elaborated, "no one ever questioned his service."'))
      .toEqual(['Dorothy Woods', 'Dorothy Woods', 'Dorothy Woods']);
    expect(speakers('Marco Rubio also bemoaned a climate in which people "literally hate each other" over politics.')).toEqual(['Marco Rubio']);
  });
});

describe('subjects that name no one (the fifth walk)', () => {
  it('"that" opening a clause is no part of its subject', () => {
    expect(speakers('Nine people were hurt by a blast that Mayor Ana Lima described as "a deliberate act."')).toEqual(['Ana Lima']);
    expect(speakers('Smugglers dig so many tunnels that Border Patrol agents described the ground as "Swiss cheese."')).toEqual(['Border Patrol agents']);
  });

  it('a modifier cut off from its noun is no speaker: "Tom Reyes’s repeated (calls)", "a flurry of late-night (tweets)"', () => {
    expect(speakers('Ana Lima also decried Tom Reyes’s repeated calls to close the port, noting he has "sacrificed nothing" for it.')).toEqual(['Ana Lima']);
    expect(speakers('Ana Lima says Tom Reyes’s flurry of late-night tweets attacking a rival was "unhinged, even for him."')).toEqual(['Ana Lima']);
    expect(wellFormedSpeaker('Tom Reyes’s early-morning')).toBeNull();
    expect(wellFormedSpeaker('the head of the party’s powerful')).toBeNull();
    expect(wellFormedSpeaker('Tom Reyes’s campaign manager')).toBe('Tom Reyes’s campaign manager');
  });

  it('"His repeated claims", "a small speaking gig", "the frequency acknowledged by the pilots" hold no verb of saying', () => {
    expect(speakers('His repeated claims of knowing nothing about "the conduct of my old friend" were doubted.').filter(Boolean)).toEqual([]);
    expect(speakers('Maybe it is an interview or a small speaking gig, and you are terrified to say "yes, of course."')).toEqual([null]);
    expect(speakers('The board said that given the last frequency acknowledged by the pilots it is "likely the first officer dialled the wrong one."')).toEqual(['the board']);
    // "said by": never passive.
    expect(speakers('Ms. Gao said by telephone, "I think the government should act now."')).toEqual(['Ms. Gao']);
  });

  it('a common noun’s possessive with nothing before it is cut off ("weekend\'s trade phone call")', () => {
    expect(wellFormedSpeaker("weekend's trade phone call")).toBeNull();
    expect(wellFormedSpeaker("the weekend's trade phone call")).toBe("the weekend's trade phone call");
  });

  it('after an inverted verb, a capitalised word before a lower-case noun is no name', () => {
    // ", added Latin hits including ...": the object of "added", not its subject.
    expect(subjectAfter(' Latin hits including two songs.', 0)).toBeNull();
    expect(subjectAfter(' Ana Lima in a statement.', 0)).toMatchObject({ kind: 'name', text: 'Ana Lima' });
    expect(speakers('"We will be back next year with all of them," said Lima supporters outside the hall.')).toEqual(['Lima supporters']);
    // A role of four words between the owner and the name: "Clinton’s top foreign policy aide Jake Sullivan".
    expect(speakers('"This is a national security issue now," said Lima’s top foreign policy aide Jack Sullivan.')).toEqual(['Jack Sullivan']);
    expect(speakers('"He is a longtime friend of mine," said Lima ally James Carver.')).toEqual(['James Carver']);
  });

  it('"the needs of Western states" holds no verb; "Hours later," opens the sentence before its subject', () => {
    expect(speechVerbs('who spent more time talking about the needs of Western states than about the race', 0)).toEqual([]);
    expect(speakers('Hours later, Tom Reyes returned the compliment, telling Reuters, "We have been friends for a long time."')).toEqual(['Tom Reyes']);
  });

  it('a form’s field label before a colon is no speaker ("Name: ... Why she is protesting: “...”")', () => {
    expect(speakers('Name: Gabriela Ruiz Age: 27 City: Newark Job: Waitress\n\nName: “As a tip worker, I make a sub-minimum wage of $5 an hour.”')).toEqual([null]);
    expect(speakers('Tom Reyes, Newark Ledger: “As a tip worker, she makes a sub-minimum wage of $5 an hour.”')).toEqual(['Tom Reyes']);
  });

  it('a descriptor ending in an adverb is cut off ("the ones State now says")', () => {
    expect(wellFormedSpeaker('the ones State now')).toBeNull();
    // "one neo-bank CEO told": the role's acronym alone names no one; markup left in a text is no part of a name.
    expect(wellFormedSpeaker('CEO')).toBeNull();
    // "Others shouted" names no one (a pronoun); "Witnesses" is the plural of a word for someone unnamed, as "Aides" is.
    expect(['Others', 'Witnesses', 'Aides'].map(wellFormedSpeaker)).toEqual([null, null, null]);
    expect(['Reuters', 'Sanders'].map(wellFormedSpeaker)).toEqual(['Reuters', 'Sanders']);
    expect(wellFormedSpeaker('>Sanders')).toBe('Sanders');
    // "... from atop its state capitol all spoke to": a floating "all" ends no noun phrase.
    expect(wellFormedSpeaker('its state capitol all')).toBeNull();
    expect(wellFormedSpeaker('that level sexist')).toBeNull();
    expect(wellFormedSpeaker('the state senator')).toBe('the state senator');
  });
});

describe('two roles of one person joined by "and" (2026-12-06)', () => {
  it('"the singer and guitarist told" is the musician the paragraph is about; two capitalised roles stay unread', () => {
    const text = 'Pat Simmons teased the tour during the band’s set on Monday night in Nashville.\n\n' +
      'After the encore, the singer and guitarist told the audience, “That’s really good, maybe we should go on the road.”';
    expect(speakers(text)).toEqual(['Pat Simmons']);
    // The second role may be someone else's: "the senator and Democratic presidential candidate" is not read as one.
    expect(speakers('Paul Hart spoke first.\n\nSen. Ana Lima spoke next.\n\n"We will rebuild every town," the independent Maine senator and Democratic presidential candidate told reporters.')).not.toContain('Paul Hart');
  });
});

describe('a participle after whom something was sent or said to, and a document named only by its kind (2026-12-06)', () => {
  it('"emailed supporters saying" is the subject’s; "upon saying" too; "sent donors a letter saying" is the sender’s', () => {
    const text = 'Gov. Ana Lima spoke in Dover on Tuesday.\n\n' +
      'The governor emailed supporters saying, “We will keep fighting for every vote in this primary.”\n\n' +
      'Paul Hart spoke at the convention. He was greeted by a wave of boos upon saying “I will vote for the governor in November.”\n\n' +
      'Lima later sent donors a letter saying “the state will not back down from this fight.”';
    expect(speakers(text)).toEqual(['Ana Lima', 'Paul Hart', 'Ana Lima']);
  });

  it('"She was sent a letter saying" names no writer: no speaker, not "a letter"', () => {
    expect(speakers('Ana Lima arrived at the office on Monday.\n\nShe was sent a letter saying “your contract will end on Friday, effective immediately.”')).toEqual([null]);
    expect(['a statement', 'an interview', 'a letter'].map(wellFormedSpeaker)).toEqual([null, null, null]);
    expect(wellFormedSpeaker('a sign')).toBe('a sign');
  });
});

describe('an age set off by commas after a description (stop 36)', () => {
  it('"The singer, 28, said" and "The star, 28, posted a video, saying" are the singer and the star', () => {
    const text = 'Amy Cole has a new dog.\n\n' +
      'The singer, 28, said: "Meet the newest member of the family."\n\n' +
      'The star, 28, posted a video, saying: "He loves the snow so much."';
    expect(speakers(text)).toEqual(['Amy Cole', 'Amy Cole']);
  });

  it('a number between commas after a number is no age of a subject', () => {
    expect(speakers('The vote was 52, 48, said: "We won."')).toEqual([null]);
  });
});

describe('a quotation after a sentence in which someone put out a statement is that statement (stop 36)', () => {
  it('"released a statement on Monday:" and a paragraph of quotation after "issued a statement apologizing ..."', () => {
    const text = 'The party issued a statement apologizing to Ana Lima for the emails, which had mocked her campaign.\n\n' +
      '"On behalf of everyone at the party, we want to offer a sincere apology to Senator Lima."\n\n' +
      'The Hale campaign released a statement on Monday:\n\n' +
      '"We welcome the apology and look forward to a united convention."';
    expect(speakers(text)).toEqual(['the party', 'the Hale campaign']);
  });

  it('a verb of saying in the sentence still decides: "Acme released a report, but Tom Ross said: ..."', () => {
    expect(speakers('Acme Corp released a report on Monday, but Tom Ross said: "The numbers are wrong."')).toEqual(['Tom Ross']);
  });
});

describe('"A letter from the X read:" is X (stop 36)', () => {
  it('"read" is a verb of saying for whom the text came from, a body by name; not for a sign by a door', () => {
    const text = 'The vote was held on Monday.\n\n' +
      'A letter from the National Rifle Association read: "Our members will remember this vote."\n\n' +
      'A sign by the door read: "No entry after dark."';
    expect(speakers(text)).toEqual(['the National Rifle Association', null]);
  });
});

describe('a body named with "for" or "on" (2026-12-07, stop 48)', () => {
  const speakersOf = (text: string) => extractQuotes(text, { title: 'Service' }).map((q) => q.speaker);

  it('"Transport for London said" and "Eastport on Wheels said" speak by the whole name, not by "London" or "Wheels"', () => {
    expect(speakersOf('Services resumed on Monday after the storm.\n\nTransport for London said the line would reopen "as soon as it is safe".')).toEqual(['Transport for London']);
    expect(speakersOf('Volunteers gathered at the depot.\n\nEastport on Wheels said its drivers were "sick of the squabbling".')).toEqual(['Eastport on Wheels']);
  });

  it('a day after the name is no part of it, and a name inside the sentence is not joined', () => {
    expect(speakersOf('The talks ended.\n\nSmith on Monday said the deal was "close".')).toEqual(['Smith']);
    expect(speakersOf('The talks ended. Voters in Ohio backed Jane Smith for mayor, and Smith said the result was "humbling".')).toEqual(['Jane Smith']);
  });
});

describe('a party or state in brackets after the name (2026-12-07, stop 48)', () => {
  it('"Illinois Attorney General Lisa M. Madigan (D) asserted" and "Sen. Ted Cruz (Tex.)" speak without the bracket', () => {
    expect(wellFormedSpeaker('Lisa M. Madigan (D)')).toBe('Lisa M. Madigan');
    expect(wellFormedSpeaker('Ted Cruz (Tex.)')).toBe('Ted Cruz');
    expect(wellFormedSpeaker('Jane Roe (N.Y.)')).toBe('Jane Roe');
    expect(extractQuotes('In appealing for the inquiry, Illinois Attorney General Lisa M. Madigan (D) asserted that "trust in the police is broken."', { title: 'Inquiry' }).map((q) => q.speaker)).toEqual(['Lisa M. Madigan']);
  });
});

describe('an office alone is no speaker (2026-12-07, stop 48)', () => {
  it('"Undersecretary", "Senator" or "Mayor" cut from the name after it names no one', () => {
    for (const office of ['Undersecretary', 'Senator', 'Mayor', 'Chairman']) expect(wellFormedSpeaker(office)).toBeNull();
    expect(wellFormedSpeaker('Wendy Sherman')).toBe('Wendy Sherman');
  });
});

describe('a person, then where they are from (2026-12-07, stop 48)', () => {
  it('"Stacy Baker of Columbia, South Carolina says" is Stacy Baker, not the state; "Secretary of State, John Kerry said" stays Kerry', () => {
    expect(extractQuotes('Supporters gathered.\n\nStacy Baker of Columbia, South Carolina says she thinks Cruz can win if he keeps "doing what he is doing."', { title: 'Rally' }).map((q) => q.speaker)).toEqual(['Stacy Baker']);
    expect(extractQuotes('Talks stalled.\n\nSecretary of State, John Kerry said the deal was "close".', { title: 'Talks' }).map((q) => q.speaker)).toEqual(['John Kerry']);
  });
});
