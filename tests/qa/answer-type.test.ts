import { describe, expect, it } from 'vitest';
import { hasDate, hasReason, nameFit, numberFit, personSurnames } from '../../src/qa/answer-type.ts';
import { termForms } from '../../src/qa/terms.ts';
import { termKey } from '../../src/qa/terms.ts';

describe('numberFit', () => {
  it('wants the number of the kind asked: a count of the noun asked about, money, a percentage, a duration, an age', () => {
    const count = (text: string) => numberFit(text, 'how many accounts did the bank open', 'count', 'accounts');
    expect(count('Bankers opened more than 2 million accounts without telling customers.')).toBe(1);
    expect(count('The bank fired 5,300 employees over five years.')).toBeLessThan(1);
    expect(count('The bank has not said how it happened.')).toBe(0);
    expect(numberFit('The bridge will cost 48 million euros.', 'how much will it cost', 'money', null)).toBe(1);
    expect(numberFit('The bridge has 48 pillars.', 'how much will it cost', 'money', null)).toBeLessThan(1);
    expect(numberFit('Johnson polls 25 percent in New Mexico.', 'how is johnson polling', 'percent', null)).toBe(1);
    expect(numberFit('The filibuster lasted 39 hours.', 'how long did it last', 'duration', null)).toBe(1);
    expect(numberFit('The 83-year-old justice said she was tired.', 'how old is she', 'age', null)).toBe(1);
    expect(numberFit('A veteran dies every 72 minutes.', 'how often', 'frequency', null)).toBe(1);
  });

  it('does not take a year or a number the question already holds for the answer', () => {
    expect(numberFit('In 2016 the council met again.', 'how many people came', 'count', 'people')).toBe(0);
    expect(numberFit('The 2 million accounts were closed.', 'who opened the 2 million accounts', 'count', 'accounts')).toBe(0);
  });

  it('sees no count in the day of a date or a clock time, and a count of the noun asked about written before the number', () => {
    const places = (text: string) => numberFit(text, 'how many polling places were open', 'count', 'places');
    expect(places('On March 22, voters waited for hours at the polling places.')).toBe(0);
    expect(places('The polls opened at 7 a.m. in every polling place.')).toBe(0);
    expect(places('The county cut the number of polling places from 200 to 60.')).toBe(1);
    expect(places('Polling places in the county totaled 60 this year.')).toBe(1);
  });

  it('sees no count in a span of time, and no number in the word "one" unless a count is asked', () => {
    const died = (text: string) => numberFit(text, 'how many people died in the flood', 'count', 'people');
    expect(died('Just three hours later, the mayor addressed the flood.')).toBe(0);
    expect(died('The town has a 35-year history of floods.')).toBe(0);
    expect(died('At least nine people were killed in the flood.')).toBe(1);
    // Unless time is what is counted.
    expect(numberFit('The strike has divided the town for 11 months.', 'how many months has the strike divided the town', 'count', 'months')).toBe(1);
    const age = (text: string) => numberFit(text, 'how old was the boxer when he died', 'age', null);
    expect(age('The one exception is the boxer.')).toBe(0);
    expect(age('The boxer, who died Friday at age 74, was mourned.')).toBe(1);
    expect(numberFit('Only one senator voted against it.', 'how many senators voted against it', 'count', 'senators')).toBe(1);
  });

  it('sees no count in a name, and takes a count of other people for a count of people, for less', () => {
    const reporters = (text: string) => numberFit(text, 'how many reporters is the paper putting on the story', 'count', 'reporters');
    expect(reporters('She flew back on Air Force Two with a reporter of the paper.')).toBe(0);
    expect(reporters('The editor said 20 reporters work on the story.')).toBe(1);
    const staff = reporters('The editor said 20 staffers have been assigned to the story.');
    expect(staff).toBeGreaterThan(reporters('The editor said 20 pages have been written.'));
    expect(staff).toBeLessThan(1);
  });
});

describe('numberFit with the noun in other words', () => {
  it('takes a count of a synonym of the noun asked about ("how many automobiles" is answered by "40 cars")', () => {
    const keys = new Set(termForms('automobiles', { expand: true, noun: true }).map((f) => f.key));
    const cars = (text: string) => numberFit(text, 'how many automobiles were towed', 'count', 'automobiles', keys);
    expect(cars('Police towed 40 cars from the pier.')).toBe(1);
    expect(cars('Police towed 40 boats from the pier.')).toBeLessThan(1);
  });
});

