// Key-quote ranking: which full statements say most about the story. Hand-written scoring (see
// quotes.ts): length within reason, words shared with the title and summary, named entities, a known
// speaker, and how far the way that speaker was found can be trusted; then a greedy pick that prefers
// a speaker not yet chosen, so a story with two sides shows both.
import type { CuePosition, CueSubject, FoundQuote } from '../model.ts';
import { KEY_QUOTE_STOP_WORDS, STARTS_UPPER } from './lexicon.ts';

function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length > 2 && !KEY_QUOTE_STOP_WORDS.has(w))
    // A crude stem: the first five letters, so "sanctions"/"sanctioned" and "Syria"/"Syrian" meet.
    .map((w) => w.slice(0, 5));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Rises to 1 between 12 and 50 words; long monologues and one-liners say less per line of digest. */
function lengthScore(words: number): number {
  if (words < 5) return 0;
  if (words < 12) return words / 12;
  if (words <= 50) return 1;
  return Math.max(0.3, 1 - (words - 50) / 100);
}

/** Capitalised words not at a sentence start: a cheap count of the names and places a quote mentions. */
function entityCount(text: string): number {
  const m = text.match(/(?<![.!?]\s|^|["“‘'])\b\p{Lu}[\p{L}-]+/gu) ?? [];
  return new Set(m.filter((w) => w !== 'I')).size;
}

/** Whether the cue itself names the speaker ("Trump said" for Donald Trump), not a pronoun or nothing. */
function namedInCue(q: FoundQuote): boolean {
  if (!q.cue || !q.speaker) return false;
  const cue = new Set(q.cue.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return (q.speaker.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).some((w) => w.length > 2 && !KEY_QUOTE_STOP_WORDS.has(w) && cue.has(w));
}

/**
 * How often a speaker found this way is right, by where the cue stands, how it names the speaker and
 * how long ago the article last named whom a pronoun or a description stands for: rounded from the
 * wrong-speaker rates on our blind passages (eval/quotes/blind-tune.jsonl, 9,681 quotations): "...,"
 * Smith said 1%; a cue carried over from the statement's first piece 1-2%; a cue before the quotation
 * 3-5%; "...," he said 2.5% right after the name, 11% two or three sentences on, 30% further; a
 * description shown as the speaker ("the spokesman said") 13-25%. The factors multiply.
 */
const CUE_POSITION_TRUST: Record<CuePosition, number> = { after: 1, carried: 1, before: 0.93, elsewhere: 0.85 };
const CUE_SUBJECT_TRUST: Record<CueSubject, number> = { name: 0.99, pronoun: 0.97, descriptor: 0.8 };
/** A description that stands for someone the article names ("the senator said", for Ted Cruz). */
const DESCRIPTION_OF_NAMED_TRUST = 0.93;
function distanceTrust(sentencesSinceNamed: number): number {
  return sentencesSinceNamed <= 1 ? 1 : sentencesSinceNamed <= 3 ? 0.9 : 0.7;
}
/** A quote without a speaker is never misattributed, but it is no better a key quote for that. */
const NO_SPEAKER_TRUST = 0.8;
/** A row stored before attributions were recorded, whose cue does not name the speaker: a pronoun, a description or no cue. */
const UNRECORDED_CUE_TRUST = 0.94;
/**
 * How hard a doubtful speaker pulls a quote down the ranking: its score is multiplied by its trust to
 * this power ("...," he said right after the name keeps 78% of its score, two or three sentences on
 * 34%, "the spokesman said" 17%). A wrong speaker shown beside a key quote costs a reader's trust in
 * every quote; a slightly less telling quote costs little. Chosen on blind-tune and PolNeAR train
 * (wrong key-quote speakers, 4 to 12 tried; 8 takes most of the gain).
 */
const TRUST_WEIGHT = 8;

/** How far to trust a quote's speaker (0-1); rows stored before attributions were recorded fall back on the cue's words. */
function speakerTrust(q: FoundQuote): number {
  if (!q.speaker) return NO_SPEAKER_TRUST;
  if (!q.attribution) return namedInCue(q) ? CUE_SUBJECT_TRUST.name : UNRECORDED_CUE_TRUST;
  const [position, subject, sentences] = q.attribution.split('/') as [CuePosition, CueSubject, string | undefined];
  const subjectTrust = subject === 'descriptor' && sentences !== undefined ? DESCRIPTION_OF_NAMED_TRUST : CUE_SUBJECT_TRUST[subject];
  return (CUE_POSITION_TRUST[position] ?? 1) * (subjectTrust ?? 1) * (sentences === undefined ? 1 : distanceTrust(Number(sentences)));
}

function scoreQuote(q: FoundQuote, storyTerms: Set<string>): number {
  const words = wordCount(q.text);
  const qTerms = new Set(terms(q.text));
  let shared = 0;
  for (const t of qTerms) if (storyTerms.has(t)) shared++;
  const overlap = storyTerms.size ? Math.min(1, shared / Math.min(6, storyTerms.size)) : 0;
  const entities = Math.min(1, entityCount(q.text) / 3);
  // A full name (two words or more) beats a descriptor, which beats an unknown speaker; a speaker
  // the cue names beats one reached through "he said" or from an earlier paragraph, which is
  // wrong more often on text the rules were not written from.
  const kind = q.speaker ? (/\s/.test(q.speaker) && STARTS_UPPER.test(q.speaker) ? 1 : 0.5) : 0;
  const speaker = kind * (namedInCue(q) ? 1 : 0.5);
  return (1.0 * lengthScore(words) + 1.2 * overlap + 0.4 * entities + 0.6 * speaker) * speakerTrust(q) ** TRUST_WEIGHT;
}

/**
 * The key quotes of a story: full statements first, best first, at most `max` (3); fragments only as
 * the rule below allows.
 * After the first pick, a quote by a speaker already chosen counts for less, so several sides of a
 * story come before a second quote of the same person.
 */
export function rankKeyQuotes(
  quotes: FoundQuote[],
  options: { title?: string; summary?: string[]; max?: number } = {},
): FoundQuote[] {
  const max = options.max ?? 3;
  const storyTerms = new Set(terms([options.title ?? '', ...(options.summary ?? [])].join(' ')));
  const full = quotes.filter((q) => !q.fragment && wordCount(q.text) >= 5);
  // A fragment woven into the reporter's sentence stands on its own only when it reads like one: long
  // or opening like a sentence. A short lower-case one ("a disaster") is a key quote only when the
  // story has no full statement at all.
  const shortLowerCase = (q: FoundQuote) => wordCount(q.text) < 8 && /^[^\p{L}]*\p{Ll}/u.test(q.text);
  const fragments = quotes.filter((q) => q.fragment && wordCount(q.text) >= 3 && (full.length === 0 || !shortLowerCase(q)));
  // Each text is normalised once: a story of many copies repeats the same quotes many times, and
  // the repeat check below runs for every candidate taken.
  const candidates = [
    ...full.map((q) => ({ q, score: scoreQuote(q, storyTerms), norm: normaliseForComparison(q.text) })),
    // Below full statements of the same worth.
    ...fragments.map((q) => ({ q, score: 0.8 * scoreQuote(q, storyTerms), norm: normaliseForComparison(q.text) })),
  ];
  const chosen: FoundQuote[] = [];
  const chosenNorms: string[] = [];
  const speakerCount = new Map<string, number>();
  while (chosen.length < max && candidates.length > 0) {
    let bestIndex = -1;
    let bestScore = -Infinity;
    candidates.forEach((c, i) => {
      const repeats = speakerCount.get(c.q.speaker ?? '') ?? 0;
      const adjusted = c.score * 0.5 ** repeats;
      if (adjusted > bestScore) {
        bestScore = adjusted;
        bestIndex = i;
      }
    });
    const [best] = candidates.splice(bestIndex, 1);
    if (!best) break;
    // The same words quoted twice, or a piece of a quote already chosen, say nothing new.
    if (chosenNorms.some((c) => containsNormalised(c, best.norm) || containsNormalised(best.norm, c))) continue;
    chosen.push(best.q);
    chosenNorms.push(best.norm);
    const key = best.q.speaker ?? '';
    speakerCount.set(key, (speakerCount.get(key) ?? 0) + 1);
  }
  return chosen;
}

/** Text compared for repetition: quote marks, case, spacing and edge punctuation do not count. */
export function normaliseForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032']/g, "'")
    .replace(/["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s'.,;:!?…—–-]+|[\s'.,;:!?…—–-]+$/g, '');
}

/**
 * Whether `inner` is contained in `outer` once both are normalised: a key quote shown beside a
 * longer quote or a summary sentence that already holds it repeats it.
 */
export function containsQuote(outer: string, inner: string): boolean {
  return containsNormalised(normaliseForComparison(outer), normaliseForComparison(inner));
}

/** containsQuote() over texts already normalised with normaliseForComparison(). */
function containsNormalised(outer: string, inner: string): boolean {
  return inner.length > 0 && outer.includes(inner);
}
