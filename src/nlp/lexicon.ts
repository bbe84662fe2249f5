// The word lists the analysis and the question reader share, in one place. Hand-written English
// lists (see each for why); tests/nlp/lexicon.test.ts fails on a duplicate and on lists that must
// agree but differ (e.g. every quote mark the analyser reads is one the LLM check accepts).

/** Gender a title implies ('m', 'f'), or null. */
export type TitleGender = 'm' | 'f' | null;

/** Forms of the verbs that report speech after or before a quotation ("said", "fired back"). First listed wins. */
export const SPEECH_VERB_FORMS: readonly string[] = (
  'said|says|say|saying|told|tells|telling|added|adds|adding|noted|notes|noting|wrote|writes|writing|' +
    'asked|asks|asking|explained|explains|explaining|continued|continues|continuing|stated|states|declared|' +
    'declares|declaring|insisted|insists|insisting|argued|argues|arguing|claimed|claims|claiming|replied|replies|' +
    'replying|responded|responds|warned|warns|warning|stressed|stresses|stressing|recalled|recalls|recalling|' +
    'tweeted|tweets|tweeting|posted|posts|announced|announces|admitted|admits|acknowledged|acknowledges|' +
    'observed|observes|remarked|remarks|suggested|suggests|conceded|concedes|boasted|boasts|complained|' +
    'complains|complaining|joked|jokes|joking|quipped|quips|countered|counters|urged|urges|urging|predicted|' +
    'predicts|demanded|demands|mused|muses|shouted|yelled|chanted|chanting|sang|sings|reads|reported|reports|' +
    'emphasized|emphasised|emphasizing|affirmed|confirmed|confirms|promised|promises|vowed|vows|agreed|cautioned|' +
    'lamented|laments|opined|proclaimed|exclaimed|whispered|testified|contended|contends|maintained|maintains|' +
    'asserted|asserts|described|describes|called|calls|labeled|labelled|dubbed|wondered|wonders|questioned|' +
    'concluded|concludes|yells|shouts|screams|affirms|retaliated|attacked|attacks|mocked|mocks|criticized|criticised|praised|recounted|recounts|blasted|slammed|charged|charges|' +
    'fired back|pointed out|points out|went on|goes on|shot back|spoke|speaking|began|begins|typed|' +
    'mentioned|mentions|pleaded|pleads|added later|acknowledging|announcing|thundered|' +
    'retorted|interjected|echoed|echoes|bragged|brags|scoffed|sighed|laughed|' +
    'screamed|cried|repeated|repeats|answered|answers|alleged|alleges|ruled|rules|' +
    'headlined|captioned|yelling|shouting|screaming|barked|boomed|roared|snapped|beamed|lecturing|exclaiming|labeling|labelling|chiming|' +
    'read|fumed|fumes|pressed|presses|conclude|wrote back|put it|puts it|surmised|surmises|commented|' +
    'elaborated|elaborates|reiterated|reiterates|clarified|clarifies|texted|emailed|' +
    'bemoaned|bemoans|muttered|murmured|cut in|chimed in|chipped in|piped up|write|disagreed|disagrees'
).split('|');

// Hand-written rather than a package: a short English function-word list (articles,
// pronouns, auxiliaries, prepositions, conjunctions) plus reporting filler that carries
// no topic ("said", "told"); a big generic list would also remove news content words.
export const STOP_WORD_LIST: readonly string[] = (
    'a about above after again against all also am an and any are aren\'t as at be because been before being below ' +
    'between both but by can can\'t cannot could couldn\'t did didn\'t do does doesn\'t doing don\'t down during each ' +
    'few for from further had hadn\'t has hasn\'t have haven\'t having he he\'d he\'ll he\'s her here here\'s hers herself ' +
    'him himself his how how\'s i i\'d i\'ll i\'m i\'ve if in into is isn\'t it it\'s its itself let\'s me more most mustn\'t ' +
    'my myself no nor not of off on once only or other ought our ours ourselves out over own same shan\'t she she\'d ' +
    'she\'ll she\'s should shouldn\'t so some such than that that\'s the their theirs them themselves then there there\'s ' +
    'these they they\'d they\'ll they\'re they\'ve this those through to too under until up very was wasn\'t we we\'d ' +
    'we\'ll we\'re we\'ve were weren\'t what what\'s when when\'s where where\'s which while who who\'s whom why why\'s ' +
    'with won\'t would wouldn\'t you you\'d you\'ll you\'re you\'ve your yours yourself yourselves ' +
    'will may might must shall just yet still even now however although though since whether ' +
    'said says say saying told tell according added adding asked one two three new us mr mrs ms dr'
  ).split(/\s+/);