describe('hasDate and hasReason', () => {
  it('wants a year when a year is asked ("what year", "since when"): "last week" or a weekday says something else', () => {
    expect(hasDate('The ferry line, founded in 1987, runs six boats.', true)).toBe(1);
    expect(hasDate('Then, last week, the ferry line called.', true)).toBeLessThan(hasDate('Then, last week, the ferry line called.'));
    expect(hasDate('The harbour master spoke on Thursday.', true)).toBe(0.5);
  });

  it('sees a weaker reason in an event after "after", in "as his ... struggles", in a result clause, and in a means ("using")', () => {
    expect(hasReason('The two friends fell out after Okafor read a private letter on the radio.')).toBe(0.7);
    expect(hasReason('Reyes is moving staff to the coast as his campaign struggles to raise money.')).toBe(0.7);
    expect(hasReason('She will be 60 in May, making retraining impractical.')).toBe(0.7);
    expect(hasReason('Tied precincts are settled using a coin toss.')).toBe(0.7);
    expect(hasReason('Okafor read a letter on the radio after lunch with friends.')).toBe(0);
  });

  it('takes a weaker sign right after a word of the event for the reason ("fell out after Okafor read ...")', () => {
    const text = 'The two friends had a falling out after Okafor read a private letter on the radio.';
    expect(hasReason(text, 0, [text.indexOf('falling')])).toBe(1);
    // Far from the event's words it stays a weaker sign.
    const far = 'The falling out of the two friends, long in the making and much discussed, came after Okafor read a letter.';
    expect(hasReason(far, 0, [far.indexOf('falling')])).toBe(0.7);
  });


  it('prefers a full date to a weekday, and sees no date in a dateline', () => {
    expect(hasDate('The interview premieres on Sept. 30 on Apple Music.')).toBe(1);
    expect(hasDate('The council met on Monday.')).toBeLessThan(1);
    expect(hasDate('LOS ANGELES, Sept. 28 (UPI) — The council met.')).toBe(0);
  });

  it('gives a causal clause more weight than a mere purpose or worry', () => {
    expect(hasReason('Police removed her because she was not credentialed.')).toBe(1);
    expect(hasReason('The judge refused, saying courts have no business deciding it.')).toBe(1);
    expect(hasReason('She came to win over his voters.')).toBeLessThan(1);
    expect(hasReason('The council met on Monday.')).toBe(0);
    // A causal clause explains what comes before it (or opens the sentence).
    const text = 'Because the polls closed early, officials removed the observers from the hall.';
    expect(hasReason(text, text.indexOf('removed'))).toBe(1);
    const after = 'Officials removed the observers because they had no credentials.';
    expect(hasReason(after, after.indexOf('removed'))).toBe(1);
    const before = 'The campaign won because turnout was high, and officials later removed the observers.';
    expect(hasReason(before, before.indexOf('removed'))).toBeLessThan(1);
    // Stated grounds give the reason wherever they stand.
    const grounds = 'They argue that the agency overstepped its authority when it issued the rules.';
    expect(hasReason(grounds, grounds.indexOf('agency'))).toBe(1);
  });
});

describe('nameFit', () => {
  const fitOf = (text: string, focus: string | null, person = true) =>
    nameFit(text, [], new Set(['divorce', 'records', 'judge']), { person, asksSpeaker: false, focusKeys: new Set(focus ? [termKey(focus), termKey('justice')] : []), surnames: personSurnames(text) });

  it('for "which judge", wants the name next to the noun, not a name that only qualifies it', () => {
    expect(fitOf('Manhattan Supreme Court Justice Frank Nervo rejected the request.', 'judge')).toBe(1);
    expect(fitOf('Frank Nervo, the judge in the case, rejected the request.', 'judge')).toBe(1);
    expect(fitOf('A New York judge rejected the request.', 'judge')).toBeLessThan(1);
  });

  it('takes a name after the title asked about, the title being no word of the name: "Mayor Ted Terry" for "who is the mayor"', () => {
    const mayor = (text: string) => nameFit(text, [], new Set(['who', 'mayor', 'clarkston']), { person: true, asksSpeaker: false, focusKeys: new Set([termKey('mayor')]), surnames: personSurnames(text) });
    expect(mayor('Clarkston has welcomed refugees for years, Mayor Ted Terry noted.')).toBe(1);
    expect(mayor('Clarkston has welcomed refugees for years.')).toBe(0);
  });

  it('for "which country", takes a country the question does not name, also at the start of a sentence', () => {
    const country = (text: string) =>
      nameFit(text, [], new Set(['which', 'country', 'called', 'north', 'korea', 'outlaw', 'nation']), { person: false, asksSpeaker: false, focusKeys: new Set([termKey('country')]), surnames: new Set() });
    expect(country('Japan branded North Korea an "outlaw nation in the neighborhood."')).toBe(1);
    expect(country('Officials branded North Korea an outlaw nation.')).toBe(0);
  });

  it('for "who", wants a person: a known first name, a title, or a surname the article writes with a first name', () => {
    expect(fitOf('Governor Tom Reyes visited the town.', null)).toBe(1);
    expect(fitOf('Hillary Clinton spoke first. Polls showed Clinton was the winner.', null)).toBe(1);
    expect(fitOf('The New York court met on Monday.', null)).toBeLessThan(1);
    expect(fitOf('The court met on Monday.', null)).toBe(0);
  });
});
