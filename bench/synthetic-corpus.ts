// The synthetic news corpus of the 100,000-article benchmark store (bench/store100k.ts): distinct
// articles written from real sentences, grouped into dated stories ("events") that several
// outlets cover in their own words, so that the store holds as many distinct texts and stories
// as a bot with 40 sources would after a month.
//
// How (all choices from one seeded generator, so a seed and the source texts give the same corpus):
// - Sources: real news texts (PolNeAR train + dev), split into sentences. Each text gets a topic:
//   the name it mentions most, weighted by how rare the name is in the corpus (see topicsOf).
// - An event: a seed text (every text in turn, in shuffled order), a start time in the 30 days
//   before `now`, a core of CORE_SENTENCES consecutive sentences of the seed text, and its own
//   names: every person's surname outside the KEPT_SURNAMES most frequent ones is swapped for
//   another surname of the corpus, and numbers (not years) are varied by up to +-40%.
// - An article of the event (1 to 12 per event, each from a different outlet, published within
//   36 hours of the start): a run of the core (its lead), then filler sentences from other texts
//   of the same topic (the same event names, its own numbers), in paragraphs of 1-3 sentences;
//   its headline is the event's headline or its own lead cut short. Two articles of one event
//   share a few sentences and their names (they cluster as one story) but far less than the
//   near-duplicate threshold of 3-word shingles.
// Hand-written: no package generates news text; the sentences are real, only their mix is made up.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { firstNameGender } from '../src/nlp/people.ts';
import { splitSentences } from '../src/nlp/sentences.ts';
import { entityMentions } from '../src/nlp/tokens.ts';

export interface SourceText {
  name: string;
  title: string;
  text: string;
}

/** One article as a JSON Lines line of `news-digest ingest` (src/ingest/jsonl.ts). */
export interface SyntheticArticle {
  url: string;
  title: string;
  outlet: string;
  published: string;
  language: 'en';
  text: string;
}

export interface CorpusOptions {
  seed: number;
  count: number;
  /** The end of the period; articles are published in the `days` before it. */
  now: Date;
  days: number;
}

const MIN_TOPIC_TEXTS = 4;
/** The most frequent surnames (Trump, Clinton, ...) stay: questions and topics name them. */
const KEPT_SURNAMES = 25;
const CORE_SENTENCES = 8;
const MIN_SOURCE_SENTENCES = 6;
const OUTLETS = 40;
const MAX_EVENT_ARTICLES = 12;
/** Share of events covered by one outlet only. */
const SINGLE_SHARE = 0.15;
const EVENT_SPREAD_HOURS = 36;
const HOUR = 3_600_000;

export interface PreparedSource {
  name: string;
  title: string;
  sentences: string[];
  topic: string;
}

export interface Corpus {
  sources: PreparedSource[];
  topics: Map<string, number[]>;
  /** Surnames swapped per event, and the pool they are swapped for. */
  variableSurnames: string[];
  keptSurnames: string[];
  /** Matches any variable surname as a word. */
  surnamePattern?: RegExp;
  surnameIndex: Map<string, number>;
}

/** Sentences worth reusing: not fragments, not whole paragraphs of run-on text. */
function usableSentences(text: string): string[] {
  return splitSentences(text).filter((s) => s.length >= 40 && s.length <= 400);
}

/**
 * Person surnames: the last word of two-word names whose first word is a first name, which the
 * corpus never writes in lower case (not "state" of "Islamic State") and writes after a first
 * name in at least a quarter of its uses (not "Korea" of "Kim ... Korea").
 */
function surnamesOf(texts: { text: string }[]): string[] {
  const asSurname = new Map<string, number>();
  const textsWith = new Map<string, number>();
  for (const { text } of texts) {
    const found = new Set<string>();
    for (const { name } of entityMentions(text)) {
      const words = name.split(' ');
      if (words.length !== 2) continue;
      const last = words[1]!;
      if (/^[A-Z][a-z]{2,}$/.test(last) && firstNameGender(words[0]) !== null) {
        asSurname.set(last, (asSurname.get(last) ?? 0) + 1);
        found.add(last);
      }
    }
    for (const surname of found) textsWith.set(surname, (textsWith.get(surname) ?? 0) + 1);
  }
  const uses = new Map<string, number>();
  const lowerCase = new Set<string>();
  for (const { text } of texts) {
    for (const word of text.match(/\b[A-Za-z]{3,}\b/g) ?? []) {
      if (asSurname.has(word)) uses.set(word, (uses.get(word) ?? 0) + 1);
      else if (/^[a-z]/.test(word)) lowerCase.add(word);
    }
  }
  const surnames = [...asSurname.keys()].filter((w) => !lowerCase.has(w.toLowerCase()) && asSurname.get(w)! >= 0.25 * (uses.get(w) ?? 0));
  return surnames.sort((a, b) => textsWith.get(b)! - textsWith.get(a)! || a.localeCompare(b));
}