export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORD_LIST);


/** Words too common to tie a quote to its story (key-quote ranking); all of them are STOP_WORDS too. */
export const KEY_QUOTE_STOP_WORD_LIST: readonly string[] = ('a an the and or but if of to in on at by for with from as is are was were be been being it its this that these ' +
    'those he she they we i you his her their our my your him them us me not no so do does did have has had will ' +
    'would can could should may might must about into over after before than then there here what which who whom ' +
    'when where why how all any each more most some such only also just very said says say told').split(' ');
export const KEY_QUOTE_STOP_WORDS: ReadonlySet<string> = new Set(KEY_QUOTE_STOP_WORD_LIST);

/** Titles that precede a name; the value is the gender they imply, if any. */
export const PERSON_TITLES: Readonly<Record<string, TitleGender>> = {
  mr: 'm', mrs: 'f', ms: 'f', miss: 'f', sir: 'm', lady: 'f', lord: 'm', dame: 'f',
  king: 'm', queen: 'f', prince: 'm', princess: 'f', father: 'm', sister: 'f', rabbi: null,
  dr: null, sen: null, senator: null, rep: null, representative: null, gov: null, governor: null,
  president: null, pres: null, 'vice-president': null, vice: null, secretary: null, gen: null, general: null,
  judge: null, justice: null, atty: null, prof: null, professor: null, rev: null, reverend: null, pope: null,
  prime: null, minister: null, premier: null, chancellor: null, mayor: null, speaker: null, chairman: 'm',
  chairwoman: 'f', chair: null, del: null, delegate: null, attorney: null, sheriff: null, chief: null,
  ambassador: null, lt: null, col: null, capt: null, sgt: null, adm: null, maj: null, brig: null,
  cpl: null, pvt: null, pte: null, cmdr: null, cdr: null, supt: null, det: null, insp: null, cllr: null, coun: null, cr: null, pc: null, dc: null, coroner: null, garda: null, gda: null, mla: null, mpp: null, councillor: null, councilor: null, councilman: 'm', councilwoman: 'f', commissioner: null,
  director: null, officer: null, candidate: null, nominee: null, leader: null, host: null,
  anchor: null, correspondent: null, spokesman: 'm', spokeswoman: 'f', spokesperson: null,
  state: null, press: null, foreign: null, defense: null, deputy: null, assistant: null,
  former: null, 'u.s.': null, us: null, gop: null, democratic: null, republican: null, democrat: null,
  supreme: null, court: null, house: null, white: null, panel: null, oversight: null,
  campaign: null, executive: null, founder: null, ceo: null, coach: null, pastor: null, mp: null, msp: null, mep: null,
  majority: null, minority: null, whip: null, first: null, congressman: 'm', congresswoman: 'f',
  businessman: 'm', businesswoman: 'f', economist: null, mogul: null,
  // "Washington Managing Editor Bill Sammon", "Campaign Manager Robby Mook": job titles written
  // capitalised before a name.
  editor: null, manager: null, publisher: null, producer: null, strategist: null, pollster: null,
  adviser: null, advisor: null, analyst: null, columnist: null, commentator: null,
  // "Former AG Mukasey at RNC": headlines abbreviate attorney general.
  ag: null,
  // British police ranks as written before a name: "DI Mabey", "DCI Sarah Jones", "Detective Constable Rachel Amis".
  di: null, dci: null, ds: null, dsi: null, dcs: null, pcso: null, detective: null, constable: null, inspector: null,
  superintendent: null, sergeant: null,
  // A state trooper, "Trooper Jared Whitlock"; an Irish member of parliament, "TD Fergal Brady".
  trooper: null, td: null,
};


/** Titles and abbreviations before a name: a period after them never ends a sentence. */
export const ABBREVIATED_TITLE_LIST: readonly string[] = (
    'mr mrs ms messrs mme mlle dr prof gen lt col sgt capt cpl pvt adm maj cmdr cdr brig ' +
    'sen rep gov atty amb supt det insp rev fr hon pres st mt ft sr jr vs v cf e.g i.e viz'
  ).split(' ');
export const ABBREVIATED_TITLES: ReadonlySet<string> = new Set(ABBREVIATED_TITLE_LIST);
/**
 * The same titles as written before a name, dotted ("Maj. Gen. Adnan Haddad", "Det. Supt. Quinn"),
 * as a regex alternation: the name finder and the cue parser keep the period with the title, so
 * a military or police rank is never read as the name itself ("said Maj").
 */
