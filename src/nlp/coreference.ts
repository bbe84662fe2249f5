// Coreference for quote attribution: who a cue's subject is. A name resolves to the fullest form
// the article gives ("Putin" -> "Vladimir Putin"), a pronoun to the nearest earlier person it can
// mean, a definite description ("the Russian president") to the person the article describes so.
// Hand-written, for the reasons given in people.ts: no npm package resolves news speakers well
// enough, and a coreference model is far too heavy for per-article ingest.

import {
  type Gender,
  type Mention,
  type Person,
  bareWord,
  nationalityOf,
  parseNameRun,
  personGender,
  principalOf,
  roleKey,
  surnameOf,
  verbLike,
  firstNameGender,
  GENDERED_NOUN,
  type PeopleIndex,
} from './people.ts';
import { type Subject, DETERMINERS, FRONTED, INDEFINITE, TELL_VERBS, speechVerbs } from './attribution.ts';


export interface SpeakerMention {
  pos: number;
  person: Person;
}

export interface ResolveContext {
  text: string;
  /** Sentence start offsets over the whole article, ascending (quotations masked). */
  sentenceStarts: number[];
  index: PeopleIndex;
  /** Speakers resolved so far, in text order; they count as mentions for later pronouns. */
  speakers: SpeakerMention[];
  /** Speaker of the previous quotation with a non-person descriptor (for "it"/"they"). */
  lastDescriptor: { pos: number; text: string } | null;
}

export interface Resolution {
  speaker: string | null;
  person: Person | null;
}

function mentionsBefore(ctx: ResolveContext, pos: number): Array<{ pos: number; person: Person; speaker: boolean }> {
  const all: Array<{ pos: number; person: Person; speaker: boolean }> = [];
  for (const m of ctx.index.mentions as Mention[]) if (m.start < pos) all.push({ pos: m.start, person: m.person, speaker: false });
  for (const s of ctx.speakers) if (s.pos < pos) all.push({ pos: s.pos, person: s.person, speaker: true });
  all.sort((a, b) => b.pos - a.pos);
  return all;
}

