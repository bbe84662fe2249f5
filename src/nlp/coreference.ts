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
  namesakes,
  statedAge,
  roleKey,
  surnameOf,
  clauseOpenerLength,
  verbLike,
  firstFamilyNameOf,
  ACRONYM_OF_2_TO_6,
  firstNameGender,
  isTitleWord,
  GENDERED_NOUN,
  IRREGULAR_PAST,
  KIN_MODIFIERS,
  PLACE_PREPOSITIONS,
  type PeopleIndex,
  OFFICE_INITIALS,
} from './people.ts';
import { type Subject, DETERMINERS, DOCUMENT_NOUN, FRONTED, KIN_NOUN, SET_OFF_INDEFINITE, TEXT_CARRIER, INDEFINITE, TELL_VERBS, TITLE_PERIOD, clauseSubject, nameSetOff, personHead, speechVerbs, subjectBefore, wellFormedSpeaker } from './attribution.ts';
import { type OrgMention, type Organisation, type OrganisationIndex, fitsHead, namesAnyBody, orgNameWord, organisationHead } from './organisations.ts';
import { ALL_LOWER, CAPTION_MARKER, ING_WORD, LOWER_WORD, PARTY_MEMBER, PLACE_BASED_BEFORE_NAME, STARTS_LOWER, STARTS_UPPER, STOP_WORDS } from './lexicon.ts';
import { escapeRegExp } from '../util/text.ts';


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
  /** Every quotation's resolved speaker so far, in text order, at its cue's subject. */
  /** Each resolved quotation's speaker, where its cue's subject stands, and that subject as written ("it", "Trump"). */
  quoteSpeakers: Array<{ pos: number; speaker: string; person: Person | null; subject: string }>;
  /** Organisations the article names, outside quotations. */
  organisations: OrganisationIndex;
  inQuote: (pos: number) => boolean;
  /** The quotation whose speaker is being resolved. */
  quotation: string;
}

/**
 * Whether a quotation names the person by their first name as the article writes it (the index
 * keeps it in lower case: "Will" is no "will"). With `alone`, only by the first name alone and not
 * as a self-introduction: politicians speak of themselves by full name ("it's not Bernie Sanders"),
 * and "This is Della" introduces the speaker.
 */
