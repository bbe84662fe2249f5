import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/nlp/sentences.ts';
import { contentTerms } from '../../src/nlp/tokens.ts';
import { cleanSentence, leadSentences, summarize } from '../../src/nlp/extractive.ts';

const seed = readFileSync(new URL('../fixtures/rt-2016-09-05-putin-obama-syria.txt', import.meta.url), 'utf8');
const seedTitle = "Putin: Russia & US may reach agreement on Syria 'within next few days'";

/** Share of a's distinct terms that b also has: 1 for a sentence repeated with small edits. */
function overlap(a: string, b: string): number {
  const x = new Set(contentTerms(a));
  const y = new Set(contentTerms(b));
  return [...x].filter((t) => y.has(t)).length / Math.max(1, x.size);
}

describe('summarize: the seed article', () => {
  for (const [label, input] of [
    ['raw scrape', { text: seed }],
    ['with title', { text: seed, title: seedTitle }],
  ] as const) {
    describe(label, () => {
      const summary = summarize(input);
      const sentences = splitSentences(seed);

      it('returns three sentences of the article, in article order', () => {
        expect(summary).toHaveLength(3);
        const positions = summary.map((s) => sentences.indexOf(s));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      });

      it('says what happened: Putin expects a Syria agreement with the US soon, after meeting Obama', () => {
        const text = summary.join(' ');
        expect(summary[0]).toMatch(/agreement/);
        expect(summary[0]).toMatch(/Putin/);
        expect(text).toMatch(/Obama/);
        expect(text).toMatch(/Syria/);
        expect(text).toMatch(/shortly|within the next few days/);
      });

      it('contains no page furniture, dateline, headline or sub-heading', () => {
        for (const s of summary) {
          expect(s).not.toMatch(/icon|bookmark/);
          expect(s).not.toMatch(/^5 Sep, 2016/);
          expect(s).not.toBe(seedTitle);
          expect(s).not.toMatch(/^'To normalize/);
        }
      });

      it('has no near-duplicate sentences', () => {
        for (let i = 0; i < summary.length; i++)
          for (let j = i + 1; j < summary.length; j++) expect(overlap(summary[i]!, summary[j]!)).toBeLessThan(0.6);
      });
    });
  }

  it('leaves out a paragraph the article repeats almost word for word', () => {
    const lead =
      'Moscow and Washington may reach an agreement on resolving the Syrian crisis shortly, Russian President Vladimir Putin said on Monday, following a meeting with US counterpart Barack Obama.';
    const repeated = seed.replace(
      'The Syrian crisis was top of the agenda',
      'Moscow and Washington may reach an agreement on resolving the Syrian crisis soon, Russian President Vladimir Putin said on Monday after a meeting with US counterpart Barack Obama. The Syrian crisis was top of the agenda',
    );
    const summary = summarize({ text: repeated });
    expect(summary).toContain(lead);
    expect(summary.filter((s) => overlap(lead, s) > 0.6)).toHaveLength(1);
  });
});

describe('summarize: length and edge cases', () => {
  const shortArticle = [
    'Heavy rain flooded the centre of Leeds on Tuesday, closing roads and the main railway station for several hours.',
    'The Environment Agency said river levels in the city rose by two metres overnight after a month of rain fell in a day.',
    'About 200 homes were evacuated and the council opened two schools as emergency shelters for residents.',
    'Trains were expected to run normally again by Wednesday morning, the rail operator said.',
    'Forecasters expect drier weather for the rest of the week.',
  ].join(' ');

  it('gives two sentences for a short article, starting with what happened', () => {
    const summary = summarize({ text: shortArticle, title: 'Leeds opens schools to flooded families' });
    expect(summary).toHaveLength(2);
    expect(summary[0]).toMatch(/^Heavy rain flooded the centre of Leeds/);
  });

  it('respects maxSentences', () => {
    expect(summarize({ text: seed }, { maxSentences: 1 })).toHaveLength(1);
    expect(summarize({ text: seed }, { maxSentences: 2 })).toHaveLength(2);
  });

  it('does not crash on empty, blank or one-sentence input', () => {
    expect(summarize({ text: '' })).toEqual([]);
    expect(summarize({ text: '  \n\n ' })).toEqual([]);
    expect(summarize({ text: 'The central bank raised interest rates by half a point on Thursday.' })).toEqual([
      'The central bank raised interest rates by half a point on Thursday.',
    ]);
    // A bare headline is not a summary; nothing is better than a fragment.
    expect(summarize({ text: 'Breaking news' })).toEqual([]);
  });

  it('uses sentences given by the caller instead of splitting again', () => {
    const sentences = ['First given sentence about the budget vote in parliament today.', 'Second given sentence about the budget vote result.'];
    expect(summarize({ text: 'ignored text', sentences })).toEqual(sentences);
  });

  it('skips bylines, timestamps, datelines, captions and questions, and strips "(CNN) --"', () => {
    const text =
      'By . Daily Mail Reporter . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . ' +
      '(CNN) -- The bishop of Fargo has exposed hundreds of church members to the hepatitis A virus, health officials said on Friday. ' +
      'Scroll down for video . ' +
      'The state Health Department issued an advisory for anyone who attended five churches and took communion. ' +
      'Was anyone infected? ' +
      'The bishop contracted the infection through contaminated food while attending a conference in Italy last month. ' +
      'Symptoms of hepatitis A include fever, tiredness, loss of appetite and nausea, officials said. ' +
      'Officials say the risk of infection is low but wanted to alert people to the possible exposure. ' +
      'The diocese said the bishop is taking time off while he recovers from the illness. ' +
      'Church members who feel unwell have been asked to contact their doctor as soon as possible. ' +
      'Vaccination clinics will open at the five churches next week for anyone who may have been exposed. ' +
      'The diocese has about 80,000 members across the eastern half of the state.';
    const summary = summarize({ text });
    expect(summary).toHaveLength(3);
    expect(summary[0]).toBe(
      'The bishop of Fargo has exposed hundreds of church members to the hepatitis A virus, health officials said on Friday.',
    );
    for (const s of summary) expect(s).not.toMatch(/PUBLISHED|UPDATED|Reporter|Scroll down|\?|\(CNN\)/);
  });

  it('skips lines that send the reader elsewhere on the page ("Watch a clip of the interview above.")', () => {
    const text =
      'The mayor of Dunmore resigned on Tuesday after an audit found missing funds. ' +
      'Watch a clip of the mayor’s interview above. ' +
      'Read part 1 of our series on the audit here, and part 2 here.';
    const summary = summarize({ text });
    expect(summary).toEqual(['The mayor of Dunmore resigned on Tuesday after an audit found missing funds.']);
  });

  it('cleanSentence removes wire datelines only', () => {
    expect(cleanSentence('LONDON (Reuters) - Shares fell.')).toBe('Shares fell.');
    expect(cleanSentence('Beirut (CNN) -- Syria struck a camp.')).toBe('Syria struck a camp.');
    expect(cleanSentence('(CNN)For years, fans waited.')).toBe('For years, fans waited.');
    expect(cleanSentence('WASHINGTON — The Senate voted.')).toBe('The Senate voted.');
    expect(cleanSentence('The Senate (in a late session) voted.')).toBe('The Senate (in a late session) voted.');
    // The place in capitals with its state or country as written.
    expect(cleanSentence('CASPER, Wyo. - Sen. Ted Cruz won 14 delegates.')).toBe('Sen. Ted Cruz won 14 delegates.');
    expect(cleanSentence('BOCA RATON, Fla. -- Weeds cover the greens.')).toBe('Weeds cover the greens.');
    expect(cleanSentence('RANGOON, Burma - Allies predicted a landslide.')).toBe('Allies predicted a landslide.');
    expect(cleanSentence('Trump, Clinton - the race tightens.')).toBe('Trump, Clinton - the race tightens.');
  });

  it('leadSentences gives the first usable sentences (the Lead-N baseline)', () => {
    expect(leadSentences({ text: seed }, 2)).toEqual(splitSentences(seed).slice(3, 5));
  });

  it('does not open with a pronoun sentence when the sentence that names the person is left out', () => {
    // The "She" sentence is the most central one; without the pronoun rule it opens the summary.
    const text = [
      'Maria Lopez spoke to reporters in the capital on Monday.',
      'She said the opposition would call a general strike over early elections if protesters remained in jail after the protest.',
      'Thousands of protesters demanding early elections blocked roads in the capital during the protest.',
      'Police said the protest over early elections was largely peaceful and no protesters were arrested.',
      'The government has rejected calls for early elections, saying the next vote is due in two years.',
      'Shops along the road stayed closed for most of the day.',
      'Several bus routes were diverted and schools in the area closed early.',
      'Organisers said further protests over elections were planned across the country.',
    ].join(' ');
    const summary = summarize({ text });
    const she = summary.findIndex((s) => s.startsWith('She '));
    expect(summary).toHaveLength(3);
    expect(summary[0]).not.toMatch(/^She /);
    if (she >= 0) expect(summary.slice(0, she).some((s) => s.includes('Maria Lopez'))).toBe(true);
  });
});

describe('summarize: the headline and the first sentence', () => {
  const title = 'Lorn council cuts library hours to fix water pipes';
  // As scraped texts often come: the headline again as the first paragraph, then a lead that nearly copies it.
  const text = [
    `${title}.`,
    'The Lorn city council cut library opening hours on Monday night to fix the water pipes under the old town.',
    'She said the decision had been the hardest of her first year in office, and that the pipes could not wait.',
    'Mayor Ingrid Sala told reporters that the network was eighty years old and had burst eleven times this winter.',
    'Under the plan, the central library will close at five o\'clock on weekdays instead of eight.',
    'Two branch libraries will open only three days a week, and the mobile library will stop running.',
    'Opposition councillor Tomas Beck called the cuts short-sighted and said cheaper loans had been ignored.',
    'Library staff said they would hold a public meeting next week to collect signatures against the new hours.',
    'The water works are expected to take four years and to cost about 60 million crowns.',
  ].join('\n\n');

  it('never repeats the headline nor a near-copy of it', () => {
    const summary = summarize({ title, text });
    expect(summary.length).toBeGreaterThanOrEqual(2);
    for (const sentence of summary) expect(sentence).not.toMatch(/^(?:Lorn council cuts|The Lorn city council cut)/);
  });

  it('does not open with a pronoun for a person it has not named; such a sentence may follow one that names her', () => {
    for (const maxSentences of [1, 2, 3]) {
      const summary = summarize({ title, text }, { maxSentences });
      expect(summary[0], String(maxSentences)).not.toMatch(/^(?:She|He|They|Her|His|Their)\b/);
    }
    const short = summarize({ title: 'Sala on the pipes', text: [text.split('\n\n')[2], text.split('\n\n')[3]].join(' ') });
    expect(short).toEqual(['Mayor Ingrid Sala told reporters that the network was eighty years old and had burst eleven times this winter.']);
  });

  it('still gives the headline-like lead when no title is known (nothing to repeat)', () => {
    expect(summarize({ text })[0]).toMatch(/^(?:Lorn council cuts|The Lorn city council cut)/);
  });
});


describe('summarize: a sentence that opens with a pronoun (2026-12-07, stop 47)', () => {
  it('takes "She is ..." only right after the sentence that names her, not after one about someone else', () => {
    const text = [
      'DUNMORE, Ohio, May 4 — Senator Ruth Vance on Wednesday had her second run-in with a hospital protester in a week when guards had to surround her after a woman broke through a barrier and ran for the stage in Dunmore.',
      'The senator never stopped speaking at the Dunmore rally as guards stood around her on stage and others carried the protester away.',
      'Kelly Marsh was identified as the protester, wearing a shirt that read "Save our ward." She is a member of the hospital campaign group Save Dunmore Hospital, which also tried to interrupt a Vance rally last Thursday in Lorain.',
      'The incident comes a day after remarks by her opponent, Republican Tom Baker, were read by some as a threat against her.',
      '"If she wins, nothing you can do, folks," Baker told a rally in Toledo.',
      'Several outlets reported on Wednesday that the police had spoken to Baker or his staff about the remark.',
      'Vance seemed ready to joke about the incident, telling the crowd, "Some people get a little carried away."',
    ].join('\n\n');
    const summary = summarize({ title: 'Guards stop protester at Senator Vance rally', text });
    // "She is a member of ..." after "The senator never stopped speaking" would make the senator the protester.
    for (const [i, sentence] of summary.entries()) {
      if (/^She\b/.test(sentence)) expect(summary[i - 1]).toMatch(/^Kelly Marsh was identified/);
    }
    expect(summary.length).toBeGreaterThanOrEqual(2);
  });
});
