// What a summary must not do with its headline: repeat it, or a near-copy of it. A reader
// sees the headline right above the summary, so a sentence that says it again is wasted.
import { contentTermOf, tokenize } from '../nlp/tokens.ts';

/** A text as repeatsHeadline compares it: its words as written (lower-cased) and its content terms (stemmed, no function words). */
export interface HeadlineWords {
  words: readonly string[];
  terms: readonly string[];
}

export function headlineWords(text: string): HeadlineWords {
  return headlineWordsOf(tokenize(text));
}

/** headlineWords() over tokens already produced by tokenize(). */
export function headlineWordsOf(words: readonly string[]): HeadlineWords {
  const terms: string[] = [];
  for (const word of words) {
    const term = contentTermOf(word);
    if (term !== undefined) terms.push(term);
  }
  return { words, terms };
}

/**
 * Whether a sentence repeats the headline: most (more than half, and at least two) of the
 * headline's words appear in the sentence in the same order, counted over its content
 * words (stemmed: "Clinton leads Trump in poll" / "Hillary Clinton led Donald Trump in a
 * new poll") or over all its words; or the sentence is mostly the headline's words (the
 * first sentence of a two-sentence headline). Counted over all words, at least half of the
 * headline's content words must be among those shared, so that "The State of the Union"
 * is not repeated by every sentence with "the ... of the".
 */
export function repeatsHeadline(sentence: string | HeadlineWords, headline: string | HeadlineWords): boolean {
  const s = typeof sentence === 'string' ? headlineWords(sentence) : sentence;
  const h = typeof headline === 'string' ? headlineWords(headline) : headline;
  if (h.terms.length < 2) return false;
  const sharedTerms = commonSubsequenceLength(h.terms, s.terms);
  if (sharedTerms < 2) return false;
  if (2 * sharedTerms > h.terms.length || 2 * sharedTerms > s.terms.length) return true;
  return 2 * sharedTerms >= h.terms.length && 2 * commonSubsequenceLength(h.words, s.words) > h.words.length;
}

/** Length of the longest common subsequence of two word lists (one row of the usual table). */
export function commonSubsequenceLength(a: readonly string[], b: readonly string[]): number {
  const row = new Uint32Array(b.length + 1);
  for (const word of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = word === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}