export function spokenOf(p: Person, quotation: string, alone = false): boolean {
  const name = p.fullName.split(/[ \u00a0]+/).find((w) => w.toLowerCase() === p.nameTokens[0]);
  if (!name) return false;
  for (let i = quotation.indexOf(name); i >= 0; i = quotation.indexOf(name, i + 1)) {
    if (NAME_CHAR.test(quotation[i - 1] ?? ' ') || NAME_CHAR.test(quotation[i + name.length] ?? ' ')) continue;
    if (!alone || (!NEXT_NAME_WORD.test(quotation.slice(i + name.length, i + name.length + 3)) && !SELF_INTRODUCTION.test(quotation.slice(Math.max(0, i - 12), i)))) return true;
  }
  return false;
}
const NAME_CHAR = /[\p{L}'’-]/u;
const NEXT_NAME_WORD = /^[ \u00a0]\p{Lu}/u;
const SELF_INTRODUCTION = /(?:\b(?:is|am)|I['’]m|name['’]s)[ \u00a0]+$/i;

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

/**
 * How many sentences back from `at` the article last names `person` (1: in the sentence before, or
 * earlier in the same one); 99 when it never does before. "He said" far from the name is wrong
 * more often (on blind-tune: 2.5% at 1 sentence, 11% at 2-3, 30% at 4 or more).
 */
export function sentencesSinceNamed(person: Person, at: number, ctx: ResolveContext): number {
  const last = lastNamedBefore(person, at, ctx);
  if (last < 0) return 99;
  return Math.max(1, sentenceStartsUpTo(ctx.sentenceStarts, at) - sentenceStartsUpTo(ctx.sentenceStarts, last));
}

/** Where the article last names `person` before `at` (outside quotations); -1 when it does not. */
function lastNamedBefore(person: Person, at: number, ctx: ResolveContext): number {
  let last = -1;
  for (const m of ctx.index.mentions) {
    if (m.start >= at) break;
    if (m.person === person) last = m.start;
  }
  return last;
}

/** Whether the article names anyone else who `could` be meant between its last naming of `person` before `at` and `at`. */
function someoneElseNamedSince(person: Person, at: number, ctx: ResolveContext, could: (p: Person) => boolean): boolean {
  const last = lastNamedBefore(person, at, ctx);
  return ctx.index.mentions.some((m) => m.start > last && m.start < at && m.person !== person && could(m.person));
}

/** How many sentence starts lie at or before pos. */
function sentenceStartsUpTo(starts: number[], pos: number): number {
  return starts.length > 0 && starts[0]! <= pos ? sentenceIndex(starts, pos) + 1 : 0;
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

const SAME_PRONOUN_HE = /\b(?:he)\s+(?:\w+ly\s+|also\s+|then\s+)?(\p{Ll}+)/giu;
const SAME_PRONOUN_SHE = /\b(?:she)\s+(?:\w+ly\s+|also\s+|then\s+)?(\p{Ll}+)/giu;

/** Whether the lead of a sentence (at `from`) has the pronoun as the subject of a verb, outside quotations. */
function sameSubjectPronoun(pattern: RegExp, lead: string, from: number, ctx: ResolveContext): boolean {
  for (const m of matchesOf(pattern, lead)) {
    if (ctx.inQuote(from + m.index)) continue;
    return verbLike(m[1]!);
  }
  return false;
}

/**
 * Name mentions and resolved speakers by position, mentions first at equal positions: a merge of
 * the two lists, which are both in text order (the same as a stable sort of the two joined).
 */
function mentionsInTextOrder(ctx: ResolveContext): Array<{ pos: number; person: Person; spoke: boolean }> {
  const { mentions } = ctx.index;
  const { speakers } = ctx;
  const all: Array<{ pos: number; person: Person; spoke: boolean }> = [];
  let i = 0;
  let j = 0;
  while (i < mentions.length || j < speakers.length) {
    if (j >= speakers.length || (i < mentions.length && mentions[i]!.start <= speakers[j]!.pos)) {
      all.push({ pos: mentions[i]!.start, person: mentions[i]!.person, spoke: false });
      i++;
    } else {
      all.push({ pos: speakers[j]!.pos, person: speakers[j]!.person, spoke: true });
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

/** A sentence that opens with a heading of one to three words and a colon: "Out: Quicken Loans also ...". */
const HEADING_COLON = /^[\s\u00a0]*\p{Lu}[\p{L}'’-]*(?:[ \u00a0][\p{L}'’-]+){0,2}:[ \u00a0]+(?=\p{Lu})/u;
/** A heading that is a sentence of its own, one or two words and a "?" or "!": "Naive? Russian Foreign Minister ...". */
const HEADING_SENTENCE = /^[\s\u00a0]*\p{Lu}[\p{L}'’-]*(?:[ \u00a0][\p{L}'’-]+)?[?!][\s\u00a0]*$/u;

/**
 * Whether sentence k is a picture caption run into the text in the tabloid style, a short heading
 * then the caption ("Out: Quicken Loans also decided ...", "Naive? Russian Foreign Minister X
 * pressed ..."): it names whom a photo shows, not whom the story follows. A heading that is a name
 * the article knows ("Putin: Russia may ...") is a headline about that person, not a caption.
 */
function headedCaption(ctx: ResolveContext, k: number, all: ReadonlyArray<{ pos: number }>): boolean {
  const from = ctx.sentenceStarts[k]!;
  const to = ctx.sentenceStarts[k + 1] ?? ctx.text.length;
  const sentence = ctx.text.slice(from, to);
  const colon = HEADING_COLON.exec(sentence);
  if (colon) {
    const first = all[firstAtOrAfter(all, from)];
    return !(first && first.pos < from + colon[0].length);
  }
  if (k === 0) return false;
  const previous = ctx.text.slice(ctx.sentenceStarts[k - 1]!, from);
  return HEADING_SENTENCE.test(previous) && !ctx.inQuote(ctx.sentenceStarts[k - 1]!);
}

/** A photo credit on a line of its own: "POOL New/Reuters.", "Jim Urquhart / Reuters.", "Scott Olson via Getty Images." */
const PHOTO_CREDIT = /^[^.\n]{0,60}(?:\/[ \u00a0]?(?:Reuters|AP|AFP|Getty Images)|[ \u00a0]via[ \u00a0]Getty[ \u00a0]Images|AP[ \u00a0]Photo)[^.\n]{0,40}\.?$/;

/** Whether the paragraph holding `from` comes right after a photo credit: it is the photo's caption (neither names whom the story follows). */
function afterPhotoCredit(text: string, from: number): boolean {
  const paragraphStart = text.lastIndexOf('\n', from - 1) + 1;
  if (paragraphStart === 0) return false;
  const before = text.slice(Math.max(0, paragraphStart - 160), paragraphStart).trimEnd();
  return PHOTO_CREDIT.test(before.slice(before.lastIndexOf('\n') + 1));
}

/**
 * "he"/"she": walk back sentence by sentence and take the first (leftmost, usually the subject)
 * person of the right gender. A sentence whose subject is the same pronoun refers to the same
 * person, so it is skipped ("She says Trump's tweets accusing Alicia Machado ..." -> keep going).
 */
function resolvePronoun(want: Gender | null, pos: number, ctx: ResolveContext, maxSentences = 12, accept: (p: Person) => boolean = () => true, nested = false, subjectsOnly = false): Person | null {
  const starts = ctx.sentenceStarts;
  const here = sentenceIndex(starts, pos);
  const all = mentionsInTextOrder(ctx);
  const samePronoun = want === 'm' ? SAME_PRONOUN_HE : want === 'f' ? SAME_PRONOUN_SHE : null;
  // Gender votes alone are weak evidence (a heading before "his" gets one); a title, a known first
  // name or having spoken is strong. Weakly attested names must at least sit in subject position.
  // Without a gender to match (a definite description), only a subject in a strong position counts.
  const fits = (p: Person, strongPosition: boolean) => {
    const g = personGender(p);
    // "The mother testified" after a paragraph on Michael Webb is not Webb: a gendered word never
    // refers to someone of the other gender, in subject position or not.
    if (want !== null && g && g !== want) return false;
    if (want === null || subjectsOnly) return strongPosition && (p.evidence > 0 || (!!g && g === want));
    if (g && g !== want) return false;
    if (p.evidence > 0) return true;
    return !!g && strongPosition;
  };
  for (let k = here; k >= 0 && here - k <= maxSentences; k--) {
    let from = starts[k]!;
    const to = k === here ? pos : starts[k + 1] ?? pos;
    // A picture caption run into the text ("X (pictured) in court") names whom a photo shows, not
    // whom the story is following: its names never make a "he" or "she".
    const caption = CAPTION_MARKER.exec(ctx.text.slice(from, to));
    if (caption && k < here) continue;
    if (k < here && (headedCaption(ctx, k, all) || afterPhotoCredit(ctx.text, from) || (to - from <= 120 && PHOTO_CREDIT.test(ctx.text.slice(from, to).trim())))) continue;
    if (caption) from += caption.index + caption[0].length;
    // "Speaking to the Westhaven Echo, she said": whom an opening phrase says was spoken to is not who speaks.
    const addressed = ADDRESSED_OPENING.exec(ctx.text.slice(from, to));
    if (addressed) from += addressed[0].length;
    // "Asked about her vote if Clinton faces Trump, she replied": the names in the question are what
    // the pronoun was asked about; the one asked is the pronoun itself, someone named before.
    if (k === here && QUESTIONED_CLAUSE.test(ctx.text.slice(from, pos))) continue;
    // "Speaking on Sky Sports, the pundit said", "X took on Y after the front-runner had said": the
    // names before a description in an opening phrase, or in the clause its own clause hangs from, are not it.
    if (k === here && want === null && (OPENING_PHRASE_THEN_COMMA.test(ctx.text.slice(from, pos)) || SUBORDINATOR_BEFORE.test(ctx.text.slice(Math.max(from, pos - 12), pos)))) continue;
    // `all` is in text order: the mentions in [from, to) are one stretch of it.
    const inSentence = all.slice(firstAtOrAfter(all, from), firstAtOrAfter(all, to));
    // A sentence whose subject is the same pronoun ("..., he said, ...") continues the same person; so
    // does the same pronoun earlier in the cue's own sentence, before any name ("Over the years, she
    // said, email kept her close to Clinton, although she laughed and admitted"): the names after it
    // are not whom the pronoun means.
    const lead = ctx.text.slice(from, inSentence[0]?.pos ?? to);
    // A "he" inside a quotation is the speaker's word for someone else: it continues no one.
    if (samePronoun && sameSubjectPronoun(samePronoun, lead, from, ctx)) continue;
    // "Asked by Ambrose whether she would support the nominee, she answered": the names in the
    // question are not the sentence's subject; the same pronoun after it is, and continues.
    const asked = samePronoun && k < here && QUESTIONED_OPENING.test(lead) ? QUESTIONED_THEN_SUBJECT.exec(ctx.text.slice(from, to)) : null;
    if (asked && samePronoun && sameSubjectPronoun(samePronoun, ctx.text.slice(from + asked[0].length, to), from + asked[0].length, ctx)) continue;
    if (k < here) {
      // A sentence about someone written as a description or a pronoun ("The judge rubbed his chin.",
      // "He made the observation ...") is about whoever that is: the chain goes through them, and
      // stops at someone the article does not name.
      const subject = chainSubject(lead, from, inSentence.length > 0);
      if (subject) {
        if (nested) return null;
        const person = subject.kind === 'pronoun'
          ? want === null ? resolvePronoun(genderOf(subject.text), subject.pos, ctx, 12, () => true, true) : null
          : resolveDescriptor(subject, ctx, true).person;
        if (subject.kind === 'pronoun' && want !== null) {
          // "he" before a sentence led by "she": that sentence is about someone else.
        } else if (person && accept(person) && (want === null || personGender(person) !== (want === 'm' ? 'f' : 'm'))) return person;
        else if (!person) return null;
      }
    }
    // Then the sentence-initial name ("In an interview with X, Ham made it clear ..." -> Ham), then
    // names in subject position, then left to right.
    // Whoever the sentence quotes comes first ("X plans to ..., Ben Carson said Monday." is Carson's).
    // A speaker inside a fronted clause ("When Maddow pointed out ..., Clinton seized ...") is not.
    const mainClause = from + (FRONTED.exec(ctx.text.slice(from, to))?.[0].length ?? longSubordinateClause(ctx.text, from, inSentence));
    const spoke = inSentence.filter((m) => m.spoke && m.pos >= mainClause);
    const initial = inSentence.filter((m) => sentenceInitial(ctx.text.slice(from, m.pos)) && !possessive(ctx.text, m.pos));
    // Subjects of the main clause before those of a fronted one ("When Maddow pointed out ..., Clinton seized").
    const subjects = inSentence.filter((m) => subjectLike(ctx.text, m) || invertedSubject(ctx.text, from, m.pos)).sort((a, b) => Number(a.pos < mainClause) - Number(b.pos < mainClause));
    // The sentence right before the quotation's closes with its source ("Cruz electrified the crowds,
    // Stovall said."): the next "he said" is that source again, not the person the report is about.
    const closing = k === here - 1 ? inSentence.filter((m) => !m.spoke && (closingSource(ctx.text, m.pos, to) || RELATIVE_SOURCE.test(ctx.text.slice(m.pos, to)))) : [];
    // "Ms. Varga laughed, and Ms. Imbert turned to her. '...?' she asked": the subject of a second
    // main clause that acts on someone of the pronoun's gender is who goes on.
    const turning = want && k < here ? subjects.filter((m) => COORDINATED_BEFORE.test(ctx.text.slice(Math.max(from, m.pos - 16), m.pos)) && objectPronounAfter(ctx.text, m.pos, want)) : [];
    const ordered = [...spoke, ...closing, ...turning, ...initial, ...subjects];
    const found = (m: (typeof inSentence)[number]) => !workCredit(ctx.text, m.pos) && accept(m.person) && fits(m.person, m.spoke || closing.includes(m) || initial.includes(m) || subjects.includes(m));
    for (const m of ordered) if (found(m)) return m.person;
    // Then left to right, the owner of a person ("Mrs Howe's niece, Deborah Finch, discovered") after
    // the others: the sentence is about whom they have. ("Christie's been making the case" is no owner.)
    const owners: typeof inSentence = [];
    for (const m of inSentence) {
      if (ownerOfPerson(ctx.text, m.pos)) owners.push(m);
      else if (found(m)) return m.person;
    }
    for (const m of owners) if (found(m)) return m.person;
  }
  return null;
}

/** ", and " or "; " before a name (perhaps after its title): a second main clause opens. */
const COORDINATED_BEFORE = /(?:,[ \u00a0]+and|;)[ \u00a0]+(?:\p{Lu}\p{L}*\.?[ \u00a0]+)?$/u;
/** Whether the verb after a subject's mention takes "her" (or "him") as its object: "turned to her", "asked him". */
function objectPronounAfter(text: string, pos: number, want: Gender): boolean {
  const after = OBJECT_OF_VERB_AFTER.exec(text.slice(pos, pos + 80));
  return !!after && (after[1] === 'him' ? 'm' : 'f') === want;
}
/** A name, a verb, perhaps a preposition, then "him" or "her" ending the clause: groups the pronoun. */
const OBJECT_OF_VERB_AFTER = /^(?:\p{Lu}[\p{L}.'’-]*[ \u00a0]+){0,3}\p{Lu}[\p{L}'’-]*[ \u00a0]+(?:\p{Ll}+ly[ \u00a0]+)?\p{Ll}+[ \u00a0]+(?:(?:to|at|toward|towards)[ \u00a0]+)?(him|her)(?=[ \u00a0]*[.,;:!?])/u;

/**
 * First names common for women and men alike, which the name lists give one gender ("Kerry" a man,
 * "Jess" a man, "Kim" a man). Hand-written from the names both ways in British and American use.
 */
const EITHER_GENDER_FIRST_NAMES = new Set(
  ('alex ali ashley billie bobbie cameron casey charlie chris dana drew frankie hayden jaime jamie jess jesse jo jodie jody ' +
    'jordan kelly kerry kim lee leslie lindsay morgan nicky pat riley robin sam sandy shannon stacey taylor terry toni tracy').split(' '),
);

/**
 * "Kerry Walsh, 45, said ... She said:": when no one of the pronoun's gender is in reach, the subject
 * of its own or the sentence before, whose first name is common for both genders and whose other
 * gender comes from the name lists alone (no title, kin word or pronoun for it). A fallback: it
 * turns no speaker into one, never one speaker into another.
 */
function eitherGenderSubject(want: Gender, pos: number, ctx: ResolveContext): Person | null {
  const starts = ctx.sentenceStarts;
  const here = sentenceIndex(starts, pos);
  const all = mentionsInTextOrder(ctx);
  for (let k = here; k >= Math.max(0, here - 1); k--) {
    const from = starts[k]!;
    const to = k === here ? pos : starts[k + 1] ?? pos;
    for (const m of all.slice(firstAtOrAfter(all, from), firstAtOrAfter(all, to))) {
      const p = m.person;
      const other = want === 'f' ? p.maleVotes : p.femaleVotes;
      if (p.nameTokens.length < 2 || !EITHER_GENDER_FIRST_NAMES.has(p.nameTokens[0]!) || other > 2) continue;
      if (m.spoke || sentenceInitial(ctx.text.slice(from, m.pos))) return p;
    }
  }
  return null;
}

/** A sentence opening with a phrase of its own, then the comma before its subject: "Speaking on Sky Sports, ", "In an interview with X, ". */
// (Or closed by a dash: "In the letter - addressed to the U.S. attorney, Channing D. Phillips - the Utah Republican asks".)
// (An initial's stop, "U.S.", is no sentence's end.)
const OPENING_PHRASE_THEN_COMMA = /^[\s\u00a0]*(?:In|At|On|During|After|Before|Speaking|Writing|Talking|Asked|Appearing|Interviewed|Addressing|Responding|Following|With|From|Despite|Unlike)\b(?:[^.!?;:"“”]|(?<=(?:^|[\s.])\p{Lu})\.)*(?:,|[ \u00a0][-–—])[\s\u00a0]*$/u;
/** A subordinating word right before the description: "after the front-runner had said". */
const SUBORDINATOR_BEFORE = /(?:^|[\s\u00a0])(?:after|before|when|while|because|since|although|though|until|once)[\s\u00a0]+$/;

/** The opening of a participle clause of questioning: "Asked ", "When pressed ", "After being challenged ". */
const QUESTIONED_OPENING = /^[\s\u00a0]*(?:When[ \u00a0]+|After[ \u00a0]+being[ \u00a0]+)?(?:Asked|Pressed|Questioned|Challenged|Confronted)[ \u00a0]/;
/** A sentence that opens with a participle clause of questioning, up to the comma before its subject. */
const QUESTIONED_CLAUSE = new RegExp(String.raw`${QUESTIONED_OPENING.source}[^.!?;]*,[ \u00a0]*$`);

/** Up to the he/she after a participle clause of questioning: "Asked by Ambrose whether ..., ". */
const QUESTIONED_THEN_SUBJECT = /^[^.!?;]*?,[ \u00a0]*(?=(?:he|she)[ \u00a0])/;

/** An indefinite description of a person opening a sentence, perhaps with a place or body after its head and a clause set off by commas, then its verb: groups head, verb. */
const INDEFINITE_PERSON_SUBJECT = /^[\s\u00a0]*(?:A|An|One)[ \u00a0]+(?:[\p{Ll}\p{N}'’-]+[ \u00a0]+){0,3}?(\p{Ll}[\p{L}-]*)(?:[ \u00a0]+(?:from|of|at|with|in|for)[ \u00a0][^,.;:!?"“”]{1,60}?)?(?:,[^.;:!?"“”]{1,160}?,)?[ \u00a0]+(?:(?:also|then|later|\p{Ll}+ly)[ \u00a0]+)?(said|told|spoke|wrote|says|tells|\p{Ll}+ed|\p{Ll}+[^s\W]s)(?![\p{L}’'-])/u;
const DESCRIPTION_SUBJECT = /^(?:The|the)[ \u00a0]+((?:[\p{L}\p{N}'’-]+[ \u00a0]+){0,3}?)(\p{L}[\p{L}-]*)[ \u00a0]+(?:(?:also|then|later|again|\p{Ll}+ly)[ \u00a0]+)?(\p{Ll}[\p{L}’'-]*)/u;
const PRONOUN_SUBJECT = /^(He|She|he|she)[ \u00a0]+(?:(?:also|then|later|again|\p{Ll}+ly)[ \u00a0]+)?(\p{Ll}[\p{L}’'-]*)/u;

/** "The controversial radio host's": a description of a person in the possessive (the 's left out of the match). */
const POSSESSIVE_DESCRIPTION_SUBJECT = /^(?:The|the)[ \u00a0]+((?:[\p{L}\p{N}-]+[ \u00a0]+){0,3}?)(\p{Ll}[\p{L}-]*)(?=['’]s[ \u00a0]+(?:(\p{Ll}[\p{L}-]*)[ \u00a0,]+)?(\p{Ll}[\p{L}-]*))/u;
const personNoun = (head: string) => !!GENDERED_NOUN[head] || PERSON_NOUN.test(head) || NEW_PERSON_NOUN.test(head) || /-year-old$/.test(head);

/** The subject that opens a sentence when it is a description of a person or a he/she, not a name. */
function chainSubject(lead: string, from: number, namesSomeone: boolean): Subject | null {
  const fronted = FRONTED.exec(lead)?.[0].length ?? 0;
  const rest = lead.slice(fronted);
  const pronoun = PRONOUN_SUBJECT.exec(rest);
  if (pronoun && (verbLike(pronoun[2]!) || /n[’']t$/.test(pronoun[2]!))) return { kind: 'pronoun', text: pronoun[1]!, pos: from + fronted };
  // "The controversial radio host's comments caused a row ...": the sentence is about the host.
  const owner = POSSESSIVE_DESCRIPTION_SUBJECT.exec(rest);
  // Not when what they own is a person ("The billionaire's wife said"): the sentence is about the wife.
  if (owner && !/\p{Lu}/u.test(owner[1]!) && personNoun(owner[2]!) && ![owner[3], owner[4]].some((w) => w && (personNoun(w) || personNoun(w.replace(/s$/, ''))))) return { kind: 'descriptor', text: rest.slice(0, owner[0].length).trim(), pos: from + fronted };
  // "A negotiator from a small island nation, who asked not to be named, said ...": someone new and
  // unnamed the sentence is about, in a sentence that names no one, stops the chain ("A reporter
  // asked Sanders how he felt. He replied:" goes on to whom it names).
  const someone = !namesSomeone && /^[\s\u00a0]*(?:A|An|One)[ \u00a0]/.test(rest) ? INDEFINITE_PERSON_SUBJECT.exec(rest) : null;
  if (someone && personHead(someone[1]!) && verbLike(someone[2]!)) return { kind: 'descriptor', text: rest.slice(0, someone[0].length - someone[2]!.length).replace(/,[^,]*,[\s\u00a0]*$/, '').trim(), pos: from + fronted };
  const d = DESCRIPTION_SUBJECT.exec(rest);
  if (!d || !verbLike(d[3]!)) return null;
  // "the King noted", "The President said", "The Foreign Secretary acknowledged": a title written
  // as capitalised words ending in a role word. Other capitalised modifiers ("The Wisconsin
  // Republican") are left out: measured, they chained to the wrong person.
  const capTitle = /^\p{Lu}\p{Ll}+$/u.test(d[2]!) && PERSON_NOUN.test(d[2]!.toLowerCase());
  if (/\p{Lu}/u.test(d[1]!) && !(capTitle && /^(?:\p{Lu}\p{Ll}+[ \u00a0]+)+$/u.test(d[1]!))) return null;
  if (!personNoun(d[2]!) && !capTitle) return null;
  return { kind: 'descriptor', text: rest.slice(0, d[0].length - d[3]!.length).trim(), pos: from + fronted };
}

const OPENING_SUBORDINATOR = /^[\s\u00a0]*(?:When|While|If|After|Before|Because|Although|Though|Since|Until|Unless|Once)[\s\u00a0]/;
const COMMA_THEN_TITLES = /,[\s\u00a0]+(?:\p{Lu}[\p{L}.’'-]*[\s\u00a0]+)*$/u;

/**
 * Where the main clause starts in a sentence opened by a subordinate clause too long for FRONTED
 * ("When Mr. Trump tried to defend ... in 1989, Mr. Kasich forcefully differed."): at the first name
 * right after a comma (titles aside). 0 when the sentence opens otherwise or no name follows a comma.
 */
function longSubordinateClause(text: string, from: number, inSentence: ReadonlyArray<{ pos: number }>): number {
  if (!OPENING_SUBORDINATOR.test(text.slice(from, from + 12))) return 0;
  const after = inSentence.find((m) => COMMA_THEN_TITLES.test(text.slice(Math.max(from, m.pos - 40), m.pos)));
  return after ? after.pos - from : 0;
}

// After the name: an appositive set off by commas, or by dashes ("Whit Ayres -- author of ..., which ... -- is"),
// or where they work ("Darran Whiting of Liberty Baptist Church in Marion, said"), then the verb. An
// appositive that opens with another full name ("One pastor backing Mr. Cruz, Darran Whiting of ...,
// said") makes that name the subject, not this one. Nor is a reporting clause set off by commas an
// appositive ("The good news for Cruz, Woolson said, is ..."): its speaker is the subject there.
const SUBJECT_FOLLOW = /^[^\s,]*(?:,(?![ \u00a0]+\p{Lu}\p{Ll}+[ \u00a0]+\p{Lu}\p{Ll}+\b(?![’']))(?![ \u00a0]+(?:(?:\p{Lu}[\p{L}.’'-]*|he|she|they)[ \u00a0]+){1,3}(?:said|says|added|adds|noted|notes|argued|argues|wrote|writes|explained|explains|recalled|recalls|insisted|insists|predicted|predicts|acknowledged|acknowledges|contended|contends),)[^,;“”"]{1,120},|[ \u00a0]+(?:--|—|–)[^;“”"]{1,200}?(?:--|—|–)|[ \u00a0]+(?:of|at|from)[ \u00a0][^,;“”"]{1,80},)?\s+(\p{Ll}[\p{L}-]*)/u;

function sentenceInitial(before: string): boolean {
  const rest = before.slice(FRONTED.exec(before)?.[0].length ?? 0);
  // "When Maddow pointed out ...": the name opens a subordinate clause, not the sentence.
  if (/^(?:When|While|If|As|After|Before|Because|Although|Though|Since|Until|Unless|Once|Whether)[\s\u00a0]/.test(rest)) return false;
  // Only title and role words before the name ("House Speaker", "Former Pennsylvania Gov.").
  return /^(?:[\p{Lu}][\p{L}.’'-]*[ \u00a0]+)*$/u.test(rest);
}

/** "Stevie Ray Vaughan's 'Pride and Joy'": a name credited with a quoted work, not a person in the story. */
const WORK_CREDIT = /^(?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){0,3}\p{Lu}[\p{L}-]*['’]s[ \u00a0]+['‘"“]/u;
function workCredit(text: string, pos: number): boolean {
  return WORK_CREDIT.test(text.slice(pos, pos + 80));
}

/** A name in the possessive before a noun for a person: "Mrs Howe's niece", "DeLuca's spokesman". */
function ownerOfPerson(text: string, pos: number): boolean {
  const m = OWNER_OF_PERSON.exec(text.slice(pos, pos + 100));
  return !!m && personNoun(m[1]!.toLowerCase());
}
const OWNER_OF_PERSON = /^(?:\p{Lu}[\p{L}.’'-]*\s)*\p{Lu}[\p{L}.-]*[’']s?[ \u00a0]+(?:(?:late|former|eldest|youngest|younger|older|longtime|teenage|estranged)[ \u00a0]+)?(\p{Ll}+)\b/u;

const NAME_RUN_THEN_POSSESSIVE = /^(?:\p{Lu}[\p{L}.’'-]*\s)*\p{Lu}[\p{L}.-]*[’']s?\b/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/** "Trump's misinformation": a name in the possessive modifies a noun; it is not the subject. */
function possessive(text: string, pos: number): boolean {
  return NAME_RUN_THEN_POSSESSIVE.test(text.slice(pos, pos + 80));
}

const NAME_OR_WORDS_ONLY = /^(?:[\s\u00a0]+(?:the[\s\u00a0]+)?(?:\p{Lu}[\p{L}.’'-]*[\s\u00a0]+)*?(?:\p{Ll}[\p{L}-]*[\s\u00a0]+){0,2})$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/** "..., said Jeffery Hemsley", "noted NBC's Dante Chinni": the subject after a speech verb. */
function invertedSubject(text: string, sentenceStart: number, pos: number): boolean {
  const before = text.slice(Math.max(sentenceStart, pos - 60), pos);
  const verbs = speechVerbs(before, 0);
  const last = verbs[verbs.length - 1];
  return !!last && !TELL_VERBS.test(last.verb) && NAME_OR_WORDS_ONLY.test(before.slice(last.end));
}

const LEADING_NAME_RUN = /^(?:(?:\p{Lu}[\p{L}.’'-]*|(?:van|von|de|da|di|du|der|den|del|la|le|bin|ibn|al|el)(?=\s\p{Lu}))\s?)+/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
function subjectLike(text: string, m: { pos: number; person: Person }): boolean {
  const after = text.slice(m.pos, m.pos + 280);
  // Skip over the name itself: up to the first character that is not part of a capitalised run.
  // A particle inside a name is part of it: "Louis van Gaal", "Bill de Blasio".
  const rest = after.replace(LEADING_NAME_RUN, (run) => (run.endsWith(' ') ? ' ' : ''));
  if (/^[’']s\b/.test(rest)) return false;
  const follow = SUBJECT_FOLLOW.exec(rest);
  if (follow) return verbLike(follow[1]!);
  // "His opponent, Grigor Dimitrov, admitted": the name set off after the description that opens the sentence.
  const verb = APPOSITIVE_THEN_VERB.exec(rest);
  return !!verb && verbLike(verb[1]!) && DESCRIPTION_BEFORE_APPOSITIVE.test(text.slice(Math.max(0, m.pos - 60), m.pos));
}

/** A description opening a sentence, then a comma: "His opponent, ", "The club's captain, ". */
const DESCRIPTION_BEFORE_APPOSITIVE = /(?:^|[.!?]["”’']?[\s\u00a0]+|\n[\s\u00a0]*)(?:The|A|An|His|Her|Their|Its|Our|\p{Lu}[\p{L}.'’-]*['’]s?)[ \u00a0]+(?:[\p{L}-]+[ \u00a0]+){0,3}\p{Ll}[\p{L}-]*,[ \u00a0]+$/u;
/** After a name: its closing comma, perhaps an age, then a word that may be its verb. */
const APPOSITIVE_THEN_VERB = /^,[ \u00a0]+(?:\d{1,3},[ \u00a0]+)?(?:\p{Ll}+ly[ \u00a0]+)?(\p{Ll}[\p{L}-]*)/u;

/** ", Stovall said." at a sentence's end: the name, a verb of saying, perhaps a day, and the stop. */
const CLOSING_SOURCE = /^(?:\p{Lu}[\p{L}.’'-]*[ \u00a0]?)+[ \u00a0]*(?:said|says|added|adds|noted|notes|argued|argues|explained|explains)(?:[ \u00a0]+(?:on[ \u00a0]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|recently|earlier|later))?[.!][\s\u00a0”"’']*$/u;

/** "Sen. Dianne Feinstein of California, the ranking Democrat, who said ...": the name a relative clause of saying follows. */
const RELATIVE_SOURCE = /^(?:\p{Lu}[\p{L}.’'-]*[ \u00a0]?)+(?:[ \u00a0]*of[ \u00a0]+\p{Lu}[\p{L}.’'-]*(?:[ \u00a0]+\p{Lu}[\p{L}.’'-]*)*)?(?:,[^,;.“”"]{1,100})*,[ \u00a0]+who[ \u00a0]+(?:also[ \u00a0]+|later[ \u00a0]+)?(?:said|says|told|tells|added|adds|wrote|writes|argued|argues|noted|notes)\b/u;

/** Whether the name at `pos` is the source of the whole sentence that ends at `end`, named after its words. */
function closingSource(text: string, pos: number, end: number): boolean {
  return /,[ \u00a0]*$/.test(text.slice(Math.max(0, pos - 3), pos)) && CLOSING_SOURCE.test(text.slice(pos, end));
}

/** Whom a possessive "his" or "her" at pos refers to. */
function possessiveOwner(word: string, pos: number, ctx: ResolveContext, accept: (p: Person) => boolean = () => true): Person | null {
  return resolvePronoun(/^his$/i.test(word) ? 'm' : 'f', pos, ctx, 12, accept);
}

function genderOf(pronoun: string): Gender | null {
  const p = pronoun.toLowerCase();
  if (p === 'he') return 'm';
  if (p === 'she') return 'f';
  return null;
}

const THE_CAPITALISED_WORDS = /^The[ \u00a0]+((?:\p{Lu}\p{Ll}+[ \u00a0]+){0,2}(\p{Lu}\p{Ll}+))$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
export function resolveSubject(subject: Subject, ctx: ResolveContext): Resolution {
  // "police said", "the police said": the force the article names, when it names one.
  if (POLICE_ALONE.test(subject.text)) {
    const force = latestOrganisation(subject.pos, (o) => POLICE_FORCE.test(o.name), ctx, Number.POSITIVE_INFINITY);
    if (force) return { speaker: force.org.name, person: null };
    // A capitalised "Police" opening a sentence is the same word, no name.
    return subject.kind === 'name' ? NONE : { speaker: subject.text.replace(/^The\b/, 'the'), person: null };
  }
  // "an explosion that Mayor Bill de Blasio described": "that" opened the clause, the name after it is the subject.
  const afterThat = subject.kind === 'descriptor' ? THAT_BEFORE_NAME.exec(subject.text) : null;
  if (afterThat) return resolveSubject({ kind: 'name', text: subject.text.slice(afterThat[0].length), pos: subject.pos + afterThat[0].length }, ctx);
  if (subject.kind === 'pronoun') {
    const want = genderOf(subject.text);
    if (!want) return /^(it|they)$/i.test(subject.text) ? resolveNonPersonPronoun(subject, ctx) : NONE;
    const described = unnamedAntecedent(want, subject.pos, ctx);
    if (described) return { speaker: described, person: null };
    const definite = describedAntecedent(want, subject.pos, ctx);
    if (definite?.person || definite?.someoneNew) return { speaker: definite.speaker, person: definite.person };
    const goesOn = definite ? null : unnamedSpeakerGoesOn(want, subject.pos, ctx);
    if (goesOn) return goesOn;
    // "Marco Rubio, who he dubbed ...": the he of a relative clause is not whom "who" stands for.
    const relative = RELATIVE_BEFORE.test(ctx.text.slice(Math.max(0, subject.pos - 8), subject.pos));
    const antecedent = relative ? ctx.index.mentions.find((m) => m.end <= subject.pos && m.end >= subject.pos - 12 && NAME_THEN_WHO.test(ctx.text.slice(m.end, subject.pos)))?.person : undefined;
    const addressee = addresseeOf(subject, ctx);
    const answered = repliedTo(subject.pos, subject.text, ctx);
    // No one speaks of themselves by first name: '"We will never know who Freya would have become," she said' is not Freya.
    const person = resolvePronoun(want, subject.pos, ctx, 12, (p) => p !== antecedent && p !== addressee && p !== answered && !bodyReadAsPerson(p, ctx) && !spokenOf(p, ctx.quotation, true)) ?? (definite ? null : eitherGenderSubject(want, subject.pos, ctx));
    // A description that found no one ("The Prime Minister faced questions. '...,' he told MPs") is
    // still whom the pronoun means when no name is.
    return person ? { speaker: person.fullName, person } : definite ?? unnamedSpeakerBefore(want, subject.pos, ctx) ?? NONE;
  }
  if (subject.kind === 'name') {
    // "But Dominic, who runs the business side, says": the word that opens the clause is no name's.
    // (Only when all of the rest reads as a name: "And America Rising" stays whole.)
    // "Calgary-based Bitterroot said": where a body is based is no part of its name.
    const opener = clauseOpenerLength(subject.text) || (subject.text.includes('-based') ? (PLACE_BASED_BEFORE_NAME.exec(subject.text)?.[0].length ?? 0) : 0);
    const rest = opener > 0 ? subject.text.slice(opener) : '';
    if (rest && parseNameRun(rest)?.tokens.length === rest.split(/[ \u00a0]+/).length) return resolveSubject({ ...subject, text: rest, pos: subject.pos + opener }, ctx);
    // A transcript's "KANE:", "OKAFOR:": a surname in capitals is the person the article named so, when
    // it names one (capitals of up to six letters otherwise read as an acronym, "NATO").
    if (ACRONYM_OF_2_TO_6.test(subject.text) && ctx.text[subject.pos + subject.text.length] === ':') {
      const surname = subject.text.toLowerCase();
      if (ctx.index.people.some((p) => p.surname === surname)) return resolveName({ ...subject, text: subject.text[0] + surname.slice(1) }, ctx);
    }
    // "The Journal", "Fox News": an organisation, by the fullest name the article gives it.
    const org = organisationAt(subject.pos, ctx);
    if (org) return { speaker: org.name.length > subject.text.length ? org.name : subject.text, person: null };
    const company = companyByFirstWords(subject, ctx);
    if (company) return { speaker: company, person: null };
    // "The Scot said:", "The President wrote:": a sentence-opening title or demonym is a description,
    // as "the Scot" and "the President" are.
    const described = THE_CAPITALISED_WORDS.exec(subject.text);
    const head = described?.[2]?.toLowerCase() ?? '';
    if (described && (DEMONYM_NOUN.test(head) || (isTitleWord(head) && PERSON_NOUN.test(head)))) return resolveDescriptor({ kind: 'descriptor', text: `the ${described[1]!}`, pos: subject.pos }, ctx);
    return resolveName(subject, ctx);
  }
  return resolveDescriptor(subject, ctx);
}

/**
 * "Vantor Health Inc. ... Vantor said": a company named in full before, then by its first word or
 * two, speaks by its fullest name (no person of the article goes by those words).
 */
function companyByFirstWords(subject: Subject, ctx: ResolveContext): string | null {
  const words = subject.text.replace(/['’]s$/, '').split(/[ \u00a0]+/);
  // Most names have no fuller, capitalised form earlier in the text: looked for first, as the
  // organisation index is built only when something asks for it.
  const prefix = `${words.join(' ')} `;
  let fuller = false;
  for (let i = ctx.text.indexOf(prefix); i >= 0 && i < subject.pos && !fuller; i = ctx.text.indexOf(prefix, i + 1)) fuller = STARTS_UPPER.test(ctx.text.charAt(i + prefix.length));
  if (!fuller) return null;
  const lower = words.map((w) => w.toLowerCase());
  // (A "person" of just those words is the company read as a name: "Volta Trail, which is based in Newark, said".)
  const short = lower.join(' ');
  if (words.length > 2) return null;
  // Someone else of those words is a namesake: no company then. Only a "person" whose name runs on
  // from those words with no sign of a person ("Bitterroot Energy's field operations") may be the
  // company's own name read as a person's; the organisation index, built only on demand, decides.
  const others = ctx.index.people.filter((p) => p.nameTokens.join(' ') !== short && p.nameTokens.some((t) => lower.includes(t)));
  const runsOn = (p: Person) => lower.every((w, i) => p.nameTokens[i] === w) && p.titles.size === 0 && !firstNameGender(p.nameTokens[0]);
  if (!others.every(runsOn)) return null;
  // (Not two names joined: "Microsoft and LinkedIn" is no fuller name of Microsoft.)
  const startsWith = (name: string) => {
    const ow = name.split(/[ \u00a0]+/);
    return ow.length > words.length && words.every((w, i) => ow[i] === w) && !/^(?:and|&)$/.test(ow[words.length]!);
  };
  const company = latestOrganisation(subject.pos, (o) => o.kind === 'company' && startsWith(o.name), ctx, Number.POSITIVE_INFINITY)?.org.name;
  if (!company) return null;
  const companyWords = company.toLowerCase().split(/[ \u00a0]+/).join(' ');
  return others.every((p) => companyWords.startsWith(p.nameTokens.join(' '))) ? company : null;
}

/**
 * A company the people index also holds as a name ("Bitterroot Energy said", "Calgary-based
 * Bitterroot said"): no "he" or "she". Only a name with no title and no known first name, whose
 * words are the organisation's name or its first words.
 */
function bodyReadAsPerson(p: Person, ctx: ResolveContext): boolean {
  const bodyWord = orgNameWord(p.nameTokens[p.nameTokens.length - 1]!);
  // ("Harlow Gazette": a first name may open a body's name.)
  if (p.titles.size > 0 || (firstNameGender(p.nameTokens[0]) && !bodyWord) || p.maleVotes + p.femaleVotes > 6) return false;
  const name = p.fullName;
  // Cheap first: the name ends in a body's word or runs on into more capitalised words somewhere.
  const at = ctx.text.indexOf(`${name} `);
  if (!bodyWord && !(at >= 0 && STARTS_UPPER.test(ctx.text.charAt(at + name.length + 1)))) return false;
  return ctx.organisations.mentions.some((m) => m.org.name === name || m.org.name === `${name}.` || m.org.name.startsWith(`${name} `));
}

/** Police named by what they are, not by which force: "police", "the police", "local police". */
const POLICE_ALONE = /^(?:[Tt]he[ \u00a0]+)?(?:local[ \u00a0]+)?[Pp]olice$/;
/** A police force by name: "Kent Police", "Durham Constabulary", "the Chicago Police Department", "the NYPD". */
const POLICE_FORCE = /\b(?:Police|Constabulary|Garda|Gendarmerie)\b|^(?:the[ \u00a0]+)?(?:NYPD|LAPD|PSNI|RCMP)$/;

/** A lower-case "that", then a run of capitalised words and nothing else: "that Grayson", "that Mayor Bill de Blasio". */
const THAT_BEFORE_NAME = /^that[ \u00a0]+(?=(?:\p{Lu}[\p{L}.'’-]*[ \u00a0]+(?:(?:de|da|di|van|von|del|la|le|bin|al)[ \u00a0]+)?)*\p{Lu}[\p{L}.'’-]*$)/u;

/** "he told Hannity": the pronoun, a verb of telling, then whom it was told to. */
const TOLD_NAME = /^\p{L}+[ \u00a0]+(?:\p{Ll}+ly[ \u00a0]+)?(?:told|tells|assured|assures|reminded|reminds|informed|informs)[ \u00a0]+(?=\p{Lu})/u;

/** The person a he/she cue says the words were told to ("he told Hannity"): never the one who said them. */
function addresseeOf(subject: Subject, ctx: ResolveContext): Person | undefined {
  const told = TOLD_NAME.exec(ctx.text.slice(subject.pos, subject.pos + 60));
  if (!told) return undefined;
  const at = subject.pos + told[0].length;
  return ctx.index.mentions.find((m) => m.start === at)?.person;
}

const NONE: Resolution = { speaker: null, person: null };
/** "The other, a heavy-duty mechanic, said": groups the description, the verb. */
const ONE_OR_OTHER_OPENING = new RegExp(String.raw`^(?:The[ \u00a0]other|One(?:[ \u00a0]of[ \u00a0](?:them|those))?|Another(?:[ \u00a0]of[ \u00a0]them)?)${SET_OFF_INDEFINITE}[ \u00a0]+(\p{Ll}+)`, 'u');
/** After "one", "another", "the other": " of them, a rig hand who" -> "a rig hand" (group 1). */
const APPOSITIVE_AFTER_ONE = /^(?:[ \u00a0]of[ \u00a0](?:them|those|us))?,[ \u00a0](an?[ \u00a0](?:[\p{L}\p{N}-]+[ \u00a0]){0,3}?\p{Ll}[\p{L}-]*)(?=[ \u00a0](?:who|which|that|with|from|in|at|for)[ \u00a0]|[,.;]|$)/u;
/** An opening phrase naming whom someone spoke to: "Speaking to the Westhaven Echo, ", "In an interview with CNN, ". */
const ADDRESSED_OPENING = /^[\s\u00a0]*(?:(?:Speaking|Talking|Writing)[ \u00a0]+(?:to|with)|In[ \u00a0]+(?:an[ \u00a0]+)?interviews?[ \u00a0]+with|Interviewed[ \u00a0]+by)[ \u00a0][^,.;:!?"“”]{1,80},[\s\u00a0]*/;
const RELATIVE_BEFORE = /(?:^|[\s\u00a0,])(?:who|whom)[\s\u00a0]+$/;
/** What lies between a name and a he/she that opens its relative clause: ", who ", " whom ". */
const NAME_THEN_WHO = /^,?[\s\u00a0]+(?:who|whom)[\s\u00a0]+$/;

/**
 * "One Wolves fan, who lives in Telford, was travelling home.": an unnamed person, with an
 * indefinite article or "one", as the subject of a sentence (an appositive or relative clause may
 * follow it before the verb), perhaps after a fronted phrase ("In the town of Forst, a ...").
 */
const UNNAMED_SUBJECT = [0, 1, 2, 3].map((n) => new RegExp(String.raw`^(?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)[ \u00a0]+((?:[\p{L}\p{N}'’-]+[ \u00a0]+){${n}})(\p{Ll}[\p{L}-]*)()(?:,[^.;:!?]{1,160}?,)?[ \u00a0]+(?:(?:also|then|later|\p{Ll}+ly)[ \u00a0]+)?(\p{Ll}[\p{L}’'-]*)`, 'u'));
/**
 * The same with a place or body after the head ("A 34-year-old nurse from Waterloo, who ..., said",
 * "A teacher in suburban Atlanta said", "A street vendor selling empanadas near the plaza said"),
 * then a verb of a form that cannot end the place.
 */
const UNNAMED_SUBJECT_PLACED = [0, 1, 2, 3].map((n) => new RegExp(String.raw`^(?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)[ \u00a0]+((?:[\p{L}\p{N}'’-]+[ \u00a0]+){${n}})(\p{Ll}[\p{L}-]*)([ \u00a0]+(?:from|of|at|with|in|for|across|near|outside|behind|opposite|\p{Ll}{2,}ing)[ \u00a0](?:(?![ \u00a0](?:who|that|which)[ \u00a0])[^,.;:!?"“”‘’]){1,60}?)(?:,[^.;:!?]{1,160}?,)?[ \u00a0]+(?:(?:also|then|later|\p{Ll}+ly)[ \u00a0]+)?(?<![\p{N}][ \u00a0]+)(?!(?:his|its|this|thus|hers|ours|yours|theirs|plus|unless)[ \u00a0])(said|told|spoke|wrote|says|tells|was|had|\p{Ll}+ed|\p{Ll}+[^s\W]s|${IRREGULAR_PAST})(?![\p{L}’'-])`, 'u'));
/**
 * The same with a relative clause not set off by commas before a verb of saying: "A college
 * sophomore from Athens who marched with her classmates said" (a number's comma is no clause's end).
 */
const UNNAMED_SUBJECT_RELATIVE = [0, 1, 2, 3].map((n) => new RegExp(String.raw`^(?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)[ \u00a0]+((?:[\p{L}\p{N}'’-]+[ \u00a0]+){${n}})(\p{Ll}[\p{L}-]*)((?:[ \u00a0]+(?:from|of|at|with|in|for)[ \u00a0](?:(?![ \u00a0](?:who|that|which)[ \u00a0])[^,.;:!?"“”‘’]){1,60}?)?)[ \u00a0]+(?:who|whose|that)[ \u00a0](?:[^,.;:!?"“”‘’]|[,.](?=\d)){1,100}?(?:,[^.;:!?]{1,160}?,)?[ \u00a0]+(said|told|says|tells|added|wrote|explained|argued|noted|insisted|was|is|had|has|\p{Ll}{3,}ed|${IRREGULAR_PAST})(?![\p{L}’'-])`, 'u'));
/** The name someone unnamed is given: " named only as Valentyna", " gave only her first name, Dania". */
const GIVEN_NAME_IN = /(?:[ \u00a0](?:name|named|identified)(?:[ \u00a0]+\p{Ll}+){0,2}[ \u00a0]+as|[ \u00a0]first[ \u00a0]name,?)[ \u00a0]+(\p{Lu}[\p{L}'’-]+(?:[ \u00a0]\p{Lu}[\p{L}'’-]+)?)(?=[,.;:]|[ \u00a0]+\p{Ll})/u;
const NAME_GIVEN = /[ \u00a0](?:name|named|identified)(?:[ \u00a0]+\p{Ll}+){0,2}[ \u00a0]+as[ \u00a0]+\p{Lu}/u;
const UNNAMED_SUBJECTS = [...UNNAMED_SUBJECT, ...UNNAMED_SUBJECT_PLACED, ...UNNAMED_SUBJECT_RELATIVE];
const SUBJECT_VERB = /^(?:was|were|is|are|has|had|have|did|does|would|could|will|can)$/;

/**
 * The sentence before a he/she that opens its own (alone, or right after an opening quotation):
 * where it starts (past a quotation the masking joined to it), its fronted phrase's length, the
 * rest of it, and where it ends. Null when the pronoun does not open its sentence.
 */
function sentenceBeforePronoun(pos: number, ctx: ResolveContext): { from: number; fronted: number; opening: string; end: number } | null {
  const starts = ctx.sentenceStarts;
  const here = sentenceIndex(starts, pos);
  if (here < 1) return null;
  const lead = ctx.text.slice(starts[here]!, pos);
  if (lead.slice(FRONTED.exec(lead)?.[0].length ?? 0).trim() !== '' && !afterOpeningQuotation(starts[here]!, pos, ctx)) return null;
  // A quotation that ends the paragraph before may open the sentence as the masking reads it.
  let from = starts[here - 1]!;
  while (from < starts[here]! && (ctx.inQuote(from) || /[\s'‘’"“”.,]/.test(ctx.text[from]!))) from++;
  const prev = ctx.text.slice(from, starts[here]!);
  // ("But the owner of a cafe a few blocks east said": a conjunction that opens the sentence.)
  const fronted = FRONTED.exec(prev)?.[0].length ?? CONJUNCTION_OPENING.exec(prev)?.[0].length ?? 0;
  return { from, fronted, opening: prev.slice(fronted), end: starts[here]! };
}

const CONJUNCTION_OPENING = /^(?:But|And|Yet|So)[ \u00a0]+(?=(?:the|a|an|one|another)[ \u00a0])/;

/** Between a verb and its object: a space and titles ("asked Sen. ", "told the Rev. "). */
const OBJECT_GAP = /^[ \u00a0]+(?:(?:the[ \u00a0]+)?\p{Lu}[\p{L}]*\.?[ \u00a0]+)*$/u;

/** The words set off by commas between an unnamed subject and its verb. */
const SET_OFF_BEFORE_VERB = /^(,[^.;:!?]{1,160},)[ \u00a0]/;
/** What opens an appositive before the name in it: ", ", ", 19-year-old ", ", mother-of-two ". */
const APPOSITIVE_LEAD = /^,[ \u00a0]+(?:(?:\p{N}{1,3}-year-old|\p{Ll}+(?:-\p{Ll}+)+)[ \u00a0]+)?$/u;

/**
 * A he/she that opens the sentence right after one whose subject is an unnamed person ("One Wolves
 * fan ... was travelling home. He said:") is that person, as written, when the gender fits and no
 * name comes between; the names inside that sentence's relative clause ("who lives in Telford") are
 * not what the pronoun walks back to.
 */
function unnamedAntecedent(want: Gender, pos: number, ctx: ResolveContext): string | null {
  const before = sentenceBeforePronoun(pos, ctx);
  if (!before) return null;
  const { from, fronted, opening, end } = before;
  // "The other, a heavy-duty mechanic, said most of his crew ...": the description set off after "the other".
  const oneOf = ONE_OR_OTHER_OPENING.exec(opening);
  if (oneOf && verbLike(oneOf[2]!)) {
    const d = parseDescription(oneOf[1]!);
    const g = headGender(d.head);
    return personHead(d.head) && (!g || g === want) ? oneOf[1]! : null;
  }
  // The head is the last word before a verb: "A hospital spokesman said" has two words before it.
  let m: RegExpExecArray | null = null;
  let relative = false;
  for (const pattern of UNNAMED_SUBJECTS) {
    const x = pattern.exec(opening);
    if (x && personHead(x[2]!) && (verbLike(x[4]!) || SUBJECT_VERB.test(x[4]!))) {
      m = x;
      relative = UNNAMED_SUBJECT_RELATIVE.includes(pattern);
      break;
    }
  }
  if (!m) return null;
  // "A woman who gave her name only as Zainab sat ...", "a resident named only as Valentyna told", "A
  // 31-year-old woman from Honduras who gave only her first name, Dania, said": the name she gave is who she is.
  // (A name the index holds is found by the usual walk back, as that person.)
  const given = GIVEN_NAME_IN.exec(opening.slice(0, m[0].length + 40));
  if (given && given.index < m[0].length && !ctx.index.people.some((p) => p.fullName === given[1])) return given[1]!;
  if (given || NAME_GIVEN.test(m[0])) return null;
  // "A reporter asked Sanders how he felt. He replied:": a name right after the verb, its object, is
  // who answers (not one further on: "A junior told Breitbart News she had not read Fenwick's books").
  // Not a verb in the subject's relative clause: "a man who said he had coached Caleb ... stood".
  const verbEnd = from + fronted + m[0].length;
  if (!relative && ctx.index.mentions.some((x) => x.start >= verbEnd && x.start < end && x.person.evidence > 0 && OBJECT_GAP.test(ctx.text.slice(verbEnd, x.start)))) return null;
  // "One local woman, Karen Robison, pulled ...", "One festival-goer, 19-year-old Ellie Sandhu,
  // said": named in an appositive, so the name is who it is.
  const headEnd = from + fronted + /^\S+[ \u00a0]+/u.exec(m[0])![0].length + m[1]!.length + m[2]!.length;
  // (Only an age or a hyphened description before the name: not "who lives in Telford".)
  if (ctx.index.mentions.some((x) => x.start > headEnd && x.start < verbEnd && APPOSITIVE_LEAD.test(ctx.text.slice(headEnd, x.start)))) return null;
  const head = m[2]!;
  if (!personHead(head) || !(verbLike(m[4]!) || SUBJECT_VERB.test(m[4]!))) return null;
  const gender = headGender(head);
  if (gender && gender !== want) return null;
  // "Another rider, Li Na Zhou, said", "One mother, who identified herself only as Amanda, said": the
  // name the set-off words give. (Not a description set off so: on our held-out passages the
  // opener, "one plaintiff", was as often what a reader is told.)
  const setOff = SET_OFF_BEFORE_VERB.exec(ctx.text.slice(headEnd + m[3]!.length, verbEnd))?.[1];
  const named = setOff ? nameSetOff(setOff) : null;
  if (named) return named;
  // As a descriptor is written inside a sentence: "one Wolves fan", "a nurse from Waterloo".
  const phrase = /^\S+[ \u00a0]+/u.exec(m[0])![0] + m[1]! + head + m[3]!;
  return phrase.replace(STARTS_UPPER, (c) => c.toLowerCase());
}

// The words before the head are lower case ("The 45-year-old", "the retired neurosurgeon"), or all
// capitalised before a capitalised title ("The Prime Minister", "The Foreign Secretary").
// ("the Republican senator who requested anonymity paused": capitalised modifiers before a lower-case
// head, and a relative clause whose verb stands for the sentence's.)
const DESCRIBED_SUBJECT = [0, 1, 2, 3].map((n) => new RegExp(String.raw`^(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)[ \u00a0]+(?:((?:[\p{L}\p{N}'’-]+[ \u00a0]+){${n}})(\p{Ll}[\p{L}-]*|\p{N}+-year-old)(?:[ \u00a0]+who(?=[ \u00a0]))?|((?:\p{Lu}\p{Ll}+[ \u00a0]+){${n}})(\p{Lu}\p{Ll}+))(?:,[^.;:!?]{1,160}?,)?[ \u00a0]+(?:(?:also|then|later|\p{Ll}+ly)[ \u00a0]+)?(\p{Ll}[\p{L}’'-]*)`, 'u'));

/** An "of" phrase that brings in a body unnamed: " of a private ambulance service". */
const INDEFINITE_OF = /^[ \u00a0]+of[ \u00a0]+(?:a|an|one)[ \u00a0]/;
/**
 * The same with a participle's phrase or an "of" phrase after the head: "The waitress refilling
 * their coffee had her own view.", "The head of a private ambulance service said".
 */
const DESCRIBED_SUBJECT_PARTICIPLE = [0, 1, 2].map((n) => new RegExp(String.raw`^[Tt]he[ \u00a0]+((?:[\p{Ll}\p{N}'’-]+[ \u00a0]+){${n}})(\p{Ll}[\p{L}-]*)((?:[ \u00a0]+(?:\p{Ll}{3,}ing|of)[ \u00a0](?:[^,.;:!?"“”‘’]){1,60}?))()(?:,[^.;:!?]{1,160}?,)?[ \u00a0]+(said|told|says|tells|\p{Ll}+ed|was|had|has|is|${IRREGULAR_PAST})(?![\p{L}’'-])`, 'u'));

/**
 * A he/she that opens the sentence right after one whose subject is a definite description of a
 * person ("The 45-year-old, from Leeds, denied the charge. '...,' he told the court.") is whoever
 * that description is, not the last name before it (the detective quoted a paragraph up). When
 * the description finds no one, it is returned as written, for the caller to use only if the usual
 * walk back finds no name either; null when its person is of the other gender.
 */
function describedAntecedent(want: Gender, pos: number, ctx: ResolveContext): (Resolution & { someoneNew?: boolean }) | null {
  const before = sentenceBeforePronoun(pos, ctx);
  if (!before) return null;
  const { from, fronted, opening, end } = before;
  const participle = DESCRIBED_SUBJECT_PARTICIPLE.map((pattern) => pattern.exec(opening)).find((x) => x && personNoun(x[2]!));
  // (After "But", only a description with its "of" or participle phrase: "But the former president
  // showed restraint" goes on with whom the sentences before were about.)
  const m = participle ?? (CONJUNCTION_OPENING.test(ctx.text.slice(from, from + 16)) ? null : DESCRIBED_SUBJECT.map((pattern) => pattern.exec(opening)).find((x) => x && (verbLike(x[5]!) || SUBJECT_VERB.test(x[5]!))));
  if (!m) return null;
  const modifiers = participle ? m[1]! : (m[1] ?? m[3]!);
  const written = m[2] ?? m[4]!;
  const head = written.toLowerCase();
  // ("The auctioneer, a local stock agent who donated his time, said": an agent noun is a person's.)
  if (!(personNoun(head) || personHead(head)) || (GENDERED_NOUN[head] && GENDERED_NOUN[head] !== want)) return null;
  // "the head of a private ambulance service": an "of" phrase is part of who it is.
  const ofPhrase = participle && /^[ \u00a0]+of[ \u00a0]/.test(m[3]!) ? m[3]! : '';
  // A name in that sentence may be who it is ("The billionaire's wife, Melanie Grant, spoke") or who
  // answers ("The reporter asked Sanders how he felt. He replied:"): the usual walk back decides.
  // Not one inside the "of" phrase ("The owner of the roadhouse at Coolabah Springs said").
  const ofStart = ofPhrase ? from + fronted + m.index + m[0].indexOf(ofPhrase) : -1;
  // Nor one in the phrase fronted before it ("Speaking to the Harlow Gazette, the owner said she").
  if (ctx.index.mentions.some((x) => x.start >= from + fronted && x.start < end && !(x.start >= ofStart && x.start < ofStart + ofPhrase.length))) return null;
  // ("His neighbour, who did not want to be named, was more sanguine": whose neighbour, resolved.)
  const afterHead = opening.slice(m.index + m[0].indexOf(written) + written.length, m.index + m[0].length + 120);
  const text = `${/^\S+/.exec(opening)![0].toLowerCase()} ${modifiers}${written}${ofPhrase}`;
  // ("of a private ambulance service": a body brought in unnamed, so someone new.)
  if (INDEFINITE_OF.test(ofPhrase)) return { speaker: text, person: null, someoneNew: true };
  // "The auctioneer, a local stock agent who donated his time, said": an appositive that brings
  // someone in with "a" says the description is of someone new.
  if (!participle && INDEFINITE_APPOSITIVE.test(m[0].slice(m[0].indexOf(written) + written.length))) return { speaker: text, person: null, someoneNew: true };
  // "the Republican senator who requested anonymity paused": whoever it is, the article does not name them.
  if (ANONYMOUS_RELATIVE.test(afterHead)) {
    const d = parseDescription(text);
    return { speaker: nearestEarlierUnnamed(d, from + fronted, ctx) ?? text, person: null, someoneNew: true };
  }
  const r = resolveDescriptor({ kind: 'descriptor', text, pos: from + fronted }, ctx);
  // "The president of the Dunmore Crossing Minor Hockey Association said": a role of a body says who
  // it is; someone the sentences were about but never given the role is not.
  if (ofPhrase && !r.person?.roles.has(roleKey(head))) return { speaker: r.person ? text : r.speaker ?? text, person: null, someoneNew: true };
  if (r.person) {
    const g = personGender(r.person);
    return g === null || g === want ? r : null;
  }
  // Someone's neighbour or colleague the article never names is not that someone, whom the walk
  // back would find first. (Family is named more often than found: "his daughter" is left to the walk.)
  if (POSSESSIVE_OPENING.test(opening)) return r.speaker && !KIN_NOUN.test(head) ? { ...r, someoneNew: true } : null;
  // "The owner said she had noticed ...": a noun that brings someone in, given to no one named, is
  // someone new, not the last woman named (the mayor).
  // (Not one who asked: "'Is FEMA going to run out of money?' the reporter asked. '...,' she said" is the one asked.)
  if (r.speaker && NEW_PERSON_NOUN.test(head) && !ASKING_VERB.test(m[5] ?? '')) return { ...r, someoneNew: true };
  return r.speaker ? r : null;
}
const INDEFINITE_APPOSITIVE = /^,[ \u00a0]+(?:a|an)[ \u00a0]/;
/** A relative clause that says the person is not named: " who requested anonymity", ", who asked not to be named,". */
const ANONYMOUS_RELATIVE = /^,?[ \u00a0]+who[ \u00a0]+(?:[^.;:!?]{0,40}?anonymity|(?:asked|declined|did[ \u00a0]+not[ \u00a0]+want|requested)[ \u00a0]+(?:not[ \u00a0]+)?to[ \u00a0]+be[ \u00a0]+(?:named|identified))/;
const ASKING_VERB = /^(?:asked|asks|wondered|wonders|pressed|presses|questioned|questions|demanded|demands)$/;
const POSSESSIVE_OPENING = /^(?:[Hh]is|[Hh]er|[Tt]heir)[ \u00a0]/;

/** "'We are delighted,' he said": the pronoun comes right after a quotation that opens its sentence. */
function afterOpeningQuotation(sentenceStart: number, pos: number, ctx: ResolveContext): boolean {
  let k = sentenceStart;
  while (k < pos && /[\s\u00a0]/.test(ctx.text[k]!)) k++;
  if (!QUOTE_MARK.test(ctx.text[k] ?? '') || !ctx.inQuote(k + 1)) return false;
  while (k < pos && (ctx.inQuote(k) || /[\s\u00a0'‘’"“”,.!?—–-]/.test(ctx.text[k]!))) k++;
  return k === pos;
}
const QUOTE_MARK = /['‘’"“”]/;

const SAINT = /^St\.?[ \u00a0]\p{Lu}/u;
function resolveName(subject: Subject, ctx: ResolveContext): Resolution {
  const parsed = parseNameRun(subject.text);
  if (!parsed) return { speaker: subject.text, person: null };
  const tokens = parsed.tokens.map(bareWord);
  const surname = surnameOf(tokens);
  // Tokens compare as surname keys ("Assad" is a token of "Bashar al-Assad").
  const keys = (list: string[]) => list.map((t) => surnameOf([t]));
  const known = (names: string[]) => {
    const wanted = keys(names);
    const last = surnameOf(names);
    return ctx.index.people.filter((p) => p.surname === last && wanted.every((t) => keys(p.nameTokens).includes(t)));
  };
  // "Sergeant Paul Evans of West Midlands Police said": a person the article names, then the body
  // they speak for.
  const of = tokens.indexOf('of');
  if (of > 0 && known(tokens.slice(0, of)).length) {
    const cut = /[ \u00a0]of[ \u00a0]/.exec(subject.text);
    if (cut) return resolveName({ ...subject, text: subject.text.slice(0, cut.index) }, ctx);
  }
  let candidates = known(tokens);
  if (candidates.length === 0 && tokens.length === 1)
    candidates = ctx.index.people.filter((p) => p.nameTokens[0] === surname && p.nameTokens.length > 1);
  if (candidates.length === 0 && tokens.length === 1) candidates = ctx.index.people.filter((p) => firstFamilyNameOf(surname, p, parsed.gender));
  // A surname alone that a family shares is the one of them the sentence before is about ("Tom Rupe
  // believes ... '...,' Rupe told KCWY"), else the one the article last quoted by it ("'...,' Mrs
  // Triantafilo said. ... '...,' Triantafilo said"), else the principal.
  const shared = candidates.length > 1 && !parsed.gender && tokens.length === 1;
  const lastBySurname = shared ? subjectJustBefore(surname, candidates, subject.pos, ctx) ?? lastQuotedBySurname(surname, candidates, subject.pos, ctx) : undefined;
  const notByFirstName = tokens.length === 1 && candidates.length > 1 ? notCalledByFirstName(namesakes(candidates, parsed.gender), subject.pos, ctx) : undefined;
  const principal = youngerOrElder(surname, subject.pos, ctx) ?? lastBySurname ?? notByFirstName ?? principalOf(candidates, parsed.gender);
  if (principal) return { speaker: principal.fullName, person: principal };
  // Unknown to the registry: keep the name as written (with its title when it is a surname alone),
  // and remember it as a person so that a later "she said" can find "Melanie".
  // "St. Brendan Regional Medical Center": "St." is part of a name, not a title to leave out; nor
  // are the first words of a body's name joined by "of" ("Global New Light of Myanmar").
  // (Not "Arizona Secretary of State Celeste Ybarra": a person's name after the "of" phrase.)
  const joined = parsed.tokens.findLastIndex((t) => t === 'of' || t === 'for');
  const ofTail = joined >= 0 ? parsed.tokens.slice(joined + 1) : [];
  const whole = (parsed.titleWords.length === 1 && SAINT.test(subject.text)) || (parsed.titleWords.length > 0 && ofTail.length >= 1 && ofTail.length <= 2 && !ofTail.some((t) => firstNameGender(t)));
  const written = (parsed.tokens.length === 1 && parsed.titleWords.length > 0) || whole ? subject.text.replace(/[’']s$/, '') : parsed.tokens.join(' ');
  if (!/^\p{Lu}[\p{Ll}’'-]+$/u.test(tokens.length === 1 ? parsed.tokens[0]! : 'x')) return { speaker: written, person: null };
  const first = tokens[0]!;
  const person: Person = {
    fullName: written, nameTokens: tokens, surname, roles: new Set(parsed.titleWords.map(roleKey)), titles: new Set(parsed.titleWords.map(roleKey)),
    maleVotes: parsed.gender === 'm' || firstNameGender(first) === 'm' ? 2 : 0,
    femaleVotes: parsed.gender === 'f' || firstNameGender(first) === 'f' ? 2 : 0,
    evidence: 1,
  };
  ctx.index.people.push(person);
  return { speaker: written, person };
}

/**
 * "Derek Hollis, 58, and his son Kyle Hollis, 31 ... the younger Hollis wrote": of the people of
 * that surname the article gives an age, the younger (or the elder), when the words before the
 * name say which.
 */
function youngerOrElder(surname: string, pos: number, ctx: ResolveContext): Person | undefined {
  // Each of the three words ends in "r" before the spaces: most names have no such word before them.
  let end = pos - 1;
  while (end > 0 && (ctx.text[end] === ' ' || ctx.text[end] === '\u00a0')) end--;
  if (ctx.text[end] !== 'r') return undefined;
  const which = YOUNGER_OR_ELDER_BEFORE.exec(ctx.text.slice(Math.max(0, pos - 12), pos))?.[1];
  if (!which) return undefined;
  const family = ctx.index.people.filter((p) => p.surname === surname && p.nameTokens.length > 1 && statedAge(p) !== null);
  if (family.length < 2) return undefined;
  family.sort((a, b) => statedAge(a)! - statedAge(b)!);
  return which === 'younger' ? family[0] : family[family.length - 1];
}
const YOUNGER_OR_ELDER_BEFORE = /\b(younger|elder|older)[ \u00a0]+$/;

/**
 * The one of `candidates` that is the main subject of the sentence before pos's, written with the
 * surname ("Tom Rupe believes", not "Tom told": whom the article calls by first name it does not call by surname).
 */
function subjectJustBefore(surname: string, candidates: Person[], pos: number, ctx: ResolveContext): Person | undefined {
  const starts = ctx.sentenceStarts;
  const here = sentenceIndex(starts, pos);
  const all = mentionsInTextOrder(ctx);
  // "Bradley Tillery said he would decide. Asked about his father, he smiled. '...,' Tillery said":
  // back over sentences of narration that name no one of the family (up to three).
  for (let k = here - 1; k >= 0 && here - k <= 3; k--) {
    let namesFamily = false;
    for (let i = firstAtOrAfter(all, starts[k]!); i < all.length && all[i]!.pos < starts[k + 1]!; i++) {
      const m = all[i]!;
      if (!candidates.includes(m.person)) continue;
      namesFamily = true;
      const written = NAME_RUN_AT_START.exec(ctx.text.slice(m.pos, m.pos + 80))?.[0] ?? '';
      const withSurname = written.split(/[ \u00a0]+/).some((w) => w && surnameOf([bareWord(w)]) === surname);
      if (m.person.nameTokens.length > 1 && withSurname && mainClauseSubject(m, ctx)) return m.person;
    }
    // Only past narration: a quotation between turns to whoever speaks it (lastQuotedBySurname).
    if (namesFamily || /["“”]/.test(ctx.text.slice(starts[k]!, starts[k + 1]!))) return undefined;
  }
  return undefined;
}

/** What follows a first name in a list of the family's first names: ", Hillary and Chelsea Clinton". */
const COORDINATED_NEXT = /^(?:,|[ \u00a0]+(?:and|&)[ \u00a0])/;
/**
 * "Mr Ashby said" with Callum and Lee Ashby named, the article calling Callum "Callum": news calls a
 * child, or the person the story is about, by first name once named, and their relatives by title
 * and surname. Of the namesakes named before pos, the one the article has not called by first name alone.
 */
function notCalledByFirstName(candidates: Person[], pos: number, ctx: ResolveContext): Person | undefined {
  const namedBefore = new Set<Person>();
  const calledSo = new Set<Person>();
  for (const m of ctx.index.mentions) {
    const p = m.person;
    if (m.start >= pos) break;
    if (!candidates.includes(p) || p.nameTokens.length < 2) continue;
    namedBefore.add(p);
    const run = NAME_RUN_AT_START.exec(ctx.text.slice(m.start, m.start + 80))?.[0] ?? '';
    const words = run.split(/[ \u00a0]+/).filter(Boolean);
    // Not a first name shared out to the family name after it: "brothers Ammon and Ryan Bundy".
    const coordinated = COORDINATED_NEXT.test(ctx.text.slice(m.start + run.trimEnd().length, m.start + run.length + 6));
    if (words.length === 1 && bareWord(words[0]!) === p.nameTokens[0] && !coordinated) calledSo.add(p);
  }
  const left = [...namedBefore].filter((p) => !calledSo.has(p));
  return namedBefore.size > 1 && calledSo.size > 0 && left.length === 1 ? left[0] : undefined;
}

/** The one of `candidates` the article last quoted by their surname alone (perhaps with a title) before pos. */
function lastQuotedBySurname(surname: string, candidates: Person[], pos: number, ctx: ResolveContext): Person | undefined {
  for (let i = ctx.quoteSpeakers.length - 1; i >= 0; i--) {
    const q = ctx.quoteSpeakers[i]!;
    // Not a namesake the article never named in full ("Mrs Smith" beside John Smith): a bare "Smith" is him.
    if (q.pos >= pos || !q.person || !candidates.includes(q.person) || q.person.nameTokens.length < 2) continue;
    const written = parseNameRun(q.subject);
    if (written && written.tokens.length === 1 && surnameOf(written.tokens.map(bareWord)) === surname) return q.person;
  }
  return undefined;
}

/** How many quotations open between from and to. */
function quotationsBetween(from: number, to: number, ctx: ResolveContext): number {
  let count = 0;
  for (let i = from, inside = ctx.inQuote(from); i < to; i++) {
    const now = ctx.inQuote(i);
    if (now && !inside) count++;
    inside = now;
  }
  return count;
}

/** "A later tweet", "another message", "a second post": one more of the same kind. */
const ANOTHER_OF_THE_SAME = /^(?:another|(?:a|an)[ \u00a0]+(?:later|earlier|second|third|further|follow-up|subsequent|separate|new))[ \u00a0]/i;
/** A verb of writing or posting after a cue's subject. */
const WROTE = /\b(?:wrote|writes|tweeted|tweets|posted|posts|texted|emailed|messaged)\b/;

/** The organisation mention that starts at pos, or covers it ("the Post" at "the"). */
function organisationAt(pos: number, ctx: ResolveContext): Organisation | null {
  return ctx.organisations.at(pos);
}

const PERSON_NOUN = /^(?:leader|mp|mep|msp|boss|pundit|captain|champion|champ|chef|pilot|nurse|teen|teenager|medic|rookie|heiress|socialite|pensioner|grandmother|grandfather|schoolgirl|schoolboy|president|counterpart|head|premier|chancellor|senator|representative|governor|candidate|nominee|hopeful|spokesperson|spokesman|spokeswoman|businessman|mogul|tycoon|developer|secretary|minister|professor|doctor|judge|mayor|reeve|alderman|alderwoman|selectman|selectwoman|councillor|councilor|trustee|official|director|chairman|chairwoman|chair|chief|ceo|founder|executive|lawyer|attorney|economist|analyst|strategist|adviser|advisor|aide|manager|pollster|host|anchor|commentator|columnist|reporter|writer|author|historian|scientist|physicist|general|admiral|commander|officer|sheriff|prosecutor|congressman|congresswoman|lawmaker|legislator|diplomat|ambassador|envoy|king|queen|prince|pope|billionaire|star|actor|actress|singer|rapper|coach|player|mother|father|wife|husband|son|daughter|widow|veteran|activist|organizer|surrogate|republican|democrat|speaker|justice|treasurer|comptroller|auditor|clerk|commissioner|superintendent|pastor|reverend|rabbi|imam|priest|bishop|cardinal|woman|man|girl|boy|investor|entrepreneur|neurosurgeon|surgeon|physician|comedian|model|designer|forward|athlete|gymnast|jockey|legend|icon|international|ace|quarterback|goalie|batsman|celebrity|duke|duchess|countess|earl|baroness|royal|monarch|detective|constable|paramedic|midwife|vicar|archbishop|cleric|chaplain|poet|playwright|defendant|plaintiff|claimant|advocate|barrister|solicitor|millionaire|headmistress|magistrate|hero|frontman|blonde|brunette|beauty|songstress|starlet|stunner|hunk|heartthrob|hardman)$/;
const GENERIC_ADJECTIVE = /^(?:former|then|current|outgoing|incoming|top|new|longtime|veteran|senior|junior|chief|deputy|vice|acting|interim|presumptive|likely|eventual|embattled|controversial|defeated|victorious|real|same|other)$/;

/** Things through which a person speaks in their own name: "her Twitter account posted". */
const OWN_VOICE = /^(?:account|feed|page|website|site|statement|email|post|tweet|blog)$/;

interface Description {
  determiner: string;
  /** Lower-cased words between the determiner and the head, and the head; "of" phrases dropped. */
  modifiers: string[];
  head: string;
  /** "the paper's editorial board": the description of the owner. */
  possessor: string | null;
  /** The description as the article writes it, determiner lower-cased. */
  asWritten: string;
  capitalised: Set<string>;
  /**
   * The phrase after the head ties the person to someone else ("the mother of one of the victims",
   * "the lawyer for Smith", "the aide to the governor"): not a way to refer back to that someone.
   */
  related: boolean;
}

/** Words that open what follows a description's head noun: "of three", "for the family", "familiar with". */
const POST_MODIFIER_START = new Set('of for to with at from in on inside within near among outside representing backing supporting opposing familiar close closest briefed involved knowledgeable loyal'.split(' '));

/** A phrase that runs past the head into a prepositional phrase: "a spokesman for St Mary". */
const OWNER_AFTER_PREPOSITION = /[ \u00a0](?:for|of|at|from|with|to|in)[ \u00a0]/;

function parseDescription(text: string): Description {
  const asWritten = text.replace(/^(The|A|An|His|Her|Its|Their|One|Another|Some|Many|Several|Two|Three)\b/, (d) => d.toLowerCase());
  // "the paper's editorial board", "Clinton's campaign": the owner, then what it owns.
  // Not an owner inside the head's own phrase: "a spokesman for St Mary's Hospital" is a spokesman.
  const ownedAt = /^(.*?\S)['’]s?[ \u00a0]+(.+)$/u.exec(text);
  const owned = ownedAt && !OWNER_AFTER_PREPOSITION.test(ownedAt[1]!) ? ownedAt : null;
  const possessor = owned ? owned[1]! : null;
  // "the mother-of-two" is a mother, as "the mother of two" is.
  // A title in marks (`the "Pose" actor`) says what they are known for, not a role they must hold.
  const own = (owned ? owned[2]! : text).replace(PARENT_OF_N, '$1 of $2').replace(/["“][^"“”]+["”][ \u00a0]+/g, '');
  const written = own.split(/[\s\u00a0]+/).filter((w) => bareWord(w));
  const words = written.map(bareWord);
  const determiner = possessor ? 'the' : words[0] ?? '';
  // The head noun comes before an "of" phrase or another post-modifier: "the mother of three" is a
  // mother, "the lawyer for the family" a lawyer, "a person close to the talks" a person. A title's
  // capitalised small word ("the Game Of Thrones actor") is part of a modifier.
  // So is "of" inside one ("the Line of Duty actor"): capitalised words on both sides, then the head.
  const inTitle = (i: number) => {
    if (!STARTS_UPPER.test(written[i - 1] ?? '') || !STARTS_UPPER.test(written[i + 1] ?? '')) return false;
    let k = i + 1;
    while (k < written.length && STARTS_UPPER.test(written[k]!)) k++;
    return k < written.length && STARTS_LOWER.test(written[k]!);
  };
  const cut = words.findIndex((w, i) => i > 0 && POST_MODIFIER_START.has(w) && !STARTS_UPPER.test(written[i]!) && !inTitle(i));
  const beforeOf = cut > 0 ? words.slice(0, cut) : words;
  const related = cut > 0 && relatedBy(words[cut]!, own.split(/[\s\u00a0]+/).filter(Boolean).slice(words.slice(0, cut + 1).length), words[cut - 1]!);
  // "the CFO" is "the chief financial officer": the office's own words, its head last.
  const content = beforeOf.filter((w) => !DETERMINERS.has(w) && !['former', 'then', 'current', 'outgoing', 'incoming', 'top', 'new', 'two'].includes(w))
    .flatMap((w, i, all) => (i === all.length - 1 && OFFICE_INITIALS[w]) || [w]);
  const capitalised = new Set(text.split(/[\s\u00a0]+/).filter((w, i) => STARTS_UPPER.test(w) && !(i === 0 && DETERMINERS.has(bareWord(w)))).map(bareWord));
  return { determiner, modifiers: content.slice(0, -1), head: content[content.length - 1] ?? '', possessor, asWritten, capitalised, related };
}

const OFFICE_SOUGHT = /^(?:governor|president|mayor|senate|congress|parliament|office|re-?election|sheriff|council|leader|prime)$/i;
const NUMBER_WORD = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i;
const PARENT_OF_N = /\b(\p{L}+)-of-(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/giu;

/**
 * Whether a post-modifier ties the head to another person or body: "for"/"to" anything ("the lawyer
 * for Smith"), "of" a determined phrase or "one of" ("the mother of the victim"), "of" a name after
 * a noun that is no office ("the wife of Smith", not "the governor of Texas"). "the mother of three"
 * only counts her children.
 */
function relatedBy(preposition: string, after: string[], head: string): boolean {
  const first = after[0] ?? '';
  if (!first) return false;
  // (Not the office one runs for: "the Republican candidate for governor".)
  if (preposition === 'for' && OFFICE_SOUGHT.test(first)) return false;
  if (preposition === 'for' || preposition === 'to') return true;
  if (preposition !== 'of') return false;
  if (NUMBER_WORD.test(first)) return /^one$/i.test(first) && /^of$/i.test(after[1] ?? '');
  if (DETERMINERS.has(first.toLowerCase()) || /['’]s$/.test(first)) return true;
  return STARTS_UPPER.test(first) && !isTitleWord(head);
}

/** Whoever owns what a description names ("Scott's brother", "the paper's editorial board"): a name, else a description resolved. */
function resolveOwner(possessor: string, pos: number, ctx: ResolveContext): Resolution {
  return resolveSubject({ kind: STARTS_UPPER.test(possessor) && !/^The\b/.test(possessor) ? 'name' : 'descriptor', text: possessor, pos }, ctx);
}

const NAME_AT_END = /((?:\p{Lu}[\p{L}.’'-]*[ \u00a0]){1,4}\p{Lu}[\p{L}’'-]+)$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
const ONE_OF_HIS_DOCUMENTS = /^(?:one|another|some|several|two|three)[ \u00a0]+of[ \u00a0]+(his|her)[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,2}?(\p{Ll}+?)s$/iu; // a constant for speed (see STARTS_LOWER in lexicon.ts)
function resolveDescriptor(subject: Subject, ctx: ResolveContext, nested = false): Resolution {
  // "One neighbour said: '...' Another added:": another of those the last unnamed speaker was one of.
  // "said one of them, a rig hand who has worked there six years": the description set off after it.
  const setOff = /^(?:[Aa]nother|[Oo]ne|[Tt]he other)$/.test(subject.text) ? APPOSITIVE_AFTER_ONE.exec(ctx.text.slice(subject.pos + subject.text.length, subject.pos + subject.text.length + 120)) : null;
  if (setOff) return { speaker: setOff[1]!, person: null };
  if (/^(?:[Aa]nother|One)$/.test(subject.text)) {
    const another = subject.text.toLowerCase() === 'another';
    const last = another && ctx.lastDescriptor && subject.pos - ctx.lastDescriptor.pos < 1500 ? /^(?:one|a|an|another)[ \u00a0]+(.+)$/i.exec(ctx.lastDescriptor.text) : null;
    if (last) return { speaker: `another ${last[1]!}`, person: null };
    // "Viewers took to Twitter to complain. One wrote: '...' Another said:": one of the people the
    // sentences before name in the plural.
    const group = pluralPeopleBefore(subject.pos, ctx);
    return { speaker: group ? `${another ? 'another' : 'one'} ${group}` : null, person: null };
  }
  // "the House Rep. Paul Ryan": a full name inside the descriptor is the speaker.
  const inner = NAME_AT_END.exec(subject.text);
  // Not a name after a preposition: "an aide to Sen. Ted Cruz" is the aide.
  if (inner && !/(?:^|[ \u00a0])(?:of|for|to|with|at|from|in|on|near|among|representing|backing|supporting|opposing)[ \u00a0]+(?:the[ \u00a0]+(?:late[ \u00a0]+)?)?$/.test(subject.text.slice(0, inner.index))) {
    const parsed = parseNameRun(inner[1]!);
    // Not "the California Democrat", "the Wisconsin Republican": a place and a party are no name.
    if (parsed && parsed.tokens.length >= 2 && !PARTY_MEMBER.test(parsed.tokens[parsed.tokens.length - 1]!)) {
      const asName = resolveSubject({ kind: 'name', text: parsed.tokens.join(' '), pos: subject.pos }, ctx);
      if (asName.person) return asName;
    }
  }
  // "the Florida senator and Republican presidential candidate": each conjunct describes the same person.
  const conjuncts = subject.text.split(/[ \u00a0]+and[ \u00a0]+/);
  if (conjuncts.length === 2 && /^(?:the|The)\b/.test(conjuncts[0]!)) {
    for (const part of [conjuncts[0]!, `the ${conjuncts[1]!}`]) {
      const r = resolveDescriptor({ ...subject, text: part }, ctx, nested);
      if (r.person) return r;
    }
    return { speaker: subject.text.replace(/^The\b/, 'the'), person: null };
  }
  // "one of her ads asking", "another of his tweets": a document of whoever "her" is.
  const ownedDocument = ONE_OF_HIS_DOCUMENTS.exec(subject.text);
  if (ownedDocument && DOCUMENT_NOUN.test(ownedDocument[2]!)) {
    const owner = possessiveOwner(ownedDocument[1]!.toLowerCase(), subject.pos, ctx);
    if (owner) return { speaker: owner.fullName, person: owner };
  }
  const d = parseDescription(subject.text);
  if (INDEFINITE.has(d.determiner) && (DOCUMENT_NOUN.test(d.head) || TEXT_CARRIER.test(d.head))) {
    const author = authorRightAfter(subject, ctx);
    if (author) return author;
    // "Phillips wrote: '...' A later tweet read: '...'": another of the same writer's posts.
    const previous = ANOTHER_OF_THE_SAME.test(subject.text) ? quoteSpeakerBefore(subject.pos, ctx) : undefined;
    // Only when no other quotation stands between (one the article gives to no one, "It read: '...'").
    if (previous && subject.pos - previous.pos < 1000 && WROTE.test(ctx.text.slice(previous.pos, previous.pos + previous.subject.length + 40)) && quotationsBetween(previous.pos, subject.pos, ctx) <= 1) return { speaker: previous.speaker, person: previous.person };
  }
  if (INDEFINITE.has(d.determiner) || !d.head) return { speaker: d.asWritten, person: null };
  // "his wife said" after "His wife, Jane Reyes, ...": the relative the article named.
  if (/^(?:his|her)$/.test(d.determiner) && KIN_NOUN.test(d.head) && !d.modifiers.length) {
    const owner = possessiveOwner(d.determiner, subject.pos, ctx);
    let kin = owner && namedKin(d.head, owner, subject.pos, ctx);
    // "Ms Holm's daughter Lena found the car. '...,' her daughter said": the nearest woman may be the
    // daughter herself; then the owner is the nearest one who is not.
    // So may one the article named right after that word ("lives with his nephew, Gary Greaves").
    const namedAsKin = (p: Person) => compiled(String.raw`\b${d.head},?[ \u00a0]+${escapeRegExp(p.fullName)}\b`, 'u').test(ctx.text.slice(0, subject.pos));
    if (!kin && owner && (owner.roles.has(d.head) || namedAsKin(owner))) {
      const other = possessiveOwner(d.determiner, subject.pos, ctx, (p) => p !== owner && !p.roles.has(d.head));
      kin = other && namedKin(d.head, other, subject.pos, ctx);
    }
    // "Peter and Sandra Wells ... His wife said": the other of a couple named together.
    const partner = !kin && owner && (d.head === 'wife' || d.head === 'husband') ? ctx.index.partners?.get(owner) : undefined;
    if (partner && personGender(partner) === (d.head === 'wife' ? 'f' : 'm')) return { speaker: partner.fullName, person: partner };
    if (kin) return kin;
    // "Carol Dufresne ... Her husband, Paul Dufresne, ... his wife said": whose husband he was named as.
    const spouse = owner && (d.head === 'wife' || d.head === 'husband') ? spouseNamingOwner(d.head === 'wife' ? 'husband' : 'wife', owner, subject.pos, ctx) : null;
    if (spouse && personGender(spouse) !== (d.head === 'wife' ? 'm' : 'f')) return { speaker: spouse.fullName, person: spouse };
    // "Richard and Pam Sutter ... Richard Sutter said ... '...,' his wife said": the one other person
    // of the owner's family name whom the kin word's gender fits, when the article names just one.
    const gender = headGender(d.head);
    // (Not one the article called another relative: "his brother Jack Smith" is no son; nor, for any
    // but "wife" or "husband", the partner the owner was named with: "Peter and Sandra Wells".)
    const couple = owner ? ctx.index.partners?.get(owner) : undefined;
    const otherKin = (p: Person) => [...p.roles].some((r) => r !== d.head && KIN_NOUN.test(r)) || (p === couple && !/^(?:wife|husband)$/.test(d.head));
    const family = owner && gender ? ctx.index.people.filter((p) => p !== owner && p.surname === owner.surname && p.nameTokens.length > 1 && personGender(p) === gender && !otherKin(p)) : [];
    if (family.length === 1) return { speaker: family[0]!.fullName, person: family[0]! };
  }
  // "his campaign", "her Twitter account", "his letter": the campaign of whoever "his" is, the
  // account's owner, the writer of the letter.
  if (/^(?:his|her)$/.test(d.determiner) && (d.head === 'campaign' || OWN_VOICE.test(d.head) || DOCUMENT_NOUN.test(d.head))) {
    const owner = possessiveOwner(d.determiner, subject.pos, ctx);
    if (!owner) return { speaker: d.asWritten, person: null };
    return d.head === 'campaign' ? { speaker: `the ${owner.fullName.split(' ').pop()} campaign`, person: null } : { speaker: owner.fullName, person: owner };
  }
  // "the Post", "the Clinton campaign": an organisation named in the description itself.
  // Not when the body only modifies a word for a person: "the Senate minority leader" is a person.
  const named = organisationAt(subject.pos, ctx);
  const personOfNamedBody = !!named && personNoun(d.head) && !named.name.toLowerCase().split(/[ \u00a0]+/).includes(d.head);
  if (named && d.capitalised.size > 0 && !d.possessor && !personOfNamedBody) return { speaker: named.name.length > d.asWritten.replace(/^the /, '').length ? named.name : d.asWritten, person: null };
  if (d.determiner !== 'the') return { speaker: d.asWritten, person: null };
  if (DOCUMENT_NOUN.test(d.head)) return resolveDocument(subject, d, ctx);
  const orgHead = organisationHead(d.modifiers.includes('editorial') && d.head === 'board' ? 'editors' : d.head);
  if (orgHead && !PERSON_NOUN.test(d.head)) return resolveOrganisationDescription(subject, d, ctx);
  if (/s$/.test(d.head) && !/(ss|us)$/.test(d.head)) return { speaker: d.asWritten, person: null };
  const person = resolvePersonDescription(subject.pos, d, ctx, nested);
  if (!person) return { speaker: (!d.possessor && (unnamedByOrdinal(d, subject.pos, ctx) || nearestEarlierUnnamed(d, subject.pos, ctx) || earlierFullerDefinite(d, subject.pos, ctx))) || d.asWritten, person: null };
  // What the article calls someone is a role of theirs from now on: a later "the senator" finds them.
  person.roles.add(roleKey(d.head));
  for (const w of d.modifiers) if (!GENERIC_ADJECTIVE.test(w)) person.roles.add(roleKey(w));
  return { speaker: person.fullName, person };
}

/**
 * A verb and its object pronoun right after a subject: " told her,", " quickly handed him", " gave
 * her a note". Not the possessive "her" ("began her speech"): an object "her" ends the clause or
 * comes before what follows an object (a determiner, "that", "to").
 */
const OBJECT_PRONOUN_AFTER_VERB = /^[\s\u00a0]+(?:\p{Ll}+ly[\s\u00a0]+)?\p{Ll}+[\s\u00a0]+(him\b|her(?=[\s\u00a0]*[,.;:!?"“”‘’']|[\s\u00a0]+(?:that|the|a|an|this|to|about|in|on|at|with|for|not|it|he|she|they|we|I|you)\b))/u;



/**
 * The relative of `owner` the article introduced by name before pos ("His wife, Jane Reyes,",
 * "Mr Reyes's daughter Aylish", "her husband Tom"), when the possessive there is the same owner;
 * the last such one. Hand-written: who a kin word refers to is coreference, which no package here does.
 */
function namedKin(head: string, owner: Person, pos: number, ctx: ResolveContext): Resolution | null {
  let found: Resolution | null = null;
  for (const phrase of kinPhrases(head, pos, ctx, true)) {
    if (phrase.owner() !== owner) continue;
    const r = phrase.named();
    if (r.person && r.person !== owner) found = r;
  }
  return found;
}

/**
 * The one whose husband (or wife) the article named `owner` as ("Her husband, Paul Dufresne,"
 * with "her" someone else named): the owner's spouse, by the other side of the relation.
 */
function spouseNamingOwner(head: 'husband' | 'wife', owner: Person, pos: number, ctx: ResolveContext): Person | null {
  let found: Person | null = null;
  for (const phrase of kinPhrases(head, pos, ctx, false)) {
    if (phrase.named().person !== owner) continue;
    const one = phrase.owner();
    if (one && one !== owner) found = one;
  }
  return found;
}

/**
 * The phrases of the 3,000 characters before pos, outside quotations, that name someone's relative:
 * "His wife, Jane Reyes", "Mr Reyes's daughter Aylish" (with a word such as "late" before the kin
 * word when `modifiers`). Each gives, when asked, the owner (whom "his" or the possessive name
 * stands for there) and the relative named.
 */
function* kinPhrases(head: string, pos: number, ctx: ResolveContext, modifiers: boolean): Generator<{ owner: () => Person | null; named: () => Resolution }> {
  const from = Math.max(0, pos - 3000);
  const stretch = ctx.text.slice(from, pos);
  if (!stretch.includes(head)) return;
  const modifier = modifiers ? String.raw`(?:(?:${KIN_MODIFIERS})[ \u00a0]+)?` : '';
  const re = compiled(
    String.raw`(?<![\p{L}\p{N}])([Hh]is|[Hh]er|(?:\p{Lu}[\p{L}.'’-]*[ \u00a0]+){0,3}\p{Lu}[\p{L}'’-]*?['’]s?)[ \u00a0]+${modifier}${head},?[ \u00a0]+(\p{Lu}[\p{L}'’-]+(?:[ \u00a0]+\p{Lu}[\p{L}'’-]+){0,2})`,
    'gu',
  );
  for (const m of stretch.matchAll(re)) {
    const at = from + m.index;
    if (ctx.inQuote(at)) continue;
    const possessor = m[1]!;
    yield {
      owner: () => (/^(?:his|her)$/i.test(possessor) ? possessiveOwner(possessor, at, ctx) : resolveSubject({ kind: 'name', text: possessor.replace(/['’]s?$/, ''), pos: at }, ctx).person),
      named: () => resolveSubject({ kind: 'name', text: m[2]!, pos: at + m[0].length - m[2]!.length }, ctx),
    };
  }
}

/**
 * "... said one legal expert. '...,' the expert warned.": a definite description refers back to the
 * unnamed speaker of an earlier quotation, as that quotation gives them, when the heads match, every
 * modifier of the definite one is in the earlier one, and the earlier one has more (within about
 * ten paragraphs).
 */
function earlierUnnamedSpeaker(d: Description, pos: number, ctx: ResolveContext): Earlier | null {
  for (let i = ctx.quoteSpeakers.length - 1; i >= 0; i--) {
    const q = ctx.quoteSpeakers[i]!;
    if (q.pos >= pos) continue;
    if (pos - q.pos > 1500) return null;
    if (q.person) continue;
    // "The president of the union local that represents them said ... said the local president": a
    // definite description with its "of" phrase, whose words hold the later one's modifiers.
    // (Not a description with a phrase of its own: "The chair of the Glenarrig Parent Council".)
    const ofPhrase = INDEFINITE_SPEAKER.test(q.speaker) || POST_MODIFIER.test(d.asWritten) ? null : DEFINITE_WITH_OF_PHRASE.exec(q.speaker);
    if (ofPhrase) {
      const earlier = parseDescription(ofPhrase[1]!);
      const words = ofPhrase[2]!.toLowerCase().split(/[ \u00a0]+/);
      if (earlier.head === d.head && !earlier.possessor && d.modifiers.every((w) => earlier.modifiers.includes(w) || words.includes(w))) return { text: q.speaker, pos: q.pos };
      continue;
    }
    if (!INDEFINITE_SPEAKER.test(q.speaker)) continue;
    const earlier = parseDescription(q.speaker);
    // Only when it tells the reader more ("one legal expert" for "the expert"; "a narrator" for
    // "the narrator" would only change the article).
    // "One aide said" for "the aide" tells that there are others.
    if (earlier.head === d.head && d.modifiers.every((w) => earlier.modifiers.includes(w)) && (earlier.modifiers.length > d.modifiers.length || ONE_OF_SEVERAL.test(q.speaker))) return { text: q.speaker, pos: q.pos };
  }
  return null;
}

/**
 * "One aide said ... Another aide, who also requested anonymity, disputed that ... the second aide
 * said ... The first aide was unmoved": "the first/second/third X" is the unnamed X the article
 * brought in first, second or third ("one aide", "another aide"), as written there. Hand-written:
 * which of several unnamed people an ordinal means is coreference, which no package here does.
 */
function unnamedByOrdinal(d: Description, pos: number, ctx: ResolveContext): string | null {
  const rank = ORDINAL_RANK[d.modifiers[0] ?? ''];
  if (rank === undefined || d.modifiers.length > 2 || !personHead(d.head)) return null;
  const from = Math.max(0, pos - 3000);
  const stretch = ctx.text.slice(from, pos);
  const rest = d.modifiers.slice(1).map((w) => `${escapeRegExp(w)}[ \u00a0]+`).join('');
  const re = compiled(String.raw`(?<![\p{L}\p{N}])(?:[Aa]n?|[Oo]ne|[Aa]nother|[Aa][ \u00a0]+(?:second|third|fourth))[ \u00a0]+(?:[\p{L}\p{N}][\p{L}\p{N}'’-]*[ \u00a0]+){0,3}?${rest}${escapeRegExp(d.head)}(?![\p{L}\p{N}'’-])`, 'gu');
  const introduced = [...stretch.matchAll(re)].filter((m) => !ctx.inQuote(from + m.index));
  const found = introduced[rank];
  return found ? found[0].replace(STARTS_UPPER, (c) => c.toLowerCase()) : null;
}
const ORDINAL_RANK: Record<string, number> = { first: 0, second: 1, third: 2, fourth: 3 };

/** An earlier description of someone unnamed, and where the article gave it. */
type Earlier = { text: string; pos: number };

/**
 * "... said a senior Democratic aide. ... One GOP aide said the White House ... '...,' the aide
 * said": of the unnamed people a definite description can refer back to, the one the article
 * brought in last, as a quotation's speaker or as the subject of a sentence of its own.
 */
function nearestEarlierUnnamed(d: Description, pos: number, ctx: ResolveContext): string | null {
  const speaker = earlierUnnamedSpeaker(d, pos, ctx);
  const subject = earlierUnnamedSubject(d, pos, ctx);
  if (!speaker || !subject) return (speaker ?? subject)?.text ?? null;
  return (subject.pos > speaker.pos ? subject : speaker).text;
}
const INDEFINITE_SPEAKER = /^(?:a|an|one|another)[ \u00a0]/;
/** "one aide", "another aide": one of several. */
const ONE_OF_SEVERAL = /^(?:[Oo]ne|[Aa]nother)[ \u00a0]/;
/** A description's phrase after its head: " of the union", " for the family". */
const POST_MODIFIER = /[ \u00a0](?:of|for|at|from|with|in)[ \u00a0]/;
/** "the president of the union local": groups the description before its "of" phrase, the phrase's words. */
const DEFINITE_WITH_OF_PHRASE = /^(the[ \u00a0](?:[\p{L}\p{N}-]+[ \u00a0]){0,3}?\p{Ll}[\p{Ll}-]+)[ \u00a0]of[ \u00a0](.+)$/u;

/** Whether an earlier quotation's speaker was this same description, left as written (no one it could be said of). */
function leftAsWritten(d: Description, pos: number, ctx: ResolveContext): boolean {
  const written = d.asWritten.toLowerCase();
  return ctx.quoteSpeakers.some((q) => q.pos < pos && !q.person && q.speaker.toLowerCase() === written);
}

/**
 * "But a legal source close to the case told the Mail ... . The source said: '...'": as
 * earlierUnnamedSpeaker, for an unnamed person introduced as the subject of a sentence of the
 * reporter's own ("a train announcer stunned passengers"), within about ten paragraphs: the
 * description as written there, with a post-modifier that ends right before the verb.
 */
function earlierUnnamedSubject(d: Description, pos: number, ctx: ResolveContext): Earlier | null {
  if (!personHead(d.head) || !/^[\p{Ll}-]+$/u.test(d.head)) return null;
  const from = Math.max(0, pos - 1500);
  const stretch = ctx.text.slice(from, pos);
  // Most descriptions have no earlier one: the head word alone settles that, without the pattern.
  if (!stretch.includes(d.head)) return null;
  const re = compiled(String.raw`(?<![\p{L}\p{N}])(?:[Aa]n?|[Oo]ne)[ \u00a0]+(?:[\p{L}\p{N}][\p{L}\p{N}'’-]*[ \u00a0]+){0,3}?${d.head}(?![\p{L}\p{N}'’-])`, 'gu');
  let found: Earlier | null = null;
  for (const m of stretch.matchAll(re)) {
    const at = from + m.index;
    if (ctx.inQuote(at)) continue;
    const phrase = withPostModifier(ctx.text, at + m[0].length, m[0]) ?? sourcedPhrase(ctx.text, at, m[0]) ?? appositivePhrase(ctx.text, at, m[0]);
    if (!phrase) continue;
    // The noun phrase before its post-modifier: an owner inside that ("for the army's eastern
    // command") is not the description's.
    const earlier = parseDescription(m[0]);
    if (earlier.head !== d.head || !d.modifiers.every((w) => earlier.modifiers.includes(w))) continue;
    // Only when it tells the reader more than the definite one does.
    found = earlier.modifiers.length > d.modifiers.length || phrase.length > m[0].length || ONE_OF_SEVERAL.test(m[0]) ? { text: phrase.replace(STARTS_UPPER, (c) => c.toLowerCase()), pos: at } : null;
  }
  return found;
}

/** "Columbus, Ohio-based": the city before the state a body is based in (group 1). */
const CITY_THEN_BASED = /(\p{Lu}[\p{L}.'’]*),[ \u00a0]+\p{Lu}[\p{L}.'’]*-based\b/u;

/** Up to five capitalised words at the start: a name as written. */
const NAME_RUN_AT_START = /^(?:\p{Lu}[\p{L}.'’-]*[ \u00a0]?){1,5}/u;
/** A name, then "and", ending a phrase: "for Larkspur and". */
const NAME_THEN_AND = /\p{Lu}[\p{L}'’-]*[ \u00a0]+and$/u;
/** Words that rank which one without saying who: "the most recent", "the 43rd". */
const RANK_MODIFIER = /^(?:most|least|first|second|third|next|last|previous|\d+(?:st|nd|rd|th))$/;
/**
 * "..., the national disaster management agency said. ... '...,' the agency said": a definite
 * description refers back to a fuller one of the same head that the article gave within about ten
 * paragraphs and named no further (every modifier of the later one in it, and more), as written.
 */
function earlierFullerDefinite(d: Description, pos: number, ctx: ResolveContext): string | null {
  if (d.determiner !== 'the' || d.possessor || !LOWER_WORD.test(d.head)) return null;
  const from = Math.max(0, pos - 1500);
  const stretch = ctx.text.slice(from, pos);
  if (!stretch.includes(d.head)) return null;
  // A body brought in unnamed ("an independent disciplinary commission found ... The commission
  // said") is that description too; a person so brought in is nearestEarlierUnnamed's.
  const body = !!organisationHead(d.head);
  const determiners = body ? '[Tt]he|[Aa]n?' : '[Tt]he';
  const re = compiled(String.raw`(?<![\p{L}\p{N}])(?:${determiners})[ \u00a0]+(?:(?!(?:the|a|an|and|or|of|to|in|on|at|for|with|by)[ \u00a0])[\p{L}\p{N}][\p{L}\p{N}'’-]*[ \u00a0]+){1,4}?${d.head}(?![\p{L}\p{N}'’-])`, 'gu');
  let found: string | null = null;
  for (const m of stretch.matchAll(re)) {
    if (ctx.inQuote(from + m.index)) continue;
    const earlier = parseDescription(m[0]);
    if (earlier.head !== d.head || earlier.possessor || earlier.modifiers.length <= d.modifiers.length || !d.modifiers.every((w) => earlier.modifiers.includes(w))) continue;
    // Modifiers only: not a clause ("The prognosis left the family"), nor a rank that says which
    // one without saying who ("the most recent Republican president", "the 43rd president"). Before
    // a body's noun they are its kind ("the armed forces ministry").
    if (earlier.modifiers.some((w) => RANK_MODIFIER.test(w) || (STARTS_LOWER.test(w) && verbLike(w) && !body))) continue;
    found = m[0].replace(/^(?:The|A|An)\b/, (w) => w.toLowerCase());
  }
  return found;
}

const SET_OFF_ASIDE_THEN_WORD = /^,[ \u00a0][^,.;:!?"“”]{3,120},[ \u00a0]+(\p{Ll}+)/u;
/**
 * "..., according to a person familiar with the matter, raising ...": a description named as the
 * source, with its prepositional phrase up to the punctuation or relative clause that ends it.
 */
function sourcedPhrase(text: string, at: number, np: string): string | null {
  if (!ACCORDING_TO_BEFORE.test(text.slice(Math.max(0, at - 14), at))) return null;
  const rest = SOURCE_POST_MODIFIER.exec(text.slice(at + np.length, at + np.length + 100));
  return rest ? np + rest[0] : null;
}
const ACCORDING_TO_BEFORE = /according[ \u00a0]+to[ \u00a0]+$/i;

/**
 * "A third lawmaker, a freshman from a district that Democrats have targeted, said": a description
 * set off by commas after the subject it describes, with its prepositional phrase (up to a relative
 * clause), when a verb follows the closing comma.
 */
function appositivePhrase(text: string, at: number, np: string): string | null {
  // After an unnamed subject only: "Dr Fatima Qureshi, an emergency consultant at the hospital, said" is named.
  if (!LOWER_WORD_THEN_COMMA.test(text.slice(Math.max(0, at - 30), at))) return null;
  const rest = APPOSITIVE_THEN_WORD.exec(text.slice(at + np.length, at + np.length + 140));
  if (!rest || !verbLike(rest[2]!)) return null;
  return np + rest[1]!.split(RELATIVE_IN_PHRASE)[0]!;
}
const LOWER_WORD_THEN_COMMA = /(?:^|[ \u00a0])\p{Ll}[\p{L}-]*,[ \u00a0]$/u;
/** The prepositions that open a description's phrase ("a trader in", "a spokesman for"), and with "close to", "familiar with". */
const PHRASE_PREPOSITIONS = 'from|at|for|with|in|on|of|to';
const SOURCE_PREPOSITIONS = String.raw`close[ \u00a0]+to|familiar[ \u00a0]+with|${PHRASE_PREPOSITIONS}`;
const APPOSITIVE_THEN_WORD = new RegExp(String.raw`^((?:[ \u00a0]+(?:${PHRASE_PREPOSITIONS})[ \u00a0][^,.;:!?"“”]{1,100}?)?),[ \u00a0]+(\p{Ll}+)`, 'u');
const SOURCE_POST_MODIFIER = new RegExp(String.raw`^(?:[ \u00a0]+(?:${SOURCE_PREPOSITIONS})[ \u00a0][^,.;:!?"“”]{1,80}?)?(?=[,.;:!?]|[ \u00a0]+(?:who|which|that)\b)`, 'u');

const FINITE_VERB = /^(?:was|were|is|are|has|had|have|said|told|says|tells)$/;
const SPEECH_VERB_IN_PHRASE = /[ \u00a0](?:told|tells|said|says|wrote|writes|added|adds)[ \u00a0]/;
const RELATIVE_IN_PHRASE = /[ \u00a0](?:who|whom|whose|which|that)[ \u00a0]/;
/** A prepositional phrase up to a comma, an aside set off by commas, then a word: groups phrase, word. */
const PHRASE_THEN_ASIDE = new RegExp(String.raw`^([ \u00a0]+(?:${SOURCE_PREPOSITIONS})[ \u00a0][^,.;:!?"“”]{1,80}?),[ \u00a0][^,.;:!?"“”]{3,160},[ \u00a0]+(\p{Ll}+)`, 'u');

/** A phrase with a relative clause, then a verb of saying: group 1 is the phrase before the verb. */
const RELATIVE_THEN_SAID = /^([ \u00a0][^,.;:!?"“”]{1,140}?[ \u00a0](?:that|who|which)[ \u00a0][^,.;:!?"“”]{1,80}?)[ \u00a0]+(?:said|says|told|tells)\b/;

/** The noun phrase `np` (ending at `end`) with the post-modifier after it ("close to the case"), when a verb follows; null when no verb follows. */
function withPostModifier(text: string, end: number, np: string): string | null {
  const words = text.slice(end, end + 160).split(/(?=[ \u00a0]+)/).slice(0, 14);
  const bare = (w: string | undefined) => (w ?? '').trim();
  // ("A person involved in the transition effort said", "an official briefed on the talks": no verb yet.)
  const participlePhrase = /^(?:involved|briefed|based)$/.test(bare(words[0])) && /^(?:in|on|with)$/.test(bare(words[1]));
  if (verbLike(bare(words[0])) && STARTS_LOWER.test(bare(words[0])) && !participlePhrase) return np;
  // "A Kasich adviser, speaking on condition of anonymity, said": an aside set off by commas, then the verb.
  const aside = SET_OFF_ASIDE_THEN_WORD.exec(text.slice(end, end + 160));
  if (aside && verbLike(aside[1]!)) return np;
  // "A senior Senate staffer who has worked with both lawmakers said": the description before its
  // relative clause, as a descriptor is written.
  if (/^(?:who|whom)$/.test(bare(words[0]))) return np;
  // "An aide to Sen. Bernie Sanders said": a title's stop ends no phrase.
  // "A GOP operative working on several suburban House races was": a participle's phrase too.
  if (!/^(?:close|familiar|involved|briefed|based|knowledgeable|from|at|for|with|in|on|of|to)$/.test(bare(words[0])) && !ING_WORD.test(bare(words[0]))) return null;
  // "A spokesperson for the army's eastern command, who cannot be named, said", "A district TB
  // officer in Maharashtra, speaking on condition of anonymity, said": the phrase, then an aside.
  const phraseThenAside = PHRASE_THEN_ASIDE.exec(text.slice(end, end + 280));
  // (Up to a relative clause: "in Baton Rouge who has worked on the case, speaking on ..., said".)
  // (Not a phrase that has its verb already: "familiar with the investigation told Fox News that the
  // man, a 29-year-old, was unarmed".)
  if (phraseThenAside && verbLike(phraseThenAside[2]!) && !SPEECH_VERB_IN_PHRASE.test(phraseThenAside[1]!)) return np + phraseThenAside[1]!.split(RELATIVE_IN_PHRASE)[0]!;
  for (let k = 2; k < words.length; k++) {
    const next = bare(words[k]).replace(/[.,;:!?]+$/, '');
    const phrase = words.slice(0, k).join('').replace(TITLE_PERIOD, '');
    // "for Larkspur and Finch": "and" between two names is inside the object.
    const namesJoined = NAME_THEN_AND.test(phrase) && STARTS_UPPER.test(next);
    // "A diplomat from one of the countries that fund the tribunal said": a relative clause inside
    // the phrase, up to a verb of saying; without it when it reads as a verb phrase ("who has met with").
    if (/[ \u00a0](?:that|who|which)$/.test(phrase) && !/[.,;:!?]/.test(phrase)) {
      const clause = RELATIVE_THEN_SAID.exec(text.slice(end, end + 200));
      if (!clause) return null;
      return wellFormedSpeaker(np + clause[1]!) ? np + clause[1]! : np + phrase.replace(/[ \u00a0]+(?:that|who|which)$/, '');
    }
    if (/[.,;:!?]|[ \u00a0](?:that|who|which|whom|when|as|and)$/.test(phrase) && !namesJoined) return null;
    // Not after an article or a preposition: "close to the talks" has its noun, not a verb, there.
    // A plural noun right before the verb is no verb itself: "several suburban House races was".
    const nounBeforeVerb = /[^s]s$/.test(next) && FINITE_VERB.test(bare(words[k + 1]));
    if (ALL_LOWER.test(next) && verbLike(next) && !nounBeforeVerb && !/^(?:the|a|an|to|of|with|his|her|their)$/.test(bare(words[k - 1]))) return np + words.slice(0, k).join('');
  }
  return null;
}

/**
 * The person a definite description ("the senator", "the retired neurosurgeon") refers to, among
 * those named before it, in this order: one the article gave the same role with a matching
 * modifier ("the Florida senator" -> "Florida Sen. Marco Rubio"); one with the role named in the
 * last sentences; the person the last sentences are about; anyone given the role. Null when unsure.
 */
function resolvePersonDescription(pos: number, d: Description, ctx: ResolveContext, nested: boolean): Person | null {
  const person = describedPerson(pos, d, ctx, nested);
  if (!person) return null;
  // "a fashion designer for the company watched ... 'It's hard,' said the designer": someone new and
  // unnamed brought in with the same head since the person was last named is whom it means.
  const last = mentionsBefore(ctx, pos).find((m) => m.person === person)?.pos ?? 0;
  if (introducedSince(d.head, last, pos, ctx)) return null;
  // "A former Brightline executive who left last year said Falk had been coached. '...,' the former
  // executive said": brought in by the sentence that last names the person, before the name, too;
  // not as the name's own appositive ("A former aide, Jane Doe, said").
  const sentenceStart = ctx.sentenceStarts[sentenceIndex(ctx.sentenceStarts, last)] ?? last;
  return sentenceStart < last && introducedSince(d.head, sentenceStart, last, ctx) && !/,[ \u00a0]*$/.test(ctx.text.slice(Math.max(sentenceStart, last - 3), last)) ? null : person;
}

function describedPerson(pos: number, d: Description, ctx: ResolveContext, nested: boolean): Person | null {
  const headKey = roleKey(d.head);
  // Only words for people refer to a person: "the audience", "the crowd" stay as written.
  const demonym = DEMONYM_NOUN.exec(d.head.toLowerCase());
  // So is a word in -ant or -ent the article itself gave someone as their job ("Dr Fatima Qureshi, an
  // emergency consultant"): "consultant", "correspondent", "assistant", not "statement" or "department".
  const taught = (w: string) => /(?:ant|ent)$/.test(w) && !DOCUMENT_NOUN.test(w) && ctx.index.people.some((p) => p.roles.has(w) && personLike(p));
  if (!(GENDERED_NOUN[d.head] || demonym || PERSON_NOUN.test(d.head) || PERSON_NOUN.test(headKey) || /-year-old$|(?:ist|eon|ian|or|er)$/.test(d.head) || taught(d.head))) return null;
  const nationalities = d.modifiers.map((w) => nationalityOf(w)).filter((n): n is string => !!n);
  const recent = mentionsBefore(ctx, pos);
  const lastMention = (p: Person) => recent.find((m) => m.person === p)?.pos ?? -1;
  const holders: Array<{ person: Person; score: number; pos: number }> = [];
  // A noun the last sentences used of what they do fits too ("Lance Wallnau ... posted a video from a
  // conference at which he was speaking. ... the conference speaker says").
  // A name among them ("the Vermont senator") only in a sentence about that person ("Senator Bernie
  // Sanders of Vermont"): "the Florida senator" is no senator of Texas for "Rubio was campaigning in Florida".
  const saidAround = (w: string, person: Person) =>
    ALL_LOWER.test(w) && w.length > 3 && (d.capitalised.has(w) ? nameInSentenceOf(w, person, recent, ctx) : wordInRecentSentences(w, pos, ctx));
  const mismatched = new Set<Person>();
  for (const person of ctx.index.people) {
    // "Morning Joe hosts Joe Scarborough and Mika Brzezinski": each is a host.
    const singular = person.roles.has(headKey) || person.roles.has(d.head);
    if (!singular && !person.roles.has(`${d.head}s`)) continue;
    // A name with nothing that says it is a person ("a federal judge granted Judicial Watch's
    // request") holds no role of a person.
    if (!personLike(person)) continue;
    // "the spokeswoman" is no spokesman ("the opposition housing spokesman, Gareth Lloyd").
    const wordGender = GENDERED_NOUN[d.head];
    if (wordGender && personGender(person) && personGender(person) !== wordGender) continue;
    const at = lastMention(person);
    if (at < 0) continue; // named only after the description: not what it refers back to
    // Every modifier must fit: "the band leader" is not "Russian President Vladimir Putin".
    if (nationalities.some((n) => !person.roles.has(n)) || d.modifiers.some((w) => !person.roles.has(roleKey(w)) && !descriptive(w, d) && !saidAround(w, person))) {
      // A plural only ("Ballroom Stars judge Vanessa Kirk" is no star for "the former West End
      // star") does not say the description is of someone else.
      if (singular) mismatched.add(person);
      continue;
    }
    holders.push({ person, score: d.modifiers.filter((w) => person.roles.has(roleKey(w))).length, pos: at });
  }
  // "the Chancellor": one called that beats a union leader, though both are leaders.
  if (d.head !== headKey && holders.some((h) => h.person.roles.has(d.head))) holders.splice(0, holders.length, ...holders.filter((h) => h.person.roles.has(d.head)));
  const latest = (list: typeof holders) => list.reduce<(typeof holders)[number] | null>((b, h) => (!b || h.pos > b.pos ? h : b), null);
  const specific = holders.filter((h) => h.score > 0);
  const bestScore = Math.max(0, ...specific.map((h) => h.score));
  const bySpecific = latest(specific.filter((h) => h.score === bestScore));
  if (bySpecific) return bySpecific.person;
  const starts = ctx.sentenceStarts;
  const window = starts[Math.max(0, sentenceIndex(starts, pos) - 5)]!;
  const gender = GENDERED_NOUN[d.head] ?? (demonym?.[1] ? (demonym[1] === 'woman' ? 'f' : 'm') : null);
  // A party is no office ("Republican Carter Vance" is "the Republican nominee").
  const otherOffice = (p: Person) => [...p.titles].some((t) => t !== headKey && PERSON_NOUN.test(t) && !PARTY_MEMBER.test(t));
  // Someone else the sentences since were about, whom the role was never said of, could as well
  // be meant ("the senator" after a paragraph on Rubio, when only Sanders was called senator).
  // (Not one the article gave another job: "Helen Marsh, the hospital's chief executive" is no consultant.)
  const otherJob = (p: Person) => !p.roles.has(headKey) && !p.roles.has(d.head) && [...p.roles].some((t) => t !== headKey && PERSON_NOUN.test(t) && !PARTY_MEMBER.test(t));
  const contested = (p: Person, at: number) => !!laterSubject(p, at, pos, gender, (q) => !mismatched.has(q) && !otherOffice(q) && !otherJob(q), ctx);
  let byRecent = latest(holders.filter((h) => h.pos >= window));
  // "Sen. Lindsey Graham criticized Sen. Ted Cruz. '...,' the senator said": of two holders named in
  // one sentence, its subject is whom the description means, not the object named after.
  if (byRecent && !subjectLike(ctx.text, byRecent)) {
    const sentence = sentenceIndex(starts, byRecent.pos);
    const subjectHolder = holders.find((h) => h !== byRecent && sentenceIndex(starts, h.pos) === sentence && subjectLike(ctx.text, h) && sentenceInitial(ctx.text.slice(starts[sentence]!, h.pos)));
    if (subjectHolder) byRecent = subjectHolder;
  }
  // One named in the last two sentences is still who they are about.
  const lastTwo = starts[Math.max(0, sentenceIndex(starts, pos) - 2)]!;
  if (byRecent) return byRecent.pos < lastTwo && contested(byRecent.person, byRecent.pos) ? null : byRecent.person;
  // A description with no role to match refers back: "the 34-year-old mother of three" like "she",
  // "the retired neurosurgeon" or "the 43-year-old" to the person the last sentences are about.
  // Nouns that introduce someone new and unnamed ("the spokesman", "the man") do not.
  // "the Arsenal manager", "the Chelsea boss" is the body's one holder of the role, no one new; it
  // refers back only to the person of the sentence before, as a compound does.
  const bodysOne = isTitleWord(d.head) && d.modifiers.length > 0 && d.modifiers.every((w) => d.capitalised.has(w) && !nationalityOf(w));
  // The same description an earlier quotation was left with ("the former president told a crowd")
  // means the same one still: not the person the sentences are about now.
  // "Liam Hurst, 29, bought the sandwich ... The warehouse worker said": a job named by a compound
  // the article has not used before tells more of the one the sentence before is about.
  const jobOf = OCCUPATION_NOUN.test(d.head) && d.modifiers.length > 0 && d.modifiers.every((w) => ALL_LOWER.test(w) && !descriptive(w, d));
  if ((!NEW_PERSON_NOUN.test(d.head) || bodysOne || jobOf) && !d.related && !leftAsWritten(d, pos, ctx)) {
    const adjectival = (w: string) => descriptive(w, d) || !!nationalityOf(w) || d.capitalised.has(w);
    // Modifiers that read as adjectives ("retired", "34-year-old") keep to the topic of the last
    // sentences. A noun before the head ("the minority leader", "the band leader") may name a role
    // of someone new, so it refers back only to the person of the sentence before, and never to
    // someone the article titles with another office ("Rep. Bobby Scott" is not "the band leader").
    // A person the article titles with another office is not described by this one ("the
    // secretary of state" is not "Sen. Bernie Sanders"); nor, after a compound, by any role.
    const compound = !d.modifiers.every(adjectival) || (bodysOne && NEW_PERSON_NOUN.test(d.head));
    // A party is no office: "the California Democrat" may hold any ("House Minority Leader Nancy Pelosi").
    const office = isTitleWord(d.head) && !PARTY_MEMBER.test(d.head);
    // Without the role said of them, only the subject of a sentence is what the description
    // refers back to, like "he" or "she" ("The actress explained" is no name the sentence mentions in passing).
    const asker = questioner(pos, ctx) ?? repliedTo(pos, d.asWritten, ctx);
    // "Scott's brother" is someone other than Scott.
    const owner = d.possessor ? resolveOwner(d.possessor, pos, ctx).person : null;
    // One who speaks for someone else ("Clinton spokesman Brian Fallon") is not "the billionaire".
    const proxy = (p: Person) => !PROXY_ROLE.test(headKey) && [...p.roles].some((t) => PROXY_ROLE.test(t));
    // "the 33-year-old" is no one the article gave another age ("Callum Briggs, 27,").
    const age = [d.head, ...d.modifiers].find((w) => /^\d+-year-old$/.test(w));
    const otherAge = (p: Person) => !!age && !p.roles.has(age) && statedAge(p) !== null;
    // "the Dubai-based analyst" after "Omar Farouk, head of research at Gulf Meridian Bank in Dubai",
    // though two other analysts were named since: the one person of the last sentences the place
    // was said of is whom it means.
    const places = d.modifiers.filter((w) => d.capitalised.has(w) && /-based$/.test(w)).map((w) => w.replace(/-based$/, ''));
    const placed = places.length ? [...new Set(recent.filter((m) => m.pos >= starts[Math.max(0, sentenceIndex(starts, pos) - 6)]!).map((m) => m.person))].filter((p) => personLike(p) && places.every((w) => nameInSentenceOf(w, p, recent, ctx))) : [];
    if (placed.length === 1) return placed[0]!;
    const found = resolvePronoun(gender, pos, ctx, compound ? 1 : gender ? 12 : 6, (p) => p !== asker && p !== owner && !((compound || office) && otherOffice(p)) && !proxy(p) && !otherAge(p), nested, true);
    // The role was said of the person the sentences are about, with other details ("Sen. Bernie
    // Sanders ... the independent Vermont senator"): not a reason to pass over them to someone before.
    if (found && mismatched.has(found)) return null;
    // "The clerk told her", "the aide handed him": the person the sentences are about is the
    // verb's object there, not its subject.
    const object = found && OBJECT_PRONOUN_AFTER_VERB.exec(ctx.text.slice(pos + d.asWritten.length, pos + d.asWritten.length + 40));
    if (object && personGender(found!) === (object[1] === 'him' ? 'm' : 'f')) return null;
    if (!found) return null;
    // "the Spanish epidemiologist", "the Dubai-based analyst": a country or a place where someone is
    // based the article never tied to the one found (as a role, or in a sentence about them) says it
    // is someone else. (Not "the Florida senator": which state a senator serves the news takes as known.)
    const placeWords = d.modifiers.filter((w) => (d.capitalised.has(w) && /-(?:based|born|bred|raised)$/.test(w)) || nationalityOf(w));
    const tiedTo = (w: string) => found.roles.has(roleKey(w)) || found.roles.has(nationalityOf(w) ?? w) || nameInSentenceOf(w.replace(/-(?:based|born|bred|raised)$/, ''), found, recent, ctx);
    if (placeWords.some((w) => !tiedTo(w))) return null;
    const since = lastSubjectMention(found, pos, ctx) ?? lastMention(found);
    // "Jason Carter ... brought his father, Jimmy Carter ... the former president said": a relative
    // of the same name just brought in is as likely meant, and the role was said of neither.
    if (relativeNamedSince(found, since, pos, gender, (q) => personLike(q) && !mismatched.has(q) && !(office && otherOffice(q)), ctx)) return null;
    // "Ten Hag praised Rashford. '...,' Ten Hag said. Rashford said: '...' The Dutchman added": a
    // nationality no one was given, right after the one found spoke by name (a writer would go on
    // with "he"), while another of that gender spoke or was the subject in the last sentences,
    // could be either of them.
    if (demonym && quoteSpeakerBefore(pos, ctx)?.person === found && laterSubject(found, starts[Math.max(0, sentenceIndex(starts, pos) - 3)]!, pos, gender, (q) => personLike(q) && !mismatched.has(q), ctx, false)) return null;
    // Nor to one the article last named three sentences back or more, with someone else named since
    // (the sentences have moved on to others; whoever asked the question they answer aside): on our
    // blind passages such a reading back was rarely right. The description is shown as written.
    if (sentencesSinceNamed(found, pos, ctx) >= 3 && someoneElseNamedSince(found, pos, ctx, (p) => p !== asker)) return null;
    // Contested from where they were last the subject: a passing mention since does not renew them.
    return contested(found, since) ? null : found;
  }
  // One given the role further back stands only if no one else of a fitting kind was named since
  // ("Alison Grimes ... The secretary of state" after an earlier "former secretary of state Clinton").
  const anyHolder = latest(holders);
  const namedSince = anyHolder && laterSubject(anyHolder.person, anyHolder.pos, pos, gender, (q) => personLike(q) && !mismatched.has(q) && !otherOffice(q), ctx, true);
  return anyHolder && !namedSince ? anyHolder.person : null;
}

/**
 * The last plural noun for people outside quotations in the sentence of pos (before it) and the two
 * before, in the singular: "viewers" -> "viewer". Null when there is none.
 */
function pluralPeopleBefore(pos: number, ctx: ResolveContext): string | null {
  const starts = ctx.sentenceStarts;
  const from = starts[Math.max(0, sentenceIndex(starts, pos) - 2)]!;
  let found: string | null = null;
  const text = ctx.text.slice(from, pos);
  for (const m of matchesOf(/\p{L}+/gu, text)) {
    const word = m[0].toLowerCase();
    if (ctx.inQuote(from + m.index)) continue;
    const singular = word === 'people' ? 'person' : word === 'men' || word === 'women' ? word.replace(/men$/, 'man') : word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : null;
    if (!singular || !personHead(singular)) continue;
    // Only as the subject ("Her fans rallied round"): "a quiz asked readers to guess ... Another notes"
    // is another quiz.
    const sentenceStart = starts[sentenceIndex(starts, from + m.index)]!;
    const lead = ctx.text.slice(sentenceStart, from + m.index).split(/[\s\u00a0]+/).filter(Boolean);
    if (lead.length > 3 || lead.some((w) => verbLike(w.toLowerCase()))) continue;
    // As written ("one Italian", "one Democrat"), but for the capital a sentence's first word takes.
    const opensSentence = lead.length === 0;
    found = STARTS_UPPER.test(m[0]) && !opensSentence ? singular[0]!.toUpperCase() + singular.slice(1) : singular;
  }
  return found;
}

/** Roles of people who speak for someone else. */
const PROXY_ROLE = /^(?:spokesman|spokeswoman|spokesperson|aide|adviser|advisor|strategist|pollster|staffer|surrogate)$/;

/** Whether a sentence that mentions `person` (of those in `recent`, the latest three) writes `word` capitalised. */
function nameInSentenceOf(word: string, person: Person, recent: ReadonlyArray<{ pos: number; person: Person }>, ctx: ResolveContext): boolean {
  const starts = ctx.sentenceStarts;
  const capitalised = word[0]!.toUpperCase() + word.slice(1);
  let seen = 0;
  for (const m of recent) {
    if (m.person !== person) continue;
    const k = sentenceIndex(starts, m.pos);
    if (compiled(String.raw`\b${capitalised}\b`, '').test(ctx.text.slice(starts[k]!, starts[k + 1] ?? ctx.text.length))) return true;
    if (++seen >= 3) return false;
  }
  return false;
}

/** Whether `word` occurs outside quotations in the two sentences before pos's. */
function wordInRecentSentences(word: string, pos: number, ctx: ResolveContext): boolean {
  const starts = ctx.sentenceStarts;
  const start = starts[Math.max(0, sentenceIndex(starts, pos) - 2)]!;
  const pattern = compiled(String.raw`\b${word}\b`, 'gi');
  for (const m of matchesOf(pattern, ctx.text.slice(start, pos))) if (!ctx.inQuote(start + m.index)) return true;
  return false;
}

/**
 * A person named by their country, as sports and foreign news call the one the story is about
 * ("the Dutchman said", "the Argentine told Sky Sports"); group 1 is "man" or "woman" when the word
 * gives a gender.
 */
const DEMONYM_NOUN = /^(?:(?:dutch|french|english|irish|welsh|scots|scotch|ulster)(man|woman)|spaniard|argentine|argentinian|portuguese|swiss|briton|scot|swede|dane|finn|pole|turk|greek|german|american|mexican|chilean|peruvian|uruguayan|paraguayan|venezuelan|cuban|kenyan|nigerian|ghanaian|ivorian|senegalese|cameroonian|japanese|chinese|korean|vietnamese|thai|filipino|pakistani|afghan|iraqi|iranian|israeli|saudi|emirati|qatari|egyptian|moroccan|algerian|tunisian|kiwi|aussie|texan|kansan|alaskan|ohioan|oklahoman|arizonan|nebraskan|minnesotan|iowan|michigander|marylander|vermonter|hoosier|czech|slovak|croat|serb|slovene|kazakh|uzbek|tajik|azeri|kurd|nepali|nepalese|bangladeshi|burmese|taiwanese|singaporean|yemeni|omani|kuwaiti|bahraini|lebanese|libyan|sudanese|somali|ugandan|rwandan|zimbabwean|zambian|angolan|malian|congolese|togolese|jamaican|dominican|honduran|guatemalan|salvadoran|nicaraguan|ecuadoran|maltese|cypriot|icelander|luxembourger)$/;

/** Where p was last named as the subject of a sentence, or last spoke, before pos. */
function lastSubjectMention(p: Person, pos: number, ctx: ResolveContext): number | null {
  const all = mentionsInTextOrder(ctx);
  for (let i = firstAtOrAfter(all, pos) - 1; i >= 0; i--) {
    const m = all[i]!;
    if (m.person === p && (m.spoke || mainClauseSubject(m, ctx))) return m.pos;
  }
  return null;
}

/**
 * "Tesla said on Monday it would recall ...": the rest of the sentence calls the subject "it", so it
 * is a body, whatever gender a list of first names gives the word ("Tesla", "Apple").
 */
function itsOwnSentenceSaysIt(at: number, ctx: ResolveContext): boolean {
  const starts = ctx.sentenceStarts;
  const end = starts[sentenceIndex(starts, at) + 1] ?? ctx.text.length;
  const rest = ctx.text.slice(at, end);
  // "it would recall", "its sales": not the "it" of "it would be a long week".
  return /\b(?:its\b|it[ \u00a0]+(?:would|will|had|has|plans|planned|expects|expected|is|was)[ \u00a0]+(?!be\b|a\b|an\b|the\b|not\b|time\b)\p{Ll})/u.test(rest) && !/\b(?:he|she|his|her|him)\b/i.test(rest);
}

/**
 * "A spokeswoman for the council said the conditions were 'standard'. '...,' she added": when no
 * name is in reach, the unnamed person the quotation just before was given to, in the sentence
 * before (not past another sentence, which may bring in someone else), whose noun fits the pronoun
 * ("spokeswoman" for she; not "spokesman").
 */
function unnamedSpeakerBefore(want: Gender, pos: number, ctx: ResolveContext): Resolution | null {
  const previous = quoteSpeakerBefore(pos, ctx);
  if (!previous || previous.person || sentenceIndex(ctx.sentenceStarts, pos) - sentenceIndex(ctx.sentenceStarts, previous.pos) > 1) return null;
  const d = parseDescription(previous.subject);
  if (!INDEFINITE.has(d.determiner) || !personNoun(d.head)) return null;
  const g = headGender(d.head);
  return g === want || (g === undefined && !/s$/.test(d.head)) ? { speaker: previous.speaker, person: null } : null;
}

/**
 * "A man who lives near the crash site said ... '...,' he said. He said he and another neighbor
 * stayed with her. '...,' he said": the unnamed speaker of the last quotation, a few sentences back,
 * goes on as he or she while no one is named between.
 */
function unnamedSpeakerGoesOn(want: Gender, pos: number, ctx: ResolveContext): Resolution | null {
  const previous = quoteSpeakerBefore(pos, ctx);
  if (!previous || previous.person || !STARTS_LOWER.test(previous.speaker) || pos - previous.pos > 1200) return null;
  const cueGender = genderOf(previous.subject);
  const d = cueGender ? null : parseDescription(previous.subject);
  const g = cueGender ?? (d && personNoun(d.head) && !/s$/.test(d.head) ? headGender(d.head) : null);
  if (g !== want) return null;
  if (ctx.index.mentions.some((m) => m.start > previous.pos && m.start < pos && !ctx.inQuote(m.start))) return null;
  const starts = ctx.sentenceStarts;
  if (sentenceIndex(starts, pos) - sentenceIndex(starts, previous.pos) > 3) return null;
  return { speaker: previous.speaker, person: null };
}

/** The gender a description's head says: a gendered noun, or a compound in -woman / -man ("spokeswoman"). */
function headGender(head: string): 'f' | 'm' | undefined {
  return GENDERED_NOUN[head] ?? (/woman$/.test(head) ? 'f' : /man$/.test(head) ? 'm' : undefined);
}

/** The latest quotation's speaker whose cue stands before pos (the last such in reading order). */
function quoteSpeakerBefore(pos: number, ctx: ResolveContext): ResolveContext['quoteSpeakers'][number] | undefined {
  for (let i = ctx.quoteSpeakers.length - 1; i >= 0; i--) if (ctx.quoteSpeakers[i]!.pos < pos) return ctx.quoteSpeakers[i];
  return undefined;
}

const REPLY_VERB = String.raw`(?:replied|replies|responded|responds|retorted|countered|shot[ \u00a0]+back|hit[ \u00a0]+back|fired[ \u00a0]+back)`;
const REPLY_AFTER = new RegExp(String.raw`^[ \u00a0]+(?:\p{Ll}+ly[ \u00a0]+)?${REPLY_VERB}\b`, 'u');
const REPLY_BEFORE = new RegExp(String.raw`${REPLY_VERB}[ \u00a0]+$`);
const NARRATED_QUESTION = /\b(?:ask|asks|asked|asking|question|questions|questioned|pressed|challenged)\b/i;

/**
 * Whom a reply answers: "'He is a liar,' Trump said. 'Donald is unhinged,' he replied" is not
 * Trump. The speaker of the quotation just before, in the same or the previous paragraph, when the
 * cue at `subject` is a verb of replying and no question is narrated between ("Asked again, he
 * replied" answers the reporter).
 */
function repliedTo(pos: number, written: string, ctx: ResolveContext): Person | null {
  const after = ctx.text.slice(pos + written.length, pos + written.length + 30);
  if (!REPLY_AFTER.test(after) && !REPLY_BEFORE.test(ctx.text.slice(Math.max(0, pos - 30), pos))) return null;
  const q = quoteSpeakerBefore(pos, ctx);
  if (!q?.person) return null;
  let narration = '';
  for (let i = q.pos; i < pos; i++) if (!ctx.inQuote(i)) narration += ctx.text[i];
  // Only a reply to that quotation: its own cue, and nothing else told between ("He received
  // threats ... He responded by posting" answers the threats).
  if ((narration.match(/[.!?](?=[\s'"’”]|$)/g) ?? []).length > 1 || (narration.match(/\n+/g) ?? []).length > 1) return null;
  // ('"Fully funded?" Harrow asked. "...," she replied': the question's own cue asks; the one who
  // asked is not who replies.)
  const ownQuestion = QUESTION_BEFORE.test(ctx.text.slice(Math.max(0, q.pos - 6), q.pos)) && !NARRATED_QUESTION.test(narration.replace(FIRST_SENTENCE, ''));
  return NARRATED_QUESTION.test(narration) && !ownQuestion ? null : q.person;
}
const FIRST_SENTENCE = /^[^.!?]*[.!?]/;

/** Who asked the question the quotation at pos answers: the speaker of a question just before it, in this or the last paragraph. */
function questioner(pos: number, ctx: ResolveContext): Person | null {
  const q = quoteSpeakerBefore(pos, ctx);
  if (!q?.person || (ctx.text.slice(q.pos, pos).match(/\n+/g) ?? []).length > 1) return null;
  return QUESTION_BEFORE.test(ctx.text.slice(Math.max(0, q.pos - 6), q.pos)) ? q.person : null;
}

const QUESTION_BEFORE = /\?[”"’'][ \u00a0]*$/;

/** Whether anything says this name is a person: a title, a known first name, a gender, having spoken. */
function personLike(p: Person): boolean {
  return p.evidence > 0 || personGender(p) !== null;
}

/**
 * A person other than p named as the subject of a sentence (or anywhere, with anyPosition) after
 * `from` and before `pos`, outside quotations, of a gender that fits and passing `fits`: who a
 * description at pos could as well mean.
 */
function laterSubject(p: Person, from: number, pos: number, gender: Gender | null, fits: (q: Person) => boolean, ctx: ResolveContext, anyPosition = false): Person | null {
  const all = mentionsInTextOrder(ctx);
  for (let i = firstAtOrAfter(all, from + 1); i < all.length && all[i]!.pos < pos; i++) {
    const m = all[i]!;
    if (m.person === p || ctx.inQuote(m.pos) || !fits(m.person)) continue;
    const g = personGender(m.person);
    if (gender && g && g !== gender) continue;
    // Who asked the question just before ("\"That would be you?\" Borger asked.") is not who answers it.
    if (QUESTION_BEFORE.test(ctx.text.slice(Math.max(0, m.pos - 6), m.pos))) continue;
    if (anyPosition || m.spoke || mainClauseSubject(m, ctx)) return m.person;
  }
  return null;
}

/** Someone else of p's surname whom the article first names (outside quotations) between from and pos. */
function relativeNamedSince(p: Person, from: number, pos: number, gender: Gender | null, fits: (q: Person) => boolean, ctx: ResolveContext): Person | null {
  const seen = new Set<Person>();
  for (const m of mentionsInTextOrder(ctx)) {
    if (m.pos >= pos) break;
    const first = !seen.has(m.person);
    seen.add(m.person);
    if (!first || m.pos <= from || m.person === p || m.person.surname !== p.surname || ctx.inQuote(m.pos) || !fits(m.person)) continue;
    const g = personGender(m.person);
    if (gender && g && g !== gender) continue;
    return m.person;
  }
  return null;
}

const SUBORDINATOR = /^(?:When|While|If|As|After|Before|Because|Although|Though|Since|Until|Unless|Once|Whether)$/;

/**
 * A name that is the subject of its sentence's main clause: first in it, after a fronted phrase and
 * modifiers only ("“Orange is the New Black” star Selenis Leyva opened up"), not the subject of a
 * clause inside it ("Trump said it would have been cool had Clinton congratulated him").
 */
function mainClauseSubject(m: { pos: number; person: Person }, ctx: ResolveContext): boolean {
  if (possessive(ctx.text, m.pos)) return false;
  const sentenceStart = ctx.sentenceStarts[sentenceIndex(ctx.sentenceStarts, m.pos)]!;
  const lead = ctx.text.slice(sentenceStart, m.pos).replace(/[“"][^”"]*[”"]/g, ' ');
  const rest = lead.slice(FRONTED.exec(lead)?.[0].length ?? 0);
  if (sentenceInitial(rest)) return true;
  const words = rest.trim().split(/[\s\u00a0]+/).filter(Boolean);
  // A capitalised word is part of a name ("Manchester United manager Louis van Gaal"), no verb.
  const modifiersOnly = words.length <= 4 && !SUBORDINATOR.test(words[0] ?? '') && words.every((w) => !(STARTS_LOWER.test(w) && verbLike(w)) && !/[,;:]$/.test(w) && !/^(?:and|or|of|with|for|to|in|on|by|from|about|that|who)$/i.test(w));
  return modifiersOnly && subjectLike(ctx.text, m);
}

/**
 * A lower-case modifier that describes rather than names a role: "former", "retired",
 * "34-year-old", "two-term". A noun ("band" in "the band leader") or a name ("Florida") is not.
 */
function descriptive(w: string, d: Description): boolean {
  return !d.capitalised.has(w) && (GENERIC_ADJECTIVE.test(w) || w.includes('-') || /(?:ed|ing|al|ive|ic|ous|ful|less|able|ible|ary|ish|ent|ant|ern)$/.test(w));
}

/**
 * "the newspaper", "the group", "the paper's editorial board": the latest organisation of a
 * fitting kind named before, or the organisation that owns it. As written when there is none.
 */
function resolveOrganisationDescription(subject: Subject, d: Description, ctx: ResolveContext): Resolution {
  const head = d.modifiers.includes('editorial') && d.head === 'board' ? 'editors' : d.head;
  // "South Korea's foreign ministry" speaks as itself: a country's or a city's government body is
  // no voice of the place.
  if (d.possessor && organisationHead(head) !== 'government' && organisationHead(head) !== 'regulator') {
    const owner = resolveOwner(d.possessor, subject.pos, ctx);
    return owner.speaker && !owner.person ? { speaker: owner.speaker, person: null } : { speaker: subject.text.replace(/^The\b/, 'the'), person: null };
  }
  if (d.possessor) return { speaker: subject.text.replace(/^The\b/, 'the'), person: null };
  // "the national Asahi newspaper", "the Baton Rouge newspaper": a name in the description says
  // which one; it does not refer back to another.
  // (Not where it is based: "the Copenhagen-based company", "the Columbus, Ohio-based company" is the company named before.)
  const cityOfBasedState = CITY_THEN_BASED.exec(d.asWritten)?.[1]?.toLowerCase();
  if ([...d.capitalised].some((w) => !w.endsWith('-based') && w !== cityOfBasedState)) return { speaker: d.asWritten, person: null };
  // "The Federal Reserve held rates ... The central bank said": a central bank goes by its own name,
  // which the organisation index does not know as a bank's.
  if (head === 'bank' && d.modifiers.includes('central')) {
    const named = lastCentralBank(subject.pos, ctx);
    if (named) return { speaker: named, person: null };
  }
  // "Harlan has kept his distance. The campaign said": the campaign of the candidate the sentence
  // before is about, when the article names it, before the last campaign named.
  const candidate = head === 'campaign' ? previousSentenceSubject(subject.pos, ctx) : null;
  const ownCampaign = candidate && latestOrganisation(subject.pos, (o) => o.kind === 'campaign' && o.name.toLowerCase().split(/[ \u00a0]+/).includes(candidate.surname), ctx);
  const mention = ownCampaign || latestOrganisation(subject.pos, (o) => fitsHead(o, head), ctx);
  // "the trade group for the Blue Cross Blue Shield plans" after the latest group named: "the
  // group" is that one, which the article does not name.
  if (!mention || introducedSince(d.head, mention.end, subject.pos, ctx)) {
    // "Black Lives Matter issued a statement saying ... '...,' the group said": a body the index does
    // not know, named as the subject that spoke or issued something in the last two sentences (a
    // name the article never gives a he or she: a group is no person).
    // So with "Tesla said on Monday it would recall ... '...,' the company said."
    const bodyHead = namesAnyBody(head);
    // (Not a body the index knows as of another kind: "Students at Whitmore College ... the group".)
    const recentSpeaking = !mention && bodyHead ? recentSpeaker(subject.pos, ctx) : null;
    const recentBody = recentSpeaking && !organisationAt(recentSpeaking.at, ctx) ? recentSpeaking : null;
    const speaking = recentBody?.resolution;
    // Not a description of several ("These large corporations have asserted ... the company has said").
    const several = !!speaking?.speaker && PLURAL_DESCRIPTION.test(speaking.speaker);
    if (speaking?.speaker && !several && (genderlessName(speaking) || itsOwnSentenceSaysIt(recentBody!.at, ctx))) return { speaker: speaking.speaker, person: null };
    // "Tesco has withdrawn its hummus ... the supermarket said", "Leeds United have sacked their
    // manager ... the club said": a name the index does not know, that a sentence just before
    // opens with and goes on with "its" or "their", is a body.
    const owning = !mention && bodyHead ? recentBodyWithIts(subject.pos, ctx) : null;
    if (owning) return { speaker: owning, person: null };
    return { speaker: (!mention && earlierFullerDefinite(d, subject.pos, ctx)) || d.asWritten, person: null };
  }
  // "Twitter acknowledged that ... '...,' the company said": a body the organisation index does not
  // know, the subject that spoke in the last two sentences, is nearer than the last company it knows
  // (a name the article never gives a he or she: a body is no person).
  const recent = recentSpeaker(subject.pos, ctx);
  const body = recent && (!recent.resolution.person || personGender(recent.resolution.person) === null) && !PLURAL_DESCRIPTION.test(recent.resolution.speaker ?? '');
  if (recent && body && recent.at > mention.end && !organisationAt(recent.at, ctx)) return { speaker: recent.resolution.speaker, person: null };
  return { speaker: mention.org.name, person: null };
}

/** The names of central banks: "the Federal Reserve", "the European Central Bank", "the Bank of England", "the Reserve Bank of India" (not the commercial Bank of America). */
const CENTRAL_BANK_NAME = /\b(?:Federal Reserve(?: Board)?|(?:(?!The\b)\p{Lu}[\p{L}'’]+[ \u00a0]){0,2}(?:Central|Reserve|National|People['’]s) Bank(?: of(?: the)?(?:[ \u00a0]\p{Lu}[\p{L}]+){1,2})?|Bank of(?![ \u00a0](?:America|Montreal|Scotland|Ireland|China|New|the)\b)(?:[ \u00a0]\p{Lu}[\p{L}]+){1,2}|Bundesbank|Riksbank)\b/gu;

/** The last central bank named before pos, outside quotations, within a few paragraphs. */
function lastCentralBank(pos: number, ctx: ResolveContext): string | null {
  const from = Math.max(0, pos - 3000);
  let found: string | null = null;
  for (const m of ctx.text.slice(from, pos).matchAll(CENTRAL_BANK_NAME)) if (!ctx.inQuote(from + m.index)) found = m[0];
  return found;
}

/** A description of several bodies or people: "these large corporations", "the two companies". */
const PLURAL_DESCRIPTION = /^(?:[Tt]he|[Tt]hese|[Tt]hose|[Ss]ome|[Mm]any|[Bb]oth|[Tt]wo|[Tt]hree|[Ss]everal)[ \u00a0](?:[\p{Ll}\p{N}-]+[ \u00a0]){0,3}\p{Ll}+[^s\W]s$/u;

/** Whether a new, unnamed one of these is brought in between from and pos ("a group of black parents", "the trade group for X"). */
function introducedSince(head: string, from: number, pos: number, ctx: ResolveContext): boolean {
  // "an Ireland-based company": a place joined to a participle is a modifier too.
  const modifier = String.raw`(?:(?!(?:the|a|an|with|of|for|to|in|on|at|by|and|or|as)[ \u00a0])(?:[\p{Ll}-]+|\p{Lu}[\p{L}.]*-\p{Ll}+)[ \u00a0]+)`;
  // A sentence may open with one, its modifiers capitalised too: "A Republican senator who sits on
  // the panel was less sanguine."
  const opening = String.raw`(?:(?<=^|[.!?]["”’]?[\s\u00a0]+|\n)(?:A|An|Another|One)[ \u00a0]+(?:(?:[\p{Ll}-]+|\p{Lu}\p{Ll}+)[ \u00a0]+){0,3}${head}\b)`;
  const pattern = compiled(String.raw`\b(?:(?:a|an|another|one)[ \u00a0]+${modifier}{0,3}${head}\b|the[ \u00a0]+${modifier}{1,3}${head}[ \u00a0]+(?:for|of|representing)\b)|${opening}`, 'gu');
  for (const m of matchesOf(pattern, ctx.text.slice(from, pos))) {
    // "Sophie Wells, a mother-of-three, ...": an appositive describes the one just named, no one new.
    if (!ctx.inQuote(from + m.index) && !APPOSITIVE_OPENS_BEFORE.test(ctx.text.slice(Math.max(0, from + m.index - 40), from + m.index))) return true;
  }
  return false;
}
/** A name (and an age) and the comma that opens an appositive after it. */
const APPOSITIVE_OPENS_BEFORE = /\p{Lu}[\p{L}.'’-]+(?:,[ \u00a0]+\d{1,3})?,[ \u00a0]+$/u;

/**
 * A pattern built from a word of the text, compiled once per source: compiling a Unicode
 * pattern took tenths of a millisecond, far more than matching it, on every call.
 */
function compiled(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let pattern = compiledPatterns.get(key);
  if (!pattern) {
    if (compiledPatterns.size >= COMPILED_PATTERNS_LIMIT) compiledPatterns.clear();
    pattern = new RegExp(source, flags);
    compiledPatterns.set(key, pattern);
  }
  return pattern;
}
const compiledPatterns = new Map<string, RegExp>();
/** The words come from the text: a bound for a long-running process. */
const COMPILED_PATTERNS_LIMIT = 1000;

/** Every match of a global pattern in the text, as matchAll gives them (read with exec: matchAll would copy, and so compile, the pattern again). */
function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    matches.push(m);
    // An empty match: step past it, by a whole code point under the u flag (as matchAll does).
    if (m[0] === '') pattern.lastIndex += pattern.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1;
  }
  pattern.lastIndex = 0;
  return matches;
}

/** The latest organisation mention before pos, within the last few paragraphs, that passes `fits`. */
/** The person a name opening the sentence before pos's is (its subject), if any. */
function previousSentenceSubject(pos: number, ctx: ResolveContext): Person | null {
  const starts = ctx.sentenceStarts;
  const k = sentenceIndex(starts, pos) - 1;
  if (k < 0) return null;
  const subject = clauseSubject(ctx.text.slice(starts[k]!, starts[k + 1]!), starts[k]!);
  return subject?.kind === 'name' ? resolveSubject(subject, ctx).person : null;
}

function latestOrganisation(pos: number, fits: (o: Organisation) => boolean, ctx: ResolveContext, maxDistance = 3000): OrgMention | null {
  const orgs = ctx.organisations.mentions;
  for (let i = orgs.length - 1; i >= 0; i--) {
    const m = orgs[i]!;
    if (m.start >= pos) continue;
    if (pos - m.start > maxDistance) break;
    if (fits(m.org)) return m;
  }
  return null;
}

/**
 * "the statement said", "the email goes on": a document speaks for whoever issued it, when the
 * article names them. The issuer is read off the latest mention of such a document ("X's
 * statement", "a statement from X", "X issued a statement", "an email was sent from X", "X
 * emailed"), or is whoever the quotation just before was written by ("..., Mook wrote."), or the
 * person or body the sentence before says spoke ("The Trump campaign on Tuesday responded ...");
 * an editorial is its newspaper's. As written when no one is named.
 */
function resolveDocument(subject: Subject, d: Description, ctx: ResolveContext): Resolution {
  const asWritten = { speaker: d.asWritten, person: null };
  if (d.possessor) {
    const owner = resolveOwner(d.possessor, subject.pos, ctx);
    return named(owner) ? owner : asWritten;
  }
  // "read the statement, which was attributed to Miller": the author named right after it.
  const after = AUTHOR_RIGHT_AFTER.exec(ctx.text.slice(subject.pos + subject.text.length, subject.pos + subject.text.length + 120));
  if (after) {
    const r = resolveSubject({ kind: 'name', text: after[1]!, pos: subject.pos + subject.text.length + after.index + after[0].length - after[1]!.length }, ctx);
    if (named(r)) return r;
  }
  // "the Republican platform", "the Senate report": a document its description says is a body's or
  // a party's speaks for that, not for whoever wrote last.
  if (d.determiner === 'the' && d.capitalised.size > 0) return asWritten;
  const authored = documentAuthor(d.head, subject.pos, ctx);
  const previous = previousWriter(subject.pos, ctx);
  if (previous && (!authored || previous.pos > authored.pos)) return previous.resolution;
  if (authored) return authored.resolution;
  // A lawsuit speaks for whoever filed it, not for the last person who spoke about it.
  if (/^(?:suit|lawsuit|complaint|filing)$/.test(d.head)) return asWritten;
  // A court's opinion, ruling or order is the court's: "the unsigned opinion said" after "the court
  // unanimously returned the case".
  if (/^(?:opinion|ruling|order|decision)$/.test(d.head)) {
    const court = latestOrganisation(subject.pos, (o) => /\bcourt$/i.test(o.name), ctx, Number.POSITIVE_INFINITY);
    // ("President Obama's Supreme Court nominee" names the court as "Obama's Supreme Court".)
    if (court) return { speaker: court.org.name.replace(/^.*['’]s[ \u00a0]+/, ''), person: null };
  }
  // An editorial is its newspaper's, whoever else the last sentences say spoke.
  if (d.head === 'editorial') {
    const paper = latestOrganisation(subject.pos, (o) => o.kind === 'media', ctx);
    if (paper) return { speaker: paper.org.name, person: null };
  }
  const speaking = recentSpeakingSubject(subject.pos, ctx);
  if (speaking) return speaking;
  if (d.head === 'op-ed') {
    const paper = latestOrganisation(subject.pos, (o) => o.kind === 'media', ctx);
    if (paper) return { speaker: paper.org.name, person: null };
  }
  return asWritten;
}

/**
 * "according to a statement from the White House", "a letter from the National Rifle Association
 * read": a document is whoever it came from, when that is a body or a person the article names
 * (not "a letter from London").
 */
function authorRightAfter(subject: Subject, ctx: ResolveContext): Resolution | null {
  const end = subject.pos + subject.text.length;
  const m = FROM_AUTHOR.exec(ctx.text.slice(end, end + 160));
  if (!m) return null;
  const pos = end + m[0].length - m[1]!.length;
  const last = m[1]!.split(/[ \u00a0]+/).pop()!;
  // Only someone already known: resolving an unknown single name would make a person of a place.
  if (!organisationAt(pos, ctx) && !ctx.index.people.some((p) => p.nameTokens.includes(last))) return null;
  const r = resolveSubject({ kind: 'name', text: m[1]!, pos }, ctx);
  return named(r) ? r : null;
}
const FROM_AUTHOR = /^,?[ \u00a0]+(?:(?:which|that)[ \u00a0]+(?:was|were|is|had[ \u00a0]+been)[ \u00a0]+)?(?:from|by|attributed[ \u00a0]+to|(?:issued|signed|written|released|sent|posted|put[ \u00a0]+out)[ \u00a0]+by)[ \u00a0]+(?:the[ \u00a0]+)?((?:\p{Lu}[\p{L}.’'&-]*[ \u00a0]+(?:(?:of|for|and|on)[ \u00a0]+)?){0,5}\p{Lu}[\p{L}’'-]*)/u;

/** "the statement, which was attributed to Jason Miller", "the memo, signed by ...": its author, right after it. */
const AUTHOR_RIGHT_AFTER = /^,?[ \u00a0]+(?:(?:which|that)[ \u00a0]+(?:was|were|is|had[ \u00a0]+been)[ \u00a0]+)?(?:attributed[ \u00a0]+to|issued[ \u00a0]+by|signed[ \u00a0]+by|written[ \u00a0]+by|released[ \u00a0]+by|sent[ \u00a0]+by|put[ \u00a0]+out[ \u00a0]+by)[ \u00a0]+((?:\p{Lu}[\p{L}.’'-]*[ \u00a0]+){0,4}\p{Lu}[\p{L}’'-]+)/u;

/** A name, not a description: a person, or an organisation as the article names it. */
function named(r: Resolution): boolean {
  return !!r.speaker && !!wellFormedSpeaker(r.speaker) && (!!r.person || /^(?:the )?\p{Lu}/u.test(r.speaker));
}

/** A name the article never gives a he or she: it may be a body's (no person it knows, or one of no gender). */
function genderlessName(r: Resolution): boolean {
  return named(r) && (!r.person || personGender(r.person) === null);
}

const WRITTEN = /^[^.!?]{0,60}?\b(?:wrote|writes|write|writing|stated|states|emailed|tweeted|posted|in[ \u00a0]+(?:a|an|the|his|her|its|their)[ \u00a0]+(?:[\p{L}-]+[ \u00a0]+)?(?:statement|email|letter|memo|post|tweet|release|book|column|editorial|op-ed|message))\b/u;

/** The speaker of the quotation just before, in this or the previous paragraph, when it was written. */
function previousWriter(pos: number, ctx: ResolveContext): { pos: number; resolution: Resolution } | null {
  const q = quoteSpeakerBefore(pos, ctx);
  if (!q) return null;
  const between = ctx.text.slice(q.pos, pos);
  if ((between.match(/\n+/g) ?? []).length > 1 || !WRITTEN.test(ctx.text.slice(q.pos, q.pos + 160))) return null;
  const resolution = { speaker: q.speaker, person: q.person };
  return named(resolution) ? { pos: q.pos, resolution } : null;
}

/** The named subject of one of the two sentences before pos, when that sentence says they spoke or issued something. */
const RELATIVE_WHO_AT_END = /[\s\u00a0,](?:who|whom)[\s\u00a0]+(?:\p{Ll}+ly[\s\u00a0]+)?$/u;
function recentSpeakingSubject(pos: number, ctx: ResolveContext): Resolution | null {
  return recentSpeaker(pos, ctx)?.resolution ?? null;
}

/** recentSpeakingSubject, with where its subject stands. */
function recentSpeaker(pos: number, ctx: ResolveContext): { resolution: Resolution; at: number } | null {
  const starts = ctx.sentenceStarts;
  const here = sentenceIndex(starts, pos);
  for (let k = here - 1; k >= Math.max(0, here - 2); k--) {
    const sentence = ctx.text.slice(starts[k]!, starts[k + 1]!);
    const said = speechVerbs(sentence, starts[k]!).find((v) => !ctx.inQuote(v.start));
    const verb = Math.min(said ? said.start - starts[k]! : Infinity, ISSUING.exec(sentence)?.index ?? Infinity);
    if (verb === Infinity) continue;
    // "It cited testimony from Sam Nunn, who said ...": someone the text quotes, not its author.
    if (RELATIVE_WHO_AT_END.test(sentence.slice(Math.max(0, verb - 12), verb))) continue;
    const subject = soleSubjectBefore(sentence.slice(0, verb), starts[k]!, ctx);
    const r = subject && resolveSubject(subject, ctx);
    if (r && named(r)) return { resolution: r, at: subject.pos };
  }
  return null;
}

/** A sentence that opens with a capitalised name, whose verb phrase goes on with "its" or "their": the name is a body's. */
const OPENS_WITH_BODY_PLURAL_VERB = /^[\s\u00a0]*((?:\p{Lu}[\p{L}\p{N}&'’.-]*[ \u00a0]+){0,3}\p{Lu}[\p{L}\p{N}&'’.-]*[^s\W])[ \u00a0]+(?:have|are|were)[ \u00a0]+(?:(?:also|now|since|already)[ \u00a0]+)?\p{Ll}{3,}(?:ed|en|ing)\b/u;
const OPENS_WITH_OWNING_NAME = /^[\s\u00a0]*((?:\p{Lu}[\p{L}\p{N}&'’.-]*[ \u00a0]+){0,3}\p{Lu}[\p{L}\p{N}&'’.-]*)[ \u00a0]+(?:(?:has|have|had|is|are|was|were|will|would|could|did|does|do)[ \u00a0]+(?:(?:also|now|not|since|already)[ \u00a0]+)?)?\p{Ll}{3,}[ \u00a0]+(?:[^.;:!?"“”]{0,60}?[ \u00a0])?(?:its|their)[ \u00a0]/u;

/**
 * The name a sentence of the last two opens with, when it goes on with "its" or "their" ("Tesco
 * has withdrawn its ..."), and the name is no person's: the body a description of a company or
 * club refers back to. Null when there is none, or it is a person or a pronoun.
 */
function recentBodyWithIts(pos: number, ctx: ResolveContext): string | null {
  const starts = ctx.sentenceStarts;
  const here = sentenceIndex(starts, pos);
  for (let k = here - 1; k >= Math.max(0, here - 4); k--) {
    const sentence = ctx.text.slice(starts[k]!, starts[k + 1]!);
    // "Redmoor City have condemned ...": a name that is no plural with a plural verb is a body
    // (British usage), strong enough to be read four sentences back.
    const m = (k >= here - 2 ? OPENS_WITH_OWNING_NAME.exec(sentence) : null) ?? OPENS_WITH_BODY_PLURAL_VERB.exec(sentence);
    // "The Smiths have sold their house": a determiner opens no body's name here; nor is a
    // country ("China has moved its troops") or a place the article puts people in a company.
    if (!m || ctx.inQuote(starts[k]! + m.index) || STOP_WORDS.has(m[1]!.split(/[ \u00a0]/)[0]!.toLowerCase())) continue;
    if (m[1]!.split(/[ \u00a0]+/).some((w) => nationalityOf(w)) || placeNamed(m[1]!, ctx)) continue;
    const at = starts[k]! + m[0].indexOf(m[1]!);
    const subject = subjectBefore(ctx.text.slice(starts[k]!, at + m[1]!.length), starts[k]!);
    if (!subject || subject.kind === 'pronoun' || subject.pos !== at) continue;
    const r = resolveSubject(subject, ctx);
    if (r.speaker && genderlessName(r)) return r.speaker;
  }
  return null;
}

/** Whether the article writes the name after a preposition of place ("in New York", "across Texas"). */
function placeNamed(name: string, ctx: ResolveContext): boolean {
  return compiled(String.raw`\b(?:${PLACE_PREPOSITIONS})[ \u00a0]+(?:the[ \u00a0]+)?${escapeRegExp(name)}\b`, 'u').test(ctx.text);
}

/** The subject right before a verb, unless it is a pronoun or the last of several ("Goodlatte and ... Gowdy sent"). */
function soleSubjectBefore(segment: string, offset: number, ctx: ResolveContext): Subject | null {
  // "Bernie Sanders is releasing a new ad": the subject comes before the auxiliary.
  const subject = subjectBefore(segment.replace(/\b(?:is|are|was|were|has|have|had|will|would)[ \u00a0]+$/, (m) => ' '.repeat(m.length)), offset);
  if (!subject || subject.kind === 'pronoun' || /\band[ \u00a0]+$/.test(ctx.text.slice(Math.max(0, subject.pos - 8), subject.pos))) return null;
  return subject;
}

const AUTHOR_AFTER = /^[^.;:!?"“”]{0,40}?\b(?:from|by|sent[ \u00a0]+by|written[ \u00a0]+by|signed[ \u00a0]+by|issued[ \u00a0]+by)[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,3}?(?:\p{Lu}[\p{L}’'-]*[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){1,2}(?=\p{Lu}[\p{Ll}’'-]+[ \u00a0]+\p{Lu}))?(?:(?:the[ \u00a0]+)?(?:[\p{Lu}][\p{L}’'-]*[ \u00a0]+)*[\p{L}’'-]+['’]s[ \u00a0]+[^,]{1,60},[ \u00a0]+)?((?:\p{Lu}[\p{L}.’'-]*[ \u00a0]+){0,4}\p{Lu}[\p{L}’'-]+)/u;
const ISSUING_VERB = String.raw`(?:issued|issues|issuing|released|releases|releasing|sent|sends|sending|put[ \u00a0]+out|puts[ \u00a0]+out|provided|posted|posts|posting|published|wrote|writes|emailed|tweeted|circulated|distributed|drafted|penned|signed|launched|launches|launching|unveiled|unveils|unveiling|aired|airs|airing|ran|runs|running|set[ \u00a0]+up|sets[ \u00a0]+up|created|creates|started)`;
const ISSUING = new RegExp(String.raw`\b${ISSUING_VERB}[ \u00a0]+(?:out[ \u00a0]+)?(?:a|an|the|its|his|her|their)[ \u00a0]+`, 'u');
const ISSUED = new RegExp(String.raw`\b${ISSUING_VERB}[ \u00a0]+(?:out[ \u00a0]+)?(?:a|an|the|its|his|her|their)[ \u00a0]+(?:[\p{L}\p{N}-]+[ \u00a0]+){0,3}$`, 'u');

const SAID_IN_DOCUMENT = /\b(?:said|says|wrote|writes|stated|states|warned|warns|concluded|concludes|noted|notes|added|adds|denied|denies|responded|responds|announced|announces|confirmed|confirms|insisted|insists)(?:[ \u00a0]+(?!in[ \u00a0])[\p{Ll}-]+){0,3}[ \u00a0]+in[ \u00a0]+(?:a|an|its|his|her|their)[ \u00a0]+(?:[\p{L}\p{N}-]+[ \u00a0]+){0,3}$/u;

/** Words the news uses for the same document: "the suit" refers back to "a lawsuit". */
const DOCUMENT_SYNONYMS = [
  ['suit', 'lawsuit', 'complaint'], ['ad', 'advertisement', 'commercial', 'spot'], ['email', 'e-mail'],
  ['book', 'memoir'], ['memo', 'memorandum'], ['release', 'statement'], ['editorial', 'op-ed'],
];

/** What comes before a document another one cites in passing: "cites a report", "quoting an email". */
const CITED_BEFORE = /\b(?:cites|cited|citing|quotes|quoted|quoting|references|referenced|referencing|mentions|mentioned|mentioning)[ \u00a0]+(?:a|an|another)[ \u00a0]+(?:[\p{L}\p{N}-]+[ \u00a0]+){0,3}$/u;

/**
 * The named author of the document "the statement" refers back to: the latest mention of such a
 * document before pos, and the mentions before it while they are definite ("the report" <- "The
 * committee's interim report"), with where it was mentioned; null when they name no one.
 */
function documentAuthor(noun: string, pos: number, ctx: ResolveContext): { pos: number; resolution: Resolution } | null {
  const from = Math.max(0, pos - 3000);
  const stretch = ctx.text.slice(from, pos);
  const verb = noun === 'email' || noun === 'e-mail' ? 'emailed' : noun === 'tweet' ? 'tweeted' : null;
  const nouns = DOCUMENT_SYNONYMS.find((group) => group.includes(noun)) ?? [noun];
  const pattern = compiled(String.raw`\b(?:(?:${nouns.join('|')})s?${verb ? `|${verb}` : ''})\b`, 'giu');
  const hits = matchesOf(pattern, stretch).reverse().filter((h) => from + h.index < pos - 1);
  for (const h of hits) {
    const at = from + h.index;
    // Inside a quotation only "a lawsuit filed by X" counts: the quoted speaker's own words name its author.
    if (ctx.inQuote(at)) {
      const by = AUTHOR_AFTER.exec(ctx.text.slice(at + h[0].length, at + h[0].length + 160));
      const r = by && !/^(?:The|A|An|This|That)$/.test(by[1]!) ? resolveSubject({ kind: 'name', text: by[1]!, pos: at + h[0].length + by.index + by[0].length - by[1]!.length }, ctx) : null;
      if (r && named(r)) return { pos: at, resolution: r };
      continue;
    }
    const before = ctx.text.slice(Math.max(0, at - 120), at);
    // "Human Rights Watch cites a report issued by X": a document another one cites in passing is
    // not what a later "the report" goes back to.
    if (CITED_BEFORE.test(before)) continue;
    const after = ctx.text.slice(at + h[0].length, at + h[0].length + 160);
    const found = (r: Resolution) => (named(r) ? { pos: at, resolution: r } : null);
    // "X's statement", "the Clinton campaign's statement".
    const owner = /((?:\p{Lu}[\p{L}.’'-]*[ \u00a0]+){0,3}\p{Lu}[\p{L}’'-]+?)['’]s?[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,3}$/u.exec(before);
    if (owner && !/^(?:The|A|An)$/.test(owner[1]!)) {
      const r = found(resolveSubject({ kind: 'name', text: owner[1]!, pos: at - before.length + owner.index }, ctx));
      if (r) return r;
    }
    // "The committee's interim report": a body described, then resolved.
    const described = /\b((?:the|The)[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,2}\p{Ll}[\p{L}-]*)['’]s[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,3}$/u.exec(before);
    if (described) {
      const r = found(resolveSubject({ kind: 'descriptor', text: described[1]!, pos: at - before.length + described.index }, ctx));
      if (r) return r;
    }
    // "a Times article", "the Human Rights Watch report": a body named right before the document.
    const body = /(?:^|[ \u00a0])((?:\p{Lu}[\p{L}.’'&-]*[ \u00a0]+){1,4})$/u.exec(before);
    const bodyOrg = body && !ctx.inQuote(at - body[1]!.length) ? organisationAt(at - body[1]!.length, ctx) : null;
    if (bodyOrg) return { pos: at, resolution: { speaker: bodyOrg.name, person: null } };
    // "a Clinton campaign memo".
    const campaign = /\b((?:\p{Lu}[\p{L}’'-]*[ \u00a0]+){1,2})campaign[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,2}$/u.exec(before);
    if (campaign) return { pos: at, resolution: { speaker: `the ${campaign[1]!.trim().split(/[ \u00a0]+/).pop()} campaign`, person: null } };
    // "a statement from Pentagon press secretary Peter Cook", "an email was sent from the club's executive director, Jeremy Boreing".
    const by = AUTHOR_AFTER.exec(after);
    if (by && !/^(?:The|A|An|This|That)$/.test(by[1]!)) {
      const p = at + h[0].length + by.index + by[0].length - by[1]!.length;
      const r = found(resolveSubject({ kind: 'name', text: by[1]!, pos: p }, ctx));
      if (r) return r;
    }
    // "a column in the national Asahi newspaper": a piece in a paper, no author named, speaks for the paper.
    const inPaper = /^(?:column|editorial|op-ed|article|piece)s?$/i.test(h[0]) ? /^[ \u00a0]+in[ \u00a0]+(?:the[ \u00a0]+)?(?:[\p{Ll}-]+[ \u00a0]+){0,2}(?=\p{Lu})/u.exec(after) : null;
    const paper = inPaper && organisationAt(at + h[0].length + inPaper[0].length, ctx);
    if (paper && paper.kind === 'media') return { pos: at, resolution: { speaker: paper.name, person: null } };
    // "Cook provided a written statement", "Huma Abedin, vice chairwoman for the campaign, emailed".
    const sentenceStart = ctx.sentenceStarts[sentenceIndex(ctx.sentenceStarts, at)]!;
    const clause = ctx.text.slice(sentenceStart, at);
    const issued = verb && h[0].toLowerCase() === verb ? clause.length : ISSUED.exec(clause)?.index;
    if (issued !== undefined) {
      const subject = soleSubjectBefore(clause.slice(0, issued), sentenceStart, ctx);
      const resolved = subject && resolveSubject(subject, ctx);
      const r = resolved && found(resolved);
      if (r) return r;
      // "The family of Antonin Scalia released a statement", "A super PAC backing Jeb Bush released
      // an ad": an issuer the article describes but never names is who the document speaks for.
      const head = subject?.kind === 'descriptor' ? parseDescription(subject.text).head : '';
      if (resolved?.speaker && /[ \u00a0]/.test(resolved.speaker) && (personNoun(head) || organisationHead(head) || /^famil(?:y|ies)$/.test(head))) return { pos: at, resolution: resolved };
    }
    // "the commission said in its report": whoever said it, a body described in lower case too, or
    // a person never named ("The parish priest said in a statement ...").
    const saidIn = SAID_IN_DOCUMENT.exec(clause);
    const speaker = saidIn && soleSubjectBefore(clause.slice(0, saidIn.index), sentenceStart, ctx);
    if (speaker) {
      const r = resolveSubject(speaker, ctx);
      const head = speaker.kind === 'descriptor' ? parseDescription(speaker.text).head : '';
      if (named(r) || (r.speaker && (organisationHead(head) || (personNoun(head) && /[ \u00a0]/.test(r.speaker))))) return { pos: at, resolution: r };
    }
    // "The nearly 90-second ad" refers back to an earlier mention; "a new online ad" introduces one,
    // and when that names no one, nor does "the ad".
    if (!/\b(?:the|this|that)[ \u00a0]+(?:[^\s.,;:!?]+[ \u00a0]+){0,3}$/i.test(before)) return null;
  }
  return null;
}

/**
 * "it said", "they wrote": an organisation or a document, never a person here. The latest of: the
 * speaker of an earlier quotation that was no person, an organisation named as the subject of one
 * of the last sentences ("The Post reported ... It added,"), or a document or body described so.
 */
function resolveNonPersonPronoun(pronoun: Subject, ctx: ResolveContext): Resolution {
  const pos = pronoun.pos;
  const starts = ctx.sentenceStarts;
  const here = sentenceIndex(starts, pos);
  for (let k = here; k >= Math.max(0, here - 2); k--) {
    const from = starts[k]!;
    const to = k === here ? pos : starts[k + 1]!;
    if (ctx.lastDescriptor && ctx.lastDescriptor.pos >= from && ctx.lastDescriptor.pos < to) return { speaker: ctx.lastDescriptor.text, person: null };
    // "The email, released by Judicial Watch, was sent ... by Chief of Staff Jeremy Bash. '...,' it
    // reads": a document the sentence says someone sent or wrote is that person's.
    const sentBy = k < here ? SENT_BY.exec(ctx.text.slice(from, to)) : null;
    if (sentBy && DOCUMENT_NOUN.test(sentBy[1]!)) {
      // The name ends the capitalised run after "by" ("Department of Defense Chief of Staff Jeremy Bash").
      const at = from + sentBy.index + sentBy[0].length;
      const run = /^(?:\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]+(?:of|and|for)(?=[ \u00a0]+\p{Lu}))?[ \u00a0]*)+/u.exec(ctx.text.slice(at, Math.min(to, at + 120)))?.[0].trim() ?? '';
      const name = /(?:\p{Lu}[\p{L}'’-]+[ \u00a0]+)(?:\p{Lu}\.[ \u00a0]+)?\p{Lu}[\p{L}'’-]+$/u.exec(run);
      const r = name ? resolveSubject({ kind: 'name', text: name[0], pos: at + run.length - name[0].length }, ctx) : null;
      if (r?.person) return r;
    }
    const subject = clauseSubject(ctx.text.slice(from, to), from);
    if (!subject) {
      // "The company that runs the awards, Dick Clark Productions, denies ...": a sentence that
      // opens with a description of a body, then the body's name set off by commas.
      const named = bodyNamedAfterOpening(from, to, ctx);
      if (named) return { speaker: named.name, person: null };
      continue;
    }
    if (subject.kind === 'pronoun') continue;
    if (subject.kind === 'name') {
      const org = organisationAt(subject.pos, ctx);
      if (org) return { speaker: org.name, person: null };
      // "Big Machine have twice denied it. '...,' they said": a name with a plural verb, alone as the
      // subject, is a body (British usage), and "they" is that body.
      const after = ctx.text.slice(subject.pos + subject.text.length, subject.pos + subject.text.length + 40);
      if (/^they$/i.test(pronoun.text) && PLURAL_VERB_AFTER.test(after) && !/(?:and|or|,)[\s\u00a0]*$/.test(ctx.text.slice(from, subject.pos))) return { speaker: subject.text, person: null };
      // "Network Rail said the line would reopen. It added:", "Tesco has withdrawn its hummus ...
      // it said": a name the article gives no he or she, alone as the subject of a verb of speech
      // or of a sentence that calls it "it", is the body "it" is (no writer calls a person "it").
      // Not a place the article puts things in ("in Springfield").
      const subjectEnd = subject.pos + subject.text.length;
      const spokeOrIt = BODY_SPOKE_AFTER.test(ctx.text.slice(subjectEnd, subjectEnd + 40)) || itsOwnSentenceSaysIt(subject.pos, ctx);
      if (/^it$/i.test(pronoun.text) && !/(?:and|or|,)[\s\u00a0]*$/.test(ctx.text.slice(from, subject.pos)) && !placeNamed(subject.text, ctx)) {
        const r = resolveSubject(subject, ctx);
        // The name as written when the index read a word of it as a title ("Network Rail" -> "Rail").
        if (r.speaker && genderlessName(r) && spokeOrIt) return { speaker: subject.text.endsWith(r.speaker) ? subject.text : r.speaker, person: null };
        // "National Rail said ... Great Northern are diverting trains. It said:": another body (a
        // singular name with a plural verb, British usage) the subject of a later sentence may as
        // well be "it": neither it nor one further back is taken.
        if (PLURAL_VERB_AFTER.test(after) && !/s$/.test(subject.text)) return NONE;
      }
      continue;
    }
    const d = parseDescription(subject.text);
    if (d.determiner === 'the' && (DOCUMENT_NOUN.test(d.head) || organisationHead(d.head) || organisationAt(subject.pos, ctx))) {
      const r = resolveDescriptor(subject, ctx);
      if (r.speaker && r.speaker !== d.asWritten) return r;
      if (!DOCUMENT_NOUN.test(d.head)) return r;
    }
  }
  // "'...,' it reads. '...,' it said.": the same "it" as the quotation before continues its speaker.
  const previous = quoteSpeakerBefore(pos, ctx);
  if (previous && pos - previous.pos < 800 && previous.subject.toLowerCase() === pronoun.text.toLowerCase()) return { speaker: previous.speaker, person: previous.person };
  if (ctx.lastDescriptor && pos - ctx.lastDescriptor.pos < 1500) return { speaker: ctx.lastDescriptor.text, person: null };
  return NONE;
}

/** A sentence about a document that someone sent or wrote: its head noun; the author's name follows the match. */
const SENT_BY = /^[\s\u00a0]*(?:The|This|That)[\s\u00a0]+(?:[\p{Ll}-]+[\s\u00a0]+){0,2}?(\p{Ll}+)\b[^;!?]{0,120}?[\s\u00a0](?:was|were|had[\s\u00a0]+been)[\s\u00a0]+(?:sent|written|signed|authored|penned|drafted)\b[^;!?"“”]{0,80}?[\s\u00a0]by[\s\u00a0]+(?:then-)?/u;

/** The organisation named right after a sentence's opening description of a body ("The company that runs X, Acme Productions,"), if it fits that description. */
function bodyNamedAfterOpening(from: number, to: number, ctx: ResolveContext): Organisation | null {
  const opening = OPENING_BODY_DESCRIPTION.exec(ctx.text.slice(from, Math.min(to, from + 160)));
  if (!opening || !organisationHead(opening[1]!)) return null;
  const at = from + opening[0].length;
  const mention = ctx.organisations.mentions.find((m) => m.start >= at && m.start <= at + 2);
  return mention && fitsHead(mention.org, opening[1]!) ? mention.org : null;
}
const OPENING_BODY_DESCRIPTION = /^[\s\u00a0]*(?:The|the)[\s\u00a0]+(\p{Ll}+)[^,.;:!?]{0,100},[\s\u00a0]*/u;

/** A verb of speech or of issuing words right after a subject: "said", "has confirmed", "later issued". */
const BODY_SPOKE_AFTER = /^[\s\u00a0]+(?:(?:\p{Ll}+ly|also|later|then|previously|has|had|have)[\s\u00a0]+)?(?:said|says|told|tells|added|adds|announced|announces|confirmed|confirms|stated|states|wrote|writes|warned|warns|insisted|insists|explained|explains|issued|issues|released|releases|posted|posts|tweeted|tweets)\b/u;

/** A verb that agrees with a plural subject, right after it: "have twice denied", "are", "say". */
const PLURAL_VERB_AFTER = /^[\s\u00a0]+(?:(?:\p{Ll}+ly|also|now|still|twice|again|never|already)[\s\u00a0]+)?(?:have|are|were|say|deny|claim|insist|argue|believe|want|do|don['’]t|haven['’]t|aren['’]t|weren['’]t)\b/u;

/** Heads of descriptions that bring in a new, usually unnamed, person. */
/** Nouns for someone new that, with a noun before them, say what someone does ("the warehouse worker", "the shop owner"). */
const OCCUPATION_NOUN = /^(?:worker|employee|student|cashier|owner)$/;
const NEW_PERSON_NOUN = /^(?:man|woman|boy|girl|person|announcer|spokesman|spokeswoman|spokesperson|aide|official|source|adviser|advisor|staffer|insider|operative|organizer|moderator|reporter|narrator|voter|protester|supporter|delegate|resident|friend|member|witness|worker|employee|student|cashier|officer|caller|questioner|heckler|attendee|owner|user|manager|director|lawyer|attorney|analyst|expert|strategist|consultant|pollster|observer|participant|neighbor|neighbour)$/;
