// Question analysis: what kind of answer a follow-up question wants, whom it names, and the terms
// to look for. Pure and hand-written: the questions are short chat lines ("who won the debate",
// "what did warren tell the wells fargo ceo"), often lower-case, where a tagger trained on edited
// text has little to go on; a few patterns over the question words say more. Names written in
// lower case are recognised later, from how the articles write them (see rank.ts).
import { QUESTION_SPEECH_VERBS, QUESTION_TITLE_WORDS, ROLE_NOUNS, STOP_WORDS } from '../nlp/lexicon.ts';
import { entityMentions, tokenize } from '../nlp/tokens.ts';

export { ROLE_NOUNS };
import { baseForm, termForms, type TermForm } from './terms.ts';

export type AnswerKind =
  /** "What did X say about Y": X's quotes and reported speech. */
  | 'said'
  /** "Who is X?", "What is X?": sentences that describe X. */
  | 'describe'
  | 'person'
  | 'organisation'
  | 'place'
  /** A number or an amount. */
  | 'number'
  | 'date'
  /** Why, or how something works or happened: a causal or explanatory clause. */
  | 'reason'
  | 'other';

/** What kind of number a number question wants. */
export type NumberKind = 'count' | 'money' | 'percent' | 'duration' | 'age' | 'frequency' | 'any';

export interface QuestionTerm {
  /** The word as asked (lower case). */
  word: string;
  forms: TermForm[];
  /** Written with a capital in the question (a name); lower-case names are found in rank.ts. */
  capitalised: boolean;
  /** Part of the speaker of a `said` question or the subject of a `describe` question. */
  role: 'speaker' | 'subject' | 'topic';
}

export interface QuestionAnalysis {
  /** The question as asked (trimmed). */
  question: string;
  kind: AnswerKind;
  /** For `said`: the person (or descriptor) whose words are asked for, as lower-case words. */
  speaker: string[] | null;
  /** For `describe`: who or what to describe, as lower-case words. */
  subject: string[] | null;
  /** Names written with capitals in the question ("Lester Holt"), as lower-case words. */
  names: string[][];
  /** The content words, each with its forms; speaker and subject words included (marked). */
  terms: QuestionTerm[];
  /** The noun asked about: "judge" in "which judge ...", "accounts" in "how many fake accounts ...". */
  focus: string | null;
  /** For `number`: the kind of number wanted. */
  numberKind: NumberKind;
  /** For `date`: a year is asked for ("what year", "since when"): a weekday or "last week" does not answer. */
  wantsYear?: boolean;
  /**
   * For a who / which question about a deed ("who shot reagan", "which country called north korea
   * an outlaw nation"): the verb, as asked, whose doer is the answer. Null for "who did X invite"
   * and "who was shot" (there the answer suffered the verb) and for questions without a verb.
   */
  verb: string | null;
}

