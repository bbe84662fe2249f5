// Word forms for matching a question to passages. A token's key is the Porter stem of its base
// form, so inflections meet ("wins", "winning" -> win) and irregular verbs meet their base through
// the list of English irregular verbs in wink-lexicon ("won" -> win, "told" -> tell). A question
// word also matches its derived forms: the agent noun ("win" -> "winner", "lead" -> "leader") and
// the people or adjective of a name ("Syria" <-> "Syrian", the endings fts-query.ts lists).
import irregularVerbs from 'wink-lexicon/src/irregular-verbs.js';
import { derivedForms } from '../store/fts-query.ts';
import { stem } from '../nlp/tokens.ts';
import { relatedWords } from './wordnet.ts';

/**
 * Irregular verb forms that are far more often another word in news: "the left", "ground troops",
 * "a wound", "bound for", "Rose", "lay people", "lit", "a bit", "fell" (a hill) stay themselves.
 */
const NOT_VERB_FORMS = new Set(['left', 'ground', 'wound', 'bound', 'rose', 'lay', 'lit', 'bit', 'fell', 'felt', 'saw', 'found', 'mean', 'meant', 'bore', 'stole']);

/** Base form -> its irregular forms ("win" -> won), for expanding a question word. */
const IRREGULAR_FORMS = new Map<string, string[]>();
for (const [form, base] of Object.entries(irregularVerbs)) {
  if (form === base || NOT_VERB_FORMS.has(form)) continue;
  IRREGULAR_FORMS.set(base, [...(IRREGULAR_FORMS.get(base) ?? []), form]);
}

export function baseForm(word: string): string {
  if (NOT_VERB_FORMS.has(word)) return word;
  return (irregularVerbs as Record<string, string | undefined>)[word] ?? word;
}

// A token's term key, memoised: a pure function of the token, the same for every store, so module-level (bounded).
const KEYS = new Map<string, string>();

/** The key two tokens share when they are forms of one word (token lower-case, as tokenize() gives it). */
export function termKey(token: string): string {
  let key = KEYS.get(token);
  if (key === undefined) {
    key = stem(baseForm(token));
    if (KEYS.size >= 100_000) KEYS.clear();
    KEYS.set(token, key);
  }
  return key;
}

/** One form of a question word: the key it matches, the word to search for, and its weight. */
export interface TermForm {
  word: string;
  key: string;
  /** 1 for the word and its inflections; less for a derived form ("winner" for "won"). */
  weight: number;
  /** A word close in meaning by the word vectors (see paraphrase.ts), not a form or a synonym of it. */
  neighbour?: boolean;
}

/** Weight of a match through a derived form: "winner" answers "who won" but is not the same word. */
export const DERIVED_WEIGHT = 0.8;

/**
 * Weight of a WordNet synonym ("rejected" for "turned down", "injury" for "hurt"): it widens the
 * search for paraphrased questions, but a word the user did not type counts for less.
 */
export const SYNONYM_WEIGHT = 0.5;
/** Weight of a word WordNet derives from the same sense ("death" for "died", "refusal" for "refuse"). */
export const WORDNET_DERIVED_WEIGHT = 0.6;

/** Agent nouns of a verb: win -> winner, lead -> leader, vote -> voter. */
function agentNouns(base: string): string[] {
  if (!/^[a-z]{3,}$/.test(base)) return [];
  if (base.endsWith('e')) return [`${base}r`];
  // A short verb ending in one vowel and one consonant doubles it: win -> winner, run -> runner.
  if (base.length <= 4 && /[^aeiou][aeiou][bdgmnprt]$/.test(base)) return [`${base}${base.at(-1)}er`];
  return [`${base}er`];
}

/** Verbs an agent noun may come from: winner -> win, leader -> lead, voter -> vote. */
function verbsOfAgent(word: string): string[] {
  const m = /^([a-z]{3,})er$/.exec(word);
  if (!m) return [];
  const root = m[1]!;
  const out = [root, `${root}e`];
  if (/([bdgmnprt])\1$/.test(root)) out.push(root.slice(0, -1));
  return out.filter((verb) => agentNouns(verb).includes(word));
}

/** Names a people or adjective word comes from: syrian -> syria, iraqi -> iraq (as derivedForms makes them). */
function namesOfDerived(word: string): string[] {
  const out: string[] = [];
  for (const ending of ['n', 'an', 'ian', 'i', 'ese', 'ish']) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const name = word.slice(0, -ending.length);
    if (derivedForms(name)?.forms.has(stem(word))) out.push(name);
  }
  return out;
}

/** Ordinals as people type them and as articles write them: "2nd amendment", "the Second Amendment". */
const ORDINAL_WORDS = 'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'.split(' ');
function ordinalDigits(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
/** The other spelling of an ordinal: "2nd" -> "second", "second" -> "2nd"; none for other words. */
function ordinalSpelling(word: string): string | undefined {
  const digits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(word);
  if (digits) return ORDINAL_WORDS[Number(digits[1]) - 1];
  const at = ORDINAL_WORDS.indexOf(word);
  return at >= 0 ? ordinalDigits(at + 1) : undefined;
}

/**
 * The forms a question word matches: itself and its inflections, an ordinal's other spelling, the forms of an irregular verb,
 * and derived forms (agent nouns, a name's people or adjective word and back); with `expand` (a
 * common word, not a name), its WordNet synonyms and derived words too. Derived forms are
 * candidates: retrieval keeps those the index holds (see keepIndexedForms in src/qa/index.ts).
 */
export function termForms(word: string, options: { expand?: boolean; phrase?: string; noun?: boolean } = {}): TermForm[] {
  // By word: two words with one key ("won", "win") are both searched, as FTS5 stems them apart.
  const forms = new Map<string, TermForm>();
  const add = (w: string, weight: number) => {
    const known = forms.get(w);
    if (!known || known.weight < weight) forms.set(w, { word: w, key: termKey(w), weight });
  };
  const base = baseForm(word);
  add(word, 1);
  add(base, 1);
  const ordinal = ordinalSpelling(word);
  if (ordinal) add(ordinal, 1);
  for (const form of IRREGULAR_FORMS.get(base) ?? []) add(form, 1);
  for (const noun of agentNouns(base)) add(noun, DERIVED_WEIGHT);
  for (const verb of verbsOfAgent(word)) {
    add(verb, DERIVED_WEIGHT);
    for (const form of IRREGULAR_FORMS.get(verb) ?? []) add(form, DERIVED_WEIGHT);
  }
  for (const [, derived] of derivedForms(word)?.forms ?? []) add(derived, DERIVED_WEIGHT);
  for (const name of namesOfDerived(word)) add(name, DERIVED_WEIGHT);
  // WordNet: synonyms of the word's first senses (of the phrasal verb it opens, "turned down", when
  // there is one), each with the words of its own family ("injury" -> "injure", which finds "injured").
  if (!options.expand) return [...forms.values()];
  for (const source of options.phrase ? [options.phrase, word] : [word]) {
    const related = relatedWords(source, base, options.noun ? 'noun' : undefined);
    for (const derived of related.derived) add(derived, WORDNET_DERIVED_WEIGHT);
    for (const synonym of related.synonyms) {
      add(synonym, SYNONYM_WEIGHT);
      for (const family of relatedWords(synonym).derived) if (family.slice(0, 4) === synonym.slice(0, 4)) add(family, SYNONYM_WEIGHT);
    }
  }
  return [...forms.values()];
}
