// One name per person in a story: the reports of one event name a speaker in different forms
// ("Owen Dempsey" in one, "Owen John Dempsey" in another), and a reader shown both would count
// two people. Hand-written: it is digest composition.

import { NAME_PARTICLES } from '../nlp/lexicon.ts';

const PARTICLE = new RegExp(`^(?:${NAME_PARTICLES})$`);

/** The words of a name, when the speaker is one ("Owen John Dempsey"); null for a description ("a spokesman"). */
function nameWords(speaker: string): string[] | null {
  const words = speaker.split(/[ \u00a0]+/);
  if (words.length > 5) return null;
  // Every word capitalised, or a particle inside the name ("Erik ten Hag", "Ludwig van Beethoven").
  const ok = words.every((w, i) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w) || (i > 0 && i < words.length - 1 && PARTICLE.test(w)));
  return ok ? words.map((w) => w.toLowerCase()) : null;
}

/**
 * Whether `short` is `long` with words left out, in order, with the same first and last words (a
 * first name and the surname): "Owen Dempsey" of "Owen John Dempsey". A surname alone is no short
 * form here: "Bush" may be another Bush the story names but does not quote.
 */
function shortFormOf(short: string[], long: string[]): boolean {
  if (short.length < 2 || short.length >= long.length || short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let j = 0;
  for (const word of long) if (word === short[j]) j++;
  return j === short.length;
}

/**
 * For each speaker name that is a short form of exactly one fuller name among `speakers` (or of
 * names that are themselves short forms of one fullest), that fullest name. A short form two
 * different people share ("John Smith" beside "John A. Smith" and "John B. Smith") keeps its own.
 */
export function fullestSpeakerNames(speakers: Iterable<string | null | undefined>): Map<string, string> {
  const names = new Map<string, string[]>();
  for (const s of speakers) {
    if (!s || names.has(s)) continue;
    const words = nameWords(s);
    if (words) names.set(s, words);
  }
  const out = new Map<string, string>();
  for (const [name, words] of names) {
    const fuller = [...names].filter(([, other]) => shortFormOf(words, other));
    // The fullest of them must hold every other as a short form of itself: one person.
    const fullest = fuller.reduce<[string, string[]] | null>((best, f) => (!best || f[1].length > best[1].length ? f : best), null);
    if (fullest && fuller.every(([, other]) => other === fullest[1] || shortFormOf(other, fullest[1]))) out.set(name, fullest[0]);
  }
  // The same words in another order or without their accents ("Marcel Lehel Lazar" in one report,
  // "Marcel Lazăr Lehel" in another): one person, by the form with the accents, else the first.
  const byWords = new Map<string, string>();
  for (const [name, words] of names) {
    if (words.length < 2 || out.has(name)) continue;
    const key = words.map(folded).sort().join(' ');
    const seen = byWords.get(key);
    if (!seen) byWords.set(key, name);
    else if (accents(name) > accents(seen)) {
      out.set(seen, name);
      byWords.set(key, name);
    } else out.set(name, seen);
  }
  for (const [name, to] of out) if (out.has(to)) out.set(name, out.get(to)!);
  return out;
}

/** A word without its accents: "lazăr" -> "lazar". */
function folded(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** How many accented letters a name has. */
function accents(name: string): number {
  return name.normalize('NFD').match(/\p{M}/gu)?.length ?? 0;
}
