// Person and role mention tracking for quote attribution.
//
// Hand-written heuristics, not a library: no npm package resolves news speakers
// ("he", "the Russian president", "Mr. Putin") to full names well enough, and a
// full coreference model is far too heavy for per-article ingest. The registry
// below finds capitalised name sequences, the role words written around them
// ("Russian President Vladimir Putin", "Pat Caddell, a Democratic pollster"),
// and gender evidence (Mr/Ms, he/she near a mention, common first names).

import { ALL_LOWER, NAME_PARTICLES, NAME_TITLE_ABBREVIATIONS, PARTY_MEMBER, PERSON_NOUNS, PLACE_BASED_BEFORE_NAME, PERSON_TITLES, STARTS_UPPER, STOP_WORDS, WEEKDAYS } from './lexicon.ts';
import { ABSENT, CharTable } from './char-table.ts';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { hasOnlyAsciiWordChars } from './tokens.ts';

export type Gender = 'm' | 'f';

export interface Person {
  fullName: string;
  /** Lower-cased name tokens ("vladimir", "putin"). */
  nameTokens: string[];
  surname: string;
  /** Lower-cased role/description words seen next to the name, nationalities normalised. */
  roles: Set<string>;
  /** roleKey of the titles written before the name ("Sen.", "President"): offices the article gives them. */
  titles: Set<string>;
  maleVotes: number;
  femaleVotes: number;
  /** Evidence that this is a person at all (title, known first name, speaker of a quote). */
  evidence: number;
}

export interface Mention {
  start: number;
  end: number;
  person: Person;
}

export interface PeopleIndex {
  people: Person[];
  /** Name mentions outside quotations, in text order. */
  mentions: Mention[];
  /** Each of a couple the article names together ("Peter and Sandra Wells") to the other. */
  partners?: Map<Person, Person>;
}

/** Capitalised words that never start a person's name. */
const NOT_NAME = new Set(
  ('the a an in on at but and or if when while after before without with for from to as this that these those ' +
    'it he she they we i his her their our its some many most more no not yes so then there here what who why how ' +
    'where which do does did is are was were has have had will would can could should may might must also even ' +
    'just still only all any each every both either neither one two three four five six seven eight nine ten ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december new north south east west united el los las san santa st great open ' +
    'editor note read watch update updated related getty photo image video advertisement according however ' +
    'meanwhile still during despite since until unless because although though yet instead asked says said ' +
    'breaking exclusive latest live via by like about over under into out up down off again further once ' +
    'democrats republicans americans god dear thank thanks happy please').split(' '),
);

