// Attribution: finding the cue ("Putin said", "said Caddell", "according to the Kremlin",
// "― Jorge Falcon") next to a quotation, and its subject; coreference.ts resolves the subject.
// Hand-written rules over the text with quotations masked out (see quotes.ts for why).

import { COMPANY_ABBREVIATIONS, ING_WORD, LOWER_WORD, MONTHS, WEEKDAYS, NAME_TITLE_ABBREVIATIONS, PARTY_MEMBER, PERSON_NOUNS, PLACE_BASED_BEFORE_NAME, SPEECH_VERB_FORMS, STARTS_LOWER, STARTS_UPPER, STOP_WORDS } from './lexicon.ts';
import { GENDERED_NOUN, firstNameGender, hasWord, isTitleWord, nationalityOf, nonPersonWord, parseNameRun, verbLike } from './people.ts';
import { bodyNameEnd, organisationHead } from './organisations.ts';

// speechVerbs finds the matches of /\b(?:SPEECH_VERB_FORMS)\b/gi without the regex: the engine tries
// some 200 alternatives at every word start, whereas a lookup per word in this table is cheap.
// A match always spans whole ASCII words (\b), so each word is looked up by its lower-case form;
// forms of several words ("fired back") continue with single spaces. When several forms match at
// one word the one listed first wins, as in the alternation. A hash of the lower-case word,
// computed while scanning, rules out most words before any string is built.
const VERB_FORMS = new Map<string, string[][]>(); // first word -> forms, in list order
const VERB_FIRST_WORD_HASHES = new Set<number>();
for (const form of SPEECH_VERB_FORMS) {
  const words = form.split(' ');
  VERB_FORMS.set(words[0]!, [...(VERB_FORMS.get(words[0]!) ?? []), words]);
  VERB_FIRST_WORD_HASHES.add(lowerWordHash(words[0]!, 0, words[0]!.length));
}
export const TELL_VERBS = /^(?:told|tells|telling|asked|asks|asking|urged|urges|urging|warned|warns|reminded|called|calls|labeled|labelled|dubbed|described|describes)$/i;
const PREPOSITION_OBJECT_AT_END = /\b(?:to|on|in|at|from|for)[\s\u00a0]+(?:the[\s\u00a0]+)?(?:\p{Lu}[\p{L}.'’-]*[\s\u00a0]+){1,4}$/u;
/** "sent a text message to supporters saying": whom it went to, a plural noun, before a participle. */
const PLURAL_RECIPIENT_AT_END = /\b(?:to|for)[\s\u00a0]+(?:(?:the|its|his|her|their)[\s\u00a0]+)?\p{Ll}[\p{Ll}-]+s[\s\u00a0]+$/u;
/** "emailed supporters saying", "told reporters saying": a verb of addressing and whom, before a participle that continues it. */
const ADDRESSED_AT_END = /(?:^|[\s\u00a0])(?:emailed|e-mailed|texted|messaged|wrote|told|urged|reminded|warned|assured|thanked|asked|sent)[\s\u00a0]+(?:him|her|them|us|me|\p{Ll}{3,}s)[\s\u00a0]+$/u;
/** Capitalised words that open a clause, never a name: "As Vulture put it", "But Bryant said". */
const CLAUSE_OPENER = new Set('As But And When While If After Before Because Although Though So Yet Then Now Still Also Even Meanwhile However Instead Here There'.split(' '));
const ADDRESSEE_VERBS = /^(?:told|tells|telling|reminded|called|calls|labeled|labelled|dubbed|described|describes)$/i;
const PARTICIPLE = /ing$/i;
/** A title's or an initial's period, which ends no sentence between a subject and its verb. */
export const TITLE_PERIOD = new RegExp(String.raw`\b(?:${NAME_TITLE_ABBREVIATIONS}|\p{Lu})\.`, 'gu');
const ABBREV_TOKEN = new RegExp(String.raw`^(?:${NAME_TITLE_ABBREVIATIONS}|\p{Lu})\.$|^(?:\p{Lu}\.)+$`, 'u');
const ROLE_WORD = /^(?:delegate|resident|boss|member|voter|supporter|student|co-host|cohost|organizer|activist|volunteer|owner|worker|teacher|official|host|anchor|spokesman|spokeswoman|spokesperson|widow|widower|chairman|chairwoman|president|director|secretary|senator|candidate|nominee|strategist|adviser|advisor|aide|lawyer|attorney|manager|chief|leader|founder|pollster|commentator|columnist|correspondent|reporter|economist|analyst|official|governor|mayor|member|coach|campaign|surrogate|executive|editor|writer|professor|chair)$/;

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you']);
export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'one', 'another', 'this', 'that', 'these', 'those', 'some', 'many', 'several', 'two', 'three']);
/** Determiners that stand alone as a noun phrase head before "of": "one of the advisers", "some of his aides". */
const PARTITIVE = new Set(['one', 'another', 'some', 'many', 'several', 'two', 'three']);
const OBJECT_PRONOUN = /^(?:them|us|you|which|whom)$/i;
export const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some', 'many', 'several', 'two', 'three']);
const FILLERS = new Set(
  ('also later then has had have would will once previously recently repeatedly often simply just again ' +
    'reportedly further publicly flatly bluntly quickly never always long famously could can did does do not ' +
    'later, even still already once-again frequently angrily proudly quietly calmly firmly tearfully ' +
    'emphatically finally candidly openly privately bitterly gleefully sarcastically jokingly confidently ' +
    'herself himself themselves earlier first initially subsequently immediately last separately instead').split(' '),
);
/** Nouns and adjectives ending in -ly that can end a subject: "the family said", "the weekly reported". */
const LY_NOT_ADVERB = /^(?:family|families|assembly|supply|monopoly|anomaly|butterfly|quarterly|weekly|monthly|yearly|nightly|homily|melancholy|jelly|belly|bully|rally|ally|daily|reply|italy|elderly|poly)$/;
/** Adverbs of naming, not of saying: "what is typically called", "what is commonly known as". */
const NAMING_ADVERB = /^(?:typically|usually|commonly|generally|normally|widely|popularly|formerly|originally|officially|sometimes|affectionately|colloquially|informally)$/;
/**
 * A lower-case adverb between a subject and its verb: "one man allegedly shouted", "a witness
 * apparently told", "the boy excitedly said" (court and crime reports hedge with these).
 */
const LOWER_LY_WORD = /^\p{Ll}{3,}ly$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
function mannerAdverb(word: string): boolean {
  return LOWER_LY_WORD.test(word) && !LY_NOT_ADVERB.test(word) && !NAMING_ADVERB.test(word);
}
const CLAUSE_STOP = new Set(
  ('and but or that because when after before while if than as who which whom whose where so since though ' +
    'although unless until whether then yet nor to of by for with from at in on about into over under ' +
    'is was were are be been being not said told says tells wrote').split(' '),
);

/** Nouns for things people write or publish: "the statement said" speaks for whoever issued it. */
export const DOCUMENT_NOUN = /^(?:statement|release|memo|memorandum|email|e-mail|letter|report|editorial|op-ed|column|post|tweet|message|text|ad|advertisement|video|book|passage|excerpt|filing|complaint|lawsuit|suit|document|note|petition|article|piece|notice|announcement|website|site|page|transcript|platform|manifesto|proclamation|order|ruling|decision|opinion|brief)$/;

/** "read" is a verb of speech only for a text: "the statement read", "read the email", "it read". */
function speaks(verb: VerbHit, subject: Subject): boolean {
  if (!/^read$/i.test(verb.verb) || subject.viaText) return true;
  if (subject.kind === 'pronoun') return /^(?:it|they)$/i.test(subject.text);
  const head = subject.text.split(/[\s\u00a0]+/).pop()!.toLowerCase();
  return subject.kind === 'descriptor' && (DOCUMENT_NOUN.test(head) || TEXT_CARRIER.test(head));
}

export type SubjectKind = 'pronoun' | 'name' | 'descriptor';

export interface Subject {
  kind: SubjectKind;
  /** The subject as written ("he", "Mr. Putin", "the Russian president"). */
  text: string;
  /** Offset of the subject in the article. */
  pos: number;
  /** Who put out the text that speaks ("Cole released a video that said"): "read" is theirs too. */
  viaText?: boolean;
}