function sentenceIndex(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const SAME_PRONOUN_HE = /\b(?:he)\s+(?:\w+ly\s+|also\s+|then\s+)?(\p{Ll}+)/iu;
const SAME_PRONOUN_SHE = /\b(?:she)\s+(?:\w+ly\s+|also\s+|then\s+)?(\p{Ll}+)/iu;

/**
 * Name mentions and resolved speakers by position, mentions first at equal positions: a merge of
 * the two lists, which are both in text order (the same as a stable sort of the two joined).
 */
function mentionsInTextOrder(ctx: ResolveContext): Array<{ pos: number; person: Person }> {
  const { mentions } = ctx.index;
  const { speakers } = ctx;
  const all: Array<{ pos: number; person: Person }> = [];
  let i = 0;
  let j = 0;
  while (i < mentions.length || j < speakers.length) {
    if (j >= speakers.length || (i < mentions.length && mentions[i]!.start <= speakers[j]!.pos)) {
      all.push({ pos: mentions[i]!.start, person: mentions[i]!.person });
      i++;
    } else {
      all.push({ pos: speakers[j]!.pos, person: speakers[j]!.person });
      j++;
    }
  }
  return all;
}

/** Index of the first entry of `sorted` (by pos) at or after `pos`. */
function firstAtOrAfter(sorted: ReadonlyArray<{ pos: number }>, pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * "he"/"she": walk back sentence by sentence and take the first (leftmost, usually the subject)
 * person of the right gender. A sentence whose subject is the same pronoun refers to the same
 * person, so it is skipped ("She says Trump's tweets accusing Alicia Machado ..." -> keep going).
 */
function resolvePronoun(want: Gender | null, pos: number, ctx: ResolveContext, maxSentences = 12): Person | null {
  const starts = ctx.sentenceStarts;
  const here = sentenceIndex(starts, pos);
  const all = mentionsInTextOrder(ctx);
  const samePronoun = want === 'm' ? SAME_PRONOUN_HE : want === 'f' ? SAME_PRONOUN_SHE : null;
  // Gender votes alone are weak evidence (a heading before "his" gets one); a title, a known first
  // name or having spoken is strong. Weakly attested names must at least sit in subject position.
  // Without a gender to match (a definite description), only a subject in a strong position counts.
  const fits = (p: Person, strongPosition: boolean) => {
    const g = personGender(p);
    if (want === null) return strongPosition && p.evidence > 0;
    if (g && g !== want) return false;
    if (p.evidence > 0) return true;
    return !!g && strongPosition;
  };
  for (let k = here; k >= 0 && here - k <= maxSentences; k--) {
    const from = starts[k]!;
    const to = k === here ? pos : starts[k + 1] ?? pos;
    // `all` is in text order: the mentions in [from, to) are one stretch of it.
    const inSentence = all.slice(firstAtOrAfter(all, from), firstAtOrAfter(all, to));
    if (k < here) {
      // A sentence whose subject is the same pronoun ("..., he said, ...") continues the same person.
      const lead = ctx.text.slice(from, inSentence[0]?.pos ?? to);
      const chain = samePronoun?.exec(lead);
      if (chain && verbLike(chain[1]!)) continue;
    }
    // The sentence-initial name first ("In an interview with X, Ham made it clear ..." -> Ham), then
    // names in subject position, then left to right.
    const initial = inSentence.filter((m) => sentenceInitial(ctx.text.slice(from, m.pos)) && !possessive(ctx.text, m.pos));
    const subjects = inSentence.filter((m) => subjectLike(ctx.text, m) || invertedSubject(ctx.text, from, m.pos));
    const ordered = [...initial, ...subjects, ...inSentence];
    for (const m of ordered) if (fits(m.person, initial.includes(m) || subjects.includes(m))) return m.person;
  }
  return null;
}

const SUBJECT_FOLLOW = /^[^\s,]*(?:,[^,;“”"]{1,120},)?\s+(\p{Ll}[\p{L}-]*)/u;

function sentenceInitial(before: string): boolean {
  const rest = before.slice(FRONTED.exec(before)?.[0].length ?? 0);
  // Only title and role words before the name ("House Speaker", "Former Pennsylvania Gov.").
  return /^(?:[\p{Lu}][\p{L}.’'-]*[ \u00a0]+)*$/u.test(rest);
}

/** "Trump's misinformation": a name in the possessive modifies a noun; it is not the subject. */
function possessive(text: string, pos: number): boolean {
  return /^(?:\p{Lu}[\p{L}.’'-]*\s)*\p{Lu}[\p{L}.-]*[’']s?\b/u.test(text.slice(pos, pos + 80));
}

/** "..., said Jeffery Hemsley", "noted NBC's Dante Chinni": the subject after a speech verb. */
function invertedSubject(text: string, sentenceStart: number, pos: number): boolean {
  const before = text.slice(Math.max(sentenceStart, pos - 60), pos);
  const verbs = speechVerbs(before, 0);
  const last = verbs[verbs.length - 1];
  return !!last && !TELL_VERBS.test(last.verb) && /^(?:[\s\u00a0]+(?:the[\s\u00a0]+)?(?:\p{Lu}[\p{L}.’'-]*[\s\u00a0]+)*?(?:\p{Ll}[\p{L}-]*[\s\u00a0]+){0,2})$/u.test(before.slice(last.end));
}

function subjectLike(text: string, m: { pos: number; person: Person }): boolean {
  const after = text.slice(m.pos, m.pos + 160);
  // Skip over the name itself: up to the first character that is not part of a capitalised run.
  const rest = after.replace(/^(?:\p{Lu}[\p{L}.’'-]*\s?)+/u, (run) => (run.endsWith(' ') ? ' ' : ''));
  if (/^[’']s\b/.test(rest)) return false;
  const follow = SUBJECT_FOLLOW.exec(rest);
  return !!follow && verbLike(follow[1]!);
}

function genderOf(pronoun: string): Gender | null {
  const p = pronoun.toLowerCase();
  if (p === 'he') return 'm';
  if (p === 'she') return 'f';
  return null;
}

export function resolveSubject(subject: Subject, ctx: ResolveContext): Resolution {
  if (subject.kind === 'pronoun') {
    const want = genderOf(subject.text);
    if (!want) {
      if (/^(it|they)$/i.test(subject.text) && ctx.lastDescriptor && subject.pos - ctx.lastDescriptor.pos < 1500)
        return { speaker: ctx.lastDescriptor.text, person: null };
      return { speaker: null, person: null };
    }
    const person = resolvePronoun(want, subject.pos, ctx);
    return person ? { speaker: person.fullName, person } : { speaker: null, person: null };
  }
  if (subject.kind === 'name') {
    const parsed = parseNameRun(subject.text);
    if (!parsed) return { speaker: subject.text, person: null };
    const tokens = parsed.tokens.map(bareWord);
    const surname = surnameOf(tokens);
    let candidates = ctx.index.people.filter((p) => p.surname === surname && tokens.every((t) => p.nameTokens.includes(t)));
    if (candidates.length === 0 && tokens.length === 1)
      candidates = ctx.index.people.filter((p) => p.nameTokens[0] === surname && p.nameTokens.length > 1);
    if (candidates.length === 1) return { speaker: candidates[0]!.fullName, person: candidates[0]! };
    if (candidates.length > 1) {
      const person = principalOf(candidates, parsed.gender)!;
      return { speaker: person.fullName, person };
    }
    // Unknown to the registry: keep the name as written (with its title when it is a surname alone),
    // and remember it as a person so that a later "she said" can find "Melanie".
    const written = parsed.tokens.length === 1 && parsed.titleWords.length > 0 ? subject.text.replace(/[’']s$/, '') : parsed.tokens.join(' ');
    if (!/^\p{Lu}[\p{Ll}’'-]+$/u.test(tokens.length === 1 ? parsed.tokens[0]! : 'x')) return { speaker: written, person: null };
    const first = tokens[0]!;
    const person: Person = {
      fullName: written, nameTokens: tokens, surname, roles: new Set(parsed.titleWords.map(roleKey)),
      maleVotes: parsed.gender === 'm' || firstNameGender(first) === 'm' ? 2 : 0,
      femaleVotes: parsed.gender === 'f' || firstNameGender(first) === 'f' ? 2 : 0,
      evidence: 1,
    };
    ctx.index.people.push(person);
    return { speaker: written, person };
  }
  return resolveDescriptor(subject, ctx);
}

const PERSON_NOUN = /^(?:leader|president|counterpart|head|premier|chancellor|senator|representative|governor|candidate|nominee|hopeful|spokesperson|spokesman|spokeswoman|businessman|mogul|tycoon|developer|secretary|minister|professor|doctor|judge|mayor|official|director|chairman|chairwoman|chair|chief|ceo|founder|executive|lawyer|attorney|economist|analyst|strategist|adviser|advisor|aide|manager|pollster|host|anchor|commentator|columnist|reporter|writer|author|historian|scientist|physicist|general|admiral|commander|officer|sheriff|prosecutor|congressman|congresswoman|lawmaker|legislator|diplomat|ambassador|envoy|king|queen|prince|pope|billionaire|star|actor|actress|singer|rapper|coach|player|mother|father|wife|husband|son|daughter|widow|veteran|activist|organizer|surrogate|republican|democrat|speaker|justice|treasurer|comptroller|auditor|clerk|commissioner|superintendent|pastor|reverend|rabbi|imam|priest|bishop|cardinal|woman|man|girl|boy)$/;
const GENERIC_ADJECTIVE = /^(?:former|then|current|outgoing|incoming|top|new|longtime|veteran|senior|junior|chief|deputy|vice|acting|interim|presumptive|likely|eventual|embattled|controversial|defeated|victorious|real|same|other)$/;

function resolveDescriptor(subject: Subject, ctx: ResolveContext): Resolution {
  // "the House Rep. Paul Ryan": a full name inside the descriptor is the speaker.
  const inner = /((?:\p{Lu}[\p{L}.’'-]*[ \u00a0]){1,4}\p{Lu}[\p{L}’'-]+)$/u.exec(subject.text);
  if (inner) {
    const parsed = parseNameRun(inner[1]!);
    if (parsed && parsed.tokens.length >= 2) {
      const asName = resolveSubject({ kind: 'name', text: parsed.tokens.join(' '), pos: subject.pos }, ctx);
      if (asName.person) return asName;
    }
  }
  const words = subject.text.split(/[\s\u00a0]+/).map(bareWord).filter(Boolean);
  const asWritten = subject.text.replace(/^(The|A|An|His|Her|Its|Their)\b/, (d) => d.toLowerCase());
  const det = words[0] ?? '';
  if (INDEFINITE.has(det)) return { speaker: asWritten, person: null };
  // The head noun comes before an "of" phrase: "the mother of three" is a mother.
  const beforeOf = words.indexOf('of') > 0 ? words.slice(0, words.indexOf('of')) : words;
  const content = beforeOf.filter((w) => !DETERMINERS.has(w) && !['former', 'then', 'current', 'outgoing', 'incoming', 'top', 'new', 'two'].includes(w));
  const head = content[content.length - 1];
  if (!head || (/s$/.test(head) && !/(ss|us)$/.test(head))) return { speaker: asWritten, person: null };
  const headKey = roleKey(head);
  const modifiers = content.slice(0, -1);
  const nationalities = modifiers.map((w) => nationalityOf(w)).filter((n): n is string => !!n);
  // Only words for people are resolved to a person: "the union", "the Kremlin" stay as written.
  if (!PERSON_NOUN.test(head) && !PERSON_NOUN.test(headKey)) return { speaker: asWritten, person: null };
  let best: { person: Person; score: number; pos: number } | null = null;
  const recent = mentionsBefore(ctx, subject.pos);
  for (const person of ctx.index.people) {
    if (!person.roles.has(headKey) && !person.roles.has(head)) continue;
    if (nationalities.some((n) => !person.roles.has(n))) continue;
    // Every modifier must fit: "the band leader" is not "Russian President Vladimir Putin".
    if (modifiers.some((w) => !person.roles.has(roleKey(w)) && !GENERIC_ADJECTIVE.test(w))) continue;
    const score = modifiers.filter((w) => person.roles.has(roleKey(w))).length;
    const pos = recent.find((m) => m.person === person)?.pos ?? -1;
    if (!best || score > best.score || (score === best.score && pos > best.pos)) best = { person, score, pos };
  }
  if (best) return { speaker: best.person.fullName, person: best.person };
  // A definite description with no role to match refers back: "the 34-year-old mother of three"
  // like "she", "the retired neurosurgeon" or "the 43-year-old" to the person the last sentences
  // are about. Nouns that introduce someone new and unnamed ("the spokesman", "the man") do not.
  // Modifiers must read as adjectives ("retired", "34-year-old", "conservative"): a noun before the
  // head ("the band leader") names a role of its own.
  const capitalised = new Set(subject.text.split(/[\s\u00a0]+/).filter((w) => /^\p{Lu}/u.test(w)).map(bareWord));
  const adjectival = (w: string) => GENERIC_ADJECTIVE.test(w) || !!nationalityOf(w) || capitalised.has(w) || /(?:-old|ed|ing|al|ive|ic|ous|ful|less|able|ible|ary|ish|ent|ant|ern)$/.test(w);
  if (det === 'the' && !NEW_PERSON_NOUN.test(head) && modifiers.every(adjectival)) {
    const gender = GENDERED_NOUN[head];
    const personLike = gender || PERSON_NOUN.test(head) || PERSON_NOUN.test(headKey) || /-year-old$|(?:ist|eon|ian|or|er)$/.test(head);
    const person = personLike ? resolvePronoun(gender ?? null, subject.pos, ctx, gender ? 12 : 3) : null;
    if (person) return { speaker: person.fullName, person };
  }
  return { speaker: asWritten, person: null };
}

/** Heads of descriptions that bring in a new, usually unnamed, person. */
const NEW_PERSON_NOUN = /^(?:man|woman|boy|girl|person|spokesman|spokeswoman|spokesperson|aide|official|source|adviser|advisor|staffer|insider|operative|organizer|moderator|reporter|narrator|voter|protester|supporter|delegate|resident|friend|member|witness|worker|employee|student|cashier|officer|caller|questioner|heckler|attendee|owner|user|manager|director|lawyer|attorney|analyst|expert|strategist|consultant|pollster|observer|participant|neighbor|neighbour)$/;