/** A weekday that ends a capitalised run, with the space before it. */
const TRAILING_WEEKDAY = new RegExp(String.raw`[ \u00a0]+(?:${WEEKDAYS})$`);
/** A capitalised first word and the space after it, when a name follows. */
const OPENING_WORD = /^(\p{Lu}\p{Ll}+)[ \u00a0]+(?=\p{Lu})/u;
// Word shapes, module constants for speed (see STARTS_LOWER in lexicon.ts).
const ACRONYM_OF_4 = /^\p{Lu}{4,}$/u;
export const ACRONYM_OF_2_TO_6 = /^\p{Lu}{2,6}$/u;
const LETTERS_WORD = /^\p{L}[\p{L}'’-]+$/u;
const PLAIN_CAPITALISED = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$/u;
/**
 * Words that open a clause, capitalised at a sentence's start, never a first name ("Will", "May" and
 * place words left out). Not determiners: "The Home Secretary" is a description, not a name.
 */
const CLAUSE_OPENING_WORD = new Set(
  ('in on at but and or if when while after before without with for from to as ' +
    'so then there here also even just still only both either neither since until unless because although though yet ' +
    'instead however meanwhile according during despite once now today yesterday tonight later earlier finally ' +
    'perhaps maybe indeed moreover besides otherwise eventually recently often sometimes thus hence therefore ' +
    'nonetheless nevertheless ultimately separately overall last next first ' +
    // Imperatives that open a sentence, mostly inside quotations: "Ask Teresa.", "Tell Mike I said so."
    'ask tell thank let listen look call give take watch remember imagine meet').split(' '),
);

/**
 * The length of a capitalised word that opens a clause before a name in a run ("But Dominic",
 * "Ask Teresa"), with the space after it; 0 when the run opens with no such word.
 */
export function clauseOpenerLength(run: string): number {
  const opener = OPENING_WORD.exec(run);
  return opener && CLAUSE_OPENING_WORD.has(opener[1]!.toLowerCase()) ? opener[0].length : 0;
}

/** Words that mark an organisation, place or thing rather than a person. */
const NON_PERSON_WORDS = new Set(
  ('party house department ministry club university college institute school times post news journal ' +
    'committee council association center centre foundation company corp corporation inc ltd bank court church ' +
    'union agency office street avenue county city states state republic kingdom senate congress administration ' +
    'group network fund service services project police caucus airlines media press tv radio magazine daily ' +
    'weekly review report fox cnn msnbc nbc abc cbs bbc reuters ap afp twitter facebook google apple ' +
    'america american africa african europe european asia asian island islands river lake mountain ' +
    'mountains valley beach park hall square tower building hotel airport station hospital prison army navy ' +
    'force forces guard council commission board organization organisation federation league conference summit ' +
    'act bill law amendment treaty agreement deal plan program programme initiative movement campaign ' +
    'trust fund institute coalition alliance legacy laboratory lab labs museum library international global national federal ' +
    'world day week month year war street stock exchange market markets index tuesday monday friday ' +
    'democratic republican liberal conservative green labour labor socialist communist islamic tory tories snp ukip lib dem ' +
    'state isis isil nato un eu gop fbi cia nsa epa irs dnc rnc usa uk ' +
    // The field that ends an institution's name after "for"/"of", which splits the run: "National
    // Center for Scientific Research", "Institute for Policy Studies", "Customs and Border Protection".
    'research science sciences studies technology technologies engineering genomics affairs protection enforcement ' +
    // Commands and seats of government: "the head of the Pacific Command", "the Indiana Statehouse".
    'command statehouse capitol team inn brotherhood sisterhood society brigade brigades battalion regiment spring ' +
    // "Washington D.C." is a place, though Washington is a first name.
    'dc d.c d.c.').split(' '),
);

/** A word for an organisation, place or thing; of a hyphenated word, its last part ("Sun-Times", not "Day-Lewis"). */
export function nonPersonWord(normalised: string): boolean {
  if (NON_PERSON_WORDS.has(normalised)) return true;
  const hyphen = normalised.lastIndexOf('-');
  return hyphen > 0 && NON_PERSON_WORDS.has(normalised.slice(hyphen + 1));
}

/** Words of NON_PERSON_WORDS that are common surnames too ("Jennifer Green", "Tim Hall", "Doris Day", "Steven Law", "Liam Fox", "Park Ji-won"). */
const SURNAME_WORDS = new Set('green hall park day church lake law fox spring'.split(' '));
/** A Korean given name as romanised, two syllables joined by a hyphen: "Ji-won", "Sung-min", "jae-in". */
const KOREAN_GIVEN_NAME = /^\p{L}\p{Ll}{1,4}-\p{Ll}{2,4}$/u;
/** Common Korean family names as romanised. */
const KOREAN_FAMILY_NAME = new Set('kim lee park choi jung chung kang cho yoon jang lim han oh seo shin kwon hwang ahn song yoo hong jeon ko moon yang son bae baek nam roh ha kwak sung cha joo woo min ryu'.split(' '));
/** "Park Ji-won": a family name that is also a word for a place (normalised), first, before a Korean given name. */
function koreanFamilyNameFirst(words: string[], firstNormalised: string): boolean {
  return words.length === 2 && SURNAME_WORDS.has(firstNormalised) && KOREAN_GIVEN_NAME.test(words[1]!);
}

/** Nationality and country words, normalised so "US", "U.S." and "American" agree. */
const NATIONALITY: Record<string, string> = {
  us: 'us', 'u.s.': 'us', 'u.s': 'us', american: 'us', america: 'us', usa: 'us',
  russian: 'russia', russia: 'russia', british: 'uk', uk: 'uk', 'u.k.': 'uk', britain: 'uk', english: 'uk',
  french: 'france', france: 'france', german: 'germany', germany: 'germany', chinese: 'china', china: 'china',
  syrian: 'syria', syria: 'syria', iranian: 'iran', iran: 'iran', israeli: 'israel', israel: 'israel',
  turkish: 'turkey', turkey: 'turkey', ukrainian: 'ukraine', ukraine: 'ukraine', italian: 'italy',
  italy: 'italy', japanese: 'japan', japan: 'japan', indian: 'india', india: 'india', mexican: 'mexico',
  mexico: 'mexico', canadian: 'canada', canada: 'canada', european: 'eu', korean: 'korea', spanish: 'spain',
  saudi: 'saudi', iraqi: 'iraq', afghan: 'afghanistan', palestinian: 'palestine', egyptian: 'egypt',
  australian: 'australia', brazilian: 'brazil', polish: 'poland', dutch: 'netherlands', belgian: 'belgium',
  // Nouns for a country's people, written before a name like a title: "Briton Oliver Hext", "Spaniard Carlos Sainz".
  // (Not "Welsh" or "Irish", which are surnames too: "Danny Welsh".)
  briton: 'uk', brit: 'uk', englishman: 'uk', englishwoman: 'uk', scotsman: 'uk', welshman: 'uk', frenchman: 'france',
  frenchwoman: 'france', spaniard: 'spain', dutchman: 'netherlands', irishman: 'ireland',
  scottish: 'uk', swedish: 'sweden', swede: 'sweden', danish: 'denmark', norwegian: 'norway',
  portuguese: 'portugal', greek: 'greece', argentine: 'argentina', argentinian: 'argentina', nigerian: 'nigeria',
  kenyan: 'kenya', pakistani: 'pakistan', swiss: 'switzerland', austrian: 'austria', colombian: 'colombia',
};

/**
 * Offices written as initials, and the words they stand for: "the CFO" is the one the article called
 * "Chief Financial Officer", and "the chief executive" the one it called "CEO". A person known by one
 * form holds the other's words too; a description in one form is read as the other.
 */
export const OFFICE_INITIALS: Record<string, string[]> = {
  ceo: ['chief', 'executive'], cfo: ['chief', 'financial', 'officer'], coo: ['chief', 'operating', 'officer'],
  cto: ['chief', 'technology', 'officer'], md: ['managing', 'director'],
};

/** The role words a person holds for one word written about them: the word, and what initials stand for. */
function heldRoles(role: string): string[] {
  return [role, ...(OFFICE_INITIALS[role] ?? [])];
}

/** Role nouns that describe the same kind of office, so "the US leader" finds "US President X". */
const ROLE_SYNONYMS: Record<string, string> = {
  president: 'leader', pres: 'leader', leader: 'leader', counterpart: 'leader', head: 'leader', premier: 'leader',
  chancellor: 'leader', sen: 'senator', senator: 'senator', rep: 'representative', congressman: 'representative',
  congresswoman: 'representative', representative: 'representative', gov: 'governor', governor: 'governor',
  nominee: 'candidate', candidate: 'candidate', hopeful: 'candidate', contender: 'candidate',
  spokesman: 'spokesperson', spokeswoman: 'spokesperson', spokesperson: 'spokesperson',
  businessman: 'businessman', mogul: 'businessman', tycoon: 'businessman', developer: 'businessman',
  secretary: 'secretary', minister: 'minister', prof: 'professor', professor: 'professor', dr: 'doctor',
  doctor: 'doctor', physician: 'doctor', surgeon: 'doctor', justice: 'judge', judge: 'judge', atty: 'attorney', attorney: 'attorney',
  democratic: 'democrat', democrat: 'democrat', gop: 'republican', republican: 'republican',
  pope: 'pope', pontiff: 'pope',
  'front-runner': 'candidate', frontrunner: 'candidate',
};

// First names common in the news. They are read before the package's list (gender-detection-from-name),
// whose majority reading is wrong for some of them (Lindsey Graham, Xi Jinping, Joan).
const MALE_NAMES = new Set(
  ('james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony ' +
    'donald mark paul steven steve andrew kenneth ken joshua josh kevin brian george edward ronald timothy tim ' +
    'jason jeffrey jeff ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin ben ' +
    'samuel frank gregory raymond alexander patrick pat jack dennis jerry tyler aaron jose adam henry nathan ' +
    'douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean ' +
    'austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan ' +
    'wayne roy ralph randy eugene vincent russell elijah louis bobby philip phil johnny barack bill bernie ' +
    'mike ted marco rand chris jeb newt rudy vladimir sergey sergei dmitry francois emmanuel boris rex mitch ' +
    'harry jim tom dick lindsey rush sean reince corey kellyanne_no tim lester matt jon jonah hugh ' +
    'bashar recep xi kim abe narendra benjamin mahmoud hassan ali mohammed muhammad ahmed omar ' +
    'chuck marc elijah jared eric al newt howard nick keron michael len quentin cornell daryl victor james ' +
    // Italian men's names that the package's lists give women: Gabriele, Daniele.
    'gabriele daniele').split(
    ' ',
  ),
);
const FEMALE_NAMES = new Set(
  ('mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ' +
    'ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura ' +
    'cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra ' +
    'rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly ' +
    'christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa ' +
    'kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly ' +
    'danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla hillary ' +
    'melania ivanka chelsea michelle kellyanne huma elizabeth nikki sarah condoleezza angela theresa ' +
    'marine hilary jill loretta gwen claire nancy debbie donna elaine carmel leslie malkia ava melanie ' +
    'mary megyn rachel katy lena oprah beyonce ivana tiffany marla gennifer paula juanita kathleen ' +
    'stacey marcia terry_no esther carla krystal azucena adriana jacklyn jan').split(' '),
);

/**
 * A run of capitalised words (with initials), allowing particles such as "de" and "van", a joined "al-", and a
 * quoted nickname after the first word ('Juan "Chico" Manriquez', not 'Marine John "Tig" Tiegen'). A trailing
 * period belongs to a name word only in titles and initials ("Mr.", "John F. Kerry"), never to the
 * last word of a sentence ("... on Monday. He"). Every name word starts with a capital; the leading
 * lookahead says so and lets the engine skip other positions faster. Arguments are the contents
 * of character classes.
 */
function nameRun(upper: string, lower: string, letter: string, mark: string): RegExp {
  const nameWord = String.raw`(?:(?:${NAME_TITLE_ABBREVIATIONS})\.|(?:[${upper}]\.)+(?![${letter}])|[${upper}][${lower}${upper}${mark}'’\-]*(?![${letter}${mark}0-9'’\-]))`;
  return new RegExp(
    String.raw`(?=[${upper}])${nameWord}(?:[ \u00a0](?:["“][${upper}][${lower}'’.-]*["”]|['‘][${upper}][${lower}.-]*['’])(?=[ \u00a0][${upper}]))?(?:[ \u00a0](?:(?:${NAME_PARTICLES})[ \u00a0]|(?:al|el)-(?=[${upper}]))?${nameWord})*`,
    'gu',
  );
}
/** An interview's question marker before a name: "Q. Ben". */
const INTERVIEW_Q = /^Q\.[ \u00a0]\p{Lu}/u;
/** An owner's 's inside a run, before its next word. */
const INNER_POSSESSIVE = /(?<=[ \u00a0]\p{Lu}[\p{L}\p{M}.-]*)(?:['’]s|(?<=s)['’])(?=[ \u00a0])/u;
const NAME_RUN = nameRun(String.raw`\p{Lu}`, String.raw`\p{Ll}`, String.raw`\p{L}`, String.raw`\p{M}`);
// The same runs in a text whose letters, marks and digits are all ASCII, about twice as fast.
const NAME_RUN_ASCII = nameRun('A-Z', 'a-z', 'A-Za-z', '');

/** What the registry asks about a word as written. */
interface WordFacts {
  /** Lower case, without possessive 's and surrounding punctuation (a trailing period stays). */
  normalised: string;
  /** `normalised` without a trailing period. */
  bare: string;
  title: boolean;
  titleGender: Gender | null;
  nationality: string | undefined;
  role: string;
}

// One memo for all facts about a word: the same words are asked about many times per
// article. A CharTable from the word to its index in `wordFactsList` misses the CPU caches
// less than a large Map.
const wordFactsIndices = new CharTable();
const wordFactsList: WordFacts[] = [];

function factsOf(word: string): WordFacts {
  const index = wordFactsIndices.get(word, 0, word.length);
  if (index !== ABSENT) return wordFactsList[index]!;
  const normalised = word.toLowerCase().replace(/[’']s$/, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
  const bare = normalised.replace(/\.$/, '');
  const undotted = bare.replace(/\./g, '');
  const facts: WordFacts = {
    normalised,
    bare,
    title: bare in PERSON_TITLES || undotted in PERSON_TITLES,
    titleGender: PERSON_TITLES[bare] ?? PERSON_TITLES[undotted] ?? null,
    nationality: NATIONALITY[normalised],
    role: NATIONALITY[bare] ?? NATIONALITY[`${bare}.`] ?? ROLE_SYNONYMS[bare] ?? bare,
  };
  if (wordFactsList.length > 50_000) {
    wordFactsIndices.clear();
    wordFactsList.length = 0;
  }
  wordFactsIndices.set(word, 0, word.length, wordFactsList.push(facts) - 1);
  return facts;
}

export function normaliseWord(word: string): string {
  return factsOf(word).normalised;
}

/** normaliseWord without a trailing period ("jr." -> "jr"). */
export function bareWord(word: string): string {
  return factsOf(word).bare;
}

/** A word written before a name as a title: "Sen.", "Secretary", "Judge". */
export function isTitleWord(word: string): boolean {
  return factsOf(word).title;
}


export function nationalityOf(word: string): string | undefined {
  return factsOf(word).nationality;
}

/** Normalised role word: nationality, office synonym, or the word itself. */
export function roleKey(word: string): string {
  return factsOf(word).role;
}

/** A word that makes the title after it a deputy's ("Vice President"). */
const DEPUTY = /^(?:vice|deputy|assistant|lieutenant|lt\.?)$/i;

/** The title words as written whose roleKey is a synonym's ("chancellor" for "leader"); none after "Vice". */
function synonymTitles(titleWords: string[]): string[] {
  const out: string[] = [];
  titleWords.forEach((word, i) => {
    const { role, normalised } = factsOf(word);
    const bare = normalised.replace(/\.$/, '');
    if (role !== bare && ROLE_SYNONYMS[bare] && !DEPUTY.test(titleWords[i - 1] ?? '')) out.push(bare);
  });
  return out;
}

export interface ParsedName {
  /** Name tokens with titles and possessives stripped. */
  tokens: string[];
  /** Title and role words that preceded the name inside the capitalised run. */
  titleWords: string[];
  gender: Gender | null;
}

const NICKNAME = /^(?:["“].*["”]|['‘]\p{Lu}[\p{Ll}.-]*['’])$/u;

/** Splits "Russian President Vladimir Putin's" into role words and the name proper. */
/** Nouns for a person, as role keys: one of them beside a name says the name is a person's. */
const PERSON_ROLE_WORD: ReadonlySet<string> = new Set([...PERSON_NOUNS].map((w) => roleKey(w)));

/** Words for several of a family before their first names: "Brothers Ciarán and Rory Hogarty". */
const SEVERAL_OF_A_FAMILY = ['twins', 'brothers', 'sisters', 'siblings', 'cousins', 'parents', 'grandparents',
  // Couples and partners named the same way: "Owners Bruce and Carol Tandy", "Founders Ana and Luis Vega".
  'owners', 'co-owners', 'founders', 'co-founders', 'partners'];
/** Words that describe a person before their name and open sentences with it ("Veteran", "Embattled"). */
const DESCRIBING_OPENER = new Set(
  ('veteran incumbent embattled disgraced outgoing incoming retiring retired jailed convicted beleaguered acting interim ousted ' +
    'exiled legendary fellow rival longtime presumptive controversial defeated victorious tearful grieving heartbroken ' +
    'devastated furious shocked delighted proud brave tragic popular celebrated renowned troubled pretty beautiful stunning smiling ' +
    'happy glamorous tiny frail ' +
    // "Twins Jack and Finn Murray", "Sisters Amy and Lou Hart": who the names are, before the first of them.
    `${SEVERAL_OF_A_FAMILY.join(' ')} couple`).split(' '),
);

const CAPITAL_THEN_LOWER = /^\p{Lu}\p{Ll}/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/**
 * "NASA Administrator Jim Bridenstine": a noun for a person or an agent ("-or", "-er", "-ist") that is
 * no first name itself, right before a first name, ends the titles.
 */
function roleBeforeFirstName(word: string, next: string): boolean {
  const lower = word.toLowerCase();
  // The cheap tests first: most words of a name are no role.
  const role = PERSON_ROLE_WORD.has(roleKey(lower));
  if (!role && !(lower.length > 5 && /(?:er|or|ist|ian)$/.test(lower))) return false;
  if (!CAPITAL_THEN_LOWER.test(word) || STOP_WORDS.has(lower) || firstNameGender(word) || !firstNameGender(next)) return false;
  // A word that only looks like an agent noun needs a first name the news list knows after it.
  return role || !!newsFirstNameGender(next);
}

export function parseNameRun(run: string): ParsedName | null {
  // Most runs are one word: no need to split those.
  // A nickname in quotation marks ('Juan "Chico" Manriquez') is no part of the name.
  const words = /[ \u00a0]/.test(run) ? run.split(/[ \u00a0]+/).filter((w) => w && !NICKNAME.test(w)) : run ? [run] : [];
  const titleWords: string[] = [];
  let gender: Gender | null = null;
  let i = 0;
  while (i < words.length - 1) {
    // "Secretary of State Mike Pompeo", "Minister for Foreign Affairs Anna Berg": "of", "for" (and
    // "the") between title words belong to the title when words follow for the name.
    if (titleWords.length > 0 && /^(?:of|for|the)$/.test(words[i]!) && i + 2 < words.length) {
      titleWords.push(words[i]!);
      i++;
      continue;
    }
    const facts = factsOf(words[i]!);
    // "Bill Clinton", "President Bill Clinton": a first name the news uses often opens the name, at
    // the run's start or after its titles, though "bill" is also a thing.
    // "Veteran Labour MP Dennis Skinner", "Incumbent Dilma Rousseff": a describing word, capitalised
    // because it opens the sentence, before at least two more words.
    // ("Pretty Faith poses with ...": two words, when the second is a first name.)
    const describing = i === 0 && DESCRIBING_OPENER.has(facts.normalised) && (i + 2 < words.length || !!firstNameGender(words[i + 1]));
    // "Director of Public Prosecution Eva-Marie Persson": after a title's "of", the body's words run
    // up to the first name.
    const officeOf = /^(?:of|for)$/.test(titleWords[titleWords.length - 1] ?? '') && !firstNameGender(words[i]) && words.slice(i + 1, -1).some((w) => !!firstNameGender(w));
    const koreanFamilyName = i === 0 && koreanFamilyNameFirst(words, facts.normalised);
    if (facts.title || facts.nationality || describing || officeOf || (nonPersonWord(facts.normalised) && !MALE_NAMES.has(facts.normalised) && !FEMALE_NAMES.has(facts.normalised) && !koreanFamilyName)) {
      gender = gender ?? facts.titleGender;
      titleWords.push(words[i]!);
      i++;
    } else break;
  }
  // "Charlotte Mayor Jennifer Roberts", "NBC's Dante Chinni": the name starts after the last title
  // or possessive inside the run.
  for (let k = words.length - 2; k >= i; k--) {
    const w = words[k]!;
    const facts = factsOf(w);
    if (/[’']s$/.test(w) || (facts.title && !/^(?:state|press|house|white|court|first|campaign|former)$/i.test(facts.normalised)) || roleBeforeFirstName(w, words[k + 1]!)) {
      for (let t = i; t <= k; t++) titleWords.push(words[t]!);
      gender = gender ?? facts.titleGender;
      i = k + 1;
      break;
    }
  }
  // "Prosecutor Trina Little", "Grandmother Ann Leigh", "Striker Sam Reed": a role word that opens
  // a sentence is capitalised like the name; a known first name after it starts the name.
  // ("Captain Chris Robshaw": a role word the long tail of first names holds too is still a role.)
  // ("Actress Amandla Stenberg": a noun for a person opens the run before any name, known or not.)
  const personRole = (w: string) => PERSON_ROLE_WORD.has(roleKey(w)) && !newsFirstNameGender(w);
  if (words.length - i >= 3 && ((!firstNameGender(words[i]) && firstNameGender(words[i + 1])) || personRole(words[i]!))) titleWords.push(words[i++]!);
  // "Public Prosecution Eva-Marie Persson" (the run cut after "Director of"): words that are no first
  // names before one that is, with a surname after it, are where the person works.
  // Only plain capitalised words (no initials, no "of"): "G.K. Butterfield of North Carolina" is his name.
  const plain = (w: string) => PLAIN_CAPITALISED.test(w) || ACRONYM_OF_2_TO_6.test(w);
  if (words.length - i >= 3 && words.slice(i).every(plain)) {
    while (words.length - i >= 3 && !firstNameGender(words[i]) && !firstNameGender(words[i + 1]) && words.slice(i + 1, -1).some((w) => !!firstNameGender(w))) titleWords.push(words[i++]!);
    if (titleWords.length > 0 && words.length - i >= 3 && !firstNameGender(words[i]) && firstNameGender(words[i + 1])) titleWords.push(words[i++]!);
  }
  const tokens = words.slice(i).map(withoutPossessive);
  // "Victoria Ames KC", "Jane Hill MP", "John Smith OBE": letters after a name are no part of it
  // (an office among them is a title).
  while (tokens.length > 2 && POSTNOMINAL.test(tokens[tokens.length - 1]!)) titleWords.push(tokens.pop()!);
  // "Secretary of State John Kerry" arrives as separate runs; a lone title is not a name.
  if (tokens.length === 0) return null;
  const last = tokens[tokens.length - 1]!;
  if (tokens.length === 1 && isTitleWord(last)) return null;
  // "the Home Secretary", "Finance Minister": an office after a word that is no first name is no
  // name ("John King", "Carole Bishop" are).
  if (tokens.length === 2 && isTitleWord(last) && !firstNameGender(tokens[0])) return null;
  return { tokens, titleWords, gender };
}

/** Letters written after a British name: counsel's rank, a seat, an honour. */
const POSTNOMINAL = /^(?:KC|QC|SC|BL|MP|MSP|MEP|MS|MLA|AM|OBE|MBE|CBE|KBE|DBE|FRS|PhD)$/;

/** The word without a trailing 's or apostrophe (w.replace(/[’']s$|[’']$/, '')). */
function withoutPossessive(w: string): string {
  const last = w[w.length - 1];
  return last === 's' || last === '’' || last === "'" ? w.replace(/[’']s$|[’']$/, '') : w;
}

const CAPITAL_INITIAL = /^\p{Lu}\.$/u; // a constant for speed (see STARTS_LOWER in lexicon.ts)
function looksLikePersonName(tokens: string[], hadTitle: boolean): boolean {
  if (tokens.length === 0 || tokens.length > 4) return false;
  const facts = tokens.map(factsOf);
  if (NOT_NAME.has(facts[0]!.normalised)) return false;
  // "Bill Clinton", "Mark Warner": a first name the news uses often is a name, though "bill" and
  // "mark" are also words for things.
  const knownFirst = tokens.length > 1 && (MALE_NAMES.has(facts[0]!.normalised) || FEMALE_NAMES.has(facts[0]!.normalised));
  // "Jennifer Green", "Tim Hall": after a known first name, a surname that is also a word for a place or thing.
  // ("Dave Green", "Sue Hall": any first name a list knows will do, the surname being one of these few words.)
  // ("Park Ji-won", "Song Min-ho": a Korean family name first, before a given name of two syllables.)
  const surnameWord = (i: number) => i === 1 ? tokens.length === 2 && SURNAME_WORDS.has(facts[1]!.normalised) && (knownFirst || firstNameGender(tokens[0]) !== null) : i === 0 && koreanFamilyNameFirst(tokens, facts[0]!.normalised);
  if (facts.some((f, i) => (nonPersonWord(f.normalised) && !(i === 0 && knownFirst) && !surnameWord(i)) || f.nationality !== undefined)) return false;
  if (tokens.some((t) => ACRONYM_OF_4.test(t) && !hadTitle)) return false; // acronyms: NAACP, ISIL
  // "Suddenly I said": the pronoun after a capitalised opening word; "Elizabeth I" keeps a first name.
  if (!knownFirst && tokens.includes('I')) return false;
  if (tokens.length === 1) return hadTitle && !isTitleWord(tokens[0]!);
  // Two-word runs must end in a plausible surname, not an initial alone.
  return !CAPITAL_INITIAL.test(tokens[tokens.length - 1]!);
}

type GenderLists = typeof import('gender-detection-from-name');
// Constant name lists, loaded on first use: module-level, the same for every article.
let lists: GenderLists | undefined;
/**
 * The package's lists (about 2 MB of names), loaded on the first name we need: commands that never
 * analyse an article (summary, ask, serve's replies) do not pay for them at start.
 */
function genderLists(): GenderLists {
  return (lists ??= createRequire(import.meta.url)('gender-detection-from-name') as GenderLists);
}

/**
 * First names that are a woman's in English and a man's in another language the news reports from
 * (Andrea Pirlo and Andrea Leadsom, Jean Dujardin and Jean Smart): the name alone says nothing, the
 * pronouns and titles decide. Hand-written.
 */
const BOTH_WAYS_ABROAD = new Set('andrea nicola simone michele jean ange dominique sasha misha'.split(' '));

let ambiguous: Set<string> | undefined;
/**
 * First names the package lists under both genders in the list that decides them (2,298 in its
 * French list alone: "florent", "adolphe", "alcide"; "jesus", "wei", "li" in others). Its lookup
 * keeps the later entry, always the female one, so each of them read as a woman's name and a
 * "he said" could not go to Florent Groberg. Read from the package's own lists, in its lookup
 * order (English first), once per process.
 */
function ambiguousFirstNames(): Set<string> {
  if (ambiguous) return ambiguous;
  const require = createRequire(import.meta.url);
  const decided = new Set<string>();
  const found = new Set<string>();
  for (const language of ['en', 'it', 'es', 'fr', 'de', 'tr']) {
    const source = readFileSync(require.resolve(`gender-detection-from-name/names/${language}.js`), 'utf8');
    const genders = new Map<string, string>();
    for (const [, name, gender] of source.matchAll(/\['([^']+)',\s*'(male|female)'\]/g)) {
      if (decided.has(name!)) continue;
      const before = genders.get(name!);
      if (before && before !== gender) found.add(name!);
      genders.set(name!, gender!);
    }
    for (const name of genders.keys()) decided.add(name);
    if (language === 'en') english = new Set(genders.keys());
  }
  ambiguous = found;
  return found;
}

let english: Set<string> | undefined;
/** First names of the package's English list (read with the others, above): a name English-language news gives people, where "Peña" (Spanish list only) is a family name far more often. */
function englishFirstName(word: string): boolean {
  if (!english) ambiguousFirstNames();
  return MALE_NAMES.has(word) || FEMALE_NAMES.has(word) || english!.has(word);
}

/** Nouns for people that say their gender ("9/11 widow Terry Strada", "the mother of three"). */
export const GENDERED_NOUN: Record<string, Gender> = Object.fromEntries([
  ...'mother wife daughter sister grandmother granddaughter aunt niece girlfriend fiancee widow actress businesswoman congresswoman chairwoman spokeswoman mom mum lady duchess countess baroness headmistress brunette songstress starlet waitress hostess stewardess'.split(' ').map((w) => [w, 'f'] as const),
  ...'father husband son brother grandfather grandson uncle nephew boyfriend fiance widower actor businessman congressman dad duke earl frontman hunk hardman'.split(' ').map((w) => [w, 'm'] as const),
]);

/**
 * Nouns that say the gender of whom an appositive or a predicate describes ("Omar, a woman who",
 * "Omar is one of the first two women"). More than GENDERED_NOUN: "the king" or "the woman" as a
 * speaker refers to someone by description, which GENDERED_NOUN's words do not decide alone.
 */
const GENDER_VOTE_NOUN: Record<string, Gender> = {
  ...GENDERED_NOUN,
  ...Object.fromEntries('woman women girl queen princess'.split(' ').map((w) => [w, 'f'] as const)),
  ...Object.fromEntries('man men boy king prince'.split(' ').map((w) => [w, 'm'] as const)),
};

/** "is one of the first two Muslim women", "was a father of three": a gendered noun after "is"/"was", within a few words. */
const PREDICATE_NOUN = /^[ \u00a0]+(?:is|was|became|becomes)[ \u00a0]+(?:(?:one|among)[ \u00a0]+(?:of[ \u00a0]+)?)?(?:the|a|an)[ \u00a0]+((?:[\p{L}\p{N}-]+(?=[ \u00a0,.;])[ \u00a0]*){1,4})/u;

export function firstNameGender(token: string | undefined): Gender | null {
  if (!token) return null;
  const news = newsFirstNameGender(token);
  if (news) return news;
  const w = normaliseWord(token);
  // The long tail of first names (about 30,000 in English): the package's majority reading.
  // Initials and one-letter words say nothing.
  if (w.length < 2 || !LETTERS_WORD.test(w)) return null;
  const g = genderLists().getGender(w, 'en');
  // (An accented form the lists hold both ways, "Geneviève", is read as the lists' plain form.)
  if ((g === 'male' || g === 'female') && (ambiguousFirstNames().has(w) || BOTH_WAYS_ABROAD.has(w))) return NON_ASCII.test(w) ? firstNameGender(w.normalize('NFD').replace(COMBINING_MARKS, '')) : null;
  if (g === 'male') return 'm';
  if (g === 'female') return 'f';
  // "Jo-Renee", "Jean-Pierre": the first part of a compound first name.
  const dash = w.indexOf('-');
  if (dash > 1) return firstNameGender(w.slice(0, dash));
  // "Ciarán", "Siobhán", "Zoë": the lists write most names without their accents.
  const plain = NON_ASCII.test(w) ? w.normalize('NFD').replace(COMBINING_MARKS, '') : w;
  return plain !== w ? firstNameGender(plain) : null;
}
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;

/** The gender of a first name common in the news (MALE_NAMES, FEMALE_NAMES), or null. */
export function newsFirstNameGender(token: string): Gender | null {
  const w = normaliseWord(token);
  return MALE_NAMES.has(w) ? 'm' : FEMALE_NAMES.has(w) ? 'f' : null;
}

/** Evidence of a person's gender, weighed (a title or a known first name outweighs several pronouns). */
function voteGender(p: Person, g: Gender | null | undefined, weight: number): void {
  if (g === 'm') p.maleVotes += weight;
  if (g === 'f') p.femaleVotes += weight;
}

/** The age the article gives someone ("Sarah Jones, 34," makes the role "34-year-old"), or null. */
export function statedAge(p: Person): number | null {
  for (const role of p.roles) if (/^\d+-year-old$/.test(role)) return Number.parseInt(role, 10);
  return null;
}

export function personGender(p: Person): Gender | null {
  if (p.maleVotes > p.femaleVotes) return 'm';
  if (p.femaleVotes > p.maleVotes) return 'f';
  return null;
}

const MODIFIER_NOUN = /^[’']?s?\s+(?:campaign|administration|foundation|camp|supporters|aides|team|era|presidency|organization|family|plan|policy|policies|speech|rally|tower|university|voters|campaign's|white|house|hotel|tax|taxes|transition|allies|surrogate|surrogates|ticket|victory|win|loss|brand|agenda|doctrine|voters|base|fans|email|emails|server|name)\b/i;

const SPEECH = '(?:said|says|told|tells|added|adds|noted|notes|wrote|writes|asked|asks|explained|explains|argued|argues|stated|claimed|claims|continued|recalled|tweeted|insisted|declared|warned|responded|replied|acknowledged|agreed)';
/** A description then a verb of saying, with no comma to close an appositive: "pundit said". */
const CLAUSE_OF_SPEECH = new RegExp(`^(?:[\\p{L}-]+\\s+){0,4}?${SPEECH}\\b`, 'u');
const SPEECH_AFTER = new RegExp(`^[’']?s?(?:,[^,.;]{1,100},)?\\s+(?:\\w+ly\\s+|also\\s+|then\\s+|later\\s+)?${SPEECH}\\b`);
const SPEECH_BEFORE = new RegExp(`\\b${SPEECH}\\s+(?:\\p{Lu}[\\p{L}.]*\\s+)*$`, 'u');

/** Common verbs that do not end in -ed or -s, so "Obama met Putin" is not "Obama [modifier] Putin". */
/** Verbs in the past without -ed ("wore", "took"): attribution's unnamed subjects end at one too. */
export const IRREGULAR_PAST = 'wore|took|gave|came|went|stood|sat|ran|held|made|left|got|put|kept|brought|thought|felt|saw|knew|began|sent|spent|lost|won|paid|met|led|fled|drove|wept|shook|hung|fought|sought|bought|caught|taught|built|grew|threw';
const IRREGULAR_VERB = new RegExp(`^(?:${IRREGULAR_PAST}|said|told|wrote|became|spoke|set|let|hit|cut|read|heard|found|meant|chose|drew|flew|rose|fell|broke|struck|swore|sang|hid|laid|rang|rode|sank|shot|shut|sold|stole|stuck|swam|tore|woke|withdrew|understood|forgot|froze|knelt|leapt|sprang|swept|slept|strode|swung|is|was|are|were|has|had|have|will|would|can|could|may|might|must|shall|should|did|does|do|also|then|now|still|never|again|once|later|first|soon|often|even|just|not|already|quickly|recently)$`);

export function verbLike(word: string): boolean {
  const w = word.toLowerCase().replace(/[^a-z-]/g, '');
  return IRREGULAR_VERB.test(w) || /(?:ed|es)$/.test(w) || (w.endsWith('ly') && !LY_NOUN.has(w)) || (/[^s]s$/.test(w) && w.length > 3);
}
/** Nouns in -ly, which read as no adverb: "A friend of the Pruitt family insisted". */
const LY_NOUN = new Set('family rally ally assembly supply monopoly anomaly belly bully jelly lily holly folly homily panoply italy july'.split(' '));

/** "Clinton communication director Jennifer Palmieri": lower-case nouns then another name. */
/** A kin word, perhaps after a word saying which, then a capitalised name: " husband Gary", " late wife Ann". */
const KIN_THEN_NAME = /^[ \u00a0]+(?:(?:late|younger|older|eldest|youngest|adult|teenage|baby|little|twin)[ \u00a0]+)?(?:wife|husband|son|daughter|father|mother|brother|sister|stepson|stepdaughter|grandson|granddaughter|grandmother|grandfather|fiancee|fiancée|fiance|fiancé|partner|widow|widower|niece|nephew|dad|mom|mum|boyfriend|girlfriend)[ \u00a0]+\p{Lu}/u;

const LOWER_WORDS_THEN_CAPITAL = /^[ \u00a0]+((?:\p{Ll}[\p{L}-]*[ \u00a0]+){1,3})\p{Lu}/u; // a constant for speed (see STARTS_LOWER)

function modifierBeforeName(following: string): boolean {
  if (following[0] !== ' ' && following[0] !== '\u00a0') return false;
  const m = LOWER_WORDS_THEN_CAPITAL.exec(following);
  if (!m) return false;
  const words = m[1]!.trim().split(/\s+/);
  return !words.some((w) => verbLike(w) || LOWER_ROLE_STOP.has(w));
}

const LOWER_ROLE_STOP = new Set(
  ('the a an and or of to in on at by for from with without about as than that which who whom whose said says ' +
    'told tells is was were are be been has have had will would could should may might said, also then but ' +
    'after before during following meeting met between among against over under into its his her their our ' +
    'this these those some any all both where when while if not no so just even only like').split(' '),
);

/** What a name run says, wherever it stands: shared between articles, so never modified. */
interface RunName {
  parsed: ParsedName;
  surname: string;
  personLike: boolean;
  /** Offset of the name's first token in the run. */
  nameOffset: number;
  /** Whether a title word precedes the name ("Sen.", "President"), which is evidence of a person. */
  titled: boolean;
  /** roleKey of each title word. */
  titleRoles: string[];
  /** The name tokens joined, that joined name lower-cased, and the tokens as bare words. */
  fullName: string;
  fullNameKey: string;
  nameTokens: string[];
}

// The same runs ("Trump", "Hillary Clinton", "The") recur across articles, and parsing one takes
// several word-facts lookups: one memo lookup per distinct run and article is cheaper. The memo
// is a CharTable from the run to its index in `runNameList`, which misses the caches less than
// a large Map.
const runNameIndices = new CharTable();
const runNameList: Array<RunName | null> = [];

const GENERATION = /^(?:jr|sr|ii|iii|iv|v)$/;

/** A name's generation, "jr" of "Frank Delgado Jr.", when its last bare token is one. */
function generationOf(tokens: string[]): string | null {
  return tokens.length > 1 && GENERATION.test(tokens[tokens.length - 1]!) ? tokens[tokens.length - 1]! : null;
}

/** The family name among a name's bare tokens: the last one that is not "Jr." or "IV". */
export function surnameOf(tokens: string[]): string {
  for (let i = tokens.length - 1; i > 0; i--) if (!GENERATION.test(tokens[i]!)) return withoutArticle(tokens[i]!);
  return withoutArticle(tokens[0]!);
}

/**
 * "Peña Nieto" of "Enrique Peña Nieto", "Le Pen" of "Marine Le Pen": a name of two or more family
 * names is the person whose name is a first name and those. Not when those open with an English
 * first name ("Donald Trump" is not "Real Donald Trump", of a handle), when what comes before is no
 * first name ("Actress Amandla Stenberg") or more than one word ("Aung San Suu Kyi" has no family name).
 */
export function familyNamesOf(short: string[], long: string[]): boolean {
  if (short.length < 2 || long.length !== short.length + 1 || !short.every((token, i) => token === long[i + 1])) return false;
  // "Van Gaal" of "Louis van Gaal": a particle opening the family name is no first name ("Van Morrison").
  return !!firstNameGender(long[0]) && (NAME_PARTICLE.test(short[0]!) || !englishFirstName(short[0]!));
}
const NAME_PARTICLE = /^(?:van|von|de|da|di|du|dos|das|der|den|del|della|la|le|bin|ibn|al|el|ter|ten)$/i;

/**
 * "Basáñez" of "Miguel Basáñez Ebergenyi", "Ms. Acosta" of "Melba Acosta Febo": a lone word that is
 * the first of p's two family names, unless the title it comes with gives the other gender
 * ("Ms. Ortúzar" is not "Luis Ortúzar Velasco").
 */
export function firstFamilyNameOf(word: string, p: Person, gender: Gender | null): boolean {
  return familyNamesOf([word, p.nameTokens[2]!], p.nameTokens) && (!gender || firstNameGender(p.nameTokens[0]) === gender);
}

/** "al-Awlaki", "Al-Awlaki", "el-Sisi": the Arabic article joined to a surname is no part of the key, so "Awlaki" and "Al-Awlaki" find "Anwar al-Awlaki". */
function withoutArticle(token: string): string {
  return token.length > 4 && (token.startsWith('al-') || token.startsWith('el-')) ? token.slice(3) : token;
}

/**
 * Styles that go with one name in news ("Pope Francis", "Queen Beatrix", "Ms Chan"), not offices: a
 * reader knows "Ms Chan" better than "Chan".
 */
const STYLE_TITLE = /^(?:(?:Mr|Mrs|Ms|Dr)\.?|Miss|Mx|Pope|King|Queen|Prince|Princess|Emperor|Empress|Duke|Duchess|Earl|Countess|Lord|Lady|Baroness|Baron|Sheikh|Sheikha|Ayatollah|Emir|Sultan|Tsar)$/;

/** parseNameRun(run) with its surname and whether it looks like a person's name (memoised). */
function runName(run: string): RunName | null {
  const index = runNameIndices.get(run, 0, run.length);
  if (index !== ABSENT) return runNameList[index]!;
  const parsed = parseNameRun(run);
  const name = parsed && {
    parsed,
    surname: surnameOf(parsed.tokens.map(bareWord)),
    personLike: looksLikePersonName(parsed.tokens, parsed.titleWords.length > 0),
    nameOffset: run.indexOf(parsed.tokens[0]!),
    titled: parsed.titleWords.some((w) => isTitleWord(w)),
    // "Vice President Joe Biden" is not a president: a title after "Vice" or "Deputy" is a role of its own.
    titleRoles: parsed.titleWords.map((w, i) => (DEPUTY.test(parsed.titleWords[i - 1] ?? '') ? `vice-${roleKey(w)}` : roleKey(w))),
    fullName: parsed.tokens.join(' '),
    fullNameKey: parsed.tokens.join(' ').toLowerCase(),
    nameTokens: parsed.tokens.map(bareWord),
  };
  if (runNameList.length >= 50_000) {
    runNameIndices.clear();
    runNameList.length = 0;
  }
  runNameIndices.set(run, 0, run.length, runNameList.push(name) - 1);
  return name;
}

/** Lower-case words for a kind of body, which a name right after belongs to (the name is the body's). */
const BODY_TYPE_WORD: ReadonlySet<string> = new Set(
  ('group company firm charity organisation organization association coalition network agency website newspaper magazine ' +
    'society nonprofit operator retailer supermarket airline carmaker insurer lender broadcaster publisher watchdog regulator').split(' '),
);

/** The word that ends at `end` (text[end] is the space after it), up to 16 characters back. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 16 && text.charCodeAt(start - 1) !== 32 && text.charCodeAt(start - 1) !== 10) start--;
  return text.slice(start, end);
}

const FIRST_NAME_AND_AT_END = /(?<![\p{L}\p{N}'’.-]|\p{Lu}[\p{L}'’.-]*[ \u00a0])(\p{Lu}\p{Ll}+)(?:,[ \u00a0]\d{1,3},)?[ \u00a0](?:and|or|nor)[ \u00a0]$/u;
/** The same after a word that says they are several: "Brothers Ciarán and", "neither Ciarán nor". */
const FIRST_NAME_AFTER_OPENER = new RegExp(
  String.raw`(?:^|[\s\u00a0])(?:${[...SEVERAL_OF_A_FAMILY, 'neither', 'both', 'either'].map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})[ \u00a0](\p{Lu}\p{Ll}+)[ \u00a0](?:and|or|nor)[ \u00a0]$`,
  'u',
);

/**
 * "Frederick and Elizabeth Noble", "Heidi and Maryellen Olson": a known first name (not the end of
 * a name: "Anna Palmer and"), "and", then a full name whose first token is a known first name too. The first one is a person of the same
 * surname ("Frederick Noble"), so a later "Frederick" or "he" finds him.
 */
function coupleFirstName(text: string, runAt: number, name: RunName): { start: number; end: number; parsed: ParsedName; name: RunName; runStart: number } | null {
  // "... and ", "... nor ", "... or ".
  if (runAt < 6 || text.charCodeAt(runAt - 1) !== 32 || (text.charCodeAt(runAt - 2) !== 100 && text.charCodeAt(runAt - 2) !== 114)) return null;
  // "Harold, 84, and Margaret Pemberton": each of the couple may carry an age.
  const before = text.slice(Math.max(0, runAt - 30), runAt);
  const m = FIRST_NAME_AND_AT_END.exec(before) ?? FIRST_NAME_AFTER_OPENER.exec(before);
  if (!m || !name.personLike || !firstNameGender(bareWord(m[1]!)) || !firstNameGender(name.nameTokens[0])) return null;
  const couple = runName(`${m[1]} ${name.parsed.tokens.slice(1).join(' ')}`);
  if (!couple || couple.parsed.tokens.length !== name.parsed.tokens.length) return null;
  const at = Math.max(0, runAt - 30) + m.index;
  return { start: at, end: at + m[1]!.length, parsed: couple.parsed, name: couple, runStart: at };
}

/**
 * A name run found in the text or the title, as indexPeople reads it. `confirmOnly`: a headline
 * word that may stand for someone the body names, never make a person.
 */
type NameHit = { start: number; end: number; parsed: ParsedName; name: RunName; runStart: number; src: string; countMentions: boolean; confirmOnly?: boolean };

/**
 * Finds the people an article names, their surname index, role words and gender, and every name
 * mention outside the given quotation spans (mentions inside quotes are someone else speaking).
 */
export function indexPeople(text: string, quoteSpans: Array<[number, number]>, title?: string): PeopleIndex {
  const people: Person[] = [];
  const byKey = new Map<string, Person>();
  const mentions: Mention[] = [];
  // Quote spans arrive in text order and do not overlap: binary search.
  const inQuote = (pos: number) => {
    let lo = 0;
    let hi = quoteSpans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [s, e] = quoteSpans[mid]!;
      if (pos < s) hi = mid - 1;
      else if (pos >= e) lo = mid + 1;
      else return true;
    }
    return false;
  };

  const sources: Array<{ text: string; offset: number; countMentions: boolean }> = [
    { text, offset: 0, countMentions: true },
  ];
  if (title) sources.push({ text: title, offset: -1, countMentions: false });

  const headline = headlineIn(text, title);
  // "Top Clinton adviser sent ...": a headline in sentence case capitalises its first word only for
  // its place; a word the article writes in lower case is no part of the name after it.
  const headlineOpener = headline && !headline.titleCase ? headline.start : -1;

  // Two passes: full names first, then single surnames/titled surnames resolve against them.
  const hits: NameHit[] = [];
  // The same names recur throughout an article: each distinct run is looked up once in the
  // global memo, later uses hit this small map.
  const names = new Map<string, RunName | null>();
  const couples: Array<{ at: number; hit: NameHit; partner: NameHit }> = [];
  const personOfHit = new Map<NameHit, Person>();
  for (const source of sources) {
    const nameRuns = hasOnlyAsciiWordChars(source.text) ? NAME_RUN_ASCII : NAME_RUN;
    nameRuns.lastIndex = 0;
    for (let m = nameRuns.exec(source.text); m; m = nameRuns.exec(source.text)) {
      // "Rep. Alan Grayson’s Senate campaign": the possessive of a full name ends the name; the words
      // after it are read as a run of their own (the whole run had been no name, so Grayson was never
      // met). One word before it ("NBC's Dante Chinni") is the owner that parseNameRun reads as a title.
      // The regex opens with a lookbehind, tried at every position of the run: only a run that holds
      // an 's can match, and most runs do not.
      // So does a plural's ("Democracy Corps’ Stan Greenberg").
      const owner = m[0].includes("'s") || m[0].includes('’s') || m[0].includes("s' ") || m[0].includes('s’ ') ? INNER_POSSESSIVE.exec(m[0]) : null;
      if (owner) nameRuns.lastIndex = m.index + owner.index + owner[0].length;
      const found = owner ? m[0].slice(0, owner.index + owner[0].length) : m[0];
      // "But Bryant said", "When Maddow pointed out": a capitalised word that opens the sentence is
      // no part of the name after it (else the mention is lost, or "Now Bryant" made a person).
      const opener = found.length > 4 && (found.includes(' ') || found.includes('\u00a0')) ? OPENING_WORD.exec(found) : null;
      // Nor is where a body is based ("Calgary-based Bitterroot"), nor an interview's "Q." that opens
      // a line ("Q. Ben, when did you know ...").
      const skip = opener && (CLAUSE_OPENING_WORD.has(opener[1]!.toLowerCase()) || (m.index === headlineOpener && writtenLowerCase(text, opener[1]!)))
        ? opener[0].length
        : found.includes('-based') ? (PLACE_BASED_BEFORE_NAME.exec(found)?.[0].length ?? 0)
        : found.startsWith('Q.') && INTERVIEW_Q.test(found) && (m.index === 0 || source.text[m.index - 1] === '\n') ? 3 : 0;
      // "Broaddrick Sunday night recounted": a day after the name is no part of it either.
      const day = found.length > 10 && found.endsWith('day') ? TRAILING_WEEKDAY.exec(found) : null;
      const run = found.slice(skip, day && day.index > skip ? day.index : found.length);
      const runAt = m.index + skip;
      const key = run.endsWith("'s") || run.endsWith('’s') ? run.slice(0, -2) : run; // without a possessive
      let name = names.get(key);
      if (name === undefined) {
        name = runName(key);
        names.set(key, name);
      }
      // "the California Democrat", "the Wisconsin Republican": a place and a party, no one's name.
      if (!name || PARTY_MEMBER.test(name.parsed.tokens[name.parsed.tokens.length - 1]!)) continue;
      // "the commuter group Ashcombe Rail Users", "the charity Friends of the Earth": a name right
      // after a word for a body is that body's, no one's.
      if (runAt > 6 && source.text.charCodeAt(runAt - 1) === 32 && BODY_TYPE_WORD.has(wordBefore(source.text, runAt - 1))) continue;
      // "analyst Sophie Lane of Peel Hunt", "John Smith of Boston": after a full name, "of" and a
      // run name the body or place the person is from, not a second person.
      const previous = hits[hits.length - 1];
      if (previous && previous.src === source.text && previous.end === runAt - 4 && source.text.slice(runAt - 4, runAt) === ' of ' && previous.parsed.tokens.length >= 2 && previous.name.personLike && firstNameGender(previous.name.nameTokens[0])) continue;
      const couple = name.parsed.tokens.length >= 2 && name.nameOffset === 0 ? coupleFirstName(source.text, runAt, name) : null;
      // The name's tokens lie within the key, which is the run or its start, so the offset is the same in both.
      const hit: NameHit = {
        start: source.countMentions ? runAt + name.nameOffset : -1,
        end: source.countMentions ? runAt + run.length : -1,
        parsed: name.parsed,
        name,
        runStart: runAt,
        src: source.text,
        countMentions: source.countMentions,
      };
      if (couple) couples.push({ at: hits.length, hit: { ...couple, countMentions: source.countMentions, src: source.text, start: source.countMentions ? couple.start : -1, end: source.countMentions ? couple.end : -1 }, partner: hit });
      hits.push(hit);
    }
  }

  // "Clinton and Bernie Sanders", "Palmer and Jake Sherman": a word that is someone's surname in the
  // article is not the first name of a couple. The others go in before the full name they share.
  if (couples.length) {
    const surnames = new Set(hits.filter((h) => h.parsed.tokens.length >= 2 && h.name.personLike).map((h) => h.name.surname));
    for (const { at, hit } of couples.reverse()) if (!surnames.has(hit.name.nameTokens[0]!)) hits.splice(at, 0, hit);
  }

  if (headline?.titleCase) hits.splice(0, hits.length, ...headlineHitsFirst(hits, text, headline.end));

  // Lookups for pass 1, kept as people are added: the people with each surname (in the order of
  // `people`), and every first token a person of two or more name tokens has had.
  const peopleBySurname = new Map<string, Person[]>();
  const firstTokens = new Set<string>();
  const addPerson = (person: Person): void => {
    people.push(person);
    const same = peopleBySurname.get(person.surname);
    if (same) same.push(person);
    else peopleBySurname.set(person.surname, [person]);
    if (person.nameTokens.length > 1) firstTokens.add(person.nameTokens[0]!);
  };

  // People with a mention that is no place's; those without one ("marched through Milton Keynes",
  // "in El Paso") get no gender from a first name.
  const namedAsPerson = new Set<Person>();
  for (const pass of [2, 1] as const) {
    for (const hit of hits) {
      const { tokens, gender } = hit.parsed;
      if (pass === 2 ? tokens.length < 2 : tokens.length !== 1) continue;
      const { name } = hit;
      const { surname } = name;
      let person: Person | undefined;
      // "Peña Nieto" for "Enrique Peña Nieto": its first word is no first name of theirs, whatever gender a list gives it.
      let familyNamesOnly = false;
      // "Mrs Smith" when only John Smith is named: someone else of that name (his mother, his wife).
      let namesakeTitle: string | null = null;
      // "President Bush" with Jeb and George W. Bush named: which one holds the title, the surname does not say.
      let sharedSurname = false;
      if (pass === 1) {
        const known = peopleBySurname.get(surname);
        if (known) {
          person = principalOf(known, gender);
          if (!person) namesakeTitle = hit.parsed.titleWords[0] ?? null;
          else sharedSurname = namesakes(known, gender).length > 1;
        } else if (firstTokens.has(surname)) {
          // A lone first name ("Melanie") of a known full name.
          const byFirst = people.filter((p) => p.nameTokens[0] === surname && p.nameTokens.length > 1);
          if (byFirst.length === 1) person = byFirst[0];
        }
        if (!person) {
          const byFamilyName = people.filter((p) => firstFamilyNameOf(surname, p, gender));
          if (byFamilyName.length === 1) person = byFamilyName[0];
        }
        if (!person && !name.personLike && !introducedAsName(hit.src, hit.runStart, tokens[0]!)) continue;
      } else if (!name.personLike) continue;
      if (!person) {
        const { fullName, nameTokens } = name;
        const key = namesakeTitle ? `${namesakeTitle.replace(/\.$/, '').toLowerCase()} ${name.fullNameKey}` : name.fullNameKey;
        person = byKey.get(key);
        if (!person) {
          // "Bill Clinton" and "Hillary Clinton" stay apart; "Hillary Rodham Clinton" joins "Hillary Clinton".
          // A namesake of the other gender ("Mrs Smith" beside John Smith) joins no one.
          // "Frank Delgado Jr." is not "Frank Delgado Sr."; "Delgado Jr." is the one of them called Jr.
          const generation = generationOf(nameTokens);
          person = namesakeTitle ? undefined : people.find((p) => {
            if (p.surname !== surname) return false;
            const theirs = generationOf(p.nameTokens);
            if (generation && theirs && theirs !== generation) return false;
            return p.nameTokens[0] === nameTokens[0] || nameTokens.length === 1 || (!!generation && nameTokens.length === 2 && theirs === generation) || familyNamesOf(nameTokens, p.nameTokens) || familyNamesOf(p.nameTokens, nameTokens);
          });
          // A headline in title case makes names of its words ("Clinton Wades In"): the title only
          // adds to people the body names.
          familyNamesOnly = !!person && familyNamesOf(nameTokens, person.nameTokens);
          if (!person && (!hit.countMentions || hit.confirmOnly)) continue;
          if (!person) {
            // "Trump's wife, Melania,": the relative a first name introduces is shown with the owner's surname.
            // Only when the article writes that full name too: a wife need not bear her husband's name.
            const kinSurname = nameTokens.length === 1 && hit.countMentions ? kinOwner(hit.src, hit.runStart, tokens[0]!) : null;
            const owner = kinSurname && hit.src.includes(`${fullName} ${kinSurname}`) ? kinSurname : null;
            // "Pope Francis", "Prince Harry", "Ms Chan": one name known by its style keeps it.
            // The style and the titles after it: "Lord Justice Leveson".
            const titles = hit.parsed.titleWords;
            const style = nameTokens.length === 1 ? titles.findIndex((w) => STYLE_TITLE.test(w)) : -1;
            const styled = style >= 0 ? `${titles.slice(style).join(' ')} ${fullName}` : fullName;
            const shown = namesakeTitle ? `${namesakeTitle} ${fullName}` : owner ? `${fullName} ${owner}` : styled;
            person = { fullName: shown, nameTokens, surname, roles: new Set(), titles: new Set(), maleVotes: 0, femaleVotes: 0, evidence: 0 };
            addPerson(person);
          } else if (nameTokens.length > person.nameTokens.length && nameTokens.length <= 3) {
            person.fullName = fullName;
            person.nameTokens = nameTokens;
            firstTokens.add(nameTokens[0]!);
          }
          byKey.set(key, person);
        }
      }
      const place = placeMention(hit.src, hit.runStart, hit.end, name.titled);
      if (!place) namedAsPerson.add(person);
      if (name.titled) person.evidence++;
      // "a resident named Caroline": the word is someone's name, so a first name says their gender.
      if (tokens.length === 1 && hit.countMentions && introducedAsName(hit.src, hit.runStart, tokens[0]!)) {
        person.evidence++;
        // "His wife Manjit": the kin word says the gender a list may not know. Not the surname of
        // someone named in full ("Fiona Blake ... Blake, 58,": Blake is also a man's first name).
        const bySurname = person.nameTokens.length > 1 && person.surname === surname;
        if (!bySurname) voteGender(person, firstNameGender(tokens[0]) ?? GENDER_VOTE_NOUN[KIN_BARE_BEFORE.exec(hit.src.slice(Math.max(0, hit.runStart - 40), hit.runStart))?.[1] ?? ''], 3);
      }
      if (!familyNamesOnly) voteGender(person, gender, 3);
      // "Omar is one of the first two Muslim women elected": what the sentence says the person is.
      const predicate = hit.countMentions ? PREDICATE_NOUN.exec(text.slice(hit.end, hit.end + 80)) : null;
      const predicateGender = (predicate?.[1] ?? '').split(/[ \u00a0]+/).map((w) => GENDER_VOTE_NOUN[w]).find(Boolean);
      voteGender(person, predicateGender, 3);
      if (!sharedSurname) {
        for (const role of name.titleRoles.flatMap(heldRoles)) person.roles.add(role);
        // The title as written too, so that "the Chancellor" prefers "Chancellor Rachel Reeves" to a union leader.
        for (const role of synonymTitles(hit.parsed.titleWords)) person.roles.add(role);
        if (name.titled) for (const role of name.titleRoles) person.titles.add(role);
      }
      const nameEnd = hit.start < 0 ? hit.runStart : hit.end;
      const setOff = roleSetOffBefore(hit.src, hit.runStart, nameEnd);
      for (const w of rolesAround(hit.src, hit.runStart, nameEnd, setOff)) {
        for (const role of heldRoles(w)) person.roles.add(role);
        // ("grew up in Ashby, the daughter of a bus driver": the role after a place is someone else's.)
        if (!place) voteGender(person, GENDER_VOTE_NOUN[w], 3);
      }
      // "Her rival, Aecio Neves,", "Arsenal boss Arsene Wenger was left frustrated": a noun for a person
      // set off before the name, or right before it when the name is a clause's subject, says it is one.
      const setOffHead = setOff[setOff.length - 1];
      if (hit.countMentions && hit.start >= 0 && ((!!setOffHead && PERSON_ROLE_WORD.has(roleKey(setOffHead))) || roleBeforeSubject(hit.src, hit.runStart, hit.end))) person.evidence++;
      // "Harry Reid (D-Nev.)", "Marco Rubio, R-Fla.,": the party and the state are roles ("the
      // Senate Democratic leader", "the Florida senator").
      if (hit.countMentions) for (const w of partyTagRoles(text, hit.end)) person.roles.add(w);
      // "President Vladimir V. Putin of Russia": the country after the name is a role ("the Russian leader").
      const country = hit.countMentions ? OF_COUNTRY.exec(text.slice(hit.end, hit.end + 30)) : null;
      const nationality = country ? nationalityOf(country[1]!) : undefined;
      if (nationality) person.roles.add(nationality);
      // "Sen. Bernie Sanders of Vermont": the state is a role too ("the Vermont senator").
      else if (country && US_STATE.has(country[1]!.toLowerCase())) person.roles.add(country[1]!.toLowerCase());
      // "the Trump campaign", "Obama administration": the name is a modifier, not a mention of the person.
      const following = text.slice(hit.end, hit.end + 60);
      // "Sharon Cole's husband Gary": the owner of a relative is a person the story is about, no modifier.
      const ownsRelative = /['’]s?$/.test(text.slice(hit.end - 2, hit.end)) && KIN_THEN_NAME.test(following);
      const modifierUse = hit.countMentions && !ownsRelative && (MODIFIER_NOUN.test(following) || modifierBeforeName(following));
      if (hit.countMentions && !inQuote(hit.start) && !modifierUse) mentions.push({ start: hit.start, end: hit.end, person });
      personOfHit.set(hit, person);
    }
  }
  // "Peter and Sandra Wells": a couple, so "his wife" is Sandra Wells.
  const partners = new Map<Person, Person>();
  for (const { hit, partner } of couples) {
    const one = personOfHit.get(hit);
    const other = personOfHit.get(partner);
    if (one && other && one !== other) {
      partners.set(one, other);
      partners.set(other, one);
    }
  }

  for (const p of people) {
    if (!namedAsPerson.has(p)) continue;
    // "Park Soo-yeon", "Kim Min-jun": a Korean family name comes first, and says nothing of gender.
    const familyFirst = p.nameTokens.length === 2 && KOREAN_FAMILY_NAME.has(p.nameTokens[0]!) && KOREAN_GIVEN_NAME.test(p.nameTokens[1]!);
    const g = familyFirst ? null : firstNameGender(p.nameTokens.length > 1 ? p.nameTokens[0] : undefined);
    voteGender(p, g, 2);
    if (g || familyFirst) p.evidence++;
  }
  mentions.sort((a, b) => a.start - b.start);
  votePronounGender(text, mentions.filter((m) => namedAsPerson.has(m.person)), inQuote);
  // Someone who says or is told something is a person ("noted NBC's Dante Chinni", "Ham said").
  for (const m of mentions) {
    if (SPEECH_AFTER.test(text.slice(m.end, m.end + 120)) || SPEECH_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)))
      m.person.evidence++;
  }
  return { people, mentions, partners };
}

/**
 * A preposition of place right before a name, perhaps with "the": "in", "through", "outside the".
 * Not those that take people as often: "from", "to", "at" ("hit out at Meghan Markle"), "towards".
 */
/** Prepositions that put a name in its place: "marched through Milton Keynes", "outside the Albert Hall". */
export const PLACE_PREPOSITIONS = 'in|near|through|across|outside|inside|throughout';
const PLACE_PREPOSITION_BEFORE = new RegExp(String.raw`(?:^|[\s(])(?:${PLACE_PREPOSITIONS})[ \u00a0]+(?:the[ \u00a0]+)?$`);

/** Whether a name run is written as a place: after a preposition of place, with no title and no possessive. */
function placeMention(src: string, runStart: number, end: number, titled: boolean): boolean {
  if (titled || /^['’]/.test(src.slice(end, end + 1)) || /['’]s?$/.test(src.slice(Math.max(0, end - 2), end))) return false;
  // "the MP for Ashby Moor", "the senator for Western Australia": the seat an office is for.
  if (PLACE_PREPOSITION_BEFORE.test(src.slice(Math.max(0, runStart - 16), runStart))) return true;
  const window = src.slice(Math.max(0, runStart - 24), runStart);
  return window.includes('for') && SEAT_AFTER_OFFICE.test(window);
}
const SEAT_AFTER_OFFICE = /(?:^|[\s(])(?:MP|MSP|MS|MLA|MHA|MPP|TD|[Mm]ember|[Ss]enator|[Rr]epresentative|[Cc]ongress(?:wo)?man|[Cc]ouncill?or|[Cc]andidate)[ \u00a0]+for[ \u00a0]+(?:the[ \u00a0]+)?$/;

const OF_COUNTRY = /^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(\p{Lu}[\p{L}.]*)(?![ \u00a0]+\p{Lu})/u;

const LETTER_WORDS = /\p{L}[\p{L}'’-]*/gu; // a constant for speed (see STARTS_LOWER in lexicon.ts)
/**
 * Where the headline lies when the body opens with it (a plain-text draft keeps its title as the
 * first line), and whether it is in title case. A headline in sentence case ("Obama says he will
 * veto the bill"), or a title that is the article's first sentence, capitalises only names and its
 * first word: its runs are names as written.
 */
function headlineIn(text: string, title: string | undefined): { start: number; end: number; titleCase: boolean } | null {
  let core = title?.trim().replace(/[\s.]+$/u, '');
  if (!core) return null;
  const start = text.length - text.trimStart().length;
  if (!text.startsWith(core, start)) {
    // The first line may punctuate the title otherwise ("Remarks ‘Troubling.’" for "Remarks ‘Troubling’"):
    // the same words in the same order are the same headline.
    const lineEnd = text.indexOf('\n', start);
    const line = text.slice(start, lineEnd < 0 ? text.length : lineEnd).trimEnd();
    if (line.length > core.length + 4 || wordsOnly(line) !== wordsOnly(core)) return null;
    core = line;
  }
  const words = core.match(LETTER_WORDS) ?? [];
  const content = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  const capitalised = content.filter((w) => STARTS_UPPER.test(w)).length;
  return { start, end: start + core.length, titleCase: content.length >= 3 && capitalised >= content.length * 0.8 };
}

/** A line's letters and digits, its words one space apart: what two punctuations of one headline share. */
function wordsOnly(line: string): string {
  return (line.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Whether the text holds the word as a whole word, as written (a lower-case word: only in lower case). */
export function hasWord(text: string, word: string): boolean {
  // An indexOf scan with a letter check at both ends: the same answer as the regex
  // /(?<!\p{L})word(?!\p{L})/u, which cost a compile and a slow Unicode scan on every call.
  if (!word) return EMPTY_WORD.test(text); // (indexOf('') would not advance past the end)
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    // The regex matches whole code points only: never half of a surrogate pair.
    const end = at + word.length;
    if (at > 0 && isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) continue;
    if (isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) continue;
    if (!letterBefore(text, at) && !letterAt(text, end)) return true;
  }
  return false;
}

const LETTER = /^\p{L}$/u;
const EMPTY_WORD = /(?<!\p{L})(?!\p{L})/u;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Whether the code point that starts at `at` is a letter (false at the end). */
function letterAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return LETTER.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** Whether the code point that ends just before `at` is a letter (false at the start). */
function letterBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const code = text.charCodeAt(at - 1);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (isLowSurrogate(code) && at >= 2 && isHighSurrogate(text.charCodeAt(at - 2))) return LETTER.test(text.slice(at - 2, at));
  return LETTER.test(text[at - 1]!);
}

/** Whether the text writes the capitalised word in lower case somewhere ("Top" -> "top"). */
function writtenLowerCase(text: string, word: string): boolean {
  const lower = word.toLowerCase();
  return !firstNameGender(lower) && hasWord(text, lower);
}

/**
 * A title-case headline capitalises every word, so its runs are no names as written ("Clinton
 * Wades In", "Republican Donor Adelson", "McCain Challenger Kelli Ward"). A headline run stands for
 * a person only as the body confirms it: its tail, without words the body writes in lower case
 * ("donor", "top") or function words, is a full name whose surname the body uses ("Cecile
 * Richards" over a body that says "Richards"); else one of its words is a surname the body uses,
 * a mention of that person that makes no one. The headline's full names keep their place first,
 * so the person the title is about stays the principal of a shared surname.
 */
function headlineHitsFirst(
  hits: NameHit[],
  text: string,
  headlineEnd: number,
): NameHit[] {
  const inHeadline = (h: NameHit) => h.countMentions && h.runStart < headlineEnd;
  const bodySurnames = new Set(hits.filter((h) => !inHeadline(h) && h.countMentions).map((h) => h.name.surname));
  const body = text.slice(headlineEnd);
  const lowerInBody = new Map<string, boolean>();
  const headlineWord = (token: string): boolean => {
    const w = bareWord(token);
    if (firstNameGender(w)) return false; // "Bill Clinton" though the body has "the bill"
    if (STOP_WORDS.has(w)) return true;
    let lower = lowerInBody.get(w);
    if (lower === undefined) {
      lower = hasWord(body, w);
      lowerInBody.set(w, lower);
    }
    return lower;
  };
  const at = (h: NameHit, sub: string, from: number, confirmOnly: boolean): NameHit | null => {
    const name = runName(sub);
    if (!name) return null;
    return { ...h, start: from + name.nameOffset, end: from + sub.length, parsed: name.parsed, name, runStart: from, confirmOnly };
  };
  const kept: NameHit[] = [];
  const late: NameHit[] = [];
  for (const h of hits) {
    if (!inHeadline(h)) {
      kept.push(h);
      continue;
    }
    const tokens = h.parsed.tokens;
    const run = text.slice(h.start, h.end);
    if (tokens.length === 1) {
      late.push({ ...h, confirmOnly: true });
      continue;
    }
    // The clean tail of the run, its last two words ("McCain Challenger Kelli Ward"), or three
    // after a first name the news uses often ("Hillary Rodham Clinton"; the long tail of first
    // names holds surnames such as McCain).
    let k = tokens.length;
    while (k > 0 && !headlineWord(tokens[k - 1]!)) k--;
    let from = Math.max(k, tokens.length - 2);
    const third = normaliseWord(tokens[from - 1] ?? '');
    if (from - 1 >= k && (MALE_NAMES.has(third) || FEMALE_NAMES.has(third))) from--;
    const offsets: number[] = [];
    for (let i = 0, p = 0; i < tokens.length; i++) {
      p = run.indexOf(tokens[i]!, p);
      offsets.push(p);
      p += tokens[i]!.length;
    }
    if (tokens.length - from >= 2 && offsets[from]! >= 0) {
      const full = at(h, run.slice(offsets[from]!), h.start + offsets[from]!, false);
      // A full name opens with a first name that is no one's surname here ("Endorsed Trump", "Clinton Sanders" are not).
      const first = full?.name.nameTokens[0];
      if (full && full.parsed.tokens.length >= 2 && bodySurnames.has(full.name.surname) && firstNameGender(first) && !bodySurnames.has(first!)) {
        kept.push(full);
        continue;
      }
    }
    for (let i = tokens.length - 1; i >= 0; i--) {
      if (offsets[i]! < 0 || !bodySurnames.has(bareWord(withoutPossessive(tokens[i]!)))) continue;
      const one = at(h, tokens[i]!, h.start + offsets[i]!, true);
      if (one) late.push(one);
      break;
    }
  }
  // A confirming mention makes no one, so it waits until the body's people are known.
  return [...kept, ...late];
}

/**
 * Whom a bare surname means when several people share it ("Cruz" with Ted and Heidi Cruz named):
 * one of the gender a title gives ("Mrs. Clinton"), else the one the article introduced first, its
 * main subject. News calls relatives by first or full name ("Heidi Cruz", "Heidi") and keeps the
 * bare surname for the person the story is about, so the most recent full name is the wrong guide.
 */
export function principalOf<T extends Person>(candidates: T[], gender: Gender | null): T | undefined {
  if (!gender) return candidates[0];
  const fits = candidates.find((p) => genderOf(p) === gender) ?? candidates.find((p) => genderOf(p) === null);
  if (fits) return fits;
  // "Mrs Smith" is not John Smith, whose first name the news list is sure of: someone else of that
  // name (his mother, his wife). A first name the package alone reads ("Lee", "Jessie", "Satya")
  // does not outweigh the title.
  return candidates.find((p) => !(p.nameTokens.length > 1 && newsFirstNameGender(p.nameTokens[0]!) !== null));
}

/** The gender of one of several people sharing a surname: as voted, else by first name. */
function genderOf(p: Person): Gender | null {
  return personGender(p) ?? firstNameGender(p.nameTokens.length > 1 ? p.nameTokens[0] : undefined);
}

/** Which of the people sharing a surname a mention of that gender (or none) may mean. */
export function namesakes<T extends Person>(candidates: T[], gender: Gender | null): T[] {
  return gender ? candidates.filter((p) => (genderOf(p) ?? gender) === gender) : candidates;
}

/**
 * "a resident named Caroline", "identified herself as Caroline", "the base chief known as Bob": a single word
 * given as someone's name. Only a known first name: "a bill called Obamacare" names no one.
 */
function introducedAsName(src: string, runStart: number, word: string): boolean {
  const before = src.slice(Math.max(0, runStart - 40), runStart);
  // "Trump's wife, Melania,", "Her father, Brad, 39,": a relative set off by commas after the kin word.
  // ("with her husband, Carlos.": the name may end the sentence.)
  const kin = /^[,.;]/.test(src[runStart + word.length] ?? '') && before.endsWith(', ') && KIN_APPOSITIVE_BEFORE.test(before);
  // "called Shah a traitor": what someone called a person they named before, not a name given.
  if (/^[ \u00a0]+(?:a|an|the|his|her|their|its)[ \u00a0]/.test(src.slice(runStart + word.length, runStart + word.length + 8))) return false;
  // "Ahmed, 24, from Aleppo": a first name alone with an age after it, as refugees and victims are named.
  if (AGE_AFTER_NAME.test(src.slice(runStart + word.length, runStart + word.length + 12)) && firstNameGender(word) !== null && !nonPersonWord(normaliseWord(word))) return true;
  // "His wife Manjit was upstairs", "her son Tom" (as British papers write it), "His widow, Lissie,":
  // a relative named right after the kin word; it says it is a person even when no list knows the name.
  if ((kin || (endsWithKinWord(before) && KIN_BARE_BEFORE.test(before))) && !nonPersonWord(normaliseWord(word))) return true;
  return (kin || (endsWithNamingWord(before) && NAMING_BEFORE.test(before))) && firstNameGender(word) !== null;
}

/**
 * The surname a relative introduced by first name may share with the named owner: "Trump's wife,
 * Melania," is Melania Trump when the article writes "Melania Trump" too. Only spouses and
 * children; never after "his"/"her".
 */
function kinOwner(src: string, runStart: number, word: string): string | null {
  if (src[runStart + word.length] !== ',') return null;
  const m = /(?:^|[\s\u00a0])(\p{Lu}[\p{Ll}'’-]+)['’]s?[ \u00a0]+(?:(?:late|younger|older|eldest|youngest|adult|teenage)[ \u00a0]+)?(?:wife|husband|son|daughter|stepson|stepdaughter|grandson|granddaughter),[ \u00a0]$/u.exec(src.slice(Math.max(0, runStart - 40), runStart));
  return m && firstNameGender(word) !== null ? m[1]! : null;
}

/** Words before a kin word that say which relative: "his late wife", "her younger brother". */
export const KIN_MODIFIERS = 'late|younger|older|eldest|youngest|oldest|adult|teenage|estranged';

/** Whose relative, and which: "his ", "Trump's younger ", before the kin word. */
const KIN_OWNER = String.raw`(?:^|[\s\u00a0])(?:[Hh]is|[Hh]er|[Tt]heir|\p{Lu}[\p{L}.'’-]*['’]s?)[ \u00a0]+(?:(?:${KIN_MODIFIERS})[ \u00a0]+)?`;
const KIN_WORDS = 'wife|husband|son|daughter|father|mother|brother|sister|stepson|stepdaughter|grandson|granddaughter|grandmother|grandfather|fiancee|fiancée|fiance|fiancé|widow|widower|niece|nephew|dad|mom';

/** "Trump's wife, ", "her father, ", "his younger brother, ": whose relative, the kin word, a comma. */
const KIN_APPOSITIVE_BEFORE = new RegExp(String.raw`${KIN_OWNER}(?:${KIN_WORDS}),[ \u00a0]$`, 'u');

/** "His wife ", "Sharon Cole's husband ": whose relative and the kin word, right before a name without a comma. */
const KIN_BARE_BEFORE = new RegExp(String.raw`${KIN_OWNER}(${KIN_WORDS}|mum|boyfriend|girlfriend)[ \u00a0]$`, 'u');

// For speed: introducedAsName's two patterns end at "$", and V8 tries them from every position of
// the 40 characters, for most single names of an article. These tests of the end come first; each
// holds wherever its pattern matches, so the answers are the same.
const KIN_BARE_WORDS: ReadonlySet<string> = new Set(`${KIN_WORDS}|mum|boyfriend|girlfriend`.split('|'));
/** Whether `before` ends with a kin word of KIN_BARE_BEFORE and one space, as it must to match. */
function endsWithKinWord(before: string): boolean {
  const last = before.charCodeAt(before.length - 1);
  if (last !== 0x20 && last !== 0xa0) return false;
  const start = Math.max(before.lastIndexOf(' ', before.length - 2), before.lastIndexOf('\u00a0', before.length - 2)) + 1;
  return KIN_BARE_WORDS.has(before.slice(start, -1));
}
/** "a resident named ", "known as ", "gave his name as ": a word that gives a name, then spaces. */
const NAMING_BEFORE = /\b(?:named|called|(?:identified|known)[ \u00a0]+(?:(?:herself|himself|only)[ \u00a0]+)?as|gave[ \u00a0]+(?:only[ \u00a0]+)?(?:her|his)[ \u00a0]+(?:first[ \u00a0]+)?name[ \u00a0]+(?:only[ \u00a0]+)?as)[ \u00a0]+$/;
/** Whether `before` ends with NAMING_BEFORE's last word ("named", "called", "as") and spaces, as it must to match. */
function endsWithNamingWord(before: string): boolean {
  const end = before.trimEnd();
  return end.endsWith('as') || end.endsWith('named') || end.endsWith('called');
}

const AGE_AFTER_NAME = /^(?:,[ \u00a0]+(?:aged[ \u00a0]+)?(\d{1,3})(?=[,.;])|[ \u00a0]+\((\d{1,3})\))/u;

/** Lower-case role words just before a name ("US counterpart") and in an appositive after it. */
// Constants for speed (see STARTS_LOWER in lexicon.ts): a lower-case word at the end, and the verb at the start.
const LOWER_WORD_AT_END = /(?:^|[\s(])(\p{Ll}[\p{L}-]*)[ \u00a0]+$/u;
// (A comma may close an appositive first: "The consultant, the obstetrician Rajesh Menon, does not dispute this.")
const VERB_AFTER_NAME = /^,?[ \u00a0]+(?:\p{Ll}+ly[ \u00a0]+)?(\p{Ll}+)/u;

/** Whether a noun for a person ("boss", "spokesman", "striker") comes right before the name, and a verb right after it. */
function roleBeforeSubject(src: string, runStart: number, nameEnd: number): boolean {
  // Most names have no lower-case word right before them: a look at two characters first.
  const letter = src.charCodeAt(runStart - 2);
  if (src[runStart - 1] !== ' ' || !((letter >= 97 && letter <= 122) || letter > 127)) return false;
  const role = LOWER_WORD_AT_END.exec(src.slice(Math.max(0, runStart - 30), runStart))?.[1];
  if (!role || !(PERSON_ROLE_WORD.has(roleKey(role)) || (role.length > 5 && /(?:er|or|ist|ian)$/.test(role) && !STOP_WORDS.has(role)))) return false;
  const verb = VERB_AFTER_NAME.exec(src.slice(nameEnd, nameEnd + 40))?.[1];
  return !!verb && verbLike(verb);
}

/**
 * "The mayor of Springfield, Ann Lake, said", "Her rival, Aecio Neves,": the words of a role set off
 * before the name, which a comma closes (before any "of"/"for"/"at"); none when there is no such role.
 */
function roleSetOffBefore(src: string, runStart: number, nameEnd: number): string[] {
  if (nameEnd <= 0 || src[nameEnd] !== ',') return [];
  const role = ROLE_BEFORE_NAME.exec(src.slice(Math.max(0, runStart - 100), runStart));
  return role ? role[1]!.split(/[ \u00a0]+/) : [];
}

/** The role words around a name: before it, an age after it, the role set off before it (`setOff`), an appositive after it. */
function rolesAround(src: string, runStart: number, nameEnd: number, setOff: string[]): string[] {
  const roles: string[] = [];
  // The words before the run: src.slice(runStart - 60, runStart).split(/[ \u00a0]+/) without its
  // last piece (the empty string before the run), nearest first, at most three.
  const before = lastPieces(src, Math.max(0, runStart - 60), runStart, 4);
  // Something other than a space right before the run (a line break, a bracket): no role words.
  for (let i = 1; i < before.length && before[0] === ''; i++) {
    const w = before[i]!;
    // Role words stop at punctuation and at a line break ("...Her Dad Killed Himself.\n\nBetsy Sharp"),
    // though the word that opens the line is one ("...today.\n\nLabour leader Keir Starmer").
    if (w.includes('\n')) {
      const opening = w.slice(w.lastIndexOf('\n') + 1);
      if (opening && !/[,.;:!?"“”()]$/.test(opening) && !LOWER_ROLE_STOP.has(opening.toLowerCase())) roles.push(roleKey(opening));
      break;
    }
    if (/[,.;:!?"“”()][\s\u00a0]*$/.test(w) || LOWER_ROLE_STOP.has(w.toLowerCase())) break;
    // "a young woman asked Mrs. Clinton": a verb right before the name ends its subject; the words
    // before the verb describe someone else.
    if (i === 1 && ALL_LOWER.test(w) && (IRREGULAR_VERB.test(w) || /[^e]ed$/.test(w))) break;
    roles.push(roleKey(w));
  }
  // "Sarah Jones, 34, from Leeds", "Sarah Jones (34)": an age, so that "the 34-year-old" finds her.
  const age = nameEnd > 0 ? AGE_AFTER_NAME.exec(src.slice(nameEnd, nameEnd + 16)) : null;
  if (age) roles.push(`${age[1] ?? age[2]}-year-old`);
  // "The mayor of Springfield, Ann Lake, said", "Its chairman, Paul Hart, told": the role set off
  // before the name, which a comma closes.
  for (const w of setOff) if (!LOWER_ROLE_STOP.has(w)) roles.push(roleKey(w));
  // An appositive starts with a comma, perhaps after a possessive.
  const next = src[nameEnd];
  if (nameEnd > 0 && (next === ',' || next === '’' || next === "'")) {
    const after = src.slice(nameEnd, nameEnd + 120);
    const appositive = /^(?:’s|'s)?,\s+(?:a|an|the)\s+([^,.;:()"“”]{3,80})/u.exec(after);
    // "Speaking on Sky Sports, the pundit said": a description that speaks opens a clause of its own.
    if (appositive && !CLAUSE_OF_SPEECH.test(appositive[1]!)) {
      const words = appositive[1]!.split(/\s+/).slice(0, 8);
      // The description ends where a clause about it begins: "a firm Voss had represented as a
      // lobbyist" is a firm, not a "voss" nor a "lobbyist" (its subject goes too).
      const clause = words.findIndex((w) => CLAUSE_OPENER.test(w));
      if (clause >= 0) words.length = clause > 0 && /^\p{Lu}/u.test(words[clause - 1]!) && AUXILIARY.test(words[clause]!) ? clause - 1 : clause;
      for (const w of words) {
        if (LOWER_ROLE_STOP.has(w.toLowerCase())) continue;
        roles.push(roleKey(w));
      }
    }
  }
  return roles.filter((r) => r.length > 1);
}

/** Auxiliaries, as an alternation. */
const AUXILIARIES = 'had|has|have|is|was|were|are|will|would|could|should|did|does';
/** A word that opens a clause inside an appositive: a relative pronoun or an auxiliary. */
const CLAUSE_OPENER = new RegExp(`^(?:who|whom|whose|which|that|${AUXILIARIES})$`);
const AUXILIARY = new RegExp(`^(?:${AUXILIARIES})$`);

/** A description that opens its clause, set off by a comma right before a name: "The mayor of Springfield, ", "DeLuca's spokesman, ". Group: its words before any "of"/"for"/"at". */
const ROLE_BEFORE_NAME = /(?:^|[.!?]["”’]?[ \u00a0]+|\n|,[ \u00a0]+)(?:The|the|His|his|Her|her|Its|its|Their|their|(?:\p{Lu}[\p{L}.-]*[ \u00a0]+){0,2}\p{Lu}[\p{L}.-]*['’]s)[ \u00a0]+((?:[\p{Ll}-]+[ \u00a0]+){0,3}?\p{Ll}[\p{L}-]*)(?:[ \u00a0]+(?:of|for|at)[ \u00a0]+[^,.;:!?"“”]{1,60})?,[ \u00a0]+$/u;

/** A party and state tag right after a name: "(D-Nev.)", ", R-Fla.,", "(I-Vt.)". Groups: the party letter, the state. */
const PARTY_TAG_AFTER = /^,?[ \u00a0]*\(?([RDI])-([A-Z][A-Za-z.]*(?:[ \u00a0]?[A-Z][A-Za-z.]*)?)[),]/;
const PARTY_WORD: Record<string, string> = { R: 'republican', D: 'democrat', I: 'independent' };
/** The states as the tags write them (AP style and postal codes), with the name a description uses. */
const STATE_OF_TAG: Record<string, string> = Object.fromEntries(
  ('ala al alabama|alaska ak alaska|ariz az arizona|ark ar arkansas|calif ca california|colo co colorado|conn ct connecticut|' +
    'del de delaware|fla fl florida|ga ga georgia|hawaii hi hawaii|idaho id idaho|ill il illinois|ind in indiana|iowa ia iowa|' +
    'kan ks kansas|ky ky kentucky|la la louisiana|maine me maine|md md maryland|mass ma massachusetts|mich mi michigan|' +
    'minn mn minnesota|miss ms mississippi|mo mo missouri|mont mt montana|neb ne nebraska|nev nv nevada|nh nh new-hampshire|' +
    'nj nj new-jersey|nm nm new-mexico|ny ny new-york|nc nc north-carolina|nd nd north-dakota|ohio oh ohio|okla ok oklahoma|' +
    'ore or oregon|pa pa pennsylvania|ri ri rhode-island|sc sc south-carolina|sd sd south-dakota|tenn tn tennessee|' +
    'texas tx texas|utah ut utah|vt vt vermont|va va virginia|wash wa washington|wva wv west-virginia|wis wi wisconsin|wyo wy wyoming')
    .split('|')
    .flatMap((entry) => {
      const [ap, postal, name] = entry.split(' ') as [string, string, string];
      return [[ap, name], [postal, name]];
    }),
);

/** The roles a party tag right after a name gives: the party ("democrat") and the state's one-word name ("nevada"). */
function partyTagRoles(text: string, nameEnd: number): string[] {
  const c = text.charCodeAt(nameEnd);
  if (c !== 0x20 && c !== 0x2c && c !== 0xa0) return [];
  const m = PARTY_TAG_AFTER.exec(text.slice(nameEnd, nameEnd + 24));
  if (!m) return [];
  const state = STATE_OF_TAG[m[2]!.toLowerCase().replace(/[. \u00a0]/g, '')];
  // Two-word states ("new-york") are no single modifier word: the party alone counts for them.
  return [PARTY_WORD[m[1]!]!, ...(state && !state.includes('-') ? [state] : [])];
}

/** The one-word names of the US states. */
const US_STATE: ReadonlySet<string> = new Set(Object.values(STATE_OF_TAG).filter((state) => !state.includes('-')));

const isSpaceOrNbsp = (code: number): boolean => code === 0x20 || code === 0xa0;

/** The last `count` pieces of src.slice(from, to).split(/[ \u00a0]+/), last first, without slicing the rest. */
function lastPieces(src: string, from: number, to: number, count: number): string[] {
  const pieces: string[] = [];
  let end = to;
  while (pieces.length < count) {
    let start = end;
    while (start > from && !isSpaceOrNbsp(src.charCodeAt(start - 1))) start--;
    pieces.push(src.slice(start, end));
    if (start === from) break; // the first piece
    end = start - 1;
    while (end > from && isSpaceOrNbsp(src.charCodeAt(end - 1))) end--;
  }
  return pieces;
}

/** he/his/him after a mention votes male, she/her female; only the nearest preceding mention in range. */
function votePronounGender(text: string, mentions: Mention[], inQuote: (pos: number) => boolean): void {
  let mi = -1;
  for (const m of text.matchAll(/\b(he|his|him|himself|she|her|hers|herself)\b/gi)) {
    if (inQuote(m.index)) continue;
    while (mi + 1 < mentions.length && mentions[mi + 1]!.start < m.index) mi++;
    const mention = mentions[mi];
    if (!mention || m.index - mention.end > 300) continue;
    // Two different people just before the pronoun: the vote is ambiguous.
    const prev = mentions[mi - 1];
    if (prev && prev.person !== mention.person && m.index - prev.end < 150) continue;
    // A pronoun near a name is weak evidence (the sentence may be about someone else): a title or a
    // known first name outweighs several of them.
    voteGender(mention.person, /^(he|his|him|himself)$/i.test(m[1]!) ? 'm' : 'f', 0.25);
  }
}