/**
 * Each text's topic: the name it mentions with the highest count x inverse document frequency,
 * among names in MIN_TOPIC_TEXTS or more texts (and fewer than half of them); a text whose
 * best name is the topic of too few texts takes its best name that is a topic of enough, else "other".
 */
function topicsOf(mentions: Map<string, number>[]): string[] {
  const df = new Map<string, number>();
  for (const counts of mentions) for (const name of counts.keys()) df.set(name, (df.get(name) ?? 0) + 1);
  const n = mentions.length;
  const ranked = mentions.map((counts) =>
    [...counts]
      .filter(([name]) => (df.get(name) ?? 0) >= MIN_TOPIC_TEXTS && (df.get(name) ?? 0) < n / 2)
      .map(([name, count]) => [name, count * Math.log(n / df.get(name)!)] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([name]) => name),
  );
  const size = new Map<string, number>();
  for (const names of ranked) if (names[0]) size.set(names[0], (size.get(names[0]) ?? 0) + 1);
  return ranked.map((names) => names.find((name) => (size.get(name) ?? 0) >= MIN_TOPIC_TEXTS) ?? 'other');
}

/** Sentences, topics and the surname pools of the source texts; `keptSurnames`: how many of the most frequent surnames stay. */
export function prepareCorpus(texts: SourceText[], options: { keptSurnames?: number } = {}): Corpus {
  const kept = options.keptSurnames ?? KEPT_SURNAMES;
  const usable = texts.map((t) => ({ ...t, sentences: usableSentences(t.text) })).filter((t) => t.sentences.length >= MIN_SOURCE_SENTENCES);
  const mentions = usable.map((t) => {
    const counts = new Map<string, number>();
    for (const { name } of entityMentions(`${t.title}. ${t.text}`)) counts.set(name, (counts.get(name) ?? 0) + 1);
    return counts;
  });
  const topicOf = topicsOf(mentions);
  const sources = usable.map((t, i) => ({ name: t.name, title: t.title, sentences: t.sentences, topic: topicOf[i]! }));
  const topics = new Map<string, number[]>();
  for (const [i, s] of sources.entries()) topics.set(s.topic, [...(topics.get(s.topic) ?? []), i]);
  const surnames = surnamesOf(usable);
  const variableSurnames = surnames.slice(kept);
  return {
    sources,
    topics,
    keptSurnames: surnames.slice(0, kept),
    variableSurnames,
    surnameIndex: new Map(variableSurnames.map((name, i) => [name, i])),
    ...(variableSurnames.length ? { surnamePattern: new RegExp(`\\b(?:${variableSurnames.join('|')})\\b`, 'g') } : {}),
  };
}

/** A generator seeded from the corpus seed and a path (event, article): independent of generation order. */
function rngFor(seed: number, ...path: number[]): RandomGenerator {
  let h = seed >>> 0;
  for (const p of path) h = Math.imul(h ^ (p + 0x9e3779b9), 0x85ebca6b) >>> 0;
  const rng = xoroshiro128plus(h);
  // The first outputs of nearby seeds are correlated: skip a few.
  for (let i = 0; i < 4; i++) rng.next();
  return rng;
}

const pick = <T>(rng: RandomGenerator, list: readonly T[]): T => list[uniformInt(rng, 0, list.length - 1)]!;