const SAID_PATTERNS: RegExp[] = [
  new RegExp(`^(?:so\\s+|and\\s+)?(?:what|how)\\s+(?:did|does|do|has|have|had|is|was|were|would|will)\\s+(.+?)\\s+(?:${QUESTION_SPEECH_VERBS})\\b\\s*(.*)$`),
  /^what(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(.+?)\s+(?:saying|telling|thinking|claiming|arguing|tweeting)\b\s*(.*)$/,
  /^(?:what\s+(?:was|were|are|is)\s+|what's\s+)?(.+?)'s?\s+(?:comments?|remarks?|reaction|response|statement|words|quotes?|message|view|views|take|position|stance|opinion|thoughts|read|verdict|assessment|comeback|reply|answer|retort|rebuttal|explanation|argument|criticism|defen[cs]e|excuse|warning|prediction|claim|promise)\b\s*(.*)$/,
  /^(?:any\s+)?(?:quotes?|comments?|reaction)\s+(?:from|by)\s+(.+?)(?:\s+(?:about|on|regarding)\s+(.*))?$/,
  // "did pence say anything about the cast", "has obama commented on it"
  new RegExp(`^(?:did|does|has|have|had|is|was)\\s+(.+?)\\s+(?:${QUESTION_SPEECH_VERBS}|speak|spoke|spoken|talk|talked)\\b\\s*(?:anything|something)?\\s*(?:about|on|of|regarding)\\s+(.*)$`),
];
/**
 * Chat shorthand for someone's words: "priebus on the melania speech". Only when what stands before
 * "on" can be a name: not a request for news ("updates on syria", "more on that").
 */
const NAME_ON_TOPIC = /^([a-z][a-z.'-]*(?:\s+[a-z][a-z.'-]*){0,2})\s+on\s+(.+)$/;
const NOT_A_SPEAKER =
  /^(?:news|updates?|more|anything|something|nothing|latest|info|information|details|story|stories|background|context|summary|facts?|reactions?|opinions?|views?|polls?|data|numbers?|figures?|coverage|reports?|reporting|articles?|focus|spotlight|attack|attacks|war|vote|votes|ban|sanctions|deal|talks|report|briefing|debate|hearing|ruling|decision|bill|law|plan|policy|tax|taxes|spending|cuts?|ads?)$/;
/**
 * "glenn beck reaction to palin backing trump", "mccain response on waterboarding": a name and a
 * word for someone's words without the possessive (the name is checked by the caller).
 */
const NAME_REACTION = /^([a-z][a-z.'-]*(?:\s+[a-z][a-z.'-]*){0,2})\s+(?:reaction|response|reply|comments?|remarks?|take|view|views|verdict|dig|jab|swipe)\s+(?:to|on|about|regarding|at|of)\s+(.+)$/;
/** "owen jones - was orlando terrorism or a hate crime in his view": the speaker put first, asked for their view at the end. */
const IN_THEIR_VIEW = /^([a-z][a-z.'-]*(?:\s+[a-z][a-z.'-]*){0,2})\s*[-–—:,]\s*(.+?)\s+(?:in|by)\s+(?:his|her|their)\s+(?:view|opinion|words|account|reckoning)$/;
const DESCRIBE = /^(?:who|what)(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(.+)$/;
/** "odds of ...", "final vote count for ...": a number asked for by its noun, without a question word. */
const NUMBER_NOUN = /^(?:(?:the|final|total|exact|latest|overall|official|vote|death|poll|polling)\s+){0,2}(?:odds|count|tally|total|percentage|share|cost|price|turnout|toll|margin|amount|number|score|results?)\s+(?:of|for|in|on|at)\b/;
/** "name of the clinton spokesman who ...": a person asked for by "name". */
const NAME_OF = /^(?:the\s+)?names?\s+of\b/;
const NUMBER =
  /^(?:how\s+(?:many|much|long|often|old|far|big|large|high|low|fast|tall|deep)|what\s+(?:percentage|percent|share|proportion|fraction|amount|number|portion)|what(?:'s|\s+(?:was|is|are|were))\s+the\s+(?:numbers?|figures?|count|tally|score|vote|votes|margin|total|price|cost|death\s+toll|toll|turnout|results?|odds|size|budget|salary|rate|amount|percentage|share|lead))\b/;
/** "How is Johnson doing in the polls?", "how is she polling": a poll figure. */
const POLL = /^how\s+(?:is|are|was|were|does|do)\s+.+\b(?:doing|polling|faring|fare|do)\b.*\bpoll|^how\s+(?:is|are|was|were)\s+.+\bpolling\b/;
const DATE = /^(?:when|since\s+when|until\s+when|how\s+soon|what\s+(?:time|day|date|year|month|week)|on\s+what\s+(?:day|date)|which\s+(?:day|date|year|month))\b/;
const REASON = /^(?:why|how\s+come|for\s+what\s+reason|what(?:'s|\s+is|\s+was|\s+were)\s+the\s+reasons?|what\s+(?:caused|causes|led\s+to|made|prompted|triggered)|what\s+for)\b/;
const HOW_EXPLAIN = /^how\s+(?:does|do|did|is|are|was|were|can|could|would|will|has|have)\b/;
const PLACE = /^(?:where|(?:which|what)\s+(?:country|countries|city|cities|state|states|town|towns|region|regions|county|counties|place|places|venue|location|district|neighbou?rhood))\b/;
const ORGANISATION =
  /^(?:which|what)\s+(?:company|companies|firm|firms|group|groups|union|unions|party|parties|organi[sz]ations?|agency|agencies|network|networks|committee|committees|team|teams|newspapers?|outlets?|banks?|papers?|channels?|campaigns?|pacs?|super\s+pacs?|charit(?:y|ies)|universit(?:y|ies)|court|courts)\b/;
const PERSON = /^(?:who|whom|whose|who's|which|what\s+\w+\s+(?:is|was|did|does|has))\b/;

/** The particles of English phrasal verbs ("turn down", "hand over", "kick in"). */
const PARTICLES = new Set(['up', 'down', 'over', 'in', 'out', 'off', 'on', 'away', 'back', 'through', 'around']);

/** Words that shape a question but are not what it is about. */
const QUESTION_WORDS = new Set(
  (
    'what whats who whom whose which when where why how whats who\'s what\'s how\'s when\'s where\'s did does do is are was were be been ' +
    'has have had will would can could should happen happened happening news latest today tonight yesterday know explain ' +
    'tell me please anything something anyone someone thing things get got getting go going many much long often come ' +
    'kind sort reason number percentage percent exactly actually really just ok okay hey hi so'
  ).split(' '),
);
function normalise(question: string): string {
  return (
    question
      .normalize('NFKC')
      .replace(/[’‘`]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\s+/g, ' ')
      // Chat spelling without the apostrophe: "whats X's take", "hows the race", "whos running".
      .replace(/\b(what|who|how|where|when)s\b/gi, "$1's")
      .trim()
      .replace(/^[\s"'(]+|[\s"'?.!)]+$/g, '')
  );
}

/** Lower-case words of a phrase, without leading titles and articles ("admiral harris" -> harris). */
function nameWords(phrase: string): string[] {
  const words = tokenize(phrase);
  let first = 0;
  while (first < words.length - 1 && QUESTION_TITLE_WORDS.has(words[first]!)) first++;
  return words.slice(first);
}

/** A phrase that names someone or something rather than asking about a role ("the mexican economy secretary"). */
function looksLikeName(phrase: string, original: string): boolean {
  const words = phrase.split(' ');
  if (!words.length || words.length > 5) return false;
  if (/^(?:the|a|an|this|that|these|those|his|her|their|its|our)\b/.test(phrase)) return false;
  // "Mexico's economy secretary", "the party's nominee": a role of someone, not a name.
  if (/'s\b/.test(phrase) || ROLE_NOUNS.has(words[words.length - 1]!)) return false;
  if (words.some((w) => /ing$/.test(w) && w.length > 5)) return false;
  if (words.some((w) => /^(?:in|on|at|for|with|from|by|about|after|before|during|against|behind|running|leading)$/.test(w))) return false;
  // A capital in the original ("Who is Putin?") or only words that are not function words.
  return /\p{Lu}/u.test(original) || words.every((w) => !STOP_WORDS.has(w));
}

/**
 * Where the question proper may start in a chat line: the whole line; after a comma, dash or colon
 * ("kentucky democratic primary, final vote count for ..."); after a short opener ("all told how
 * much ..."); at "what", "how", "who" or "why" further in ("if bloomberg ran against them what
 * percent would he get"; not "where", "when", "which": those often open a relative clause). Each
 * with the preamble before it, which a pronoun of the question may stand for.
 */
export function questionClauses(lower: string): { clause: string; preamble: string }[] {
  const out = [{ clause: lower, preamble: '' }];
  const add = (at: number) => {
    const clause = lower.slice(at).trim();
    const preamble = lower.slice(0, at).replace(/[\s,:;–—-]+$/, '').trim();
    if (clause && preamble && !out.some((c) => c.clause === clause)) out.push({ clause, preamble });
  };
  for (const m of lower.matchAll(/\s*(?:,|\s[-–—]|:)\s+/g)) add(m.index + m[0].length);
  for (const m of lower.matchAll(/\s(?=(?:what|how|who|why)\b)/g)) add(m.index + 1);
  return out;
}

/** "the 9/11 widow who answered obama, what did she say": the pronoun stands for the preamble. */
const PRONOUN = /^(?:he|she|they|him|her|them)$/;

/** "brigid harrison, who is she": a description asked for after the name. */
const WHO_IS_AFTER = /^(.+?),?\s+(?:who|what)(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:she|he|they|that|this|it)$/;

interface Kind {
  kind: AnswerKind;
  speaker?: string;
  subject?: string;
  /** The part of the line that asks (see questionClauses): what the noun asked about and the kind of number are read from. */
  clause: string;
}

/** The kind of answer from the first clause of the line that reads as a question (see questionClauses). */
function kindOf(lower: string, original: string): Kind {
  for (const { clause, preamble } of questionClauses(lower.replace(/\s*%/g, ' percent'))) {
    const found = clauseKind(clause, preamble ? original : original.slice(0, clause.length));
    if (found.kind === 'other') continue;
    // "..., what did she say": she is whoever the preamble names.
    if (found.speaker && PRONOUN.test(found.speaker)) {
      if (!preamble) continue;
      // (A description's relative clause is what the question is about: "the widow [who answered obama]".)
      return { ...found, speaker: preamble.split(/\s+(?:who|that|which|whose)\s+/)[0]!, clause };
    }
    return { ...found, clause };
  }
  return { kind: 'other', clause: lower };
}

/** A phrase that can be someone's name or description as chat writes it: no function or question word. */
function canBeSpeaker(phrase: string): boolean {
  return tokenize(phrase).every((w) => !STOP_WORDS.has(w) && !QUESTION_WORDS.has(w) && !NOT_A_SPEAKER.test(w));
}

function clauseKind(lower: string, original: string): Omit<Kind, 'clause'> {
  for (const pattern of SAID_PATTERNS) {
    const m = pattern.exec(lower);
    // "what did you think" is not about a person in the news.
    if (m?.[1] && !/^(?:you|i|we|they|people|it)$/.test(m[1])) return { kind: 'said', speaker: m[1] };
  }
  const onTopic = NAME_ON_TOPIC.exec(lower) ?? NAME_REACTION.exec(lower) ?? IN_THEIR_VIEW.exec(lower);
  if (onTopic && canBeSpeaker(onTopic[1]!)) return { kind: 'said', speaker: onTopic[1]! };
  const whoIs = WHO_IS_AFTER.exec(lower);
  if (whoIs && looksLikeName(whoIs[1]!, original.slice(0, whoIs[1]!.length))) return { kind: 'describe', subject: whoIs[1]! };
  if (DATE.test(lower)) return { kind: 'date' };
  if (NUMBER.test(lower) || POLL.test(lower) || NUMBER_NOUN.test(lower)) return { kind: 'number' };
  if (REASON.test(lower) || HOW_EXPLAIN.test(lower)) return { kind: 'reason' };
  if (PLACE.test(lower)) return { kind: 'place' };
  if (ORGANISATION.test(lower)) return { kind: 'organisation' };
  const describe = DESCRIBE.exec(lower);
  if (describe && looksLikeName(describe[1]!, original.slice(original.length - describe[1]!.length))) return { kind: 'describe', subject: describe[1]! };
  if (PERSON.test(lower) || NAME_OF.test(lower)) return { kind: /^what\b/.test(lower) ? 'other' : 'person' };
  return { kind: 'other' };
}

const MONEY_WORDS = /\b(?:money|cost|costs|costing|spend|spends|spent|spending|pay|pays|paid|raise|raised|raising|worth|price|budget|fund|funds|funding|donat\w*|fine|fined|salary|earn\w*|charge\w*|bill|dollars?|\$)/;

/** The kind of number a number question wants, from its opening words and its verbs. */
function numberKindOf(lower: string): NumberKind {
  if (/^how\s+long\b/.test(lower)) return 'duration';
  if (/^how\s+old\b/.test(lower)) return 'age';
  if (/^how\s+often\b/.test(lower)) return 'frequency';
  if (/^how\s+much\b/.test(lower) && MONEY_WORDS.test(lower)) return 'money';
  if (/^what\s+(?:percentage|percent|share|proportion|fraction|portion)\b|\bpoll(?:s|ing)?\b|\bapprov|^(?:\w+\s+){0,2}(?:percentage|share)\s+of\b/.test(lower)) return 'percent';
  if (/^how\s+many\b/.test(lower) || (NUMBER_NOUN.test(lower) && /^(?:\w+\s+){0,3}(?:count|tally|toll|number)\s/.test(lower))) return 'count';
  return 'any';
}

/** Auxiliaries and verbs that end the noun phrase after "which" or "how many". */
const PHRASE_END = /^(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|got|get|gets|were|been|be|of|in|on|at|for|from|to|by|with|about|that|who|which|the|a|an)$/;

/** "what year", "since when": a year answers. */
const YEAR_ASKED = /^(?:(?:in\s+)?(?:what|which)\s+year|since\s+when)\b/;

/** The noun asked about: the last word of the noun phrase after "which", "what", "how many", "how much". */
function focusOf(lower: string): string | null {
  // "final vote count for ...", "the death toll in ...": what the number counts stands before its noun.
  const counted = NUMBER_NOUN.exec(lower) && /^(?:(?:the|final|total|exact|latest|overall|official)\s+)*([a-z]+)\s+(?:count|tally|total|toll)\b/.exec(lower);
  if (counted) return counted[1]!;
  const m = /^(?:which|what|how\s+many|how\s+much)\s+(.*)$/.exec(lower);
  if (!m) return null;
  const words = tokenize(m[1]!);
  const phrase: string[] = [];
  // Up to three words, up to a verb: "which [judge] turned down", "how many [fake accounts] did".
  for (const [at, w] of words.slice(0, 3).entries()) {
    if (PHRASE_END.test(w) || QUESTION_WORDS.has(w) || /(?:ed|ing)$/.test(w) || baseForm(w) !== w) break;
    // "which senator read out ...": a word before a particle is a verb ("read out", "hand over").
    if (at > 0 && PARTICLES.has(words[at + 1] ?? '')) break;
    phrase.push(w);
    // "which governor handed ...": a role noun ends the phrase.
    if (ROLE_NOUNS.has(w)) break;
  }
  // "which clinton aide": the head is the last word; "what time" and the like are no noun asked about.
  const head = phrase[phrase.length - 1];
  return head && !/^(?:time|day|date|year|month|week|percentage|percent|share|proportion|kind|sort|type)$/.test(head) ? head : null;
}

/** Auxiliaries after "who": "who is", "who did", "who has". */
const AUXILIARY = /^(?:is|are|was|were|be|been|did|does|do|has|have|had|will|would|can|could|should|shall|might|may|must)$/;

/**
 * The verb whose doer a who / which question asks for: the first word after "who" (or after the
 * noun phrase of "which country ..."), or the participle after "who's" / "who has"; none when an
 * auxiliary puts the answer on the receiving end ("who did X invite", "who was shot").
 */
function doerVerb(lower: string): string | null {
  const words = tokenize(lower);
  let at = 1;
  if (/^(?:which|what)$/.test(words[0] ?? '')) {
    // Past the noun phrase ("which clinton aide"), as focusOf reads it.
    while (at < Math.min(words.length, 4) && !PHRASE_END.test(words[at]!) && !/(?:ed|ing)$/.test(words[at]!) && baseForm(words[at]!) === words[at]) at++;
    if (at === 1) return null;
  } else if (!/^(?:who|who's)$/.test(words[0] ?? '')) return null;
  const word = words[0] === "who's" ? 'is' : words[at++];
  const next = words[at];
  if (!word) return null;
  if (AUXILIARY.test(word)) {
    // "who's running", "who has endorsed", "which states are suing"; not "who was shot", "who did X invite".
    if (!next || !/^(?:is|are|was|were|has|have|had)$/.test(word)) return null;
    if (/ing$/.test(next) || /^(?:has|have|had)$/.test(word)) return next;
    return null;
  }
  return STOP_WORDS.has(word) || QUESTION_WORDS.has(word) ? null : word;
}

export function analyseQuestion(question: string): QuestionAnalysis {
  const text = normalise(question);
  const lower = text.toLowerCase();
  const { kind, speaker, subject, clause } = kindOf(lower, text);
  const speakerWords = speaker ? nameWords(speaker) : null;
  const subjectWords = subject ? nameWords(subject) : null;
  // The titles in "admiral harris" are no topic either.
  const titles = new Set([...(speaker ? tokenize(speaker) : []), ...(subject ? tokenize(subject) : [])].filter((w) => !speakerWords?.includes(w) && !subjectWords?.includes(w)));
  // Names the user capitalised; the first word is capitalised anyway, so it counts only if the
  // question opens with it ("Putin's remarks?").
  const capitalisedAt = new Set<string>();
  const names: string[][] = [];
  for (const mention of entityMentions(text.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()))) {
    const words = tokenize(mention.name).filter((w) => !QUESTION_WORDS.has(w));
    if (!words.length || words.every((w) => QUESTION_TITLE_WORDS.has(w))) continue;
    names.push(words);
    for (const w of words) capitalisedAt.add(w);
  }
  const seen = new Set<string>();
  const terms: QuestionTerm[] = [];
  const speechVerb = new RegExp(`^(?:${QUESTION_SPEECH_VERBS})$`);
  const words = tokenize(text);
  const focus = kind === 'said' || kind === 'describe' ? null : focusOf(clause);
  // "what year did ...": the year is what is asked, not a word to look for.
  const shapeWord = kind === 'date' ? /^(?:in\s+)?(?:what|which)\s+(time|day|date|year|month|week)\b/.exec(clause)?.[1] : undefined;
  words.forEach((word, at) => {
    const lowerWord = word.toLowerCase();
    // One-letter words say nothing, except a digit ("iPhone 7", "Article 5").
    if (seen.has(lowerWord) || (lowerWord.length < 2 && !/\d/.test(lowerWord)) || titles.has(lowerWord)) return;
    const role: QuestionTerm['role'] = speakerWords?.includes(lowerWord) ? 'speaker' : subjectWords?.includes(lowerWord) ? 'subject' : 'topic';
    if (role === 'topic' && (STOP_WORDS.has(lowerWord) || QUESTION_WORDS.has(lowerWord) || lowerWord === shapeWord)) return;
    if (role === 'topic' && kind === 'said' && speechVerb.test(lowerWord)) return;
    if (role !== 'topic' && QUESTION_TITLE_WORDS.has(lowerWord)) return;
    seen.add(lowerWord);
    const capitalised = capitalisedAt.has(lowerWord);
    // A phrasal verb ("turned down", "handing over") has synonyms of its own ("rejected").
    const particle = words[at + 1]?.toLowerCase();
    const phrase = particle && PARTICLES.has(particle) ? `${lowerWord} ${particle}` : undefined;
    const expand = role === 'topic' && !capitalised && !/\d/.test(lowerWord);
    terms.push({ word: lowerWord, forms: termForms(lowerWord, { expand, noun: lowerWord === focus, ...(phrase ? { phrase } : {}) }), capitalised, role });
  });
  return {
    question: question.trim(),
    kind,
    speaker: speakerWords?.length ? speakerWords : null,
    subject: subjectWords?.length ? subjectWords : null,
    names,
    terms,
    focus,
    numberKind: kind === 'number' ? numberKindOf(clause) : 'any',
    ...(kind === 'date' && YEAR_ASKED.test(clause) ? { wantsYear: true } : {}),
    verb: kind === 'person' || kind === 'organisation' || kind === 'place' ? doerVerb(clause) : null,
  };
}