export const NAME_TITLE_ABBREVIATIONS =
  'Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Cpl|Pvt|Pte|Adm|Maj|Cmdr|Cdr|Brig|Supt|Det|Insp|Cllr|Coun|Cr|Del|Rev|Prof|Pres|Atty|St|Jr|Sr';

/** Lower-case particles inside a name, as an alternation: "Bill de Blasio", "Erik ten Hag", "Louis van Gaal". */
export const NAME_PARTICLES = 'de|da|del|dos|das|du|van|von|der|den|ten|ter|bin|ibn|al|el|la|le|di';


/** Abbreviations that can also end a sentence: the splitter splits only if a typical opener follows. */
export const WEAK_ABBREVIATION_LIST: readonly string[] = (
    'inc corp ltd co llc plc bros assn dept univ ave blvd rd no nos vol vols pp p fig approx est etc al ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun'
  ).split(' ');
export const WEAK_ABBREVIATIONS: ReadonlySet<string> = new Set(WEAK_ABBREVIATION_LIST);


/** Quote marks the quotation finder reads ('″' is a double prime that OCR and some CMSs use). */
export const QUOTE_MARKS = {
  double: new Set(['"', '“', '”', '„', '«', '»', '″']) as ReadonlySet<string>,
  single: new Set(["'", '‘', '’']) as ReadonlySet<string>,
};

/** Quote marks the sentence splitter keeps sentences inside of: all the finder's, and more single marks (a splitter errs safe). */
export const SENTENCE_QUOTE_MARKS = {
  double: new Set(['"', '“', '”', '„', '«', '»', '″']) as ReadonlySet<string>,
  single: new Set(["'", '‘', '’', '‚', '‹', '›']) as ReadonlySet<string>,
};

