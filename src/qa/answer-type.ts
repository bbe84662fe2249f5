// Answer-type checks: does a sentence hold the kind of thing a question asks for, and how well?
// A "how many accounts" question wants a count next to "accounts", "how much" an amount of money,
// "what share" a percentage, "when" a date, "why" a causal clause, "which judge" a person's name
// next to "judge". Each check gives 0 (absent), a partial value (a number but not of the kind
// asked), or 1. Hand-written patterns: they only have to find whether such a thing is present,
// not parse it (chrono-node takes 0.9 s to load and 0.7 ms a sentence, and finds no bare year).
import { countries } from 'countries-list';
import type { FoundQuote } from '../model.ts';
import { firstNameGender } from '../nlp/people.ts';
import { entityMentions, tokenize } from '../nlp/tokens.ts';
import { escapeRegExp } from '../util/text.ts';
import type { NumberKind } from './question.ts';
import { ROLE_NOUNS } from './question.ts';
import { termKey } from './terms.ts';
import { closeInMeaning } from './paraphrase.ts';

const NUMBER_WORD_LIST =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?';
const NUMBER_WORDS = new RegExp(String.raw`\b(?:${NUMBER_WORD_LIST}|half|quarter|percent|majority|minority|handful)\b`, 'i');
/** A number written in digits or words, as one token run ("2 million", "Twenty-nine", "$1.1 billion", "19-15"). */
const NUMBER_RUN = new RegExp(
  String.raw`(?:[$£€]\s?)?(?:\d[\d,.]*(?:-\d[\d,.]*)?|\b(?:${NUMBER_WORD_LIST})(?:-(?:${NUMBER_WORD_LIST}))?\b)(?:\s?(?:million|billion|trillion|thousand|hundred)\b)?`,
  'gi',
);
const YEAR_ONLY = /^(?:19|20)\d\d$/;
const MONEY = /[$£€]\s?\d|\b\d[\d,.]*\s?(?:million|billion|trillion)?\s?(?:dollars|euros|pounds|yuan|pesos|rubles)\b|\b(?:million|billion|trillion)\s+(?:dollars|euros|pounds)\b/i;
const PERCENT = /\b\d[\d.]*\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b|points?\b)|\b(?:[a-z]+-)?(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?\s+percent\b|\b\d+\s*-\s*\d+\b/i;
const DURATION = new RegExp(String.raw`(?:\b\d[\d,.]*|\b(?:${NUMBER_WORD_LIST}|a|an|several|few))[\s-](?:and\s+a\s+half\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b`, 'i');
const AGE = /\b\d{1,3}-year-old\b|,\s\d{1,3},|\baged?\s\d{1,3}\b|\b\d{1,3}\syears\sold\b|\b(?:was|is|turns?|turned)\s\d{1,3}\b/i;
const FREQUENCY = new RegExp(String.raw`\bevery\s+(?:\d[\d,.]*\s+)?(?:${NUMBER_WORD_LIST}\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b|\b(?:\d+|${NUMBER_WORD_LIST}|once|twice)\s+(?:times\s+)?(?:a|per|each)\s+(?:day|week|month|year)\b`, 'i');

const MONTH_NAMES = 'january|february|march|april|june|july|august|september|october|november|december';
const MONTHS = `${MONTH_NAMES}|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec`;
export const DATE = new RegExp(
  String.raw`\b(?:(?:${MONTHS})\.?\s+\d{1,2}\b|\d{1,2}\s+(?:${MONTH_NAMES})\b|(?:${MONTH_NAMES})\b|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|` +
    String.raw`(?:19|20)\d\d(?:s)?\b|\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|(?:noon|midnight|tonight|tomorrow|yesterday|today)\b|` +
    String.raw`(?:last|next)\s+(?:week|month|year|night)\b|this\s+(?:week|month|year|weekend|morning|afternoon|evening)\b|end\s+of\s+(?:the|this|next)\s+(?:week|month|year)\b|` +
    String.raw`(?:spring|summer|fall|autumn|winter)\b|(?:days?|weeks?|months?|years?)\s+(?:ago|later|earlier)\b)`,
  'i',
);
/** A full date (a day of a month, a year, a clock time) says "when" better than a weekday or "this week". */
const PRECISE_DATE = new RegExp(String.raw`\b(?:(?:${MONTHS})\.?\s+\d{1,2}\b|\d{1,2}\s+(?:${MONTH_NAMES})\b|(?:19|20)\d\d\b|\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.))`, 'i');

/** Clauses that give a reason or explain how: because, due to, in order to, so that, the reason, someone's stated grounds. */
const STRONG_REASON = new RegExp(
  String.raw`\b(?:because|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+result|in\s+order\s+to|so\s+that|so\s+as\s+to|in\s+an\s+effort\s+to|aimed\s+at|the\s+reasons?|reasons?\s+(?:for|why)|why|since\s+(?!(?:${MONTHS}|\d|last|then))|` +
    String.raw`on\s+the\s+grounds|for\s+(?:that|this)\s+reason|that\s+is\s+why|which\s+is\s+why|led\s+to|caused|allows?|allowed|lets|enables?|means\s+that|in\s+exchange|in\s+return|` +
    String.raw`for\s+(?:\w+ing|not\s+\w+ing)|by\s+\w+ing|` +
    // The charge is why someone was charged: "were charged Tuesday with falsifying records", "accused of", "convicted of".
    String.raw`(?:charged|accused|convicted|indicted|arrested|sentenced|sued|fined|jailed|detained|suspended|expelled|impeached)(?:\s+[\w,]+){0,3}?\s+(?:with|of|for|over|on\s+(?:charges?|suspicion)))\b`,
  'i',
);
/** Someone's stated grounds ("arguing that ...", "They argue that ..."): what follows is the reason, wherever it stands. */
const GROUNDS = /\b(?:saying|arguing|citing|claiming|argues?\s+that|argued\s+that|contends?\s+that|contended\s+that)\b/i;
/** Weaker signs of an explanation: a purpose ("to mock"), a preceding event, a worry, a blame. */
const WEAK_REASON =
  /\b(?:after\s+(?:he|she|they|it|the|a|an|his|her|their|its|being)|as\s+(?:his|her|their|its)\s+\w+|,\s+(?:making|leaving|forcing|prompting)|using|amid|over\s+(?:concerns?|fears?)|fears?|concerns?|worried|blamed|accus\w+|to\s+(?:avoid|keep|mock|protect|prevent|stop|help|make|show|force|ensure|gain|win|draw|boost|punish|send|push|protest|direct|save|defend|counter))\b/i;

/** "had a falling out after Beck read ...": an event named after "after" may be the cause (case matters: a name). */
const AFTER_NAME = /\bafter\s+\p{Lu}[\p{L}'’-]+\s+\p{Ll}/u;

/** A news-agency dateline opening the sentence ("LOS ANGELES, Sept. 28 (UPI) —"): its date is the report's, not the fact's. */
export function withoutDateline(text: string): string {
  return text.replace(/^[\p{Lu}][\p{Lu}\s.,'-]+,\s+(?:[\p{L}.]+\s+\d{1,2}\s+)?\((?:UPI|AP|Reuters|AFP)\)\s*[—–-]+\s*/u, '');
}

/** A year, on its own or in a date. */
const YEAR = /\b(?:19|20)\d\d\b/;

/**
 * How well a sentence says when: 1 for a full date, 0.8 for a weekday, a month or "this week", 0
 * for none. When a year is asked for ("what year", "since when"), only a year answers fully; any
 * other date ("last week", "on Thursday") says something else.
 */
export function hasDate(text: string, wantsYear = false): number {
  const clean = withoutDateline(text);
  if (wantsYear) return YEAR.test(clean) ? 1 : DATE.test(clean) ? 0.5 : 0;
  if (PRECISE_DATE.test(clean)) return 1;
  return DATE.test(clean) ? 0.8 : 0;
}

const STRONG_REASONS = new RegExp(STRONG_REASON.source, 'gi');
const WEAK_REASONS = new RegExp(WEAK_REASON.source, 'gi');
const AFTER_NAMES = new RegExp(AFTER_NAME.source, 'gu');
/** How far (characters) after the start of an event's word a weaker sign still reads as its reason: the word and two or three more. */
const CLOSE_AFTER_EVENT = 40;

/**
 * How well a sentence explains: 1 for someone's stated grounds ("saying ...", "they argue that ..."),
 * or a causal clause that follows what it explains (the question's words from `eventAt` on: "she
 * was removed because ...") or opens the sentence ("Because ..."); 0.7 for a causal clause before
 * the question's words, or a weaker sign; 0 for none.
 */
export function hasReason(text: string, eventAt = 0, eventWords: readonly number[] = []): number {
  if (GROUNDS.test(text)) return 1;
  for (const m of text.matchAll(STRONG_REASONS)) if (m.index >= eventAt || m.index < 3) return 1;
  // A weaker sign that closely follows a word of the event (`eventWords`: where the question's
  // words start) tells why it happened: "fell out after Okafor read ...", "moving staff to the
  // coast as his campaign struggles".
  for (const pattern of [WEAK_REASONS, AFTER_NAMES]) {
    for (const m of text.matchAll(pattern)) if (eventWords.some((at) => m.index > at && m.index - at <= CLOSE_AFTER_EVENT)) return 1;
  }
  return STRONG_REASON.test(text) || WEAK_REASON.test(text) || AFTER_NAME.test(text) ? 0.7 : 0;
}

/** A month name (or its abbreviation) right before a number: the number is a day of a date ("April 1", "Sept. 30"). */
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTHS})\.?\s*$`, 'i');
/** A month name right after a number ("30 June"), or a clock time ("10 a.m.", "10:30"). */
const DATE_OR_TIME_AFTER = new RegExp(String.raw`^(?:\s+(?:of\s+)?(?:${MONTH_NAMES})\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|:\d\d)`, 'i');

/**
 * The numbers of a sentence that can answer: not a bare year, not part of a date or a clock time
 * ("On April 1, officials ..." holds no count) or of a name ("Air Force Two"), not one the question
 * already holds.
 */
function answerNumbers(text: string, question: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(NUMBER_RUN)) {
    const digits = m[0].replace(/^[^\d$£€\p{L}]*/u, '').trim();
    const bare = digits.replace(/[^\d]/g, '');
    if (YEAR_ONLY.test(digits.replace(/[,.]$/, ''))) continue;
    // A capitalised number word after a capitalised word is part of a name ("Air Force Two", "the Big Ten").
    if (/^\p{Lu}\p{Ll}/u.test(digits) && /\p{Lu}[\p{L}.'’-]*\s+$/u.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    if (/^\d{1,2}[,.]?$/.test(digits) && (MONTH_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index)) || DATE_OR_TIME_AFTER.test(text.slice(m.index + m[0].length)))) continue;
    // A number the question already holds ("the 2 million accounts") is not the answer.
    if ((bare.length > 1 && question.includes(bare)) || question.includes(digits.toLowerCase())) continue;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A time unit right after a number: "three hours later", "a 35-year history", "two weeks". */
const TIME_UNIT_AFTER = /^[\s-]+(?:and\s+a\s+half\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\b/i;

/**
 * A number that measures something other than what the question asks: a span of time ("three
 * hours later") answers no "how many people" or "how much", and "one" is as often a word as a
 * number ("the one exception", "one of them"): it answers only a count.
 */
function measuresOtherThing(text: string, n: { text: string; end: number }, kind: NumberKind, focus: string | null): boolean {
  // ("How many months ..." counts time units: there a span of time is the answer.)
  const countsTime = focus !== null && TIME_UNIT_AFTER.test(` ${focus}`);
  if (kind !== 'duration' && kind !== 'frequency' && kind !== 'age' && !countsTime && TIME_UNIT_AFTER.test(text.slice(n.end, n.end + 20))) return true;
  return kind !== 'count' && /^one$/i.test(n.text.trim());
}

/** Words that tie a number to a noun written before it: "places from 400 to 60", "staff totaled 20". */
const COUNT_LINK = /^(?:from|to|at|totaled|totalled|totaling|totalling|numbered|numbering|reached|hit|of)$/;

/** Nouns that count people: for "how many reporters", "20 staffers" is a count of the people asked about, said in other words. */
const PEOPLE_WORDS = 'people persons staff staffer employee worker member journalist agent troop soldier volunteer resident voter';
// Constant data (the keys of two fixed word lists), built on first use: module-level like the lists.
let peopleKeys: Set<string> | undefined;
function countsPeople(word: string): boolean {
  peopleKeys ??= new Set([...ROLE_NOUNS, ...PEOPLE_WORDS.split(' ')].map(termKey));
  return peopleKeys.has(termKey(word));
}
/** What a count of other people gives a "how many reporters" question: less than the noun itself. */
const PEOPLE_COUNT = 0.9;

/** Nouns a count question names without saying what is counted: any number of the right place answers. */
const GENERIC_COUNTED = /^(?:people|persons|times|ones|things|number)$/;

/**
 * How well a sentence answers a number question: 1 for a number of the kind asked (a count next
 * to the noun asked about, money for "how much does it cost", a percentage for a poll), less for
 * any other number, 0 for none.
 */
export function numberFit(text: string, question: string, kind: NumberKind, focus: string | null, focusKeys?: ReadonlySet<string>): number {
  const numbers = answerNumbers(text, question.toLowerCase()).filter((n) => !measuresOtherThing(text, n, kind, focus));
  if (!numbers.length) return NUMBER_WORDS.test(text) && kind === 'any' ? 0.8 : 0;
  switch (kind) {
    case 'money':
      return MONEY.test(text) ? 1 : 0.4;
    case 'percent':
      return PERCENT.test(text) ? 1 : 0.4;
    case 'duration':
      return DURATION.test(text) ? 1 : 0.4;
    case 'age':
      return AGE.test(text) ? 1 : 0.3;
    case 'frequency':
      return FREQUENCY.test(text) ? 1 : DURATION.test(text) ? 0.7 : 0.4;
    case 'count': {
      // "How many people": any count answers; "how many accounts" wants accounts counted.
      if (!focus || GENERIC_COUNTED.test(focus)) return 1;
      // "2 million accounts", "Twenty-nine people were injured", "12 FDIC workstations": the noun asked about within a few words after the number.
      // The noun in the question's words or another's ("how many guys" counts "50 men"): the focus term's forms.
      const keys = new Set([termKey(focus), ...(focusKeys ?? [])]);
      const ofPeople = countsPeople(focus);
      let fit = 0.6;
      for (const n of numbers) {
        const after = tokenize(text.slice(n.end, n.end + 60)).slice(0, 4);
        // (Or a word close in meaning: "how many staff" counts "277 employees".)
        if (after.some((w) => keys.has(termKey(w)) || (/^\p{L}{3,}$/u.test(w) && closeInMeaning(focus, w)))) return 1;
        // "the number of polling places from 400 ... to 60", "polling places fell to 60", "staff totaled 20": the noun shortly before.
        const before = tokenize(text.slice(Math.max(0, n.start - 80), n.start)).slice(-8);
        const at = before.map(termKey).findLastIndex((k) => keys.has(k));
        if (at >= 0 && before.slice(at + 1).some((w) => COUNT_LINK.test(w))) return 1;
        if (ofPeople && after.slice(0, 2).some(countsPeople)) fit = PEOPLE_COUNT;
      }
      return fit;
    }
    default:
      return 1;
  }
}

const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|sept?|oct|nov|dec|jan|feb|aug)\.?$/i;

/**
 * A name looks like a person's: a known first name, a role or title word right before it, or a
 * surname the article writes elsewhere after a known first name ("Clinton" where "Hillary Clinton" is).
 */
function personLike(name: string, before: string, after: string, surnames: ReadonlySet<string>): boolean {
  const words = name.split(/\s+/);
  // "Ildefonso Guajardo Villarreal, the Mexican secretary of the economy": a role in apposition.
  const appositive = /^\s*,\s+(?:the\s+|a\s+|an\s+)?((?:[\p{L}'’.-]+\s+){0,3}[\p{L}-]+)/u.exec(after)?.[1];
  if (appositive?.split(/\s+/).some((w) => ROLE_NOUNS.has(w.toLowerCase()))) return true;
  if (/^[\p{Lu}\p{N}.&-]+$/u.test(name)) return false;
  // "Governor Tom Reyes", "Justice Frank Nervo": a title inside the name run.
  if (words.slice(0, -1).some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/\.$/, '')))) return true;
  if (words.length >= 2 && firstNameGender(words[0]) !== null) return true;
  const previous = /([\p{L}.-]+)\s*$/u.exec(before)?.[1]?.toLowerCase().replace(/\.$/, '');
  if (previous !== undefined && ROLE_NOUNS.has(previous)) return true;
  return words.length === 1 && surnames.has(name);
}

/** The surnames an article writes after a known first name ("Hillary Clinton" -> Clinton): a lone "Clinton" there is a person. */
export function personSurnames(text: string): Set<string> {
  const out = new Set<string>();
  // (The surname in a lookahead: "Governor Tom Reyes" holds two pairs.)
  for (const m of text.matchAll(/\b(\p{Lu}\p{Ll}+)\s+(?=(\p{Lu}[\p{L}'’-]*\p{L}))/gu)) if (firstNameGender(m[1]) !== null) out.add(m[2]!);
  return out;
}

/** Nouns that ask for a country: "which country called North Korea an outlaw nation". */
const COUNTRY_NOUNS = ['country', 'countries', 'nation', 'nations'];
// Constant data (countries-list), built on first use: module-level like the lists.
let countryNames: RegExp | undefined;
/** Country names and their common aliases as written ("Japan", "South Korea", "Britain", "USA"), from countries-list. */
function countryPattern(): RegExp {
  if (!countryNames) {
    const names = Object.values(countries).flatMap((c) => [c.name, ...(('alias' in c ? c.alias : undefined) ?? [])]).filter((n) => /^[\p{Lu}][\p{L} .'’-]+$/u.test(n));
    const escaped = [...new Set(names)].sort((a, b) => b.length - a.length).map(escapeRegExp);
    countryNames = new RegExp(String.raw`(?<![\p{L}])(?:${escaped.join('|')})(?![\p{L}])`, 'gu');
  }
  return countryNames;
}

/** A country the sentence names that the question does not (for "which country"): 1, else 0. */
function countryFit(text: string, questionWords: Set<string>): number {
  for (const m of text.matchAll(countryPattern())) if (!tokenize(m[0]).some((w) => questionWords.has(w))) return 1;
  return 0;
}

/**
 * How well a sentence answers a who / which question: 1 for a name the question does not hold
 * that reads as a person's (for "who") or sits next to the noun asked about ("Justice Frank
 * Nervo" for "which judge", "West Virginia" after "states led by"), 0.6 for another new name, 0
 * for none. Names of a quote's speaker do not count (the source of a statement is not the subject
 * of the fact), unless the question asks who said something.
 */
export function nameFit(
  text: string,
  quotes: FoundQuote[],
  questionWords: Set<string>,
  options: { person: boolean; asksSpeaker: boolean; focusKeys: Set<string>; surnames: ReadonlySet<string> },
): number {
  if (COUNTRY_NOUNS.some((noun) => options.focusKeys.has(termKey(noun))) && countryFit(text, questionWords)) return 1;
  const speakers = new Set(options.asksSpeaker ? [] : quotes.filter((q) => q.speaker).flatMap((q) => tokenize(q.speaker!)));
  let best = 0;
  for (const mention of entityMentions(text)) {
    const words = tokenize(mention.name);
    // A title inside the run is no part of the name: "Mayor Ted Terry" answers "who's the mayor".
    const nameWords = words.filter((w) => !ROLE_NOUNS.has(w) && !options.focusKeys.has(termKey(w)));
    if (!nameWords.length || nameWords.some((w) => questionWords.has(w)) || nameWords.every((w) => speakers.has(w))) continue;
    if (options.person && /^[\p{Lu}\p{N}.&-]+$/u.test(mention.name)) continue;
    if (words.every((w) => CALENDAR.test(w))) continue;
    const before = text.slice(Math.max(0, mention.start - 40), mention.start);
    const end = mention.start + mention.name.length;
    const after = text.slice(end, end + 60);
    // The noun asked about right before the name ("Justice Frank Nervo", "states led by West
    // Virginia", "aides including Huma Abedin") or in an apposition after it ("Nervo, the judge",
    // "Oklahoma, one of the states"); not a name that only qualifies the noun ("a New York judge").
    const inName = words.slice(0, -1).some((w) => options.focusKeys.has(termKey(w)));
    const lead = tokenize(before).slice(-3);
    const rightBefore = options.focusKeys.has(termKey(lead[lead.length - 1] ?? '')) || (/\b(?:including|include|includes|such\s+as|like|led\s+by|namely)\s*$/i.test(before) && lead.some((w) => options.focusKeys.has(termKey(w))));
    const appositive = /^\s*,\s+(?:the|a|an|one\s+of\s+the)\s+/i.test(after) && tokenize(after).slice(0, 6).some((w) => options.focusKeys.has(termKey(w)));
    const nextToFocus = options.focusKeys.size > 0 && (inName || rightBefore || appositive);
    const person = personLike(mention.name, before, after, options.surnames);
    // With a noun asked about ("which judge"), a name next to it; else a person's name for "who", any new name for "which country".
    const fit = nextToFocus ? 1 : options.focusKeys.size ? (options.person && person ? 0.8 : 0.6) : !options.person || person ? 1 : 0.6;
    best = Math.max(best, fit);
    if (best === 1) break;
  }
  return best;
}