export interface Cue {
  /** The attribution as written ("Putin said", "he told reporters"). */
  text: string;
  subject: Subject | null;
  /** Offset of the cue in the article. */
  pos: number;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokenize(segment: string, offset: number): Token[] {
  const tokens: Token[] = [];
  for (const m of segment.matchAll(/[^\s\u00a0]+/g)) tokens.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return tokens;
}

const CAPITALISED = /^[([]?\p{Lu}/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/** "al-Assad", "el-Sisi", "bin-Salman": a lower-case particle joined to a name is a name's word. */
const PARTICLE_THEN_NAME = /^[([]?(?:al|el|ad|ash|as|ar|at|az|an|bin|ibn|abu)-\p{Lu}/u;
const isCapitalised = (w: string) => CAPITALISED.test(w) || PARTICLE_THEN_NAME.test(w);
const bare = (w: string) => w.replace(/^[("'“‘[]+|[)"'”’\],.;:!?]+$/g, '');

/** "where about 50 protesters had gathered on Wednesday," before a participle: a subordinate clause, its subject, its verb. */
const SUBORDINATE_CLAUSE_AT_END = /\b(?:where|whereas)[\s\u00a0]+((?:[\p{L}\p{N}'’-]+[\s\u00a0]+){1,5}?)(?:had[\s\u00a0]+|have[\s\u00a0]+|has[\s\u00a0]+|were[\s\u00a0]+|was[\s\u00a0]+)?\p{Ll}+ed\b[^,;:.!?]{0,60},[\s\u00a0]*$/u;
/** "a reporter can be heard asking": what the subject is seen or heard doing. */
const HEARD_AT_END = /[\s\u00a0]+(?:can|could|was|were|is|are|may|might)[\s\u00a0]+(?:\p{Ll}+ly[\s\u00a0]+)?(?:be[\s\u00a0]+)?(?:\p{Ll}+ly[\s\u00a0]+)?(?:heard|seen|overheard|caught|shown|filmed|recorded)[\s\u00a0]*$/u;
/** Periods after "last" or "this": "last week", "this spring". */
const PERIOD_WORDS = 'week|weekend|month|year|spring|summer|fall|autumn|winter';
const TIME_AT_END = new RegExp(String.raw`[\s\u00a0]+(?:(?:(?:on|last|this|early|late|earlier|later)[\s\u00a0]+)?(?:${WEEKDAYS}|today|yesterday|tonight)(?:[\s\u00a0]+(?:morning|afternoon|evening|night))?|(?:last|this)[\s\u00a0]+(?:${PERIOD_WORDS}))$`);
const PARTY_TAG_AT_END = /,?\s*\(?\b[RDI]-[A-Z][\w.]*\)?,?\s*$/u;
const PARTY_CORE = /[RDI]-[A-Z]/;
const PARTY_TAG_SET_OFF = /(?<=\p{L}),[ \u00a0]+[RDI]-[A-Z][\w.]*,(?=[ \u00a0])/gu;
// Both start at a word's first letter: "Cape Breton, Nova Scotia," holds no lower-case word "reton".
/** Nouns for a relative: "his wife said" looks for the wife the article named. */
export const KIN_NOUN = /^(?:wife|husband|son|daughter|father|mother|brother|sister|widow|widower|fiancee|fiancée|fiance|fiancé|partner|stepson|stepdaughter|grandson|granddaughter|grandmother|grandfather|nephew|niece|uncle|aunt|cousin|stepfather|stepmother|mum|mom|dad)$/;
/** A noun in lower case, then one capitalised word set off by commas: "his wife, Emma,". Groups: both words. */
const FIRST_NAME_APPOSITIVE_AT_END = /(?<![\p{L}\p{N}.'’-])(\p{Ll}[\p{L}-]*),[ \u00a0](\p{Lu}\p{Ll}+),[\s\u00a0]*$/u;
const OFFICE_APPOSITIVE_AT_END = /(?<![\p{L}\p{N}.'’-])\p{Lu}\p{Ll}+[ \u00a0](\p{Lu}\p{Ll}+),[ \u00a0]((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){1,3}\p{Lu}[\p{L}'’-]+),[\s\u00a0]*$/u;
const NAME_APPOSITIVE_AT_END = /(?<![\p{L}\p{N}.'’-])\p{Ll}[\p{L}-]*,[ \u00a0](?:(?:\p{N}{1,3}-year-old|\p{Ll}+-of-\p{Ll}+)[ \u00a0])?((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){1,3}\p{Lu}[\p{L}'’-]+)(?:,[ \u00a0]\d{1,3})?,[\s\u00a0]*$/u;
// The appositive may hold a place with its region ("a radio host in Cape Breton, Nova Scotia,"),
// and a second affiliation or role after it ("... in Greenbelt, Maryland, and American University,",
// "... in Garching, Germany, and co-author of the study,").
/** The first word of a body's name joined by "and", opening its clause: "The Food and " before "Drink Alliance". */
const BODY_NAME_AND_BEFORE = /(?:^|[.!?;:"“”][\s\u00a0]*|(?:^|[\s\u00a0])[Tt]he[ \u00a0]+)(\p{Lu}[\p{L}'’-]*)([ \u00a0]+(?:and|&)[ \u00a0]+)$/u;
const APPOSITIVE_AT_END = /(?<![\p{L}\p{N}.'’-])(\p{Lu}[\p{L}.'’-]*(?:[ \u00a0](?:(?:al|el|bin|ibn|de|da|di|du|van|von|der|la|le)[ \u00a0-])?\p{Lu}[\p{L}.'’-]*)*)(?:[ \u00a0]\([^)]*\))?(?:,[ \u00a0]\d{1,3}(?=,))?,(?:[^,;:Q"“”]|(?<=\d),(?=\d{3}\b)|,(?<=\p{Lu}[\p{L}.'’-]*,)(?=[ \u00a0]\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’-]*){0,2},|[ \u00a0]and[ \u00a0])){3,160},\s*$/u;
/**
 * "The deputy leader of Preston Borough Council, John Lyle, said": a person noun, a body named after
 * "of"/"at"/"for", then the name set off by commas (the body's last word is capitalised, so
 * NAME_APPOSITIVE_AT_END does not see it). The body has two words or more: "The mayor of Sydney,
 * Cape Breton," is a town and its region. Groups: the head noun, the name.
 */
const ONE_WORD_BODY_THEN_COMMA = /[ \u00a0](?:of|at|for)[ \u00a0](?:the[ \u00a0])?\p{Lu}[\p{L}.'’&-]*,[ \u00a0]/u;
const ROLE_OF_BODY_NAME_AT_END = /(?<![\p{L}\p{N}.'’-])(\p{Ll}[\p{L}-]*)[ \u00a0](?:of|at|for)[ \u00a0](?:the[ \u00a0])?(?:\p{Lu}[\p{L}.'’&-]*[ \u00a0](?:(?:of|for|and|the)[ \u00a0])?){0,5}\p{Lu}[\p{L}'’-]*,[ \u00a0]((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){1,3}\p{Lu}[\p{L}'’-]+),[\s\u00a0]*$/u;
/** A name that opens a clause, then a comma: what a role right after it is in apposition to. */
const NAME_BEFORE_ROLE = /(?:^|[.!?;:"“”]|(?<!\p{L})Q)[\s\u00a0]*(?!Q[\s\u00a0])((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){1,3}\p{Lu}[\p{L}'’-]+),[ \u00a0]+$/u;
/** A fronted time or place ("In December,", "On Saturday,", "Last March,"), not a name. */
const TIME_OR_PLACE_LEAD = /^(?:In|On|At|By|For|From|With|After|Before|During|Since|Until|Last|This|Next|Early|Late|Earlier|Later)[ \u00a0]|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
/** A name right after a preposition is its object ("a host in Paris, France,"), not a subject. */
/** A preposition and one or two lower-case words before a name: "in suburban " of "in suburban Philadelphia" (not "in what"). */
const PREPOSITION_ADJECTIVES_BEFORE = /(?:^|[\s\u00a0])(?:from|in|at|near|outside|inside)[\s\u00a0]+(?:(?!(?:what|which|whom|who|that|where|when|how)[\s\u00a0])\p{Ll}[\p{Ll}-]*[\s\u00a0]+){1,2}$/u;
const PREPOSITION_BEFORE = /(?:^|[\s\u00a0])(?:of|from|in|at|near|for|with|to|on|by|into|across|outside|inside|around|across)[\s\u00a0]+$/;
/**
 * "Marty West, an education professor who worked for Sen. Lamar Alexander (R-Tenn.), one of the
 * bill's architects,": the name that opens the clause, set off by a comma, when the verb follows a
 * chain of appositives (no "and" joining several names).
 */
const OPENING_NAME = /^[\s\u00a0]*((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){1,3}\p{Lu}[\p{L}'’-]+)(?:[ \u00a0]\([^)]*\))?,[^;:Q"“”]{3,240},[\s\u00a0]*$/u;
/** The start of a clause said or reported ("says she doesn't", "said the senator was", "said that"). */
// (The name alternative ends at the next word's first letter: `\b` after it held only for one-letter words.)
const REPORTED_CLAUSE_AFTER = /^[ \u00a0]+(?:(?:that|he|she|they|it|we|I|there|the|a|an|his|her|their|its|this|these|those)\b|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|In|At|On|During|After|Before)\b)\p{Lu}[\p{L}.'’-]*[ \u00a0]+\p{Ll})/u;
/**
 * "Mr Venn said police were ...": a lower-case word right after "said" that is no preposition, time
 * word, conjunction or -ly adverb opens a reported clause ("said on Tuesday", "said yesterday", "said
 * quietly", "said as he left" do not).
 */
const LOWER_WORD_AFTER = /^[ \u00a0]+(\p{Ll}+)\b(?![’'-])/u;
const NOT_A_CLAUSE_OPENER = /^(?:yesterday|today|tonight|earlier|later|afterwards|again|too|also|then|so|once|recently|last|this|next|late|early|only|simply|just|of|not|now|here|there|as|when|while|because|since|if|until|though|although|and|but|or|adding|noting|referring|speaking|according)$/;
/** "told Reuters that she ...", "told the Daily Mail he ...": whom it was told, then the reported clause. */
const TOLD_WHOM = /^[ \u00a0]+(?:(?:the|a|an|his|her|their)[ \u00a0]+)?(?:[\p{Lu}][\p{L}.'’-]*[ \u00a0]+){0,3}(?:[\p{L}’'.-]+)(?=[ \u00a0]+(?:that|he|she|they|it|we|I)\b)/u;
/** "called for the guard to be sacked", "called on the council to": a call for something, not speech. */
const CALLED_FOR = /^(?:called|calls|calling)$/i;
const FOR_OR_ON_AFTER = /^[ \u00a0]+(?:for|on|off|out|in|up)\b/;

/** "said on its website that", "said in a statement on Monday that": where it was said, then the reported clause. */
const PLACE_THEN_THAT_AFTER = /^[ \u00a0]+(?:on|in|at|during|via|through)[ \u00a0]+[^,.;:!?'"‘’“”]{1,40}?[ \u00a0]that[ \u00a0]/u;

/** The words after a verb that opens a new sentence after a quote make it narration, not the quote's cue. */
function reportsOwnClause(text: string, verb: VerbHit): boolean {
  const after = text.slice(verb.end, verb.end + 60);
  if (CALLED_FOR.test(verb.verb) && FOR_OR_ON_AFTER.test(after)) return true;
  if (/^(?:told|tells)$/i.test(verb.verb)) {
    const whom = TOLD_WHOM.exec(after);
    return whom !== null && REPORTED_CLAUSE_AFTER.test(after.slice(whom[0].length));
  }
  if (TELL_VERBS.test(verb.verb)) return false;
  if (REPORTED_CLAUSE_AFTER.test(after) || PLACE_THEN_THAT_AFTER.test(after)) return true;
  const lower = LOWER_WORD_AFTER.exec(after)?.[1];
  return lower !== undefined && !PREPOSITION.has(lower) && !NOT_A_CLAUSE_OPENER.test(lower) && !lower.endsWith('ly');
}
const COUNTED_OBJECT_AFTER = /^[ \u00a0]+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|both|all)\b)/i;
const DESCRIPTION_RELATIVE_AT_END = /(?<![\p{L}\p{N}'’-])((?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)[ \u00a0](?:[\p{Ll}\p{N}-]+(?:['’]s?)?[ \u00a0]){0,4}(?:\p{Ll}[\p{Ll}-]+|\p{N}{1,3}-year-old)(?:[ \u00a0](?:of|for|to)[ \u00a0](?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){0,3}\p{Lu}[\p{L}'’-]+|[ \u00a0](?:from|at|with|in)[ \u00a0](?:the|a|an)[ \u00a0](?:[\p{Ll}-]+[ \u00a0]){0,2}\p{Ll}[\p{Ll}-]+|[ \u00a0](?:from|at|in|near)[ \u00a0](?:\p{Ll}[\p{Ll}-]+[ \u00a0]){0,2}(?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){0,2}\p{Lu}[\p{L}'’-]+)?)(?:,[ \u00a0]\d{1,3})?,[ \u00a0](?:who|which|(?:speaking|talking|requesting|asking|citing|declining|insisting)(?=[ \u00a0](?:on|to|with|in|under|anonymity|the|a|an|his|her|their)\b))[ \u00a0][^,;:Q"“”]{3,140},[\s\u00a0]*$/u;
/** "a Republican operative who worked for Jeb Bush said": a description, then a relative clause with no commas. */
const POST_MODIFIER_OF_NAME = /[ \u00a0](?:to|of|for|at|from|in|with)[ \u00a0](?=(?:the[ \u00a0])?\p{Lu}|(?:the|a|an|its|his|her|their)[ \u00a0])/u;
// (The post-modifier names a body, or is a short lower-case phrase whose "that" clause follows:
// "The president of the union local that represents the workers said".)
const DESCRIPTION_WHO_AT_END = /(?<![\p{L}\p{N}'’-])((?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Tw]wo|[Ss]ome|[Ss]everal)[ \u00a0](?:[\p{L}\p{N}.-]+[ \u00a0]){0,4}\p{Ll}[\p{Ll}-]+(?:[ \u00a0](?:to|of|for|at|from|in|with)[ \u00a0](?:the[ \u00a0])?\p{Lu}[\p{L}.'’&-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’&-]*){0,3}|[ \u00a0](?:of|for|at|from|with)[ \u00a0](?:the|a|an|its|his|her|their)[ \u00a0](?:[\p{L}\p{N}-]+[ \u00a0]){0,2}\p{Ll}[\p{Ll}-]+(?=[ \u00a0]that[ \u00a0]))?)(?:[ \u00a0](?:who|that)[ \u00a0](?!said|says|told|tells)\p{Ll}[^,;:Q"“”.!?]{2,100}|,[ \u00a0](?:who|which)[ \u00a0](?!said|says|told|tells)\p{Ll}[^,;:Q"“”.!?]{2,100},[ \u00a0]*)$/u;
/**
 * After "the other", "one of them": an indefinite description set off by commas, perhaps with its
 * relative clause (", a rig hand who has worked there six years,"); groups the description. A
 * pattern's source, shared with coreference.ts.
 */
export const SET_OFF_INDEFINITE = String.raw`,[ \u00a0](an?[ \u00a0](?:[\p{L}\p{N}-]+[ \u00a0]){0,3}?\p{Ll}[\p{L}-]*(?:[ \u00a0](?:from|in|at|of|for|with|on)[ \u00a0][^,;:"“”.!?]{1,60}?)?)(?:[ \u00a0](?:who|which|that)[ \u00a0][^,;:"“”.!?]{1,100})?,`;
/**
 * The name an unnamed subject is given in the words set off after it (from its comma to the closing
 * comma): ", who identified herself only as Amanda,", ", who gave only her first name, Kendra,", ",
 * Li Na Zhou,", ", the Democratic strategist Nia Fortson,". Null for anything else (a description
 * set off so, ", an 81-year-old retired school cook,", leaves the subject as written: on our
 * held-out passages the opener was as often what a reader is told). Hand-written: how news sets
 * off who an unnamed source is.
 */
export function nameSetOff(setOff: string): string | null {
  const given = GIVEN_NAME_AFTER.exec(setOff);
  if (given && CLOSING_COMMA.test(setOff.slice(given[0].length)) && parseNameRun(given[1]!)) return given[1]!;
  const named = NAME_SET_OFF.exec(setOff);
  const parsed = named ? parseNameRun(named[1]!) : null;
  if (!named || !parsed || parsed.tokens.length < 2 || named[1]!.split(/[ \u00a0]+/).some((w) => nonPersonWord(w.toLowerCase()))) return null;
  // As written ("Li Na Zhou" keeps its "Li"), unless a title opens it.
  return isTitleWord(named[1]!.split(/[ \u00a0]/)[0]!) ? parsed.tokens.join(' ') : named[1]!;
}
/**
 * An inverted subject, or the name it is given right after it: "said one woman, who identified
 * herself only as Jessica, a mother of three", "said one stallholder, who gave only her first name, Olena."
 */
function nameGivenAfter(subject: Subject, text: string): Subject {
  if (subject.kind !== 'descriptor') return subject;
  const end = subject.pos + subject.text.length;
  const given = GIVEN_NAME_AFTER.exec(text.slice(end, end + 100));
  return given ? { kind: 'name', text: given[1]!, pos: end + given[0].length - given[1]!.length } : subject;
}
/** A relative clause giving someone unnamed a name, up to the punctuation after it: ", who gave only her first name, Olena." */
const GIVEN_NAME_AFTER = /^,[ \u00a0]+who[ \u00a0][^,.;]{0,50}?(?:[ \u00a0]as|first[ \u00a0]name,?|name[ \u00a0]was)[ \u00a0]+(\p{Lu}[\p{L}'’-]+(?:[ \u00a0]\p{Lu}[\p{L}'’-]+)?)(?=[,.;]|$)/u;
const CLOSING_COMMA = /^,[\s\u00a0]*$/;
const NAME_SET_OFF = /^,[ \u00a0]+(?:(?:the|a|an)[ \u00a0]+(?:(?!(?:from|in|at|of|for|with|on|near)[ \u00a0])[\p{L}-]+[ \u00a0]+){0,3}?)?(\p{Lu}[\p{L}'’-]+(?:[ \u00a0]\p{Lu}[\p{L}'’-]+){1,3}),[\s\u00a0]*$/u;

/** "The other, a heavy-duty mechanic," at a clause's start: groups the description. */
const ONE_OR_OTHER_THEN_APPOSITIVE_AT_END = new RegExp(String.raw`(?:^|[.!?;:"“”][\s\u00a0]*|[\s\u00a0](?:and|but)[\s\u00a0]+)(?:[Tt]he[ \u00a0]other|[Oo]ne(?:[ \u00a0]of[ \u00a0](?:them|those))?|[Aa]nother(?:[ \u00a0]of[ \u00a0]them)?|(?:[Aa]nother|[Aa][ \u00a0](?:second|third|fourth|fifth))[ \u00a0](?:\p{Ll}[\p{L}-]*[ \u00a0]){0,2}?\p{Ll}[\p{L}-]*)${SET_OFF_INDEFINITE}[\s\u00a0]*$`, 'u');
/** "Officials at X,", "researchers from X,": people who speak for the body named after them. */
const STAFF_OF_BODY_BEFORE = /(?:^|[\s\u00a0,])(?:[Oo]fficials|[Rr]esearchers|[Aa]nalysts|[Ee]conomists|[Ss]cientists|[Ee]xperts|[Ss]taff|[Ee]mployees|[Ee]xecutives|[Ss]pokesmen|[Ss]pokespeople|[Ll]awyers|[Aa]ttorneys|[Ss]ources|[Ii]nvestigators|[Pp]rosecutors|[Aa]gents|[Ww]orkers|[Oo]rganizers|[Pp]ollsters)[\s\u00a0]+(?:at|from|with)[\s\u00a0]+(?:the[\s\u00a0]+)?$/;
/** "Sen. Bob Corker of Tennessee, the committee chairman,": the name the place belongs to. */
/** A lower-case noun, then an acronym between commas: groups noun, acronym ("agency, UNHCR,"). */
const BODY_ACRONYM_AT_END = /(?<![\p{L}\p{N}.'’-])(\p{Ll}[\p{L}-]*),[ \u00a0](\p{Lu}{2,6}),[\s\u00a0]*$/u;
/** An owner's role, a phrase after it, then a name between commas: groups role head, name. */
const OWNER_ROLE_PHRASE_NAME_AT_END = /[\p{L}.]['’]s[ \u00a0](?:(?!(?:to|for|at|in|of|on)[ \u00a0])\p{Ll}[\p{L}-]*[ \u00a0]){0,3}(\p{Ll}[\p{L}-]*)[ \u00a0](?:to|for|at|in|of|on)[ \u00a0][^,;:!?"“”]{1,80},[ \u00a0]((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){1,3}\p{Lu}[\p{L}'’-]+),[\s\u00a0]*$/u;
const NAME_OF_PLACE_BEFORE = /(?<![\p{L}\p{N}.'’-])(\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’-]*)*)[ \u00a0]+(?:of|from)[ \u00a0]+$/u;

/** "Israeli", "French", "American" (not the country: Rep. Steve Israel is "Israel"). */
function nationalityAdjective(word: string): boolean {
  const country = nationalityOf(word);
  return !!country && country !== word.toLowerCase() && /(?:an|ese|ish|i|ch|ic)$/.test(word);
}

const THAT_THEN_NAME = /^that[ \u00a0]+((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){0,3}\p{Lu}[\p{L}'’-]+)$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/**
 * The noun phrase that ends right before `end` in `segment` (the subject of a following verb), with
 * the head it modifies when it is the object of a post-modifier: "a source familiar with the talks",
 * "an aide to Sen. Ted Cruz" (not Cruz), "a spokesman for the family of the victim".
 */
export function subjectBefore(segment: string, offset: number): Subject | null {
  // "The singer, 28, said", "the mother-of-two, 41, wrote": an age set off by commas after the subject.
  const age = AGE_AT_END.exec(segment);
  if (age) {
    const subject = subjectBefore(segment.slice(0, age.index), offset);
    if (subject) return subject;
  }
  // The relative clause's own words (a name in "who worked for Jeb Bush") are not the subject.
  const tail = segment.trimEnd().slice(-160);
  const described = /[ \u00a0](?:who|which|that)[ \u00a0]/.test(tail) ? DESCRIPTION_WHO_AT_END.exec(tail) : null;
  // Unless the relative clause holds a clause of its own ("who gained attention when he yelled",
  // "who reported the call recalled that he" + said: the tail is trimmed, so "he" may end it).
  if (described && !/[ \u00a0](?:he|she|they|I|we|when|while|after|before|because|if|as|and)(?:[ \u00a0]|$)/.test(described[0].slice(described[1]!.length))) {
    const at = segment.trimEnd().length - tail.length + described.index;
    // ("A former U.S. ambassador to NATO who": the head before its post-modifier.)
    const head = described[1]!.split(POST_MODIFIER_OF_NAME)[0]!.split(/[ \u00a0]+/).pop()!;
    // (A clause set off by commas only after a description that opens the clause: in "Willie Minor,
    // an actor in Dallas, who runs a theater, recalled" the description is Minor's appositive.)
    const before = segment.slice(0, at).replace(/[\s\u00a0]+$/, ' ').slice(-12);
    const setOff = described[0].charAt(described[1]!.length) === ',';
    if (personHead(head) && (setOff ? /(?:^|[;:"“”Q][\s\u00a0]*)$/.test(before) : /(?:^|[,;:"“”Q][\s\u00a0]*|[\s\u00a0](?:and|but|as|while|when)[\s\u00a0]+)$/.test(before))) {
      return { kind: 'descriptor', text: described[1]!, pos: offset + at };
    }
  }
  // "One user, @janedoe88, wrote", "@sarah_k said": a social media handle names whoever posted.
  const handle = segment.includes('@') ? HANDLE_AT_END.exec(segment.slice(-40)) : null;
  if (handle) return { kind: 'name', text: handle[1]!, pos: offset + Math.max(0, segment.length - 40) + handle.index + handle[0].indexOf(handle[1]!) };
  // "Kelly Ayotte's campaign, for example, said": a word or two set off by commas is no subject.
  // The shapes below all end in a comma before the verb: the patterns (which end in $, so are tried
  // from every position) run only then.
  const commaBefore = segment.trimEnd().endsWith(',');
  const aside = commaBefore ? ASIDE_AT_END.exec(segment.slice(-40)) : null;
  if (aside) {
    const subject = subjectBefore(segment.slice(0, segment.length - aside[0].length) + ' ', offset);
    if (subject && opensClause(segment, subject.pos - offset)) return subject;
  }
  // "The other, a heavy-duty mechanic, said": the description set off after "the other", "one of them".
  const oneOf = commaBefore ? ONE_OR_OTHER_THEN_APPOSITIVE_AT_END.exec(segment.slice(-200)) : null;
  if (oneOf) return { kind: 'descriptor', text: oneOf[1]!, pos: offset + Math.max(0, segment.length - 200) + oneOf.index + oneOf[0].indexOf(oneOf[1]!) };
  // "A survivor, speaking from hospital, said", "The lawsuit, filed by two songwriters, says": a
  // participle clause set off by commas between the subject and its verb.
  const generic = commaBefore ? PERSON_PARTICIPLE_CLAUSE_AT_END.exec(segment.slice(-160)) : null;
  const participle = commaBefore ? (PARTICIPLE_CLAUSE_AT_END.exec(segment.slice(-160)) ?? generic) : null;
  // Only after a phrase with no comma of its own: in "an article about X, one of the attackers in San
  // Bernardino, Calif., based on accounts ..., reported" what comes before is no subject we can read.
  if (participle && !segment.slice(0, segment.length - participle[0].length).slice(-200).split(SENTENCE_OR_CLAUSE_BREAK).pop()!.includes(',')) {
    const subject = subjectBefore(segment.slice(0, segment.length - participle[0].length), offset);
    // "The letter, sent by headteacher Mark Lowe, said": a document's words are its one named author's.
    const author = subject?.kind === 'descriptor' && DOCUMENT_NOUN.test(subject.text.split(/[ \u00a0]+/).pop()!.toLowerCase()) ? AUTHORED_BY.exec(participle[0]) : null;
    if (author && parseNameRun(author[1]!)) return { kind: 'name', text: author[1]!, pos: offset + segment.length - participle[0].length + author.index + author[0].lastIndexOf(author[1]!) };
    const person = subject && (subject.kind === 'name' || personHead(subject.text.split(/[ \u00a0]+/).pop()!.toLowerCase()));
    if (subject && opensClause(segment, subject.pos - offset) && (participle !== generic || person)) return subject;
  }
  // "One student, who gave her name only as Ms Chan, said": the name they gave is who speaks.
  const identified = commaBefore && (segment.includes('name') || segment.includes(' as ')) ? IDENTIFIED_AS_AT_END.exec(segment.slice(-200)) : null;
  // The name ends at the pattern's last comma.
  if (identified) return { kind: 'name', text: identified[1]!, pos: offset + Math.max(0, segment.length - 200) + identified.index + identified[0].lastIndexOf(`${identified[1]!},`) };
  if (/(?:heard|seen|caught|shown|filmed|recorded)[\s\u00a0]*$/.test(segment)) {
    const heard = HEARD_AT_END.exec(segment);
    if (heard) return subjectBefore(segment.slice(0, heard.index), offset);
  }
  // "The Columbus, Ohio-based company said": a place with its state before "-based" is no name.
  const based = segment.includes('-based') ? PLACE_BASED_AT_END.exec(segment) : null;
  if (based) return { kind: 'descriptor', text: based[1]!, pos: offset + based.index + based[0].indexOf(based[1]!) };
  let subject = phraseBefore(segment, offset);
  // "Tesco in Leeds said", "San Lorenzo Medical Centre in Quezon City said": a name, then where it
  // is, speaks; the place does not.
  const placed = subject?.kind === 'name' ? NAME_THEN_IN_AT_END.exec(segment.slice(Math.max(0, subject.pos - offset - 80), subject.pos - offset)) : null;
  if (placed && subject) {
    const before = phraseBefore(`${segment.slice(0, subject.pos - offset - placed[0].length + placed[1]!.length)} `, offset);
    if (before?.kind === 'name') subject = before;
  }
  // "Stacy Baker of Columbia, South Carolina says": a person, then where they are from, speaks; the
  // state does not (only where the words before "of" are a person's name and the last are no one's).
  const from = subject?.kind === 'name' && !personLikeRun(subject.text) ? PERSON_OF_PLACE_AT_END.exec(segment.slice(Math.max(0, subject.pos - offset - 80), subject.pos - offset)) : null;
  if (from && subject && personLikeRun(from[1]!)) subject = { kind: 'name', text: from[1]!, pos: subject.pos - from[0].length + from[0].indexOf(from[1]!) };
  // "A spokesperson for the Department for Transport said": a body's name joined by "for" ("the
  // Institute for Fiscal Studies") is one name, and the spokesperson's object.
  const bodyFor = subject?.kind === 'name' ? BODY_NAME_FOR_BEFORE.exec(segment.slice(Math.max(0, subject.pos - offset - 40), subject.pos - offset)) : null;
  if (bodyFor && subject && (bodyNameEnd(bodyFor[1]!) || CENTRE.test(bodyFor[1]!))) subject = { kind: 'name', text: bodyFor[0] + subject.text, pos: subject.pos - bodyFor[0].length };
  // "Transport for London said", "Eastport on Wheels said": capitalised words that open the sentence,
  // joined to the name by "for" or "on", are one body's name with it (no two people are joined so).
  else if (subject?.kind === 'name' && !DAY_OR_MONTH.test(subject.text)) {
    const joined = NAME_JOINED_AT_SENTENCE_START.exec(segment.slice(Math.max(0, subject.pos - offset - 60), subject.pos - offset));
    if (joined) subject = { kind: 'name', text: joined[1]! + subject.text, pos: subject.pos - joined[1]!.length };
  }
  // "reports that Trump called": the conjunction, then the clause's subject, a name.
  const afterThat = subject?.kind === 'descriptor' ? THAT_THEN_NAME.exec(subject.text) : null;
  // Not after a participle: in "one user, speculating that Vasilyev was using a fake name, told" the
  // clause is the participle's, and the user speaks.
  const participleBefore = afterThat && /\p{Ll}+ing[ \u00a0]+$/u.test(segment.slice(Math.max(0, subject!.pos - offset - 30), subject!.pos - offset));
  if (afterThat && !participleBefore && parseNameRun(afterThat[1]!)) return { kind: 'name', text: afterThat[1]!, pos: subject!.pos + subject!.text.length - afterThat[1]!.length };
  if (subject && subject.kind !== 'pronoun' && !subject.viaText) {
    const person = personOfBody(segment, offset, subject);
    if (person) return person;
  }
  if (subject) return subject.kind === 'pronoun' || subject.viaText ? subject : nameBeforeRole(segment, offset, postModifiedSubject(segment, offset, subject) ?? subject);
  // "officials with knowledge of the meeting": no phrase of its own found before the verb, the
  // object of the last preposition may still belong to a noun for people.
  const object = lastPrepositionObject(segment, offset);
  return object && postModifiedSubject(segment, offset, object);
}

const KEEPS_STOP = new RegExp(String.raw`(?:\b\p{Lu}|\b(?:${COMPANY_ABBREVIATIONS}))\.$`, 'u');
const BODY_NAME_FOR_BEFORE = /(?<![\p{L}'’-])(?:the[ \u00a0]+)?(\p{Lu}[\p{L}'’-]*)[ \u00a0]+for[ \u00a0]+(?:\p{Lu}[\p{L}'’-]*[ \u00a0]+(?:and|&)[ \u00a0]+)?$/u;
const CENTRE = /^Cent(?:er|re)$/;
const DAY_OR_MONTH = new RegExp(`^(?:${WEEKDAYS}|${MONTHS})$`);
/** Up to three capitalised words at a sentence's start, then "for" or "on" (the name follows). */
const NAME_JOINED_AT_SENTENCE_START = /(?:^|[.!?]["”’]?[ \u00a0]+|\n)((?:\p{Lu}[\p{L}'’-]*[ \u00a0]+){1,3}(?:for|on)[ \u00a0]+)$/u;
const NAME_THEN_IN_AT_END = /(\p{Lu}[\p{L}.'’&-]*)[ \u00a0]+in[ \u00a0]+$/u;
/** A name of two or three words, "of", a place, then a comma: "Stacy Baker of Columbia, ". */
const PERSON_OF_PLACE_AT_END = /(?<![\p{L}'’-])((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]+){1,2}\p{Lu}[\p{L}'’-]+)[ \u00a0]+of[ \u00a0]+(?:\p{Lu}[\p{L}.'’-]*[ \u00a0]+){0,2}\p{Lu}[\p{L}.'’-]*,[ \u00a0]+$/u;
/** Whether capitalised words read as a person's name: a title, or a first name and a surname. */
function personLikeRun(run: string): boolean {
  const parsed = parseNameRun(run);
  return !!parsed && (parsed.titleWords.length > 0 || (parsed.tokens.length >= 2 && firstNameGender(parsed.tokens[0]) !== null));
}
const PLACE_BASED_AT_END = /(?:^|[\s\u00a0])([Tt]he[ \u00a0]+(?:\p{Lu}[\p{L}.'’-]*[ \u00a0]+){0,2}\p{Lu}[\p{L}.'’-]*,[ \u00a0]+(?:\p{Lu}[\p{L}.'’-]*[ \u00a0]+){0,2}\p{Lu}[\p{L}.'’]*-based(?:[ \u00a0]+\p{Ll}[\p{L}-]*){1,3})[\s\u00a0]*$/u;
/** ", speaking from hospital,", ", filed by two songwriters,": a participle clause set off by commas. */
const PARTICIPLE_CLAUSE_AT_END = /,[ \u00a0]+(?:speaking|writing|talking|appearing|posting|addressing|giving[ \u00a0]+evidence|(?:\p{Ll}+ed|written|seen|sent|given|taken|made|brought)[ \u00a0]+(?:by|in|on|at|last|this|earlier|after|before|from|to|with|for)\b)[^,;:.!?"“”]{0,100},[\s\u00a0]*$/u;
/**
 * The same with what only a person does ("One Republican member, walking off the floor, said", "A
 * spokesman, asked about the discrepancy, said", "A senior adviser, granted anonymity to speak
 * candidly, said"): read only when the subject is a person.
 */
const PERSON_PARTICIPLE_CLAUSE_AT_END = /,[ \u00a0]+(?:(?!(?:including|according|following|during|regarding|concerning|notwithstanding)[ \u00a0])\p{Ll}{3,}ing[ \u00a0]|asked[ \u00a0]+(?:about|whether|if|why|how|what|to)\b|(?:granted|given|promised|offered)[ \u00a0]+anonymity\b)[^,;:.!?"“”]{0,100},[\s\u00a0]*$/u;
/** Whether only capitalised words (titles, a name's first words) come between the clause's start and `at`: not "Proponents of the new bill". */
function opensClause(segment: string, at: number): boolean {
  const lead = segment.slice(Math.max(0, at - 200), Math.max(0, at)).split(SENTENCE_OR_CLAUSE_BREAK).pop()!;
  return !/(?:^|[\s\u00a0])\p{Ll}/u.test(lead);
}

/** ", sent by headteacher Mark Lowe,": the one named author of a document. Group: the name. */
const AUTHORED_BY = /^,[ \u00a0]+(?:sent|written|signed|penned|issued|released|posted|published|authored)[ \u00a0]+by[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,3}((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){0,3}\p{Lu}[\p{L}'’-]+)(?:[ \u00a0]+(?:in|on|at|last|early|late)[ \u00a0]+[\p{L}\p{N} \u00a0]{1,30})?,[\s\u00a0]*$/u;
/** A handle right before the verb, perhaps set off by commas after "One user" or "Another". Group: the handle. */
const HANDLE_AT_END = /(?:^|[\s(,])(@[A-Za-z0-9_]{2,30}),?[\s\u00a0]*$/;

/** ", for example,", ", however,": an aside between a subject and its verb. */
const ASIDE_AT_END = /,[ \u00a0]+(?:for[ \u00a0]+example|for[ \u00a0]+instance|however|though|meanwhile|too|also|in[ \u00a0]+turn|in[ \u00a0]+contrast|by[ \u00a0]+contrast|meanwhile|instead|likewise|similarly|nevertheless|for[ \u00a0]+(?:his|her|their|its)[ \u00a0]+part),[\s\u00a0]*$/;
/** Where a sentence or clause ends: a stop and a capital after it ("Calif., based" is no end), a colon, a semicolon, a mark. */
const SENTENCE_OR_CLAUSE_BREAK = /[.!?]["”’']?[\s\u00a0]+(?=["“‘']?\p{Lu})|[:;"“”]/u;
/** A finite verb right after a phrase: the phrase is the subject of a clause. */
const FINITE_VERB_AFTER = /^[ \u00a0]+(?:is|was|are|were|has|had|have|will|would|could|should|can|may|might|must|did|does)[ \u00a0]/;
/** ", who gave her name only as Ms Chan,", ", who asked to be identified only as Mark,": group 1 is the name given. */
const IDENTIFIED_AS_AT_END = /,[ \u00a0]+(?:who[ \u00a0]+(?:(?:would[ \u00a0]+)?(?:only[ \u00a0]+)?gave|would[ \u00a0]+give[ \u00a0]+only)[ \u00a0]+(?:only[ \u00a0]+)?(?:her|his|their)[ \u00a0]+(?:first[ \u00a0]+|full[ \u00a0]+|last[ \u00a0]+)?name(?:[ \u00a0]+only)?(?:[ \u00a0]+as|,)|who[ \u00a0]+(?:asked|wanted|wished)[ \u00a0]+to[ \u00a0]+be[ \u00a0]+(?:identified|named|called|known)[ \u00a0]+(?:only[ \u00a0]+)?(?:by[ \u00a0]+(?:her|his|their)[ \u00a0]+first[ \u00a0]+name[ \u00a0]+)?as|identified[ \u00a0]+only[ \u00a0]+as)[ \u00a0]+((?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \u00a0]+)?\p{Lu}[\p{L}'’-]+(?:[ \u00a0]\p{Lu}[\p{L}'’-]+)?),[\s\u00a0]*$/u;
const AGE_AT_END = /(?<=\p{L}),[ \u00a0]+\d{1,3},[\s\u00a0]*$/u;

/**
 * A person's name that opens the clause, then the body they work for, right before the verb: "James
 * Rowe of the Heritage Institute wrote", "Ann Lake, president and CEO of Acme Foods stated", "Ann
 * Lake, who is chairman of Our Values PAC said" (the closing comma dropped). Group: the name.
 */
const PERSON_OF_BODY_AT_END = /(?:^|[.!?;:"“”]|(?<!\p{L})Q)[\s\u00a0]*,?[\s\u00a0]*((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){1,2}\p{Lu}[\p{L}'’-]+)(?:,[ \u00a0]+(?:(?:who|which)[ \u00a0]+(?:is|was)[ \u00a0]+)?(?:(?:the|a|an)[ \u00a0]+)?(?:[\p{L}-]+[ \u00a0]+){1,4}?|[ \u00a0]+)(?:of|at|from|with)[ \u00a0]+(?:the[ \u00a0]+)?(?:\p{Lu}[\p{L}.'’&-]*[ \u00a0]+(?:(?:of|for|and|on|&)[ \u00a0]+)?){0,6}\p{Lu}[\p{L}'’.-]*[\s\u00a0]*$/u;

/**
 * The person named before the body that phraseBefore found as the subject ("the Heritage Institute"
 * in "James Rowe of the Heritage Institute wrote"): the body only says where they work. The name
 * must open with a known first name, so that "Bank of America" or "Friends of the Earth" stay bodies.
 * (namedBeforeBody reads "Name of the Body" inside phraseBefore when the body opens with "the".)
 */
function personOfBody(segment: string, offset: number, subject: Subject): Subject | null {
  const tail = segment.trimEnd().slice(-240);
  const m = PERSON_OF_BODY_AT_END.exec(tail);
  if (!m) return null;
  const name = m[1]!;
  const nameAt = offset + segment.trimEnd().length - tail.length + m.index + m[0].indexOf(name);
  // The subject found lies after the name: in its role or its body ("CEO of Acme Foods").
  if (subject.pos < nameAt + name.length) return null;
  const parsed = parseNameRun(name);
  if (!parsed || parsed.tokens.length < 2 || parsed.titleWords.length > 0 || !firstNameGender(parsed.tokens[0]!.toLowerCase())) return null;
  return { kind: 'name', text: name, pos: nameAt };
}

/**
 * "Luca Bardi, the yard's sales director told": a role right after a name that opens the clause is
 * that person's, even when the page dropped the comma that closes it; the name is the fuller source.
 */
function nameBeforeRole(segment: string, offset: number, subject: Subject): Subject {
  if (subject.kind !== 'descriptor' || /^(?:his|her|their|its|our|my)[ \u00a0]/i.test(subject.text)) return subject;
  const named = NAME_BEFORE_ROLE.exec(segment.slice(Math.max(0, subject.pos - offset - 60), subject.pos - offset));
  const name = named?.[1];
  if (!named || !name || TIME_OR_PLACE_LEAD.test(name) || CLAUSE_OPENER.has(name.split(/[ \u00a0]/)[0]!) || !parseNameRun(name)) return subject;
  return { kind: 'name', text: name, pos: subject.pos - named[0].length + named[0].indexOf(name) };
}

/** The words after the last preposition among the segment's last few, as a phrase. */
function lastPrepositionObject(segment: string, offset: number): Subject | null {
  const trimmed = segment.trimEnd();
  const tokens = tokenize(trimmed.slice(-80), offset + Math.max(0, trimmed.length - 80)).slice(-6);
  for (let k = tokens.length - 2; k >= 0; k--) {
    const w = tokens[k]!.text;
    if (/[,;:!?"“”]/.test(w)) return null;
    if (!PREPOSITION.has(w)) continue;
    const from = tokens[k + 1]!.start;
    const end = tokens[tokens.length - 1]!.end;
    if (/[,;:!?"“”]$/.test(tokens[tokens.length - 1]!.text)) return null;
    return { kind: 'descriptor', text: segment.slice(from - offset, end - offset), pos: from };
  }
  return null;
}

/** After a head noun, what opens its post-modifier: "to ", "for ", "in ", "familiar with ", "with knowledge of ". */
const POST_MODIFIER_AT_END = /(?:^|[\s\u00a0])(?:(?:familiar|close|closest|briefed|involved|knowledgeable|loyal|allied|connected|tied|opposed)[\s\u00a0]+)?(?:with[\s\u00a0]+(?:direct[\s\u00a0]+)?knowledge[\s\u00a0]+of|to|for|with|at|from|of|on|in|inside|within|near|among|outside|representing|backing|supporting|opposing)[\s\u00a0]+(?:the[\s\u00a0]+late[\s\u00a0]+)?$/;
/** A time, not a modifier: "a spokesman on Jan. 5 said", "an aide at the time said". */
const TIME_OBJECT = new RegExp(String.raw`^(?:(?:the|this|that|last|next|early|late)[ \u00a0]+)?(?:${WEEKDAYS}|${MONTHS}|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|morning|afternoon|evening|night|day|week|weekend|time|year|month|moment|end|start|beginning|\d)`);

/** Nouns with an ending for agents ("-er", "-or", "-ist", "-ian") that name things, not people. */
const THING_AGENT_NOUN = /^(?:former|latter|other|another|either|neither|whether|however|together|never|ever|over|under|after|later|rather|further|per|paper|newspaper|order|matter|water|center|centre|quarter|border|chapter|number|corner|sector|factor|error|floor|color|colour|honor|honour|rumor|power|answer|cover|computer|server|trailer|theater|theatre|register|offer|shelter|tower|letter|poster|banner|flyer|mailer|sticker|counter|corridor|monitor|motor|indicator|elevator|mirror|meter|manner|dinner|summer|winter|spider|filter|trigger|headquarter|folder|binder|container|transcript|list|twist|mist|fist|wrist|plan|scan|span|clan)s?$/;

/**
 * A noun for a person or people: "aide", "spokeswoman", "sources", "people", "allies", and nouns
 * with an agent ending ("nurse" aside: "teacher", "organizer", "activist", "technician") or an age
 * ("a 45-year-old").
 */
export function personHead(word: string): boolean {
  if (PERSON_NOUNS.has(word) || (/s$/.test(word) && PERSON_NOUNS.has(word.slice(0, -1))) || (/ies$/.test(word) && PERSON_NOUNS.has(`${word.slice(0, -3)}y`))) return true;
  if (/-year-olds?$/.test(word)) return true;
  // "postman", "chairwoman", "fishermen": a compound of "man" or "woman" (not "human").
  if (/^\p{Ll}{3,}(?:wo)?m[ae]n$/u.test(word)) return true;
  return /(?:er|or|ist|ian|eon)s?$/.test(word) && word.length > 4 && !THING_AGENT_NOUN.test(word) && !DOCUMENT_NOUN.test(word.replace(/s$/, '')) && !TEXT_CARRIER.test(word.replace(/s$/, ''));
}

/** Plural nouns for people who act or speak for someone else, capitalised as a sentence opens. */
const ACTING_FOR = /^(?:Lawyers|Attorneys|Aides|Advisers|Advisors|Allies|Friends|Supporters|Relatives|Associates|Backers|Critics|Opponents|Representatives)$/;

const BODY_ACRONYM = /^\p{Lu}{2,5}s?$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/**
 * The whole description when `subject` is the object of a prepositional phrase after a noun for
 * people that opens the clause ("a former aide to Clinton", "officials with knowledge of the
 * meeting"), across up to three such phrases; null when it is not.
 */
function postModifiedSubject(segment: string, offset: number, subject: Subject): Subject | null {
  const subjectStart = subject.pos - offset;
  const subjectEnd = subjectStart + subject.text.length;
  if (subjectStart < 0 || segment.slice(subjectStart, subjectEnd) !== subject.text || TIME_OBJECT.test(subject.text)) return null;
  let start = subjectStart;
  // "A spokesperson for Larkspur and Finch said": a firm named by two names joined by "and" is the
  // object of the phrase, both names.
  if (subject.kind === 'name') {
    const partner = PARTNER_AND_BEFORE.exec(segment.slice(Math.max(0, start - 40), start));
    if (partner && POST_MODIFIER_AT_END.test(segment.slice(Math.max(0, start - partner[0].length - 60), start - partner[0].length))) start -= partner[0].length;
  }
  for (let hop = 0; hop < 3; hop++) {
    const before = segment.slice(Math.max(0, start - 60), start);
    const prep = POST_MODIFIER_AT_END.exec(before);
    if (!prep) return null;
    const headEnd = start - before.length + prep.index;
    const tokens = tokenize(segment.slice(Math.max(0, headEnd - 120), headEnd), 0).slice(-7);
    const base = Math.max(0, headEnd - 120);
    const head = tokens[tokens.length - 1];
    // "Lawyers for Olsen said": a head that opens the sentence is capitalised for that alone. Only
    // people who act for someone else; "Officials at X said" keeps speaking for X.
    const previous = tokens[tokens.length - 2];
    const opensSentence = !!head && (previous ? /[.!?;:"“”]$/.test(previous.text) || previous.text === 'Q' : base === 0) && ACTING_FOR.test(head.text);
    // "Republicans close to the campaign": a party's members are people too.
    // "A super PAC backing Jeb Bush": an acronym for a kind of body heads a description too.
    const bodyAcronym = !!head && BODY_ACRONYM.test(head.text) && !!organisationHead(head.text.replace(/s$/, ''));
    if (!head || head.text !== bare(head.text) || !(STARTS_LOWER.test(head.text) || opensSentence || bodyAcronym || (CAPITALISED_PLURAL.test(head.text) && PARTY_MEMBERS.test(head.text.toLowerCase())))) return null;
    // Back to the determiner, or to where the clause opens for a phrase without one.
    let k = tokens.length - 1;
    while (k - 1 >= 0) {
      const w = tokens[k - 1]!.text;
      if (/[,;:!?]$/.test(w) || /["“”]/.test(w) || w === 'Q') break;
      const lw = w.toLowerCase();
      if (DETERMINERS.has(lw) && !/^(?:this|that|these|those)$/.test(lw)) { k--; break; }
      if (STARTS_LOWER.test(w) && (CLAUSE_STOP.has(lw) || FILLERS.has(lw) || PRONOUNS.has(lw) || PREPOSITION.has(lw))) break;
      k--;
    }
    const phrase = tokens.slice(k);
    const opener = tokens[k - 1];
    const determined = DETERMINERS.has(phrase[0]!.text.toLowerCase());
    const opensClause = !opener || /[,;:!?]$/.test(opener.text) || /["“”]/.test(opener.text) || opener.text === 'Q' || BEFORE_BARE_SUBJECT.test(opener.text.toLowerCase()) || FILLERS.has(opener.text.toLowerCase());
    // Without a determiner, the words must read as a noun phrase ("federal officials", not "Trump thanked aides").
    const nounPhrase = determined ? phrase.slice(1).every((t) => !VERB_IN_PHRASE.has(t.text.toLowerCase())) : phrase.length === 1 ? pluralNoun(head.text.toLowerCase()) || /^(?:people|men|women)$/.test(head.text) : pluralSubject(phrase, opener);
    if (!nounPhrase) return null;
    // "a voice-over in the ad states", "A line in the memo reads": a part of a document speaks, not the whole.
    const partOfDocument = hop === 0 && /^in[\s\u00a0]+$/.test(prep[0].trimStart()) && determined && DOCUMENT_IN.test(subject.text);
    // "The family of Antonin Scalia", "a group backing Jeb Bush": who speaks is the family or the
    // group, not the person named after it.
    const group = GROUP_HEAD.test(head.text.toLowerCase()) || bodyAcronym || (/^(?:backing|supporting|opposing)/.test(prep[0].trimStart()) && !!organisationHead(head.text));
    // "A father waiting in his car said": a participle between the head and its phrase.
    const participleAfterHead = ING_WORD.test(head.text) && tokens.length >= 2 && personHead(tokens[tokens.length - 2]!.text.toLowerCase());
    if (personHead(head.text.toLowerCase()) || participleAfterHead || partOfDocument || group) {
      if (!opensClause) return null;
      const from = base + phrase[0]!.start;
      return { kind: 'descriptor', text: segment.slice(from, subjectEnd), pos: offset + from };
    }
    start = base + phrase[0]!.start;
  }
  return null;
}

/** One or two capitalised words and "and" right before a name: "Larkspur and " of "Larkspur and Finch". */
const PARTNER_AND_BEFORE = /(?<![\p{L}\p{N}.'’-])\p{Lu}[\p{L}'’-]*(?:[ \u00a0]\p{Lu}[\p{L}'’-]*)?[ \u00a0]+(?:and|&)[ \u00a0]+$/u;

/** A past participle before "by": "shot", "killed", "arrested", "hired". */
const PARTICIPLE_BEFORE_BY = /^(?:\p{Ll}+ed|shot|hit|struck|stabbed|beaten|bitten|taken|seen|driven|written|given|chosen|caught|held|run|led|sent)$/u;

/** Where a description's prepositional post-modifier starts: its head is the word before. */
const POST_MODIFIER_CUT = /[ \u00a0](?:for|of|at|from|with|in|on|to|near)[ \u00a0]/;
/** Words that make a nationality of a region: "Latin American", "South African". */
const REGION_WORD = /^(?:Latin|North|South|East|West|Central|Northern|Southern|Eastern|Western)$/;

/** A capitalised plural: "Republicans". */
const CAPITALISED_PLURAL = /^\p{Lu}\p{Ll}+s$/u;

/** Heads for the people of a household, who speak as one: "the family of the victim". */
const GROUP_HEAD = /^(?:family|families|household)$/;

/** A document written as a definite or possessive description: "the ad", "her new memo". */
const DOCUMENT_IN = new RegExp(String.raw`^(?:the|his|her|its|their)[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,2}(?:${DOCUMENT_NOUN.source.slice(4, -2)})$`, 'u');

/** A masked quotation after "of" ends the segment: "author of Q   ". */
const QUOTED_TITLE_AT_END = /(?<=[ \u00a0]of[ \u00a0])Q[ \u00a0]+$/;

/** The nearest noun phrase that ends the segment (see subjectBefore). */
function phraseBefore(segment: string, offset: number): Subject | null {
  // "Sen. Claire McCaskill (D-Mo.)" and "Mitch McConnell, R-Ky.," carry a party tag before the verb.
  // These patterns end in $, so the engine tries them from every position: each is run only when
  // the cheap test of what it needs passes.
  let s = PARTY_CORE.test(segment) ? segment.replace(PARTY_TAG_AT_END, ' ') : segment;
  // "Sen. Elaine Brooks, D-Mass., who has pressed the Fed, said": a tag set off before an
  // appositive is blanked (same length, so offsets hold), leaving the name and its appositive.
  if (PARTY_CORE.test(s)) s = s.replace(PARTY_TAG_SET_OFF, (m) => `,${' '.repeat(m.length - 1)}`);
  // "As X, author of ''Title,'' put it": a quoted title that ends the appositive, its comma inside
  // the marks (masked with the title), reads as a word and the comma.
  if (s.endsWith(' ') && QUOTED_TITLE_AT_END.test(s)) s = s.replace(QUOTED_TITLE_AT_END, (m) => `T,${m.slice(2)}`);
  // "Daryl Kimball, executive director of X, said": the name before the appositive is the subject.
  // "her senior policy adviser, Jake Sullivan, said": the name set off after its role.
  // The tail starts at a word's start, so that the word boundary of the pattern holds.
  let tail = s.length > 120 ? s.length - 120 : 0;
  while (tail > 0 && /[\p{L}\p{N}.'’-]/u.test(s[tail - 1]!)) tail--;
  const named = s.trimEnd().endsWith(',') ? NAME_APPOSITIVE_AT_END.exec(s.slice(tail)) : null;
  // "The Scotland Secretary, Alasdair Beattie, said", "The Prime Minister, Keir Holt,": an office
  // capitalised, its holder set off after it.
  const office = !named && s.trimEnd().endsWith(',') ? OFFICE_APPOSITIVE_AT_END.exec(s.slice(tail)) : null;
  if (office && isTitleWord(office[1]!.toLowerCase()) && parseNameRun(office[2]!)) return { kind: 'name', text: office[2]!, pos: offset + tail + office.index + office[0].lastIndexOf(office[2]!) };
  if (named && parseNameRun(named[1]!) && named[1]!.includes(' ')) return { kind: 'name', text: named[1]!, pos: offset + tail + named.index + named[0].indexOf(named[1]!) };
  // "His wife, Emma, said", "her coach, Darren, told": one first name set off after a noun for a person.
  const firstName = !named && s.trimEnd().endsWith(',') ? FIRST_NAME_APPOSITIVE_AT_END.exec(s.slice(tail)) : null;
  // A kin word says it is a person even when no list knows the name ("His widow, Lissie, said").
  const kinName = (noun: string, word: string) => (KIN_NOUN.test(noun) || /^(?:boy|girl)friend$/.test(noun)) && !nonPersonWord(word.toLowerCase()) && !STOP_WORDS.has(word.toLowerCase());
  if (firstName && (personHead(firstName[1]!) || GENDERED_NOUN[firstName[1]!] !== undefined) && (firstNameGender(firstName[2]!.toLowerCase()) || kinName(firstName[1]!, firstName[2]!))) {
    return { kind: 'name', text: firstName[2]!, pos: offset + tail + firstName.index + firstName[0].lastIndexOf(firstName[2]!) };
  }
  // "The UN refugee agency, UNHCR, urged": a body's description, then its acronym set off after it.
  const acronym = s.trimEnd().endsWith(',') && !named ? BODY_ACRONYM_AT_END.exec(s.slice(tail)) : null;
  if (acronym && organisationHead(acronym[1]!)) return { kind: 'name', text: acronym[2]!, pos: offset + tail + acronym.index + acronym[0].lastIndexOf(acronym[2]!) };
  // "Iran's ambassador to international organisations in Vienna, Hossein Alavi-Tabrizi, said": an
  // owner's role with its phrase, then the name set off after it.
  const ownerRole = s.trimEnd().endsWith(',') && !named ? OWNER_ROLE_PHRASE_NAME_AT_END.exec(s.slice(tail)) : null;
  if (ownerRole && personHead(ownerRole[1]!) && parseNameRun(ownerRole[2]!) && ownerRole[2]!.includes(' ')) return { kind: 'name', text: ownerRole[2]!, pos: offset + tail + ownerRole.index + ownerRole[0].lastIndexOf(ownerRole[2]!) };
  const ofBody = s.trimEnd().endsWith(',') && !named ? ROLE_OF_BODY_NAME_AT_END.exec(s.slice(tail)) : null;
  // (A body of one word, "A spokesman for Hollister, Brent Okafor,", only before a first name: "The
  // mayor of Sydney, Cape Breton," names a place.)
  const oneWordBody = !!ofBody && ONE_WORD_BODY_THEN_COMMA.test(ofBody[0]);
  if (ofBody && personHead(ofBody[1]!) && parseNameRun(ofBody[2]!) && (!oneWordBody || firstNameGender(ofBody[2]!.split(/[ \u00a0]/)[0]!.toLowerCase()))) return { kind: 'name', text: ofBody[2]!, pos: offset + tail + ofBody.index + ofBody[0].lastIndexOf(ofBody[2]!) };
  // A name, a bracket and an appositive of at most 140 characters fit in the last 400: the pattern
  // runs on those only (from a word's start).
  let from = s.length > 400 ? s.length - 400 : 0;
  while (from > 0 && /[\p{L}\p{N}.'’-]/u.test(s[from - 1]!)) from--;
  const tailMatch = s.trimEnd().endsWith(',') ? APPOSITIVE_AT_END.exec(s.slice(from)) : null;
  const appositive = tailMatch && Object.assign(tailMatch, { index: tailMatch.index + from });
  if (appositive && parseNameRun(appositive[1]!)) {
    const before = s.slice(Math.max(0, appositive.index - 80), appositive.index);
    const owner = PREPOSITION_BEFORE.test(before) ? NAME_OF_PLACE_BEFORE.exec(before) : null;
    const name = owner ? owner[1]! : appositive[1]!;
    const pos = owner ? offset + appositive.index - before.length + owner.index : offset + appositive.index;
    // "Officials at Homeland Security Investigations, a division of ICE,": the body speaks for its staff.
    const staff = STAFF_OF_BODY_BEFORE.test(before);
    // ("in suburban Philadelphia, who ...": a place after a preposition and its adjectives is an object too.)
    const object = (PREPOSITION_BEFORE.test(before) || PREPOSITION_ADJECTIVES_BEFORE.test(before)) && !(owner && parseNameRun(name)) && !staff;
    // "Bernie Sanders, Hillary Clinton and Martin O'Malley, all Democrats,": one of several subjects.
    const coordinated = /(?:^|[\s\u00a0,])(?:and|or)[\s\u00a0]+$/.test(before);
    // "The Food and Drink Alliance, which represents manufacturers,": one body's name joined by "and".
    const joined = coordinated && bodyNameEnd(name.split(/[ \u00a0]/).pop()!) ? BODY_NAME_AND_BEFORE.exec(before) : null;
    if (joined) return { kind: 'name', text: `${joined[1]!}${before.slice(joined.index + joined[0].length - joined[2]!.length)}${name}`, pos: pos - joined[2]!.length - joined[1]!.length };
    if (coordinated) return null;
    if (!object && !DETERMINERS.has(name.toLowerCase().split(' ')[0]!)) return { kind: 'name', text: name, pos };
    // "The Consumer Product Safety Commission, which has received ..., said": a body's name after its article.
    const article = /^The[ \u00a0]+(?=\p{Lu})/u.exec(name);
    if (!object && article && bodyNameEnd(name.split(/[ \u00a0]/).pop()!) && parseNameRun(name.slice(article[0].length))) return { kind: 'name', text: name.slice(article[0].length), pos: pos + article[0].length };
    if (object) {
      const fronted = FRONTED.exec(s)?.[0].length ?? 0;
      const opening = OPENING_NAME.exec(s.slice(fronted));
      const first = opening ? opening[1]!.split(/[ \u00a0]/)[0]! : '';
      if (opening && parseNameRun(opening[1]!) && !DETERMINERS.has(first.toLowerCase()) && !CLAUSE_OPENER.has(first) && !/[ \u00a0]and[ \u00a0]+\p{Lu}/u.test(opening[0])) {
        return { kind: 'name', text: opening[1]!, pos: offset + fronted + opening[0].indexOf(opening[1]!) };
      }
    }
  }
  // "an intelligence source, who was not authorized to speak on the record, told": a description
  // that opens the clause, then a relative clause set off by commas.
  const described = s.trimEnd().endsWith(',') ? DESCRIPTION_RELATIVE_AT_END.exec(s.slice(from)) : null;
  if (described && /(?:^|[,;:"“”Q][\s\u00a0]*)$/.test(s.slice(0, from + described.index))) {
    // "One mother, who identified herself only as Amanda, said": the name she gave.
    const setOffAt = from + described.index + described[0].indexOf(',', described[1]!.length);
    const given = nameSetOff(s.slice(setOffAt));
    if (given) return { kind: 'name', text: given, pos: offset + setOffAt + s.slice(setOffAt).indexOf(given) };
    return { kind: 'descriptor', text: described[1]!, pos: offset + from + described.index };
  }
  s = s.trimEnd(); // the same characters as /\s+$/
  // "Priebus later Thursday told", "The Trump campaign on Tuesday responded": a time between the
  // subject and its verb.
  const time = TIME_AT_END.exec(s.slice(-60));
  if (time) s = s.slice(0, s.length - time[0].length);
  const tokens = tokenize(s, offset);
  let i = tokens.length - 1;
  while (i >= 0 && (FILLERS.has(tokens[i]!.text.toLowerCase()) || mannerAdverb(tokens[i]!.text))) i--;
  if (i < 0) return null;
  const last = tokens[i]!;
  if (/[,;:]$/.test(last.text) || last.text === 'Q' || /["“”]$/.test(last.text)) return null;
  const lastWord = bare(last.text).toLowerCase();
  if (PRONOUNS.has(lastWord)) return { kind: 'pronoun', text: bare(last.text), pos: last.start };
  // "he'd say", "she'd tell them": the pronoun with "would".
  const would = /^(he|she|they|i|we|you)['’]d$/i.exec(bare(last.text));
  if (would) return { kind: 'pronoun', text: would[1]!, pos: last.start };
  // "under a headline that said", "a sign which read", "Trump, who said": the relative pronoun
  // stands for the noun phrase before it.
  // ("which Will claims": a capitalised word after the pronoun is the clause's own subject.)
  if (/^(?:that|which|who)$/.test(lastWord) && i > 0 && !/[;:]$/.test(tokens[i - 1]!.text) && tokens.slice(i + 1).every((t) => STARTS_LOWER.test(t.text))) {
    // Otherwise the pronoun stays the subject as before: a cue with no speaker.
    const antecedent = relativeAntecedent(s, tokens, i, offset);
    if (antecedent) return antecedent;
  }
  // "Having mentioned", "Speaking at": a participle opening the sentence has no subject here.
  if (/^(having|being|speaking|asked|when|while|after|before|saying|adding|noting|explaining|writing|talking|referring|responding|according|following|citing|describing|asking|telling|arguing|insisting|continuing|reading)$/.test(lastWord)) return null;
  // "one senior MP told", "a Tory MP said": a role acronym after lower-case words heads a description.
  // So does a party's member: "the veteran Democrat said", "a senior Republican told".
  // So does one after a party or a place and a determiner: "A Labour MP said", "a senior Conservative MP".
  const roleAcronym = (ROLE_ACRONYM.test(bare(last.text)) || PARTY_MEMBER.test(bare(last.text))) && i > 0 && (STARTS_LOWER.test(tokens[i - 1]!.text) || (ROLE_ACRONYM.test(bare(last.text)) && determinerBeforeCapitals(tokens, i)));
  if (isCapitalised(last.text) && !DETERMINERS.has(lastWord) && !roleAcronym) {
    let j = i;
    while (j - 1 >= 0 && i - j < 9) {
      const prev = tokens[j - 1]!.text;
      if (/[,;:!?]$/.test(prev) || prev === 'Q' || /["“”]/.test(prev)) break;
      if (isCapitalised(prev) || /^(?:of|de|van|von|al|bin|la|le|der)$/.test(prev)) j--;
      // "The Food and Drink Alliance said": one capitalised word, "and", then a body's name.
      else if (/^(?:and|&)$/.test(prev) && j - 2 >= 0 && isCapitalised(tokens[j - 2]!.text) && !/[,;:!?"“”]$/.test(tokens[j - 2]!.text) && bodyNameEnd(bare(last.text)) && (j - 3 < 0 || !isCapitalised(tokens[j - 3]!.text) || DETERMINERS.has(tokens[j - 3]!.text.toLowerCase()))) j -= 2;
      else break;
    }
    // Drop a leading "of" left over from "Secretary of State", and a word that opens the clause ("As
    // Vulture put it", "But Bryant said").
    while (j < i && (/^(?:of|de|van|von|al|bin|la|le|der)$/.test(tokens[j]!.text) || CLAUSE_OPENER.has(tokens[j]!.text))) j++;
    // ("Acme Inc.", "J.": an abbreviation keeps its stop.)
    const text = s.slice(tokens[j]!.start - offset, last.end - offset).replace(/[,.]$/, (m) => (KEEPS_STOP.test(last.text) ? m : ''));
    // "Another source speaking to Fox News said": the name is the object of the participle; the
    // subject comes before it.
    if (j >= 2 && /^(?:to|with)$/.test(tokens[j - 1]!.text) && /^(?:speaking|talking)$/.test(tokens[j - 2]!.text)) {
      return subjectBefore(s.slice(0, tokens[j - 2]!.start - offset), offset);
    }
    // A capitalised descriptor after a determiner ("the Kremlin", "the Trump campaign") stays a descriptor.
    const before = tokens[j - 1]?.text.toLowerCase();
    // "other right-wing Israeli leaders": a nationality alone, with no determiner, modifies a noun; it names no one.
    // So does one after a region's word ("Latin American", "South African"); "Mr. English" is a name.
    if ((j === i || (i - j === 1 && REGION_WORD.test(tokens[j]!.text))) && !(before && DETERMINERS.has(before)) && nationalityAdjective(bare(last.text))) return null;
    if (before && DETERMINERS.has(before) && j - 1 >= 0) {
      const member = namedBeforeBody(s, tokens, j - 1, offset);
      if (member) return member;
      return { kind: 'descriptor', text: s.slice(tokens[j - 1]!.start - offset, last.end - offset), pos: tokens[j - 1]!.start };
    }
    if (before && /['’]s$/.test(before) === false && !CLAUSE_STOP.has(before) && !/[,;:]$/.test(before) && before !== 'q' && STARTS_LOWER.test(tokens[j - 1]!.text) && j - 1 >= 0) {
      // "Trump campaign spokesman Jason Miller": role words before a name; the name is the subject.
    }
    return { kind: 'name', text: text.replace(/[’']s$/, ''), pos: tokens[j]!.start };
  }
  // Lower-case end: a descriptor back to its determiner ("the Russian president", "a spokesman"),
  // across one "of" ("the 34-year-old mother of three", "a member of the board").
  let j = i;
  let ofSeen = false;
  let punctuated = false;
  while (j >= 0 && i - j < 9) {
    const w = tokens[j]!.text;
    const lw = bare(w).toLowerCase();
    if (j < i && (/[,;:!?]$/.test(w) || w === 'Q' || /["“”]/.test(w))) {
      // "the bespectacled, 71-year-old diplomat": adjectives in a row may be set off by a comma.
      if (j >= 1 && /^(?:the|a|an)$/i.test(tokens[j - 1]!.text) && /^\p{Ll}[\p{L}-]*(?:ed|ful|ous|ive|al|ic|ent|ant|est|-\p{Ll}+),$/u.test(w)) {
        j--;
        continue;
      }
      // "the \"Pose\" actor said", "the 'Dancing With the Stars' host": a show's or book's title in
      // marks, right after the determiner, modifies the head like any other word.
      const title = quotedTitleStart(tokens, j);
      if (title > 0 && /^(?:the|a|an)$/i.test(tokens[title - 1]!.text)) {
        j = title - 1;
        continue;
      }
      punctuated = true;
      break;
    }
    // "the Married At First Sight star", "the I'm A Celebrity winner", "the This Morning host": a
    // show's title in title case, its small words capitalised, modifies the head like any name.
    if (j < i && j >= 1 && TITLE_SMALL_WORD.test(w) && isCapitalised(tokens[j + 1]!.text) && (isCapitalised(tokens[j - 1]!.text) || /^(?:the|a|an)$/.test(tokens[j - 1]!.text)) && !/[.,;:!?"“”]$/.test(tokens[j - 1]!.text)) {
      j--;
      continue;
    }
    // "One of the gang shouted": a partitive may open the sentence.
    if (tokens[j - 1] && bare(tokens[j - 1]!.text).toLowerCase() === 'of' && !ofSeen && j - 2 >= 0 && (STARTS_LOWER.test(tokens[j - 2]!.text) || PARTITIVE.has(tokens[j - 2]!.text.toLowerCase()))) {
      ofSeen = true;
      j -= 2;
      continue;
    }
    // "someone in the audience shouted": the pronoun is the subject, "the audience" only places it.
    if (DETERMINERS.has(lw) && j >= 2 && /^(?:in|at|from|among|outside)$/.test(tokens[j - 1]!.text) && /^(?:someone|somebody|anyone|everyone|one|many|some|others)$/i.test(tokens[j - 2]!.text)) {
      return { kind: 'descriptor', text: s.slice(tokens[j - 2]!.start - offset, last.end - offset), pos: tokens[j - 2]!.start };
    }
    if (DETERMINERS.has(lw) || /['’]s$/.test(w)) {
      // "the paper's editorial board", "the former vice president's spokeswoman": the owner keeps its
      // determiner.
      if (!DETERMINERS.has(lw)) {
        // "Saudi Arabia's foreign ministry": the owner's whole name.
        while (isCapitalised(w) && j >= 1 && i - j < 9 && isCapitalised(tokens[j - 1]!.text) && !/[,;:!?.]$/.test(tokens[j - 1]!.text) && !CLAUSE_OPENER.has(tokens[j - 1]!.text) && !DETERMINERS.has(tokens[j - 1]!.text.toLowerCase()) && !isTitleWord(bare(tokens[j - 1]!.text).toLowerCase())) j--;
        for (let k = j - 1; k >= 0 && j - k <= 3; k--) {
          const kw = bare(tokens[k]!.text).toLowerCase();
          if (/^(?:the|a|an|his|her|their|its|our)$/.test(kw)) { j = k; break; }
          if (CLAUSE_STOP.has(kw) || PRONOUNS.has(kw) || /[,;:!?]$/.test(tokens[k]!.text)) break;
        }
      }
      // "A lobbyist for the association who watched the hearing said", "The mother of a man shot by a
      // police officer called": the object of a relative clause or of a participle's "by" is not who
      // speaks; the noun phrase the clause hangs from is.
      const clauseObject = j >= 2 && ((/^(?:who|that)$/.test(tokens[j - 2]!.text) && STARTS_LOWER.test(tokens[j - 1]!.text) && verbLike(bare(tokens[j - 1]!.text))) || (tokens[j - 1]!.text === 'by' && PARTICIPLE_BEFORE_BY.test(tokens[j - 2]!.text)));
      if (clauseObject) {
        const hangsFrom = tokens[j - 1]!.text === 'by' ? phraseBefore(s.slice(0, tokens[j - 2]!.start - offset).trimEnd(), offset) : relativeAntecedent(s, tokens, j - 2, offset);
        // (Only someone who can speak: not "oil fields seized by the Islamic State".)
        const headNoun = (hangsFrom?.text.split(POST_MODIFIER_CUT)[0] ?? '').split(/[ \u00a0]+/).pop() ?? '';
        if (hangsFrom && (hangsFrom.kind === 'name' || (hangsFrom.kind === 'descriptor' && personHead(bare(headNoun).toLowerCase())))) return hangsFrom;
      }
      return { kind: 'descriptor', text: s.slice(tokens[j]!.start - offset, last.end - offset), pos: tokens[j]!.start };
    }
    // "a voice over saying": the narrator of an ad, written as two words ("over" is no preposition here).
    if (lw === 'over' && j === i && j >= 1 && /^voice$/i.test(tokens[j - 1]!.text)) {
      j--;
      continue;
    }
    // "many marchers and spectators chanting": two plural nouns joined are one subject.
    if (lw === 'and' && j >= 1 && j < i && pluralOfPeople(bare(tokens[j + 1]!.text)) && pluralOfPeople(tokens[j - 1]!.text)) {
      // The end of a longer list ("A group of artists, writers, actors and scientists"): its head is
      // further back than this reads.
      if (j >= 2 && /,$/.test(tokens[j - 2]!.text)) return null;
      j--;
      continue;
    }
    // "the singer and guitarist told": two roles of one person, the second in lower-case words with
    // no determiner of its own (resolveDescriptor reads each role). Not "the senator and Democratic
    // presidential candidate", whose second role may be someone else's.
    if (lw === 'and' && j >= 1 && j < i && singularRole(lastWord) && singularRole(bare(tokens[j - 1]!.text)) && tokens.slice(j + 1, i + 1).every((t) => STARTS_LOWER.test(t.text))) {
      j--;
      continue;
    }
    // "a Department for Transport spokesman", "a British Association of Martial Arts spokesman": a
    // body's name, capitalised on both sides of its "for", "of" or "and", modifies the head.
    if (/^(?:for|of|and|&)$/.test(w) && j < i && j >= 1 && personHead(lastWord) && isCapitalised(tokens[j + 1]!.text) && isCapitalised(tokens[j - 1]!.text) && !/[,;:!?"“”]$/.test(tokens[j - 1]!.text)) {
      j--;
      continue;
    }
    if (CLAUSE_STOP.has(lw) || PRONOUNS.has(lw)) break;
    j--;
  }
  // A bare plural noun phrase opening a clause: "federal prosecutors wrote", "as local officials said".
  const bareNounPhrase = pluralSubject(tokens.slice(j + 1, i + 1), tokens[j]);
  if (bareNounPhrase) return { kind: 'descriptor', text: s.slice(tokens[j + 1]!.start - offset, last.end - offset), pos: tokens[j + 1]!.start };
  if (punctuated) return null;
  // A bare plural or mass noun at the start of a clause ("officials said", "Critics say").
  if (j === i - 1 || j < 0) {
    const prev = tokens[i - 1];
    if (!prev || /[,;:]$/.test(prev.text) || CLAUSE_STOP.has(bare(prev.text).toLowerCase())) {
      // "police said" too: a plural noun without the s.
      if ((/s$/.test(lastWord) && lastWord.length > 3) || lastWord === 'police') return { kind: 'descriptor', text: bare(last.text), pos: last.start };
    }
  }
  return null;
}

/** Small words a title writes with a capital: "At", "Of", "A", "This". */
const TITLE_SMALL_WORD = /^(?:A|An|The|This|At|Of|In|On|To|For|With|From|And|Or|By)$/;

const ISSUED_DOCUMENT = /[ \u00a0](?:issued|released|put[ \u00a0]+out|sent[ \u00a0]+out|published)[ \u00a0]+(?:a|an|the|its|his|her|their)[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,2}?(?:statement|letter|memo|release|note)\b/u;

/** Things that carry words: "a sign that read", "a headline that said", "a voice that said". */
export const TEXT_CARRIER = /^(?:sign|banner|placard|poster|headline|caption|hat|cap|shirt|t-shirt|sticker|billboard|slogan|message|voice|voice-over|narrator|cover|chyron|plaque|inscription|resolution|video|ad|commercial|spot|mailer|flyer|leaflet|pamphlet|brochure|graphic|screen|card)$/;

/**
 * The noun phrase a relative pronoun right before the verb stands for: a person for "who"
 * ("Trump, who said", "a White House official who spoke"), a thing that carries words for
 * "that"/"which" ("a headline that said", "a campaign hat that says"). Null for anything else:
 * "a turn that called to mind", "New Hampshire, which is set to host", and a noun that is the
 * object of a preposition ("one Democrat familiar with the discussion, who added").
 */
function relativeAntecedent(s: string, tokens: Token[], i: number, offset: number): Subject | null {
  const pronoun = bare(tokens[i]!.text).toLowerCase();
  const antecedent = subjectBefore(s.slice(0, tokens[i - 1]!.end - offset).replace(/,$/, ''), offset);
  if (!antecedent || antecedent.kind === 'pronoun') return null;
  const head = antecedent.text.split(/[\s\u00a0]+/).pop()!;
  const before = s.slice(0, antecedent.pos - offset);
  if (pronoun === 'who') {
    if (PREPOSITION_BEFORE.test(before.slice(-30))) return null;
    // "Morial told a young woman who suggested ... that": whom the speaker addressed.
    const verbBefore = /([\p{L}]+)[\s\u00a0]+$/u.exec(before)?.[1] ?? '';
    if (TELL_VERBS.test(verbBefore) || speechVerbs(verbBefore, 0).length > 0) return null;
    if (antecedent.kind === 'name') return antecedent;
    if (!STARTS_LOWER.test(head) || DOCUMENT_NOUN.test(head) || TEXT_CARRIER.test(head)) return null;
    // "Braynard, a South Carolina native who writes": the description is set off after the name.
    const named = INDEFINITE.has(antecedent.text.split(/[\s\u00a0]+/)[0]!.toLowerCase()) ? /(?:^|[\s\u00a0])((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){0,3}\p{Lu}[\p{L}'’-]+),[\s\u00a0]*$/u.exec(before) : null;
    if (named && parseNameRun(named[1]!) && !DETERMINERS.has(named[1]!.split(/[ \u00a0]/)[0]!.toLowerCase())) return { kind: 'name', text: named[1]!, pos: offset + named.index + named[0].indexOf(named[1]!) };
    return antecedent;
  }
  if (antecedent.kind !== 'descriptor' || !(DOCUMENT_NOUN.test(head) || TEXT_CARRIER.test(head))) return null;
  // "Trump released a marketing video that said", "Henry added the caption which reads": it speaks
  // for whoever put it out.
  const issued = ISSUED_BY_SUBJECT.exec(before.slice(-40));
  if (issued) {
    const issuer = subjectBefore(before.slice(0, before.length - issued[0].length), offset);
    if (issuer && issuer.kind === 'name' && !pluralName(issuer)) return { ...issuer, viaText: true };
  }
  return antecedent;
}

/**
 * "Black Lives Matter issued a statement saying": a document someone put out, then a participle,
 * speaks for whoever put it out (as "released a video that said" does). A sign held up stays the sign.
 */
function issuerOfDocument(before: string, offset: number, verb: VerbHit): Subject | null {
  if (!PARTICIPLE.test(verb.verb)) return null;
  // "issued a statement Tuesday saying": the day it came out stands between the document and the participle.
  const trimmed = before.replace(/[\s\u00a0]+$/, '');
  const throughDocument = trimmed.slice(0, trimmed.length - (TIME_AT_END.exec(trimmed.slice(-40))?.[0].length ?? 0));
  const document = /(?:^|[\s\u00a0])(?:a|an|the|its|his|her|their|another)[\s\u00a0]+(?:[\p{Ll}-]+[\s\u00a0]+){0,2}(\p{Ll}+)[\s\u00a0]*$/u.exec(throughDocument.slice(-60));
  if (!document || !DOCUMENT_NOUN.test(document[1]!)) return null;
  // What comes before the document phrase (the match ends where throughDocument does).
  const rest = throughDocument.slice(0, throughDocument.length - document[0].length + (/^[\s\u00a0]/.test(document[0]) ? 1 : 0));
  // "sent donors a letter saying", "emailed supporters a note": whom it went to stands between.
  const recipient = RECIPIENT_AFTER_SENDING.exec(rest.slice(-60))?.[1] ?? '';
  const sent = rest.slice(0, rest.length - recipient.length);
  const issued = ISSUED_BY_SUBJECT.exec(sent.slice(-40));
  if (!issued || /^(?:[\s\u00a0])?(?:held|held[ \u00a0]+up|hoisted|raised|waved|wore|carried|displayed)[ \u00a0]+$/.test(issued[0])) return null;
  const beforeVerb = sent.slice(0, sent.length - issued[0].length);
  const issuer = subjectBefore(beforeVerb, offset);
  // "Last night, police issued a statement saying": the issuer is one common noun, no speaker to
  // show; still the issuer, not "a statement".
  const bareNoun = issuer ? null : /(?:^|[,;][\s\u00a0]*|[\s\u00a0](?:and|but|as|when|after)[\s\u00a0]+)(\p{Ll}{3,})[\s\u00a0]*$/u.exec(beforeVerb);
  if (bareNoun) return { kind: 'descriptor', text: bareNoun[1]!, pos: offset + bareNoun.index + bareNoun[0].indexOf(bareNoun[1]!), viaText: true };
  // A name, "he", or a definite description ("the campaign"); not "officials" nor "a group".
  const fits = issuer && (issuer.kind === 'pronoun' || (issuer.kind === 'name' && !pluralName(issuer)) || /^(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)[ \u00a0]/.test(issuer.text));
  return fits ? { ...issuer, viaText: true } : null;
}

/**
 * A capitalised name right after "called", then a verb of its own or a comma: "called Sophistafunk
 * got"; or a quoted title: "a class called “Perception” on his page".
 */
const NAMING_AFTER = /^[\s\u00a0]+(?:(?:\p{Lu}[\p{L}.'’-]*[\s\u00a0]+){0,3}\p{Lu}[\p{L}.'’-]*(?:,|[\s\u00a0]+\p{Ll})|["“‘'])/u;
/** "a warm-up band ", "a 2002 psychology class ": a thing brought in by an indefinite article, which "called" then names. */
const INDEFINITE_NOUN_AT_END = /(?:^|[\s\u00a0])(?:[Aa]n?|[Oo]ne)[\s\u00a0]+(?:[\p{L}\p{N}-]+[\s\u00a0]+){0,3}$/u;

/** A verb of putting words out, right before its object: "released ", "posted ", "added ". */
/** Whom a document was sent to, between the verb and the document: "sent donors ", "emailed him ". */
const RECIPIENT_AFTER_SENDING = /(?:sent|emailed|e-mailed|texted|mailed|handed|gave|wrote)[\s\u00a0]((?:him|her|them|us|me|(?:his|her|their|its)[\s\u00a0]+\p{Ll}{3,}|\p{Ll}{3,}s)[\s\u00a0]+)$/u;
const ISSUED_BY_SUBJECT = /(?:^|[\s\u00a0])(?:released|issued|posted|published|sent[ \u00a0]+out|sent|emailed|e-mailed|texted|mailed|handed|gave|aired|ran|put[ \u00a0]+out|tweeted|unveiled|launched|added|wrote|held[ \u00a0]+up|held|hoisted|raised|waved|wore|carried|displayed)[ \u00a0]+$/;

/**
 * A subject read as a name that is a plural common noun ("Officials issued a statement"): no one who
 * puts out a text. Not "Police", which stands for the force the article names (resolveSubject).
 */
function pluralName(subject: Subject): boolean {
  return subject.kind === 'name' && subject.text !== 'Police' && pluralNoun(subject.text.toLowerCase());
}

const LOWER_PLURAL = /^\p{Ll}[\p{Ll}-]{2,}s$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/** A plural common noun: "prosecutors", "spectators" (not "business", "status", "analysis"). */
function pluralNoun(word: string): boolean {
  return (LOWER_PLURAL.test(word) && !/(?:ss|us|is|ics|news)$/.test(word)) || word === 'police';
}

const PREPOSITION = new Set('about above across after against along among around at before behind below beneath beside between beyond by despite down during except for from in inside into like near of off on onto outside over past since through throughout to toward towards under underneath until unto up upon with within without'.split(' '));

/** "marchers", "spectators", "activists", "residents": plural nouns for people. */
function pluralOfPeople(word: string): boolean {
  return pluralNoun(word) && /(?:ers|ors|ists|ants|ents|ans|ives|ees)$/.test(word);
}

/** Where a title of at most five words in quote marks that ends at token j opens ("Pose", “Dancing With the Stars”); -1 if none. */
function quotedTitleStart(tokens: Token[], j: number): number {
  if (!/^\p{L}[^"“”]*["”]$/u.test(tokens[j]!.text) && !/^["“]\p{Lu}[^"“”]*["”]$/u.test(tokens[j]!.text)) return -1;
  for (let k = j; k >= 0 && j - k < 5; k--) {
    const t = tokens[k]!.text;
    if (k < j && /["”]|[,;:!?]$/.test(t)) return -1;
    if (/^["“]\p{Lu}/u.test(t)) return k;
  }
  return -1;
}

/** A lower-case noun for one person's role: "singer", "senator", "candidate" (not "supporters"). */
function singularRole(word: string): boolean {
  return STARTS_LOWER.test(word) && !pluralNoun(word) && (personHead(word) || ROLE_WORD.test(word));
}

/** Words that may join a clause before its subject: "as local officials said", "while many voters say". */
const BEFORE_BARE_SUBJECT = /^(?:and|but|or|as|while|when|because|so|yet|though|although|where|after|before|since|if|with|until|once)$/;

/**
 * Whether `words` (two to four, the last a plural noun) are a noun phrase with no determiner that
 * opens a clause: after the start, a punctuation mark or a conjunction ("federal prosecutors
 * wrote", "as Senate aides said"). Not after a pronoun or a verb ("He thanked supporters saying").
 */
function pluralSubject(words: Token[], before: Token | undefined): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const head = bare(words[words.length - 1]!.text);
  if (!pluralNoun(head)) return false;
  if (before && !/[,;:]$/.test(before.text) && before.text !== 'Q' && !/["“”]$/.test(before.text) && !BEFORE_BARE_SUBJECT.test(before.text.toLowerCase())) return false;
  return words.slice(0, -1).every((t, k) => {
    const w = bare(t.text);
    if (w !== t.text && !(w === 'and' || STARTS_LOWER.test(w))) return false;
    const lw = w.toLowerCase();
    if (FILLERS.has(lw) || (CLAUSE_STOP.has(lw) && lw !== 'and') || PREPOSITION.has(lw) || /ing$/.test(lw) || /^(?:what|how|why|whatever|whoever)$/.test(lw)) return false;
    // A capitalised modifier opens the phrase ("Senate aides"); after it, no verb ("Clinton thanked supporters").
    if (STARTS_UPPER.test(w)) return k === 0 || STARTS_UPPER.test(bare(words[k - 1]!.text));
    return !/ly$/.test(w) && !(k > 0 && STARTS_UPPER.test(bare(words[k - 1]!.text)) && verbLike(w));
  });
}

/** Words that may follow a name after an inverted verb: "said Smith in a statement", "said Smith himself", "said Smith last week". */
function endsName(word: string): boolean {
  return CLAUSE_STOP.has(word) || FILLERS.has(word) || PREPOSITION.has(word) || mannerAdverb(word) || PRONOUNS.has(word) || /^(?:according|via|afterward|afterwards|today|yesterday|tonight|ago|who|whose|jr|sr)$/.test(word);
}

const RANK_WITH_CLASS = /^[\s\u00a0]*(?:\p{Lu}\p{Ll}+[ \u00a0]+){1,3}\d(?:st|nd|rd|th)[ \u00a0]+Class[ \u00a0]+(\p{Lu}[\p{L}'’-]+(?:[ \u00a0]\p{Lu}[\p{L}'’-]+){1,2})/u;
const LEADING_WORDS = /^[\s\u00a0]*((?:(?:\p{N}+[\p{L}.'’-]+|[\p{L}.'’-][\p{L}\p{N}.'’-]*)[ \u00a0]?){1,12})/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
const LOWER_WORD_THEN_NAME_AT_END = /(?:^|\s)\p{Ll}[\p{L}-]*\s+((?:\p{Lu}[\p{L}.'’-]*\s?)+)$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
const LOWER_ED = /^\p{Ll}+ed$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/** The noun phrase right after an inverted verb ("said Putin", "said the Russian president"). */
export function subjectAfter(segment: string, offset: number): Subject | null {
  // "said Petty Officer 2nd Class Dana Whitcomb": a rank with its class, then the name.
  const ranked = segment.includes(' Class ') ? RANK_WITH_CLASS.exec(segment) : null;
  if (ranked) return { kind: 'name', text: ranked[1]!, pos: offset + ranked[0].length - ranked[1]!.length };
  // Words of letters, or a number glued to letters ("the 46-year-old", "L2 president Bruce Willsie").
  const m = LEADING_WORDS.exec(segment);
  if (!m) return null;
  const tokens = tokenize(segment.slice(0, m.index + m[0].length), offset);
  const first = tokens[0];
  if (!first) return null;
  const fw = bare(first.text).toLowerCase();
  if (PRONOUNS.has(fw)) return { kind: 'pronoun', text: bare(first.text), pos: first.start };
  // "9/11 widow Terry Strada", "MSNBC host Chris Matthews": role words before the name; two roles
  // joined by "and" ("royal commentator and historian Richard Fitzwilliams").
  let k = 0;
  const roleAnd = (i: number) => i > 0 && tokens[i]!.text === 'and' && LOWER_WORD.test(tokens[i + 1]?.text ?? '') && !verbLike(tokens[i + 1]!.text);
  // "said master of ceremonies Asab Al-Tabchi", "said chief of staff Reince Priebus": a role with its own "of".
  const roleOf = (i: number) => i > 0 && tokens[i]!.text === 'of' && LOWER_WORD.test(tokens[i + 1]?.text ?? '') && !DETERMINERS.has(tokens[i + 1]!.text) && !PRONOUNS.has(tokens[i + 1]!.text) && !OBJECT_PRONOUN.test(tokens[i + 1]!.text);
  while (k < tokens.length - 1 && k < 5 && !isCapitalised(tokens[k]!.text) && !DETERMINERS.has(bare(tokens[k]!.text).toLowerCase()) && (roleAnd(k) || roleOf(k) || !CLAUSE_STOP.has(bare(tokens[k]!.text).toLowerCase())) && !/[,.;:]$/.test(tokens[k]!.text)) k++;
  if (k > 0 && !isCapitalised(tokens[k]!.text)) k = 0;
  const startTok = tokens[k]!;
  if (isCapitalised(startTok.text)) {
    let j = k;
    const endsPhrase = (w: string) => /[,;:]$/.test(w) || (/\.$/.test(w) && !ABBREV_TOKEN.test(w));
    while (j + 1 < tokens.length && !endsPhrase(tokens[j]!.text) && (isCapitalised(tokens[j + 1]!.text) || /^(?:de|da|dos|das|du|van|von|al|bin|ibn|der|del)$/.test(tokens[j + 1]!.text) || (ROLE_WORD.test(tokens[j + 1]!.text) && isCapitalised(tokens[j + 2]?.text ?? '')))) j++;
    // "said Rubio's deputy campaign manager, Rich Beeson,": the owner's role, then the name set off after it.
    if (/['’]s$/.test(tokens[j]!.text)) {
      const afterOwner = segment.slice(tokens[j]!.end - offset);
      const role = POSSESSED_ROLE.exec(afterOwner);
      const named = role && appositiveName(role[1]!, afterOwner.slice(role[0].length), tokens[j]!.end + role[0].length);
      if (named) return named;
      // "said Scott's brother.": someone the owner has, not the owner.
      const owned = /^[ \u00a0]+(?:\p{Ll}[\p{L}-]*[ \u00a0]+){0,3}(\p{Ll}[\p{L}-]*)(?=[,.;:!?]|[ \u00a0]*$)/u.exec(afterOwner);
      if (owned && personHead(owned[1]!)) return { kind: 'descriptor', text: segment.slice(startTok.start - offset, tokens[j]!.end - offset + owned[0].length), pos: startTok.start };
      // "said Tehran's nuclear programme was \"...\"": the reported clause's subject, not a speaker.
      const ownedWords = OWNED_WORDS.exec(afterOwner)?.[1]?.split(/[ \u00a0]+/) ?? [];
      if (ownedWords.some((w) => VERB_IN_PHRASE.has(w))) return null;
    }
    // "said Virginia delegate Beau Correll": a capitalised modifier, role words, then the name.
    if (!endsPhrase(tokens[j]!.text)) {
      let r = j + 1;
      while (r < tokens.length && r - j <= 4 && LOWER_WORD.test(tokens[r]!.text) && !CLAUSE_STOP.has(tokens[r]!.text) && !DETERMINERS.has(tokens[r]!.text) && !/^(?:during|in|on|at|with|from|for|to|of|by|about|over|under|near|outside|inside|across|through)$/.test(tokens[r]!.text)) r++;
      // "said Republican political consultant Chris Russell": the last lower-case word is a noun for a role.
      const roleWord = tokens[r - 1]?.text.replace(/^co-/, '') ?? '';
      if (r > j + 1 && r < tokens.length && isCapitalised(tokens[r]!.text) && (ROLE_WORD.test(roleWord) || personHead(roleWord) || !verbLike(roleWord))) {
        let e = r;
        while (e + 1 < tokens.length && !endsPhrase(tokens[e]!.text) && isCapitalised(tokens[e + 1]!.text)) e++;
        const name = segment.slice(tokens[r]!.start - offset, tokens[e]!.end - offset).replace(/[,;:]$/, '').replace(/(?<![A-Z])\.$/, '');
        return { kind: 'name', text: name.replace(/[’']s$/, ''), pos: tokens[r]!.start };
      }
    }
    // "added Latin hits including ...": a capitalised word that modifies the lower-case noun after
    // it is no name; with a noun for people it is a description ("said Trump supporters").
    const follower = tokens[j + 1];
    if (follower && !endsPhrase(tokens[j]!.text) && !/['’]s$/.test(tokens[j]!.text) && STARTS_LOWER.test(follower.text) && !endsName(bare(follower.text).toLowerCase())) {
      const noun = bare(follower.text).toLowerCase();
      return personHead(noun) || pluralOfPeople(noun) ? { kind: 'descriptor', text: segment.slice(startTok.start - offset, follower.end - offset).replace(/[,;:.]$/, ''), pos: startTok.start } : null;
    }
    let text = segment.slice(startTok.start - offset, tokens[j]!.end - offset).replace(/[,;:]$/, '');
    if (!ABBREV_TOKEN.test(tokens[j]!.text)) text = text.replace(/\.$/, '');
    // Keep only the name after lower-case role words inside the run ("MSNBC host Chris Matthews").
    const inner = LOWER_WORD_THEN_NAME_AT_END.exec(text);
    const name = inner ? inner[1]!.trim() : text;
    return { kind: 'name', text: name.replace(/[’']s$/, ''), pos: startTok.start + text.lastIndexOf(name) };
  }
  if (DETERMINERS.has(fw) && fw !== 'that' && fw !== 'this') {
    // "said the Rev. Amos Clark", "said the Hon. Jane Holm": a title written after "the", then the name.
    const titled = /^(?:the|The)[ \u00a0]+(?:Rev|Revd|Hon)\.?(?:[ \u00a0]+Dr\.?)?[ \u00a0]+(\p{Lu}[\p{L}'’-]+(?:[ \u00a0](?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)){0,3})/u.exec(segment.slice(first.start - offset));
    if (titled) return { kind: 'name', text: titled[1]!, pos: first.start + titled[0].length - titled[1]!.length };
    // "said the base chief known as Bob", "said a resident named Caroline Smith": the name given.
    const given = /^(?:[\p{Ll}\p{N}'’-]+[ \u00a0]+){1,5}?(?:known[ \u00a0]+(?:only[ \u00a0]+)?as|named|called)[ \u00a0]+(\p{Lu}[\p{L}'’-]+(?:[ \u00a0]\p{Lu}[\p{L}'’-]+){0,2})/u.exec(segment.slice(first.start - offset));
    if (given) return { kind: 'name', text: given[1]!, pos: first.start + given[0].length - given[1]!.length };
    let j = 0;
    // "said the younger Mr. Trump": a title's stop ends nothing.
    while (j + 1 < tokens.length && j < 8 && !/[,;:]$/.test(tokens[j]!.text) && !(/\.$/.test(tokens[j]!.text) && !ABBREV_TOKEN.test(tokens[j]!.text))) {
      const next = bare(tokens[j + 1]!.text).toLowerCase();
      if (CLAUSE_STOP.has(next) && next !== 'of') break;
      // "said one of those advisers": a number or quantifier alone names no one; its "of" phrase does.
      // "one of them" still names no one.
      if (next === 'of' && !(j === 0 && PARTITIVE.has(fw) && !OBJECT_PRONOUN.test(bare(tokens[j + 2]?.text ?? 'them')))) break;
      // "says the letter signed by seven physicians": a participle with its agent ends the description.
      if (LOWER_ED.test(next) && bare(tokens[j + 2]?.text ?? '') === 'by') break;
      j++;
    }
    // "X said the study risked \"...\"": a noun, then a verb in the past running into the quotation,
    // is the reported clause's subject and verb, not someone after the speech verb.
    if (j >= 2 && j === tokens.length - 1 && LOWER_ED.test(tokens[j]!.text) && !POST_ADJECTIVE.test(tokens[j]!.text) && !segment.slice(tokens[j]!.end - offset).trim()) return null;
    const end = tokens[postModifierEnd(tokens, j)]!.end - offset;
    const text = segment.slice(first.start - offset, end).replace(/[,.;:]$/, '');
    // "said the fan who filmed it, Connor Bates, 22.": the name set off after the relative clause.
    const afterClause = RELATIVE_THEN_NAME.exec(segment.slice(end));
    const comma = afterClause ? end + afterClause[0].length : -1;
    if (afterClause && parseNameRun(afterClause[1]!)) return appositiveName(text, segment.slice(comma), offset + comma) ?? { kind: 'descriptor', text, pos: first.start };
    return appositiveName(text, segment.slice(end), offset + end) ?? { kind: 'descriptor', text, pos: first.start };
  }
  // "said state officials", "said senior campaign aides": a plural noun phrase with no determiner.
  let p = 0;
  const pluralHead = (w: string) => STARTS_LOWER.test(w) && (pluralNoun(w) || /^(?:people|men|women)$/.test(w)) && (personHead(w) || w === 'police');
  while (p < tokens.length - 1 && p < 3 && !pluralHead(bare(tokens[p]!.text)) && LOWER_WORD.test(tokens[p]!.text) && !CLAUSE_STOP.has(tokens[p]!.text) && !FILLERS.has(tokens[p]!.text) && !PREPOSITION.has(tokens[p]!.text) && !verbLike(tokens[p]!.text)) p++;
  const plural = bare(tokens[p]?.text ?? '');
  // "according to people close to Trump": one word, when a post-modifier follows it.
  // "said police." alone: the body that speaks for a force (any other one plural word names no one).
  const policeAlone = plural === 'police' && p === 0 && (/[.,;:!?]$/.test(tokens[0]!.text) || !tokens[1] || PREPOSITION.has(bare(tokens[1].text)));
  if (pluralHead(plural) && (p > 0 || postModifierEnd(tokens, p) > p || policeAlone)) {
    const text = segment.slice(first.start - offset, tokens[postModifierEnd(tokens, p)]!.end - offset).replace(/[,.;:]$/, '');
    return { kind: 'descriptor', text, pos: first.start };
  }
  return null;
}

/**
 * "according to his aunt, Jane Starner, ...", "said her lawyer, Tom Ross.": a description of a
 * person, a comma, then the person's full name between commas (or ending the sentence). The name
 * is who speaks. `rest` is the segment after the description.
 */
function appositiveName(description: string, rest: string, pos: number): Subject | null {
  // The head noun comes before a post-modifier: "his best friend at Lehigh" is a friend.
  const words = description.trim().split(/[ \u00a0]+/);
  const modifier = words.findIndex((w, i) => i > 0 && POST_MODIFIER_START_WORD.test(w));
  const head = bare(words[modifier > 0 ? modifier - 1 : words.length - 1] ?? '').toLowerCase();
  // Two capitalised words or more: a first name alone ("his aunt, Jane,") or a day ("the mayor,
  // Tuesday,") is no full name. It may be followed by where they work ("Tom Ross of Acme Law").
  const m = APPOSITIVE_NAME.exec(rest);
  if (!m) return null;
  // A head the lists do not know as a person's ("another Twitter user, Johanna Bayer") still takes a
  // name that opens with a known first name.
  if (!personHead(head) && !GENDERED_NOUN[head] && !firstNameGender(m[1]!.split(/[ \u00a0]/)[0]!.toLowerCase())) return null;
  return { kind: 'name', text: m[1]!, pos: pos + m[0].indexOf(m[1]!) };
}
/** A relative clause after a description, up to the comma before a name set off by it: " who filmed it" before ", Connor Bates". Group: the name. */
const RELATIVE_THEN_NAME = /^[ \u00a0]+(?:who|that)[ \u00a0][^,.;:!?"“”]{1,60}(?=, ((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]+){1,3}\p{Lu}[\p{L}'’-]*\p{L})(?:,|\.(?:[\s\u00a0]|$)|[\s\u00a0]*$))/u;
/** The lower-case words after an owner's name ("'s nuclear programme was"). */
const OWNED_WORDS = /^[ \u00a0]+((?:\p{Ll}[\p{L}-]*[ \u00a0]+){0,4}\p{Ll}[\p{L}-]*)/u;
/** Lower-case words up to a comma after an owner's name: "'s deputy campaign manager" before ", Rich Beeson,". */
const POSSESSED_ROLE = /^[ \u00a0]+((?:\p{Ll}[\p{L}-]*[ \u00a0]+){0,3}\p{Ll}[\p{L}-]*)(?=,)/u;
const APPOSITIVE_NAME = /^,[ \u00a0]+((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]+){1,3}\p{Lu}[\p{L}'’-]*\p{L})(?:,|\.(?:[\s\u00a0]|$)|[\s\u00a0]*$|[ \u00a0]+(?:of|at|from|with)[ \u00a0])/u;
const POST_MODIFIER_START_WORD = /^(?:at|of|for|from|with|in|on)$/;

/** Adjectives that take a phrase after a noun for people: "a person close to", "a source familiar with". */
const POST_ADJECTIVE = /^(?:familiar|close|closest|briefed|involved|knowledgeable|loyal|based|aligned|unaligned|affiliated|allied)$/;
/** What follows "said a spokesman in/to" without describing him: where or how it was said, to whom. */
const NOT_A_MODIFIER_OBJECT = /^(?:(?:a|an|the|his|her|its|their)[ \u00a0]+)?(?:[\p{L}-]+[ \u00a0]+)?(?:statement|interview|email|e-mail|letter|post|tweet|release|speech|video|call|conversation|message|op-ed|column|article|book|briefing|conference|memo|text|reporters|applause|cheers|laughter|response|reply|radio|television|TV|press|court|filing|hearing|lawsuit)\b/iu;

/**
 * The last token of a description after an inverted verb, with its post-modifier when its head is
 * a noun for people: "said a spokeswoman for the Trump campaign", "said a person close to the
 * talks" (`j` is the description's last token without it).
 */
function postModifierEnd(tokens: Token[], j: number): number {
  if (/[,.;:]$/.test(tokens[j]!.text)) return j;
  // The adjective may end the description already ("a person close") or come after it ("people close").
  const adjectiveAt = POST_ADJECTIVE.test(tokens[j]!.text) ? j : POST_ADJECTIVE.test(tokens[j + 1]?.text ?? '') ? j + 1 : -1;
  const head = bare(tokens[adjectiveAt === j ? j - 1 : j]?.text ?? '').toLowerCase();
  const prepAt = adjectiveAt >= 0 ? adjectiveAt + 1 : j + 1;
  const prep = tokens[prepAt]?.text ?? '';
  // "said a woman holding a picture of her son": the object of a participle after a noun for people
  // takes its phrase as that noun would.
  const participleObject = tokens.slice(1, j).some((t, i) => PARTICIPLE.test(bare(t.text)) && STARTS_LOWER.test(t.text) && personHead(bare(tokens[i]!.text).toLowerCase()));
  if (!(personHead(head) || participleObject) || !/^(?:of|for|to|with|at|from|in|inside|among|near|representing|on)$/.test(prep) || (prep === 'on' && adjectiveAt < 0)) return j;
  const objectText = tokens.slice(prepAt + 1).map((t) => t.text).join(' ');
  if (!objectText || TIME_OBJECT.test(objectText) || NOT_A_MODIFIER_OBJECT.test(objectText)) return j;
  let last = -1;
  for (let k = prepAt + 1; k < tokens.length && k - prepAt - 1 < 9; k++) {
    const w = tokens[k]!.text;
    const lw = bare(w).toLowerCase();
    // "at the meeting", "at the closed-door meeting" but not "for the campaign speaking on ...".
    const prev = tokens[k - 1]!.text;
    const participle = PARTICIPLE.test(lw) && !DETERMINERS.has(prev.toLowerCase()) && !/^\p{Ll}[\p{L}]*-\p{Ll}/u.test(prev);
    // "for one of these candidates": a partitive keeps its "of".
    if (lw === 'of' && PARTITIVE.has(prev.toLowerCase())) continue;
    // "in the Chinese border city of Ruili", "at the Office of Government Ethics", "at a department
    // store in Tokyo's Ginza district": the object's own "of" phrase, or where it is, after a noun
    // (not "in a statement", "on Tuesday": how or when it was said).
    if (k > prepAt + 2 && /^(?:of|in|at|near|outside)$/.test(w) && !/[,;:.]$/.test(prev) && !DETERMINERS.has(bare(prev).toLowerCase())) {
      const object = tokens.slice(k + 1).map((t) => t.text).join(' ');
      // Nor "at a rally": an indefinite place is where it was said.
      const indefinite = /^(?:a|an|one|another|some)$/i.test(tokens[k + 1]?.text ?? '');
      if (object && !indefinite && !TIME_OBJECT.test(object) && !NOT_A_MODIFIER_OBJECT.test(object)) continue;
      break;
    }
    // "with knowledge of the governor's dilemma": as before the verb (POST_MODIFIER_AT_END), "with knowledge of" is one preposition.
    if (lw === 'of' && k === prepAt + 2 && /^knowledge$/.test(bare(prev).toLowerCase())) continue;
    if (k > prepAt + 1 && STARTS_LOWER.test(w) && (CLAUSE_STOP.has(lw) || FILLERS.has(lw) || VERB_IN_PHRASE.has(lw) || participle)) break;
    last = k;
    if (/[,;:]$/.test(w) || (/\.$/.test(w) && !ABBREV_TOKEN.test(w))) break;
  }
  // The object needs a word of its own, not a determiner alone; "a mother of three" counts her children.
  if (last === prepAt + 1 && prep === 'of' && PARENT_NOUN.test(head) && /^(?:two|three)$/.test(bare(tokens[last]!.text).toLowerCase())) return last;
  return last < 0 || DETERMINERS.has(bare(tokens[last]!.text).toLowerCase()) ? j : last;
}
/** Nouns for a parent, counted by their children: "a mother of three", "a grandfather of two". */
const PARENT_NOUN = /^(?:mother|father|parent|grandmother|grandfather|grandparent|mum|mom|dad)$/;

export interface VerbHit {
  verb: string;
  start: number;
  end: number;
}

/** \w of a regex without the u flag: ASCII letters, digits and the underscore. */
function isRegexWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/**
 * "Richard Harrington of the Marine Conservation Society said": a person's name right before "of",
 * "from" or "at" and the body at `the` (a token index) is the subject, not the body. The name must
 * be two capitalised words or more opening with a known first name ("the Secretary of the Navy" and
 * "the Bank of the West" keep their descriptor). Read inside phraseBefore, token by token;
 * personOfBody reads the same shape, with an appositive or no "the", from the end of the segment.
 */
function namedBeforeBody(s: string, tokens: Token[], the: number, offset: number): Subject | null {
  if (the < 2 || bare(tokens[the]!.text).toLowerCase() !== 'the' || !/^(?:of|from|at)$/.test(tokens[the - 1]!.text)) return null;
  const end = the - 2;
  let k = end;
  while (k - 1 >= 0 && end - k < 3 && isCapitalised(tokens[k - 1]!.text) && !/[,;:!?"“”]$/.test(tokens[k - 1]!.text)) k--;
  while (k < end && CLAUSE_OPENER.has(tokens[k]!.text)) k++;
  if (end - k < 1 || !isCapitalised(tokens[end]!.text) || /[,;:!?"“”]$/.test(tokens[end]!.text)) return null;
  const text = s.slice(tokens[k]!.start - offset, tokens[end]!.end - offset);
  const parsed = parseNameRun(text);
  if (!parsed || parsed.tokens.length < 2 || DETERMINERS.has(parsed.tokens[0]!.toLowerCase()) || !firstNameGender(parsed.tokens[0])) return null;
  return { kind: 'name', text, pos: tokens[k]!.start };
}

/** End of the run of \w characters starting at `from`. */
function wordEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isRegexWordChar(text.charCodeAt(end))) end++;
  return end;
}

/** FNV-1a of text[start, end) with A-Z lower-cased, in small-integer range. */
function lowerWordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    h = Math.imul(h ^ (code >= 0x41 && code <= 0x5a ? code | 0x20 : code), 0x01000193);
  }
  return h & 0x3fffffff;
}

/**
 * A title-case word right after another capitalised word is part of a name or title, not a verb:
 * "the United States", "Fox News Reports". A pronoun before it ("He Said") does not count.
 */
function insideNameRun(segment: string, start: number, end: number): boolean {
  // "RED STATES OUTNUMBER BLUE STATES": a shouted heading, not a verb.
  if (end - start > 1 && /^[A-Z]+$/.test(segment.slice(start, end)) && /[A-Z]{2,}[\s\u00a0]+$/.test(segment.slice(Math.max(0, start - 20), start))) return true;
  const code = segment.charCodeAt(start);
  if (code < 0x41 || code > 0x5a || !/^[a-z]+$/.test(segment.slice(start + 1, end))) return false;
  if (segment[start - 1] !== ' ') return false;
  const prev = /(?:^|[\s\u00a0])([\p{Lu}][\p{L}.’'-]*)$/u.exec(segment.slice(Math.max(0, start - 40), start - 1));
  return !!prev && !PRONOUNS.has(prev[1]!.toLowerCase());
}

/** A possessive or a determiner right before a word: "Smith's", "his", "the". */
const OWNER_BEFORE = /(?:^|[\s\u00a0(])(?:\p{L}[\p{L}.-]*['’]s?|his|her|their|its|my|our|your|the|these|those)[\s\u00a0]+$/iu;

/**
 * "Smith's remarks", "her comments", "the claims": a one-word verb form that is also a plural noun
 * ("remarks", "comments", "claims", "notes") is the noun after an owner or a determiner, so it is
 * no verb of which "Smith's" would be the subject ("denounced Smith's remarks as 'hurtful'" quotes
 * whoever denounced them).
 */
function ownedNoun(segment: string, start: number, end: number): boolean {
  if (segment.charCodeAt(end - 1) !== 0x73 || /[\s\u00a0]/.test(segment.slice(start, end))) return false;
  const before = segment.slice(Math.max(0, start - 60), start);
  if (OWNER_BEFORE.test(before)) return true;
  // "his friends make jokes", "accused her of making racist remarks": the object of a verb of doing.
  const light = LIGHT_VERB_BEFORE.exec(before);
  if (light && light[1]!.trim().split(/[\s\u00a0]+/).filter(Boolean).every((w) => ADJECTIVE_LIKE.test(w) || nationalityOf(w) !== undefined)) return true;
  // "his recent remarks", "her opening remarks", "the key states": an adjective or two between the
  // owner and a word that is mostly a noun; never a word for a person ("the official notes").
  const word = segment.slice(start, end);
  if (!NOUN_FIRST.test(word)) return false;
  const m = OWNER_ADJECTIVES_BEFORE.exec(before);
  // "the Paris attacks", "the Sept. 11 attacks": a place or a date names which attacks.
  const named = (w: string) => /^attacks$/i.test(word) && /^(?:\p{Lu}[\p{L}.'’-]*|\d+)$/u.test(w);
  const adjective = (w: string) => (ADJECTIVE_LIKE.test(w) || REGION_ADJECTIVE.test(w) || nationalityOf(w) !== undefined) && !NOT_ADJECTIVE.test(w) && !personHead(w.toLowerCase()) && !DOCUMENT_NOUN.test(w);
  const modifiers = (found: RegExpExecArray | null) => !!found && found[1]!.trim().split(/[\s\u00a0]+/).every((w) => adjective(w) || named(w));
  // "a flurry of late-night tweets": after "of", modifiers and the word are a noun phrase too.
  return modifiers(m) || modifiers(OF_ADJECTIVES_BEFORE.exec(before));
}

const BY_AGENT = /^[\s\u00a0]+by[\s\u00a0]+(?:the|a|an|his|her|their|its|\p{Lu})/u; // a constant for speed (see STARTS_LOWER)

/** "the last frequency acknowledged by the pilots": a participle before "by" is passive; its subject said nothing. */
function passive(segment: string, end: number): boolean {
  if (segment.charCodeAt(end - 1) !== 0x64 || !BY_AGENT.test(segment.slice(end, end + 12))) return false;
  // "said by telephone", "said by the end of the day": "said" is never read as passive here.
  return !/(?:^|[^\p{L}])said$/iu.test(segment.slice(Math.max(0, end - 5), end));
}

const OWNER_AT_END = /(?:\p{L}['’]s|(?:^|[^\p{L}])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Yy]our))[\s\u00a0]+$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/**
 * "Trump’s repeated calls", "the mayor’s stated aim": a participle between an owner and its noun
 * modifies the noun. Not "Trump’s repeated the claim", where "’s" is "has" and an object follows.
 */
function ownedParticiple(segment: string, start: number, end: number): boolean {
  if (segment.charCodeAt(end - 1) !== 0x64 || segment.charCodeAt(end - 2) !== 0x65) return false;
  if (!OWNER_AT_END.test(segment.slice(Math.max(0, start - 7), start))) return false;
  const next = /^[\s\u00a0]+(\p{Ll}+)/u.exec(segment.slice(end, end + 30));
  return !!next && !FUNCTION_WORDS.has(next[1]!) && !NOT_A_SPEAKER.has(next[1]!) && !/^(?:to|that|him|them|it|me|us|out|up|down|back|off|on)$/.test(next[1]!);
}

/** "said in a statement posted to the parish's page": a participle after a document it describes, not its verb. */
function documentParticiple(segment: string, start: number, end: number): boolean {
  if (segment.charCodeAt(end - 1) !== 0x64 || segment.charCodeAt(end - 2) !== 0x65) return false;
  const before = DOCUMENT_BEFORE.exec(segment.slice(Math.max(0, start - 40), start));
  return !!before && DOCUMENT_NOUN.test(before[1]!) && PLACE_PREPOSITION_AFTER.test(segment.slice(end, end + 8));
}
const DOCUMENT_BEFORE = /(?:^|[\s\u00a0])(?:a|an|the|his|her|its|their)[\s\u00a0]+(?:[\p{Ll}-]+[\s\u00a0]+)?(\p{Ll}+)[\s\u00a0]+$/u;
const PLACE_PREPOSITION_AFTER = /^[\s\u00a0]+(?:to|on|in|at|by|from|online)\b/;

/** A verb whose object the next plural form is, with up to two adjectives between: "make (racist) remarks". */
const LIGHT_VERB_BEFORE = /(?:^|[\s\u00a0])(?:make|makes|made|making|take|takes|took|taking|offer|offers|offered|offering|crack|cracks|cracked|cracking|deliver|delivers|delivered|delivering|exchange|exchanged|exchanging|trade|traded|trading)((?:[\s\u00a0]+\p{Ll}[\p{L}-]*){0,2})[\s\u00a0]+$/u;

/** Verb forms that are more often plural nouns: "remarks", "comments", "claims", "notes", "states", "reads", "attacks". */
const NOUN_FIRST = /^(?:remarks|comments|claims|notes|states|reads|attacks|tweets|calls)$/i;
/** An owner or determiner, then one to three modifiers, right before the word. */
const OWNER_ADJECTIVES_BEFORE = /(?:^|[\s\u00a0(])(?:\p{L}[\p{L}.-]*['’]s?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Yy]our|[Tt]he|[Tt]hese|[Tt]hose|many|several|two|three|four|five)((?:[\s\u00a0]+[\p{L}\p{N}][\p{L}\p{N}.'’-]*){1,3})[\s\u00a0]+$/u;
/** "Western states", "the southern states": a region's adjective. */
const REGION_ADJECTIVE = /^(?:[Ww]estern|[Ee]astern|[Nn]orthern|[Ss]outhern|[Mm]idwestern|[Nn]orth(?:ern|eastern|western)|[Ss]outh(?:eastern|western))$/;
const OF_ADJECTIVES_BEFORE = /(?:^|[\s\u00a0])of((?:[\s\u00a0]+[\p{L}\p{N}][\p{L}\p{N}.'’-]*){1,2})[\s\u00a0]+$/u;
/**
 * Adjectives before such nouns: a few by their use ("recent", "key", "past") and long words of
 * adjective form ("scathing", "racial", "outrageous"). A word for a person or a document never is.
 */
/** Compound adjectives of time and length: "late-night", "early-morning", "long-running", "short-term". */
const COMPOUND_ADJECTIVE = String.raw`\p{Ll}+-(?:night|morning|evening|day|time|term|running|standing)`;
const ADJECTIVE_LIKE = new RegExp(
  String.raw`^(?:recent|latest|earlier|past|key|primary|own|first|last|early|public|private|other|such|swing|battleground|repeated|inflammatory|derogatory|offensive|insensitive|racist|sexist|false|new|several|further|prepared|more|most|less|lengthy|incoming|anti-[\p{L}-]+|${COMPOUND_ADJECTIVE}|\p{Ll}{4,}ing|\p{Ll}{3,}(?:al|ous|ful|ive))$`,
  'u',
);
const NOT_ADJECTIVE = /^(?:rival|principal|criminal|signal|proposal|journal|tribunal|individual|hospital|capital|terminal|arsenal|animal|king|ring|thing|building|wedding|meeting|hearing|briefing|ruling|filing|posting|warning)$/;

export function speechVerbs(segment: string, offset: number): VerbHit[] {
  const hits: VerbHit[] = [];
  const wordAt = (start: number, end: number): string => segment.slice(start, end).toLowerCase();
  let i = 0;
  while (i < segment.length) {
    if (!isRegexWordChar(segment.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = wordEnd(segment, i);
    const forms = VERB_FIRST_WORD_HASHES.has(lowerWordHash(segment, i, end)) ? VERB_FORMS.get(wordAt(i, end)) : undefined;
    let matchEnd = -1;
    if (forms) {
      for (const form of forms) {
        let at = end;
        let k = 1;
        for (; k < form.length; k++) {
          if (segment.charCodeAt(at) !== 0x20) break;
          const next = wordEnd(segment, at + 1);
          if (wordAt(at + 1, next) !== form[k]) break;
          at = next;
        }
        if (k === form.length) {
          matchEnd = at;
          break;
        }
      }
    }
    if (matchEnd >= 0 && !insideNameRun(segment, i, end) && !ownedNoun(segment, i, matchEnd) && !ownedParticiple(segment, i, matchEnd) && !passive(segment, matchEnd) && !pluralBeforeVerb(segment, end, matchEnd) && !documentParticiple(segment, i, matchEnd)) hits.push({ verb: segment.slice(i, matchEnd), start: offset + i, end: offset + matchEnd });
    i = matchEnd >= 0 ? matchEnd : end;
  }
  return hits;
}

/**
 * "the fiscal rules are being met": a verb of saying that is also a plural noun, with a finite verb
 * right after it, is the noun ("a trend the foundation predicts will continue" keeps its verb).
 */
function pluralBeforeVerb(segment: string, end: number, matchEnd: number): boolean {
  const noun = matchEnd === end ? PLURAL_NOUN_VERB.exec(segment.slice(Math.max(0, end - 12), end)) : null;
  if (!noun) return false;
  // Nor after "of" and a word: "an hour of initial reports", "a set of viral posts about".
  const start = end - noun[1]!.length;
  // Nor a verb's object: "who set the ground rules at the outset:", "she read the statements".
  return AUXILIARY_AFTER.test(segment.slice(end, end + 10)) || OF_WORD_BEFORE.test(segment.slice(Math.max(0, start - 24), start)) ||
    VERB_THEN_DETERMINER_BEFORE.test(segment.slice(Math.max(0, start - 40), start));
}
const VERB_THEN_DETERMINER_BEFORE = /(?:^|[\s\u00a0])(?:\p{Ll}+ed|set|laid|read|made|put|sent|gave|wrote|took|got|had|has|have|issued|posted)[\s\u00a0]+(?:the|his|her|their|its|a|an|some|new|these|those)[\s\u00a0]+(?:\p{Ll}[\p{L}-]*[\s\u00a0]+)?$/u;
const OF_WORD_BEFORE = /(?:^|[\s\u00a0])of[\s\u00a0]+(?:\p{Ll}[\p{L}-]*[\s\u00a0]+)?$/u;
const PLURAL_NOUN_VERB = /(?:^|[^\p{L}])(rules|claims|notes|reports|comments|remarks|answers|replies|quotes|states|questions|tweets|posts|charges|points|details|concerns|complaints|statements|responses)$/iu;
const AUXILIARY_AFTER = /^[ \u00a0]+(?:are|were|have|had|will|would|can|could|should|may|might|must)[ \u00a0]/;

/** Cue text: subject + verb (+ the addressee of "told"), as written. */
function cueText(text: string, from: number, verb: VerbHit): string {
  let end = verb.end;
  if (/^(told|tells|telling)$/i.test(verb.verb)) {
    const m = /^[ \u00a0]+((?:the |a )?[\p{L}’'.-]+(?: [\p{Lu}][\p{L}’'.-]*)*)/u.exec(text.slice(end, end + 40));
    if (m && !/^(that|him|her|them|me|us)$/i.test(m[1]!)) end += m[0].length;
  }
  return text.slice(Math.min(from, verb.start), Math.max(end, verb.end)).replace(/\s+/g, ' ').trim();
}

/** "— Unite general secretary Sharon Graham": after the dash, a body and a role in lower case, then the name (group 1). */
const DASH_ROLE_THEN_NAME = /^[―—–-][\s\u00a0]*\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’-]*){0,3}[ \u00a0]+(?:\p{Ll}[\p{L}-]*[ \u00a0]+){1,4}(\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’-]*){1,3})/u;
/**
 * A cue right after a closing quote mark: `," Putin said`, `," said Putin`, `," he told reporters`,
 * `," according to the Kremlin`, `” ― Jorge Falcon`. `segment` is the masked text from the closing mark
 * to the end of the sentence.
 */
const QUOTED_AS_AT_END = /(,?)[\s\u00a0]+(?:was|were|is|are|has[\s\u00a0]+been|had[\s\u00a0]+been)[\s\u00a0]+(?:quoted|reported|heard|recorded|filmed)[\s\u00a0]+(?:as[\s\u00a0]+)?$/;
/** A dash and the name after it; a constant for speed (see STARTS_LOWER in lexicon.ts). */
const DASH_NAME = /^[―—–-][\s\u00a0]*(\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’-]*){0,4})/u;
export function trailingCue(text: string, segment: string, offset: number, newSentence = false): Cue | null {
  const lead = /^[\s\u00a0,]*/.exec(segment)![0].length;
  const rest = segment.slice(lead);
  const at = offset + lead;
  const dash = DASH_NAME.exec(rest);
  // "— Unite general secretary Sharon Graham": a body and a role before the name.
  const roleThenName = dash ? DASH_ROLE_THEN_NAME.exec(rest) : null;
  if (roleThenName && firstNameGender(roleThenName[1]!.split(/[ \u00a0]/)[0]!.toLowerCase())) {
    return { text: roleThenName[0].trim(), subject: { kind: 'name', text: roleThenName[1]!, pos: at + roleThenName[0].lastIndexOf(roleThenName[1]!) }, pos: at };
  }
  if (dash) return { text: dash[0].trim(), subject: { kind: 'name', text: dash[1]!, pos: at + dash[0].indexOf(dash[1]!) }, pos: at };
  const according = /^according to[ \u00a0]+/i.exec(rest);
  if (according) {
    const subject = subjectAfter(rest.slice(according[0].length), at + according[0].length);
    if (subject) return { text: `according to ${subject.text}`, subject, pos: at };
  }
  const verbs = speechVerbs(rest.slice(0, 160), at);
  // `," comments Tom Johnston`: "comments" reports speech only inverted right after the quotation
  // (elsewhere it is as often a noun: "his comments").
  const inverted = INVERTED_ONLY_VERB.exec(rest);
  if (inverted && (!verbs[0] || verbs[0].start > at + inverted[0].length)) {
    const subject = subjectAfter(rest.slice(inverted[0].length), at + inverted[0].length);
    if (subject?.kind === 'name') return { text: rest.slice(0, subject.pos - at + subject.text.length).trim(), subject, pos: at };
  }
  const verb = verbs[0];
  if (!verb) return null;
  const beforeVerb = text.slice(at, verb.start);
  if (beforeVerb.trim() === '') {
    // Inverted: "said Putin", `"...?" asked Sen. Barbara Mikulski`, `," warned Clinton`. After "told"
    // or "called" comes whom it was said to or of.
    // Nor a participle: in `"within two weeks" explaining their new school assignments` what follows is its object.
    if (ADDRESSEE_VERBS.test(verb.verb) || ING_WORD.test(verb.verb)) return null;
    const subject = subjectAfter(text.slice(verb.end, verb.end + 200), verb.end);
    if (!subject || !speaks(verb, subject)) return null;
    return { text: text.slice(at, subject.pos + subject.text.length).trim(), subject: nameGivenAfter(subject, text), pos: at };
  }
  // Subject then verb, with at most a few words between the quote and the verb.
  // `," Li Wei, deputy head of the court, was quoted as saying.`: the passive frame is not part of the subject.
  const passive = PARTICIPLE.test(verb.verb) ? QUOTED_AS_AT_END.exec(beforeVerb) : null;
  // (A comma before it stays: it closes an appositive, "Li Wei, deputy head of the court,".)
  const subjectPart = passive ? `${beforeVerb.slice(0, passive.index)}${passive[1]} ` : beforeVerb;
  // A name with its appositive between commas may run longer ("He Jianxiong, the former executive
  // director for China at the International Monetary Fund, said").
  const wordLimit = NAME_THEN_APPOSITIVE.test(subjectPart) ? 24 : 12;
  if (subjectPart.split(/\s+/).filter(Boolean).length > wordLimit || /[.;!?]/.test(subjectPart.replace(TITLE_PERIOD, ''))) return null;
  const subject = subjectBefore(subjectPart, at);
  if (!subject || !speaks(verb, subject)) return null;
  // `"... Before." The scientist says she doesn't take it lightly`: a new sentence whose verb
  // reports its own clause is about something else; `"Why not?" Trump said.` still cues the quote.
  // After "asked" or "told" comes whom it was said to ("Todd asked the real estate mogul").
  if (newSentence && reportsOwnClause(text, verb)) return null;
  // `"..." Glancy admitted five counts of fraud.`: a verb with a counted object is a new sentence of narration.
  if (newSentence && COUNTED_OBJECT_AFTER.test(text.slice(verb.end, verb.end + 20))) return null;
  // `'... no contact.' Joelinton, who scored the opener, agreed.`: someone agreeing with a statement
  // that has ended is someone else reacting to it.
  if (newSentence && AGREEING.test(verb.verb) && text[offset - 2] === '.' && /^[\s\u00a0]*[.;]/.test(text.slice(verb.end, verb.end + 3))) return null;
  // The subject must start the clause after the quote (no other clause in between).
  const gap = text.slice(at, subject.pos);
  if (gap.trim() !== '' && !/^[\s,]*$/.test(gap)) return null;
  return { text: cueText(text, subject.pos, verb), subject, pos: at };
}

const INVERTED_ONLY_VERB = /^comments[ \u00a0]+/;
const AGREEING = /^(?:agreed|agrees|disagreed|disagrees|concurred|concurs)$/;
const NAME_THEN_APPOSITIVE = /^[\s\u00a0]*\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’-]*){1,3},[ \u00a0][^,]+,[\s\u00a0]*$/u;

const NAME_THEN_COLON = /^[\s\u00a0]*(\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’-]*){0,3})(?:,[ \u00a0](?:The[ \u00a0])?\p{Lu}[\p{L}.'’&-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’&-]*){0,4})?:(?:[\s\u00a0]|$)/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/**
 * A cue before the opening mark within the same sentence: `Putin said: "`, `Putin said he had "`,
 * `According to X, "`, `Limbaugh continued: "`, `Putin: '`. `segment` is masked text from the
 * sentence start to the opening mark.
 */
export function leadingCue(text: string, segment: string, offset: number): Cue | null {
  const according = /\baccording to[ \u00a0]+/i.exec(segment);
  const source = according && subjectAfter(segment.slice(according.index + according[0].length), offset + according.index + according[0].length);
  const accordingCue: Cue | null = source ? { text: `according to ${source.text}`, subject: source, pos: offset + according!.index } : null;
  const verbs = speechVerbs(segment, offset);
  for (let k = verbs.length - 1; k >= 0; k--) {
    const verb = verbs[k]!;
    // "According to AFP, one user on Weibo posted: '...'": the report's source, then who spoke.
    if (source && verb.start < source.pos + source.text.length) break;
    const cue = cueAtVerb(text, segment, offset, verb, verbs.slice(0, k));
    if (cue) return cue;
  }
  if (accordingCue) return accordingCue;
  // "The campaign released a statement on Monday: '...'", "The DNC issued a statement apologizing to
  // Sanders ... [paragraph] '...'": with no verb of saying, the quotation is the statement put out.
  const issued = ISSUED_DOCUMENT.exec(segment);
  const issuer = issued ? subjectBefore(segment.slice(0, issued.index), offset) : null;
  if (issued && issuer && !pluralName(issuer)) {
    return { text: `${issuer.text}${issued[0]}`, subject: { ...issuer, viaText: true }, pos: issuer.pos };
  }
  // Headline style "Putin: Russia & US may reach agreement on Syria 'within next few days'".
  // Roundups: "Jon Ralston, Nevada Independent: ..." (the name, then the outlet).
  const colon = NAME_THEN_COLON.exec(segment);
  // "POST OF THE DAY: Rep. Harlan Cole (R-Wis.):": the party tag is no part of the name before the colon.
  if (segment.includes('(')) segment = segment.replace(PARTY_TAG_BEFORE_COLON, ':');
  if (/:[\s\u00a0]*$/.test(segment)) {
    // "IOWA POLLS NOT WRONG - Mark Blumenthal:", "Pollsters agree - More from Jones:",
    // "The timing doesn't surprise Republican pollster Daron Shaw:": a name right before the colon.
    // A name after a preposition is whom it was said to ("a blunt message to Trump:"), and so is one
    // after "told" or "asked" ("one user ... told Mr Bannatyne:").
    const named = /(?:^|[-–—][\s\u00a0]+(?:More[\s\u00a0]+from[\s\u00a0]+)?|(?<=\p{Lu}{2,}):[\s\u00a0]+|[\s\u00a0](?!(?:to|for|with|at|on|about|from|by|of|against|into|toward|towards|told|tells|telling|asked|asks|asking|warned|urged|reminded)[\s\u00a0])\p{Ll}+[\s\u00a0]+)((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){0,3}\p{Lu}[\p{L}'’-]+):[\s\u00a0]*$/u.exec(segment);
    // "writing in the Evening Standard:": a name after a preposition and its article is where, not who.
    const placeOfWords = named && PREPOSITION_ARTICLE_AT_END.test(segment.slice(Math.max(0, named.index - 20), named.index + named[0].indexOf(named[1]!)));
    const parsedNamed = named && !placeOfWords && parseNameRun(named[1]!);
    if (named && parsedNamed && !/^\p{Lu}+$/u.test(parsedNamed.tokens.join('')) && !FIELD_LABEL.test(parsedNamed.tokens.at(-1)!) && !NOT_A_SPEAKER.has(parsedNamed.tokens[0]!.toLowerCase()) && !captionHeading(parsedNamed.tokens, text)) {
      const text = parsedNamed.tokens.join(' ');
      return { text: `${text}:`, subject: { kind: 'name', text, pos: offset + named.index + named[0].indexOf(named[1]!) }, pos: offset + named.index };
    }
    // `President Obama is rolling out a new message: "It's about me."`, "Trump leaned in and boomed:"
    // So does an unnamed person: "One Republican member, walking off the floor, summed up the mood:".
    const subject = clauseSubject(segment, offset);
    if (subject && (subject.kind === 'name' || (subject.kind === 'descriptor' && UNNAMED_PERSON_OPENING.test(subject.text) && personHead(subject.text.split(/[ \u00a0]+/).pop()!)))) return { text: `${subject.text}:`, subject, pos: subject.pos };
  }
  // (A heading in capitals, "BOOK CLUB:", "POST OF THE DAY:", is no name; a transcript's "KANE:" may be.)
  if (colon && parseNameRun(colon[1]!) && !captionHeading(colon[1]!.split(/[ \u00a0]/), text) && !FIELD_LABEL.test(colon[1]!.split(/\s/).pop()!) && !CAPITALS_HEADING.test(colon[1]!)) return { text: `${colon[1]}:`, subject: { kind: 'name', text: colon[1]!, pos: offset + colon.index + colon[0].indexOf(colon[1]!) }, pos: offset };
  // "Ian Wright, former Arsenal striker:", "Ian Wright (former Arsenal striker):": a name and what
  // they are, then the colon, on the quotation's line or the line before.
  // So does "George Osborne, writing in the Evening Standard:".
  const described = NAME_ROLE_COLON.exec(segment);
  const roleWords = described?.[2] ?? described?.[4];
  // The role's head: the last word, or the word before its "of" ("head of fixed income").
  const role = roleWords ? roleWords.trim().split(/[ \u00a0]+of[ \u00a0]+/)[0]!.split(/[ \u00a0]+/).pop()!.toLowerCase() : null;
  const parsedDescribed = described && (described[3] || (role && personHead(role))) ? parseNameRun(described[1]!) : null;
  if (described && parsedDescribed) {
    const name = parsedDescribed.tokens.join(' ');
    return { text: `${name}:`, subject: { kind: 'name', text: name, pos: offset + described.index + described[0].indexOf(described[1]!) + described[1]!.lastIndexOf(parsedDescribed.tokens[0]!) }, pos: offset };
  }
  return labelBeforeColon(segment, offset);
}

/**
 * A roundup's line before a quotation: who, then what they are and where they said it, in asides,
 * then a colon, with no verb of its own ("Shadow chancellor Oliver Pennington, responding from the
 * despatch box:", "Hamish Dunbar, leader of the Liberal Democrats, on X:", "A Treasury source,
 * speaking to reporters after the statement:"). Hand-written: a layout of news roundups.
 */
function labelBeforeColon(segment: string, offset: number): Cue | null {
  const label = LABEL_THEN_ASIDES_COLON.exec(segment);
  if (!label) return null;
  const [, who, asides] = label as unknown as [string, string, string];
  // No clause of its own: no verb in the label, none opening an aside ("Smith, who said:" is not one).
  const words = who.split(/[ \u00a0]+/);
  const clauseInAside = (a: string) => RELATIVE_WORD.test(a) || (STARTS_LOWER.test(a.trim()) && verbLike(a.trim().split(/[ \u00a0]+/)[0]!));
  if (words.some((w) => STARTS_LOWER.test(w) && verbLike(w)) || asides.split(',').some(clauseInAside)) return null;
  const at = offset + label.index + label[0].indexOf(who);
  // "A Treasury source": someone never named, as written.
  if (UNNAMED_PERSON_OPENING.test(who) && personHead(words[words.length - 1]!.toLowerCase())) return { text: `${who}:`, subject: { kind: 'descriptor', text: who, pos: at }, pos: at };
  // "Shadow chancellor Oliver Pennington": the name at the label's end, after any words for what they are.
  const run = NAME_RUN_AT_END.exec(who);
  const parsed = run ? parseNameRun(run[0]) : null;
  // A person's: a first name or a title says so ("New York, the city ...:" is a place).
  if (!run || !parsed || parsed.tokens.length < 2 || !(firstNameGender(parsed.tokens[0]) || parsed.titleWords.length > 0)) return null;
  const name = parsed.tokens.join(' ');
  return { text: `${name}:`, subject: { kind: 'name', text: name, pos: at + run.index + run[0].lastIndexOf(parsed.tokens[0]!) }, pos: at };
}
const RELATIVE_WORD = /(?:^|[ \u00a0])(?:who|whom|which|that)[ \u00a0]/;
const LABEL_THEN_ASIDES_COLON = /^[\s\u00a0]*([^,:;"“”‘’()]{3,60}?)((?:,[ \u00a0][^,:;"“”‘’]{1,100}?){1,3}):[\s\u00a0]*$/u;
const NAME_RUN_AT_END = /(?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){0,3}\p{Lu}[\p{L}'’-]+$/u;

const PARTY_TAG_BEFORE_COLON = /[ \u00a0]*\((?:R|D|I)[-–][\p{L}. ]{2,20}\):(?=[\s\u00a0]*$)/u;
const CAPITALS_HEADING = /^\p{Lu}+(?:[ \u00a0]+\p{Lu}+)+$/u;
const UNNAMED_PERSON_OPENING = /^(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \u00a0]/;
/** Whether up to three capitalised words before tokens[i] follow a determiner ("A Labour", "a senior Conservative"). */
function determinerBeforeCapitals(tokens: Array<{ text: string }>, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const w = tokens[k]!.text;
    if (/[,;:!?.]$/.test(w)) return false;
    if (DETERMINERS.has(w.toLowerCase())) return k < i - 1;
    if (!isCapitalised(w) && !STARTS_LOWER.test(w)) return false;
  }
  return false;
}

/** A preposition and an article right before a name: "in the", "on a". */
const PREPOSITION_ARTICLE_AT_END = /(?:^|[\s\u00a0])(?:in|on|at|to|for|with|from|by|of|about|into|via|through|outside|inside|near|behind|beside|after|before|during|across|around|within|among|under|over)[\s\u00a0]+(?:the|a|an)[\s\u00a0]+$/;

/** A name, then a comma and a short description (perhaps with where they work: "chief economist, Dunmore Capital") or a description in brackets, then the colon. */
const NAME_ROLE_COLON = /^[\s\u00a0]*(\p{Lu}[\p{L}.'’-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’-]*){1,3})(?:,[ \u00a0](?:((?:[\p{L}.'’&-]+[ \u00a0]){0,5}\p{Ll}[\p{L}-]*)(?:(?:[ \u00a0](?:at|of|for|with)[ \u00a0](?:the[ \u00a0])?|,[ \u00a0])\p{Lu}[\p{L}.'’&-]*(?:[ \u00a0]\p{Lu}[\p{L}.'’&-]*){0,4})?|((?:writing|speaking|talking|posting)[ \u00a0](?:in|on|to|at)[ \u00a0][^,:;"“”]{1,60}))|[ \u00a0]\(([^()]{2,60})\)):[\s\u00a0]*$/u;

/** Labels of a page's or a form's fields before a colon ("Editor's note:", "Related:", "Name:"; a fact check's "Claim:", "Verdict:"), no speakers. */
const FIELD_LABEL = /^(?:Note|Editor|Update|Updated|Watch|Read|Related|Photo|Video|Source|Credit|Warning|Breaking|Exclusive|Opinion|Analysis|Correction|Clarification|Caption|Headline|Name|Age|City|Job|Title|Location|Date|Quote|Q|A|Claim|Verdict|Rating|Ruling|Fact|Facts|Context|Background|Bottom line|Question|Answer)$/i;

/**
 * "Out: ...", "Scene: ...": a picture caption's one-word heading, not a name. The article uses the
 * word in lower case elsewhere, which it does not do with a name.
 */
function captionHeading(tokens: string[], text: string): boolean {
  if (tokens.length !== 1) return false;
  const lower = tokens[0]!.toLowerCase();
  if (lower === tokens[0] || !/^\p{L}+$/u.test(lower)) return false;
  return hasWord(text, lower);
}

// After a fronted phrase, a lower-case subordinate clause is fronted too ("Last month, when I asked X, he said").
export const FRONTED = /^[\s\u00a0]*(?:(?:In|At|On|During|After|Before|Even[ \u00a0]+(?:before|after|as|though|when|while|if)|With|Without|From|For|Since|Speaking|Asked|[A-Z][a-z]{2,}ing(?=[ \u00a0]+[a-z])|Of|As|When|While|Following|Despite|Earlier|Later|Outside|Inside|Nearby|Across|Elsewhere|Next[ \u00a0]+door|Behind|Beside|Near|Around|Along|Among|Over|Under|Across|(?:Then|But|And|Also|Still|Yet)(?![ \u00a0]+(?:he|she|they|we|I)[ \u00a0])|However|Meanwhile|Last|This|On|(?:(?:A|An|One|Two|Three|Four|Five|Six|Several|Some|A[ \u00a0]+few)[ \u00a0]+(?:hours?|days?|weeks?|months?|years?|minutes?|moments?)|Hours|Days|Weeks|Months|Years|Minutes|Moments)(?=[ \u00a0]+(?:later|earlier|after|before|ago)\b)|(?<=,["”’]?[\s\u00a0]*)(?:when|while|as|after|before|if|once|because|since|although|though))\b[^,;:]{0,120},["”’]?[\s\u00a0]*)+/;
const SUBJECT_START = /^((?:\p{Lu}[\p{L}.’'-]*[ \u00a0]?){1,5}|he|she|they|we)(?=[ \u00a0]+\p{Ll})/u;

const SPACE_THEN_LOWER_WORD = /^[ \u00a0]+(\p{Ll}[\p{L}-]*)/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/** The subject that opens a sentence, after any fronted phrase ("In a video Thursday, Trump ..."). */
export function sentenceSubject(segment: string, offset: number): Subject | null {
  const fronted = FRONTED.exec(segment)?.[0].length ?? 0;
  const rest = segment.slice(fronted);
  const m = SUBJECT_START.exec(rest);
  if (!m) return null;
  const raw = m[1]!.trim();
  const pos = offset + fronted;
  // The next word must read as a verb ("Trump took", not "Band member", "Hundreds of"), and shouting
  // all-caps headings are not names.
  const next = SPACE_THEN_LOWER_WORD.exec(rest.slice(m[0].length))?.[1] ?? '';
  // "Scott's relatives watched ...": whom the owner has, not the owner ("relatives" reads as a verb too).
  if (/['’]s$/.test(raw) && personHead(next)) return { kind: 'descriptor', text: `${raw} ${next}`, pos };
  if (!verbLike(next) || /\p{Lu}{2,}[ \u00a0]+\p{Lu}{2,}|^\p{Lu}{4,}$/u.test(raw)) return null;
  if (PRONOUNS.has(raw.toLowerCase())) return { kind: 'pronoun', text: raw, pos };
  if (!STARTS_UPPER.test(raw) || DETERMINERS.has(raw.split(/\s/)[0]!.toLowerCase()) || raw === 'Q') return null;
  const words = raw.split(/[ \u00a0]+/);
  if (words.some((w) => /^(?:The|A|An|This|That|It|There|Here|What|When|If)$/.test(w))) return null;
  const name = words.join(' ').replace(/[’']s$/, '');
  return parseNameRun(name) ? { kind: 'name', text: name, pos } : null;
}

/** "took to Twitter to", "went on Instagram on Monday to", "used her account to": a medium, then "to" before the verb of speech. */
const TOOK_TO_MEDIUM_THEN_TO = /[ \u00a0]+(?:took|takes|taking|take|went|goes|going|turned|turns|turning|used|uses|using)[ \u00a0]+(?:to|on|onto|her|his|their|its)[ \u00a0]+[^,;:.!?"“”]{1,50}?[ \u00a0]+to[ \u00a0]+$/u;

// "then" alone coordinates only after a comma ("Trump gestured, then leaned in"); "The statement then
// declares" is a subject and its verb.
// A time adverb may come between ("and later said", "and again told").
const COORDINATED = /(?:[,\s]\s*(?:and|but|or|and then|but then|before|yet)|,\s*then)\s+(?:\p{Ll}+ly\s+|(?:also|then|later|again|finally|eventually|soon)\s+)?$/u;

/**
 * The subject of the clause a segment opens: sentenceSubject when the sentence starts plainly, else
 * the noun phrase before its first finite verb ("Hillary Clinton's right-hand woman rallied ...",
 * "Huma Abedin, vice chairwoman for the campaign, emailed ...").
 */
export function clauseSubject(segment: string, offset: number): Subject | null {
  const plain = sentenceSubject(segment, offset);
  if (plain) return plain;
  const fronted = FRONTED.exec(segment)?.[0].length ?? 0;
  let inAppositive = false;
  for (const m of segment.slice(fronted).matchAll(/[^\s\u00a0]+/g)) {
    const word = m[0];
    if (word === 'Q' || /["“”]/.test(word)) return null;
    // Words inside ", ... ," after the subject belong to an appositive, not to the clause.
    const bareWord = word.replace(/[,;:.]$/, '');
    if (!inAppositive && LOWER_WORD.test(bareWord) && verbLike(bareWord) && !/ly$/.test(bareWord)) {
      const subject = subjectBefore(segment.slice(0, fronted + m.index), offset);
      return subject && subject.kind !== 'descriptor' ? subject : subject && subject.text.split(/\s+/).length >= 2 ? subject : null;
    }
    if (word.endsWith(',')) inAppositive = !inAppositive;
    if (m.index > 200) break;
  }
  return null;
}

const NAME_WHICH_AT_END = /(?<![\p{L}\p{N}.'’-])((?:\p{Lu}[\p{L}.'’&-]*[ \u00a0]){0,4}\p{Lu}[\p{L}'’-]+),[ \u00a0]+which[ \u00a0]+$/u;

/** Subject and cue for one verb inside a segment; participles borrow the subject of an earlier verb. */
export function cueAtVerb(text: string, segment: string, offset: number, verb: VerbHit, earlier: VerbHit[]): Cue | null {
  const local = verb.start - offset;
  const before = segment.slice(0, local);
  // A participle takes the subject of the clause after a comma or conjunction, and after a name that
  // is the object of a preposition ("Clinton responded on Facebook writing", "Thiel wrote in a
  // statement to Wired explaining").
  if (PARTICIPLE.test(verb.verb) && (/(?:^|[,;]\s*|\band\s+|\bwhile\s+|\bbefore\s+|\bafter\s+|\bwhen\s+|\bby\s+|\bupon\s+|\bon\s+)$/.test(before) || PREPOSITION_OBJECT_AT_END.test(before.slice(-60)) || PLURAL_RECIPIENT_AT_END.test(before.slice(-40)) || ADDRESSED_AT_END.test(before.slice(-40)))) {
    // "Clinton spoke down the street, where about 50 protesters had gathered, chanting": a clause
    // with a subject of its own comes between; the participle is its subject's, not the speaker's
    // before it. No speaker rather than the wrong one when that subject is not read.
    const intervening = SUBORDINATE_CLAUSE_AT_END.exec(before.slice(-160));
    if (intervening && earlier.some((v) => v.start - offset < before.length - 160 + Math.max(0, 160 - before.length) + intervening.index)) {
      const clause = intervening[1]!;
      const clauseAt = offset + before.length - Math.min(160, before.length) + intervening.index + intervening[0].indexOf(clause);
      // "about 50 protesters": the quantifier is read apart, then kept.
      const quantifier = /^(?:about|some|nearly|almost|roughly|around|more[\s\u00a0]+than|at[\s\u00a0]+least)[\s\u00a0]+/.exec(clause)?.[0] ?? '';
      const found = subjectBefore(' '.repeat(quantifier.length) + clause.slice(quantifier.length), clauseAt);
      const own = found && quantifier && found.pos === clauseAt + quantifier.length ? { ...found, text: clause.slice(0, quantifier.length) + found.text, pos: clauseAt } : found;
      return own && own.kind !== 'pronoun' ? { text: `${own.text} ... ${verb.verb}`, subject: own, pos: own.pos } : null;
    }
    for (let k = earlier.length - 1; k >= 0; k--) {
      // "not paying an architect who said he was stiffed ..., saying": a relative clause's verb is
      // not the one the participle continues.
      if (/\b(?:who|that|which)[\s\u00a0]+(?:\p{Ll}+[\s\u00a0]+)?$/u.test(segment.slice(Math.max(0, earlier[k]!.start - offset - 30), earlier[k]!.start - offset))) continue;
      const cue = cueAtVerb(text, segment, offset, earlier[k]!, earlier.slice(0, k));
      if (cue) return cue;
    }
    // "Weaver didn't seem impressed, telling reporters, ...": the subject of the sentence speaks.
    const subject = clauseSubject(segment.slice(0, local), offset);
    if (subject) return { text: `${subject.text} ... ${verb.verb}`, subject, pos: subject.pos };
    return null;
  }
  // "She took to Twitter to write:", "Watson used her Instagram account to say:": the verb of speech
  // is the purpose of what the subject did, and the subject speaks.
  if (/^(?:say|write)$/i.test(verb.verb) && TOOK_TO_MEDIUM_THEN_TO.test(before.slice(-80))) {
    const subject = subjectBefore(before.replace(TOOK_TO_MEDIUM_THEN_TO, ''), offset);
    if (subject) return { text: `${subject.text} ... to ${verb.verb}`, subject, pos: subject.pos };
    return null;
  }
  // "write" is a verb of speech only there: "helped a journalist write 'Who's Who in the CIA'" names a book.
  if (/^write$/i.test(verb.verb)) return null;
  // "Trump gestured, then leaned in and boomed:", "Hayek confirmed she had been and said,": a
  // verb coordinated with an earlier one shares the subject of the clause.
  // (Tested on the tail only: a pattern ending in $ is otherwise tried from every position.)
  if (COORDINATED.test(before.slice(-40))) {
    const subject = clauseSubject(before.replace(COORDINATED, ''), offset);
    if (subject) return { text: `${subject.text} ... ${verb.verb}`, subject, pos: subject.pos };
    return null;
  }
  // "A warm-up band called Sophistafunk got the crowd to cheer": "called" names the band; no one speaks.
  // (Not "what one conservative has dubbed ''the yuca primary''": a subject coined the words.)
  if (/^(?:called|named|dubbed)$/i.test(verb.verb) && NAMING_AFTER.test(text.slice(verb.end, verb.end + 40)) && INDEFINITE_NOUN_AT_END.test(before.slice(-60)) && !/(?:^|[\s\u00a0])(?:has|have|had)[\s\u00a0]+$/.test(before.slice(-8))) return null;
  // "hours after it was announced by Northern Lines, which said:": a body set off by a comma, right
  // before the speech verb (not "New Hampshire, which is set to host ..., Bush ... described").
  const which = /which[\s\u00a0]+$/.test(before.slice(-10)) ? NAME_WHICH_AT_END.exec(before.slice(-80)) : null;
  if (which && parseNameRun(which[1]!)) {
    const pos = offset + before.length - which[0].length;
    return { text: cueText(text, pos, verb), subject: { kind: 'name', text: which[1]!, pos }, pos };
  }
  const found = addressedDocument(before, offset, issuerOfDocument(before, offset, verb) ?? subjectBefore(before, offset));
  const subject = found === null || found.kind === 'name' ? openingNameOver(before, offset, found) ?? found : found;
  if (subject && (speaks(verb, subject) || (subject.kind !== 'pronoun' && issuerLike(subject) && fromDocument(before, subject.pos - offset)))) return { text: cueText(text, subject.pos, verb), subject, pos: subject.pos };
  if (subject) return null;
  // Inversion: `Said Trump: "`, `..., noted NBC's Dante Chinni.`
  if ((before.trim() === '' || /,[\s\u00a0]*$/.test(before)) && !TELL_VERBS.test(verb.verb)) {
    const after = subjectAfter(text.slice(verb.end, verb.end + 200), verb.end);
    // "..., says the chorus of the song is 'note for note' the same": a clause of its own, not an inverted subject.
    const clauseVerb = after && (after.kind !== 'pronoun' || /^it$/i.test(after.text)) && FINITE_VERB_AFTER.test(text.slice(after.pos + after.text.length, after.pos + after.text.length + 12));
    if (after && !clauseVerb && speaks(verb, after)) return { text: text.slice(verb.start, after.pos + after.text.length), subject: nameGivenAfter(after, text), pos: verb.start };
  }
  return null;
}

/** "A letter from the National Rifle Association read:": the subject is who the text came from, so "read" is theirs. */
/** Who can issue a document: a name ("the NRA"), people ("his lawyers"), or a body ("the family", "the club"). */
function issuerLike(subject: Subject): boolean {
  if (/^(?:the[ \u00a0]+)?\p{Lu}/u.test(subject.text)) return true;
  const head = subject.text.split(/[ \u00a0]+/).pop()!.toLowerCase();
  return subject.kind === 'descriptor' && (personHead(head) || COLLECTIVE_ISSUER.test(head));
}
const COLLECTIVE_ISSUER = /^(?:family|families|club|council|company|firm|school|university|hospital|government|team|campaign|committee|board|group|party|charity|union|department|ministry|office|police|force|trust|authority|organisers|organizers)$/;

function fromDocument(before: string, at: number): boolean {
  const m = /(?:^|[\s\u00a0])(\p{Ll}+)[\s\u00a0]+from[\s\u00a0]+(?:the[\s\u00a0]+)?$/u.exec(before.slice(Math.max(0, at - 60), at));
  return !!m && (DOCUMENT_NOUN.test(m[1]!) || TEXT_CARRIER.test(m[1]!));
}

/** "His latest message to ", "a letter about ": a document, then whom or what it is addressed to or about. */
const DOCUMENT_TO_AT_END = /(?:^|[\s\u00a0])(?:([Hh]is|[Hh]er|[Tt]heir)|[Tt]he|[Aa]n?|[Aa]nother)[\s\u00a0]+(?:[\p{Ll}-]+[\s\u00a0]+){0,2}(\p{Ll}+)[\s\u00a0]+(?:to|for|about|against|on)[\s\u00a0]+$/u;

/**
 * "His latest message to Vasilyev reads:": a name that is the object of "to"/"about" after a
 * document is whom the document is addressed to, not who wrote it. The writer is the owner ("his":
 * the he before it), else no one we can name.
 */
function addressedDocument(segment: string, offset: number, subject: Subject | null): Subject | null {
  if (subject?.kind !== 'name') return subject;
  const at = subject.pos - offset;
  const lead = segment.slice(Math.max(0, at - 10), at);
  if (!/(?:to|for|about|against|on)[\s\u00a0]+$/.test(lead)) return subject;
  if (at < 0 || !/[\s\u00a0]$/.test(segment.slice(Math.max(0, at - 1), at))) return subject;
  const m = DOCUMENT_TO_AT_END.exec(segment.slice(Math.max(0, at - 60), at));
  if (!m || !DOCUMENT_NOUN.test(m[2]!)) return subject;
  if (!m[1]) return null;
  const pronoun = /^[Hh]is$/.test(m[1]) ? 'he' : /^[Hh]er$/.test(m[1]) ? 'she' : 'they';
  return { kind: 'pronoun', text: pronoun, pos: offset + Math.max(0, at - 60) + m.index + m[0].indexOf(m[1]) };
}

/** The clause's opening name and its comma: "Mark Peaker,", "Yesterday rugby fan Mr Hobbs,". */
// A party tag may come between the name and its comma: "Chris Christie (R), a staunch ally, ...".
const OPENING_NAME_COMMA = /^[\s\u00a0]*(?:(?:\p{Lu}[\p{L}'’-]*['’]s?|[Hh]is|[Hh]er|[Tt]heir)[ \u00a0]+(?:\p{Ll}[\p{L}-]*[ \u00a0]+){0,2}(\p{Ll}[\p{L}-]*),[ \u00a0]+)?((?:[\p{L}-]+[ \u00a0]){0,3}?)((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){0,3}\p{Lu}[\p{L}'’-]+)(?:[ \u00a0]\([RDI](?:-[\p{L}.]+)?\))?,[ \u00a0]/u;
/** A finite verb of the main clause: after the appositive, a clause of its own ("Tom Reed, 32, was arrested"). */
const FINITE_VERB = /(?:^|[\s\u00a0])(?:was|were|is|are|has|had|have|will|would|could|did|does)[\s\u00a0]/;

/**
 * "Mark Peaker, 47, a father-of-three, from Telford said", "Mr Hobbs, who was on his way home ...
 * with son Sam, 12, said": the name that opens the clause is the subject; a name inside its
 * appositive or relative clause (found as the nearest phrase, or nothing found at all when the
 * appositive is long) is not. Null when the clause does not open that way, or when the words after
 * the comma hold a main clause of their own ("Tom Reed, 32, was arrested, and his brother said").
 */
function openingNameOver(segment: string, offset: number, subject: Subject | null): Subject | null {
  // Cheap tests first: a comma to set the name off, and a found phrase after it.
  const comma = segment.indexOf(',');
  if (comma < 0 || (subject && subject.pos - offset < comma)) return null;
  const fronted = FRONTED.exec(segment)?.[0].length ?? 0;
  const m = OPENING_NAME_COMMA.exec(segment.slice(fronted));
  if (!m) return null;
  // "Alya's dad, Ahmed Ali, 47, of Stratford,": whose relative or what role, then the name.
  if (m[1] && !GENDERED_NOUN[m[1]] && !personHead(m[1])) return null;
  const lead = m[2]!.trim().split(/[ \u00a0]+/).filter(Boolean);
  // "Yesterday Wolves fan Mr Downes,": modifiers; a lower-case verb ("Police arrested Tom Reed,") is a clause.
  // "Mark Penn and Howard Lee, both Democrats,": several people, no one name.
  if (lead.some((w) => DETERMINERS.has(w.toLowerCase()) || PRONOUNS.has(w.toLowerCase()) || /^(?:and|or|&)$/.test(w) || (STARTS_LOWER.test(w) && verbLike(w)))) return null;
  const name = m[3]!;
  const parsed = parseNameRun(name);
  if (!parsed || CLAUSE_OPENER.has(name.split(/[ \u00a0]/)[0]!) || TIME_OR_PLACE_LEAD.test(name)) return null;
  const commaEnd = fronted + m[0].length;
  const stretch = segment.slice(commaEnd);
  // "Clinton, 35, the daughter of ...", "Trump, who ...", "Clinton, exasperated,": one word is a
  // name when an age, a relative clause or one word set off by commas follows it ("Alabama, on Saturday, ..." and "WASHINGTON, June 10 ..." are places).
  if (/^\p{Lu}+$/u.test(name.replace(/[ \u00a0.'’-]/g, ''))) return null;
  if (parsed.tokens.length < 2 && parsed.titleWords.length === 0 && !/^(?:\d{1,3},|who[ \u00a0]|\p{Ll}[\p{L}-]*,)/u.test(stretch)) return null;
  if (subject) {
    // The phrase found must lie inside the appositive, and be the object of a preposition ("from
    // Telford said") or come before more of it ("with son Sam, 12, said"); a name right before the
    // verb ("Cruz, Blackwell wrote") is the subject itself.
    const at = subject.pos - offset;
    if (at < commaEnd) return null;
    const objectOfPreposition = PREPOSITION_BEFORE.test(segment.slice(Math.max(0, at - 12), at));
    if (!objectOfPreposition && segment.slice(at + subject.text.length).trim() === '') return null;
  }
  if (/[;.!?"“”]/.test(stretch.replace(TITLE_PERIOD, '')) || stretch.length > 260) return null;
  // A finite verb is the relative clause's own only after "who"/"which" ("who was on his way home").
  const finite = FINITE_VERB.exec(stretch);
  if (finite && !/(?:^|[\s\u00a0])(?:who|which|whose)[\s\u00a0]/.test(stretch.slice(0, finite.index + 1))) return null;
  // Another subject joined by "and" right before the verb: "..., and his brother Bill Reed".
  if (/^[\s\u00a0]*(?:and|but|while|as)[\s\u00a0]/.test(stretch.slice(stretch.lastIndexOf(',') + 1))) return null;
  return { kind: 'name', text: name, pos: offset + fronted + m[0].indexOf(name, (m[1] ? m[0].indexOf(',') + 1 : 0) + m[2]!.length) };
}

// ---------------------------------------------------------------------------------------------
// The form of a speaker: a name, or a descriptor of two words or more; anything else is null.

const FUNCTION_WORDS = new Set(
  ('the a an of to in on at for with by from and or but as that which who whom whose than if when while ' +
    'his her their its our my your this these those').split(' '),
);
const NOT_A_SPEAKER = new Set(
  ('he she it they i we you him them me us his hers its their theirs our ours my your one someone somebody others ' +
    'the a an this that these those some any each every all both another such no either neither many few several ' +
    'two three four five six seven eight nine ten dozen hundreds thousands ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow').split(' '),
);
const VERB_IN_PHRASE = new Set(
  ('is are was were be been being am has have had will would can could shall should may might must do does did ' +
    'said says told tells wrote writes added asked noted called replied stated declared began began continued').split(' '),
);
/**
 * More verbs that make a would-be speaker a clause ("a screen shot posted online", "officials
 * warned"): checked on speaker strings only, where no noun reading is likely.
 */
const VERB_IN_SPEAKER = new Set(
  'having say tell adds asks notes explained argued claimed insisted warned tweeted posted announced reported'.split(' '),
);
/** A last word that leaves the phrase open ("a section titled", "the new" of "the new rules"): cut off, not a noun. */
const OPEN_AT_END = new Set('titled entitled headlined called named dubbed labelled labeled posted published new old latest same following now then also still already just again never always often soon even small big large little major minor huge brief short long rare recent all both each'.split(' '));
/** Words that modify a noun and are none: "repeated", "former", "late-night", "early-morning", "long-running". */
const OWNED_MODIFIER = new RegExp(String.raw`^(?:\p{Ll}+ed|\p{Ll}{3,}(?:ful|ous)|former|recent|frequent|numerous|own|${COMPOUND_ADJECTIVE}|\p{Ll}+-(?:awaited|range))$`, 'u');
const NOT_AN_ADVERB = new Set('family ally rally daily weekly monthly yearly early only elderly friendly likely'.split(' '));

/**
 * The speaker as it may be shown, or null when the string cannot name anyone: a pronoun, a
 * determiner or number alone, one lower-case word, a verb phrase, a cut-off fragment (a function
 * word at either end, an open bracket, the mask of a quotation), or a shouted heading. A wrong
 * name is worse than none, so a malformed subject gives no speaker at all.
 */
export function wellFormedSpeaker(speaker: string | null): string | null {
  if (!speaker) return null;
  // The same speakers recur within and across articles: each distinct string is checked once.
  const known = speakerForms.get(speaker);
  if (known !== undefined) return known;
  const form = speakerForm(speaker);
  if (speakerForms.size > 20_000) speakerForms.clear();
  speakerForms.set(speaker, form);
  return form;
}

// Module-level on purpose: a pure function of the speaker's text, the same for every article and store (bounded).
const speakerForms = new Map<string, string | null>();

/**
 * A speaker of one word must be a name. "Aides", "Americans", "Democrats" (a group: a description
 * needs two words or more), "Russian" (a fragment of one), "There", "Why" (a word that opens a
 * sentence) and "Md.", "N.C." (the state after a name, cut off) name no one. Countries ("Israel"),
 * bodies ("F.A.A.") and surnames that are also words ("King") stay.
 */
function oneWordNoName(token: string, word: string): boolean {
  if (STATE_ABBREVIATION.test(token) || STOP_WORDS.has(word) || PREPOSITION_WORD.test(word) || PARTY_MEMBERS.test(word) || OFFICE_ALONE.test(word)) return true;
  // "Chinese", and a nation's people in the plural: "44 percent of Americans say", "Israelis said".
  if (DEMONYM_ENDING.test(word) && (nationalityOf(word) !== undefined || (word.endsWith('s') && nationalityOf(word.slice(0, -1)) !== undefined))) return true;
  // A plural noun for people: "Aides", "Advocates", "Demonstrators".
  if (!word.endsWith('s')) return false;
  const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : /(?:ss|sh|ch|x|z)es$/.test(word) ? word.slice(0, -2) : word.slice(0, -1);
  return PERSON_NOUNS.has(singular);
}
const DECADE = /^(?:the[ \u00a0]+)?(?:(?:early|mid|late)[ \u00a0-]+)?(?:\d{2}|['’])?\d0['’]?s$/i;
/** "one neo-bank CEO told": a role written as an acronym, cut from its description, names no one. */
const ROLE_ACRONYM = /^(?:CEO|CFO|COO|CTO|CIO|VIP|MP|MEP|MSP|MLA|MPP|MD|PR|HR|GM|DJ|MC)s?$/;
const STATE_ABBREVIATION = /^(?:\p{Lu}\p{Ll}{0,4}\.|\p{Lu}\.\p{Lu}\.)$/u;
/** An office no one has for a surname, cut from the name after it ("Undersecretary for Political Affairs Wendy Sherman"). */
const OFFICE_ALONE = /^(?:under-?secretary|secretary|senator|congressman|congresswoman|governor|mayor|chairman|chairwoman|president|vice-president|minister|ambassador|commissioner|spokesman|spokeswoman|spokesperson|superintendent|councillor|councilman|councilwoman)$/;
/** Members of a party, in lower case ("Republicans close to the campaign" in postModifiedSubject too). */
const PARTY_MEMBERS = /^(?:democrats?|republicans?|democratic|conservatives?|liberals?|independents?)$/;
/** Prepositions the stop-word list leaves out ("Amid the chaos, ..."). */
const PREPOSITION_WORD = /^(?:amid|amidst|among|amongst|despite|during|per|via|toward|towards|upon|within|without|throughout)$/;
const DEMONYM_ENDING = /(?:ans?|ese|ish|is?|ic)$/;

/** Nouns for a stretch of time: the head of no speaker. */
const TIME_HEAD = /^(?:past|future|moment|moments|time|times|day|days|week|weeks|weekend|month|months|year|years|decade|decades|hour|hours|minute|minutes|morning|afternoon|evening|night|era|period)$/;

// ("Sen. Ruth Danforth (R-Alaska)", "TD Fergal Brady (Ind)", "Cllr Ann Rowe (Lab)".)
// (Also a party alone, "(D)", and a state alone, "(Tex.)", "(N.Y.)", as some papers write them.)
const PARTY_TAG_IN_BRACKETS = /[ \u00a0]*\((?:(?:R|D|I|Rep|Dem|Ind)[-–][\p{L}. ]{2,20}|R|D|I|Ind|Lab|Con|LD|Lib[ \u00a0]Dem|SNP|FF|FG|SF|SDLP|DUP|Grn|Green|\p{Lu}\p{Ll}{1,5}\.|(?:\p{Lu}\.){2,3})\)$/u;
/** "a Pew Research Center report last spring": when it was said, after who. */
const PERIOD_AT_END = new RegExp(String.raw`[ \u00a0]+(?:(?:earlier|later)[ \u00a0]+)?(?:last|this)[ \u00a0]+(?:${PERIOD_WORDS})$`);
/** "the NSW Rural Fire Service (RFS)": a body's acronym in brackets after its name. */
const ACRONYM_IN_BRACKETS = /(?<=\p{L}[ \u00a0]+\p{L}.*)[ \u00a0]*\(\p{Lu}[\p{Lu}.&-]{1,7}\)$/u;
const CAPITALS_WORD = /^\p{Lu}{2,}[’']?\p{Lu}*$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
const LOWER_POSSESSIVE = /^\p{Ll}+[’']s$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
function speakerForm(speaker: string): string | null {
  if (/[-—–]\s*$/.test(speaker) || /(?:^|[\s—–-])Q(?:[\s—–-]|$)/.test(speaker)) return null; // cut off, or a masked quotation
  // ">Sanders": markup left in a text is no part of a name.
  // "Ruth Danforth (R-Alaska)": a party tag after a name is no part of it, nor a body's acronym after its name.
  const s = speaker.replace(/\s+/g, ' ').replace(/^[\s,;:<>|*#=]+|[\s,;:<>|*#=]+$/g, '').replace(PARTY_TAG_IN_BRACKETS, '').replace(ACRONYM_IN_BRACKETS, '').replace(PERIOD_AT_END, '').replace(PLACE_BASED_BEFORE_NAME, '');
  if (!s) return null;
  if (/^@[A-Za-z0-9_]{2,30}$/.test(s)) return s; // a social media handle
  const tokens = s.split(' ');
  const lower = tokens.map((t) => t.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  if (lower.every((w) => NOT_A_SPEAKER.has(w) || /^\d[\d,.]*$/.test(w))) return null;
  const isLower = (t: string) => STARTS_LOWER.test(t);
  // "so numerous that Border Patrol agents described", "an explosion that Mayor Bill de Blasio
  // described": a lower-case "that" opened the clause and names no one; what follows it may. Before
  // a lower-case word it is as likely a verb's object ("denounced supporters that level attacks").
  if (tokens.length > 1 && tokens[0] === 'that') return isLower(tokens[1]!) ? null : speakerForm(tokens.slice(1).join(' '));
  if (tokens.length === 1 && (isLower(tokens[0]!) || FUNCTION_WORDS.has(lower[0]!) || ROLE_ACRONYM.test(tokens[0]!) || oneWordNoName(tokens[0]!, lower[0]!))) return null;
  const opens = (s.match(/[([]/g) ?? []).length;
  if (opens !== (s.match(/[)\]]/g) ?? []).length || (s.match(/["“”]/g) ?? []).length % 2 === 1) return null;
  if (tokens.some((t, i) => isLower(t) && (VERB_IN_PHRASE.has(lower[i]!) || VERB_IN_SPEAKER.has(lower[i]!) || (/ly$/.test(lower[i]!) && !NOT_AN_ADVERB.has(lower[i]!))))) return null;
  const last = tokens.length - 1;
  if ((isLower(tokens[last]!) && (FUNCTION_WORDS.has(lower[last]!) || OPEN_AT_END.has(lower[last]!))) || /[’']s$/.test(tokens[last]!)) return null;
  // "Trump’s repeated (calls)", "Trump’s flurry of late-night (tweets)": an owner's modifier with its
  // noun read as the verb of saying, cut off before the head.
  if (last > 0 && tokens.slice(0, last).some((t) => /[’']s$/.test(t)) && isLower(tokens[last]!) && OWNED_MODIFIER.test(lower[last]!)) return null;
  // "weekend's trade phone call": a common noun's possessive with no determiner before it was cut off from it.
  if (last > 0 && isLower(tokens[0]!) && LOWER_POSSESSIVE.test(tokens[0]!) && !NOT_A_SPEAKER.has(lower[0]!.replace(/s$/, ''))) return null;
  // "a statement saying", "a letter saying" (sent to someone, or by no one the text names): a
  // document named only by its kind says nothing of who wrote it.
  if (tokens.length === 2 && /^(?:a|an|another)$/.test(lower[0]!) && (DOCUMENT_NOUN.test(lower[1]!) || lower[1] === 'interview')) return null;
  // "the past" ("Beck, who has in the past described"), "the days" ("said the days when ..."), "A
  // month (later, he explained)": a stretch of time says nothing.
  if (tokens.length > 1 && tokens.length <= 3 && /^(?:the|a|an|this|that|these|those)$/.test(lower[0]!) && isLower(tokens[last]!) && TIME_HEAD.test(lower[last]!)) return null;
  // "the 1960s", "the early '90s": a decade.
  if (DECADE.test(s)) return null;
  if (isLower(tokens[0]!) && FUNCTION_WORDS.has(lower[0]!) && !NOT_A_SPEAKER.has(lower[0]!) && !/^(?:his|her|their|its|our|my|your)$/.test(lower[0]!)) return null;
  if (tokens.filter((t) => CAPITALS_WORD.test(t)).length >= 3 || tokens.length > 12) return null;
  return s;
}