/** Quote marks the LLM quote check treats as one: every mark a model may write for the article's. */
export const VERIFY_QUOTE_MARKS = {
  double: new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\u301D', '\u301E', '\uFF02']) as ReadonlySet<string>,
  single: new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2039', '\u203A', '`', '\u00B4']) as ReadonlySet<string>,
};

/** Verbs that ask for someone's words in a question: "what did X say / tell / think / make of ...". A regex alternation. */
export const QUESTION_SPEECH_VERBS =
  'say|said|saying|says|tell|told|telling|think|thinks|thought|mean|meant|claim|claimed|argue|argued|write|wrote|tweet|tweeted|' +
  'react|reacted|respond|responded|comment|commented|call|called|warn|warned|reply|replied|answer|answered|feel|feels|felt|' +
  'have\\s+to\\s+say|make\\s+of|made\\s+of|reveal|revealed|admit|admitted|promise|promised|announce|announced|suggest|suggested|predict|predicted|' +
  'describe|described|characterize|characterized|characterise|characterised|portray|portrayed|explain|explained|defend|defended|justify|justified';

/**
 * Nouns that say what someone is, when written right before a name ("Russian President Vladimir
 * Putin", "Wells Fargo CEO John Stumpf", "pollster Pat Caddell"), or that ask for a role rather
 * than a description ("Who is Mexico's economy secretary?"). A general English list, hand-written.
 */
export const ROLE_NOUN_LIST: readonly string[] = (
    'president vice-president minister premier chancellor king queen prince princess emperor pope ceo chief chairman chairwoman chair ' +
    'director founder co-founder owner head leader secretary senator sen rep representative congressman congresswoman governor gov ' +
    'mayor judge justice attorney lawyer prosecutor general gen admiral adm colonel col officer commander sergeant spokesman ' +
    'spokeswoman spokesperson adviser advisor aide strategist pollster analyst economist professor prof scientist researcher author ' +
    'writer columnist editor reporter correspondent anchor host commentator candidate nominee activist pastor bishop rabbi imam cardinal ' +
    'ambassador diplomat envoy commissioner official manager coach player actor actress singer rapper comedian billionaire ' +
    'businessman businesswoman investor executive entrepreneur hacker surgeon doctor dr physician student speaker dictator mogul ' +
    'tycoon magnate star heir wife husband daughter son mother father brother sister chairperson treasurer delegate surrogate ' +
    'frontrunner front-runner hopeful contender challenger incumbent lawmaker legislator councilman councilwoman sheriff moderator captain skipper boss ' +
    'superstar megastar popstar dj ' +
    // Local government's offices (found with blind passages).
    'reeve alderman alderwoman selectman selectwoman councillor councilor trustee superintendent'
  ).split(' ');
export const ROLE_NOUNS: ReadonlySet<string> = new Set(ROLE_NOUN_LIST);

/**
 * Nouns for people the news leaves unnamed, which a prepositional phrase often follows ("a source
 * familiar with the talks", "a woman in the crowd", "an ally of the governor"). With ROLE_NOUNS,
 * the heads of descriptions whose "to"/"for"/"with" phrase belongs to the speaker. Hand-written.
 */
export const UNNAMED_PERSON_NOUN_LIST: readonly string[] = (
    'source person people man men woman women member friend ally associate confidant insider operative staffer employee ' +
    'worker volunteer supporter protester resident voter witness relative neighbor neighbour agent investigator expert ' +
    'consultant observer participant attendee organizer representative partner colleague official aide adviser advisor ' +
    'nurse parent citizen native veteran refugee immigrant lady guy girl boy child kid mom dad fan patient victim ' +
    'user student republican democrat conservative liberal independent rival opponent customer shopper passenger commuter ' +
    'motorist tenant homeowner ' +
    // Trades, schools, courts, churches and families that the lists missed (found with blind passages).
    'steward sophomore freshman junior chef cook clerk nanny pilot medic paramedic mechanic fisherman foreman landlord ' +
    'landlady pupil classmate roommate teen youth adult retiree migrant evacuee plaintiff defendant magistrate deputy ' +
    'detective constable priest monk nun pundit cousin widow widower fiance fiancee girlfriend boyfriend mum principal ' +
    'commandant lieutenant corporal attendant assistant accountant servant merchant applicant claimant informant ' +
    'inhabitant occupant entrant contestant descendant respondent adolescent waiter waitress bartender barista ' +
    'catcher pitcher shortstop outfielder infielder linebacker quarterback receiver striker midfielder defender winger ' +
    'goalkeeper goalie batsman bowler wicketkeeper jockey survivor local onlooker bystander mourner worshipper regular guest'
  ).split(' ');

/** Every noun for a person the lists hold: the unnamed ones and the roles. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([...UNNAMED_PERSON_NOUN_LIST, ...ROLE_NOUN_LIST]);

/** Titles before a name: not part of the name to match ("admiral harris" is Harris). */
export const QUESTION_TITLE_WORD_LIST: readonly string[] = (
    'mr mrs ms dr prof sen senator rep representative gov governor president vice pres former admiral adm gen general lt col ' +
    'judge justice mayor secretary chairman chairwoman chair ceo minister prime rev pastor father sir lord lady the candidate nominee'
  ).split(' ');
export const QUESTION_TITLE_WORDS: ReadonlySet<string> = new Set(QUESTION_TITLE_WORD_LIST);

/** A picture caption run into the text: "(pictured)", "(left)", "(file photo)". */
export const CAPTION_MARKER = /\((?:pictured|picture|left|right|centre|center|above|below|top|bottom|inset|file(?: photo| picture)?)\b[^()]{0,40}\)/i;

/** "Calgary-based Bitterroot Energy": where a body is based, before its name, is no part of it. */
export const PLACE_BASED_BEFORE_NAME = /^(?:[Tt]he[ \u00a0]+)?\p{Lu}[\p{L}.'’]*(?:[ \u00a0]\p{Lu}[\p{L}.'’]*)?-based[ \u00a0]+(?=\p{Lu})/u;
/** A member of a party, the head of a description however capitalised ("the California Democrat"): no surname. */
export const PARTY_MEMBER = /^(?:Democrat|Republican|Independent|Conservative|Liberal|Tory|Socialist|Libertarian|Progressive)s?$/i;

// Tests of a word's first letter (or of all its letters), shared. Module constants for speed: esbuild
// (tsx, and the bundle's target Node 20) compiles a Unicode-property literal written inside a
// function to `new RegExp(...)`, a new regex object on every call; these run hundreds of times per article.
/** A word that opens with a lower-case letter. */
export const STARTS_LOWER = /^\p{Ll}/u;
/** A word that opens with a capital. */
export const STARTS_UPPER = /^\p{Lu}/u;
/** A word of lower-case letters and hyphens ("retired", "mother-of-two"). */
export const LOWER_WORD = /^\p{Ll}[\p{L}-]*$/u;
/** A word of lower-case letters only. */
export const ALL_LOWER = /^\p{Ll}+$/u;
/** A word in -ing of three letters or more before it ("waiting", "rallying"): a participle. */
export const ING_WORD = /^\p{Ll}{3,}ing$/u;

/** The days of the week and the months, as alternations: words of a date, never of a name. */
export const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** Companies' abbreviations after a name, which keep their stop ("Lumenfold Inc."), as an alternation. */
export const COMPANY_ABBREVIATIONS = 'Inc|Corp|Co|Ltd|Bros';