/** A seeded Fisher-Yates shuffle (a copy). */
export function shuffled<T>(rng: RandomGenerator, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const NUMBER = /\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b/g;

/** Numbers varied by up to +-40%, in the same format; years (1900-2099) and 0 stay. */
export function varyNumbers(sentence: string, rng: RandomGenerator): string {
  return sentence.replace(NUMBER, (raw) => {
    if (/^(?:19|20)\d\d$/.test(raw)) return raw;
    const value = Number(raw.replace(/,/g, ''));
    if (!value) return raw;
    const decimals = raw.split('.')[1]?.length ?? 0;
    const varied = Math.max(decimals ? 0.1 : 1, value * (0.6 + uniformInt(rng, 0, 80) / 100));
    const text = varied.toFixed(decimals);
    return raw.includes(',') ? Number(text).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : text;
  });
}

/** A name in one event: each variable surname stands for another one, the same in every article of the event. */
function renamed(sentence: string, corpus: Corpus, seed: number, event: number): string {
  const pool = corpus.variableSurnames;
  if (!corpus.surnamePattern) return sentence;
  return sentence.replace(corpus.surnamePattern, (name) => pool[uniformInt(rngFor(seed, event, corpus.surnameIndex.get(name)!), 0, pool.length - 1)]!);
}

export interface EventPlan {
  id: number;
  source: number;
  start: number;
  /** Offset of the core in the seed text's sentences. */
  coreAt: number;
  outlets: number[];
}

/** The events and, for each article, its event, its place in the event and its time; sorted by time. */
export function planCorpus(corpus: Corpus, options: CorpusOptions): { events: EventPlan[]; articles: { event: number; index: number; published: number }[] } {
  const rng = rngFor(options.seed);
  const order = shuffled(rng, corpus.sources.map((_, i) => i));
  const end = options.now.getTime() - HOUR;
  const begin = options.now.getTime() - options.days * 24 * HOUR;
  const events: EventPlan[] = [];
  const articles: { event: number; index: number; published: number }[] = [];
  for (let planned = 0; planned < options.count; ) {
    const id = events.length;
    const source = order[id % order.length]!;
    const size = Math.min(options.count - planned, uniformInt(rng, 0, 99) < SINGLE_SHARE * 100 ? 1 : uniformInt(rng, 2, MAX_EVENT_ARTICLES));
    const start = begin + uniformInt(rng, 0, Math.floor((end - begin) / 60_000)) * 60_000;
    const sentences = corpus.sources[source]!.sentences.length;
    const coreAt = uniformInt(rng, 0, Math.max(0, sentences - CORE_SENTENCES));
    const outlets = shuffled(rng, [...Array(OUTLETS).keys()]).slice(0, size);
    events.push({ id, source, start, coreAt, outlets });
    for (let index = 0; index < size; index++) {
      const published = Math.min(end, start + (index === 0 ? 0 : uniformInt(rng, 0, EVENT_SPREAD_HOURS * 60) * 60_000));
      articles.push({ event: id, index, published });
    }
    planned += size;
  }
  articles.sort((a, b) => a.published - b.published || a.event - b.event || a.index - b.index);
  return { events, articles };
}

export function outletName(n: number): string {
  return `Outlet ${n + 1} News`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function headlineFrom(sentence: string): string {
  const words = sentence.replace(/["“”]/g, '').split(/\s+/).slice(0, 12);
  return words.join(' ').replace(/[,.;:!?]+$/, '');
}

/** The event's core sentences and headline, with its names and numbers. */
function eventCore(corpus: Corpus, event: EventPlan, seed: number): { core: string[]; title: string } {
  const rng = rngFor(seed, event.id);
  const source = corpus.sources[event.source]!;
  const raw = source.sentences.slice(event.coreAt, event.coreAt + CORE_SENTENCES);
  const core = raw.map((s) => varyNumbers(renamed(s, corpus, seed, event.id), rng));
  return { core, title: varyNumbers(renamed(source.title, corpus, seed, event.id), rng) };
}

/** Article `index` of `event` (see the header for how it is written). */
export function writeArticle(corpus: Corpus, event: EventPlan, index: number, published: number, seed: number): SyntheticArticle {
  const { core, title: eventTitle } = eventCore(corpus, event, seed);
  const rng = rngFor(seed, event.id, index + 1);
  const source = corpus.sources[event.source]!;
  // The lead: a run of 3 to 6 core sentences (the first article opens with the core's start).
  const leadLength = Math.min(core.length, uniformInt(rng, 3, 6));
  const leadAt = index === 0 ? 0 : uniformInt(rng, 0, core.length - leadLength);
  const sentences = core.slice(leadAt, leadAt + leadLength);
  // Filler: runs of 2 to 4 sentences of other texts on the topic, with the event's names.
  const sameTopic = (corpus.topics.get(source.topic) ?? []).filter((i) => i !== event.source);
  const fillerLength = uniformInt(rng, 4, 10);
  for (let added = 0; added < fillerLength && sameTopic.length; ) {
    const other = corpus.sources[pick(rng, sameTopic)]!.sentences;
    const run = Math.min(uniformInt(rng, 2, 4), fillerLength - added);
    const at = uniformInt(rng, 0, other.length - run);
    for (const s of other.slice(at, at + run)) sentences.push(varyNumbers(renamed(s, corpus, seed, event.id), rng));
    added += run;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const length = uniformInt(rng, 1, 3);
    paragraphs.push(sentences.slice(i, i + length).join(' '));
    i += length;
  }
  const title = index % 2 === 0 ? eventTitle : headlineFrom(sentences[0]!);
  const outlet = event.outlets[index]!;
  const date = new Date(published).toISOString();
  return {
    url: `https://outlet${outlet + 1}.example/${date.slice(0, 10).replace(/-/g, '/')}/${slug(title)}-e${event.id}-${index}`,
    title,
    outlet: outletName(outlet),
    published: date,
    language: 'en',
    text: paragraphs.join('\n\n'),
  };
}

/** The whole corpus, article by article in publication order (an ingest's order in a running bot). */
export function* syntheticArticles(corpus: Corpus, options: CorpusOptions): Generator<SyntheticArticle> {
  const { events, articles } = planCorpus(corpus, options);
  for (const a of articles) yield writeArticle(corpus, events[a.event]!, a.index, a.published, options.seed);
}
