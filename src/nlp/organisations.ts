// Organisations an article names: newspapers, companies, groups, government bodies, parties and
// campaigns, with the kind of body each is, so that "the newspaper said" or "the group said" can
// be resolved to the body the article named a few sentences before ("The Advocate", "Trayvon
// Martin Foundation"). Hand-written for the same reason as people.ts: no npm package does this
// for news text at ingest speed.
//
// A capitalised run is an organisation when its head word is an organisation word ("... Party of
// Wyoming", "... Foundation", "... Times"), when it is an acronym, or when the text says what it
// is ("the website GunBroker.com", "advocacy group Progress Iowa", "Time magazine", "Union
// Leader, New Hampshire's largest newspaper,", "the editors of The Advocate").

import { COMPANY_ABBREVIATIONS, MONTHS, STARTS_UPPER, WEEKDAYS } from './lexicon.ts';
import { firstNameGender, isTitleWord, newsFirstNameGender } from './people.ts';
import { hasOnlyAsciiWordChars } from './tokens.ts';

/** "institution": a college, a school, a hospital, a museum: referred to only by a head its own name has ("the college"). */
export type OrgKind = 'media' | 'company' | 'group' | 'government' | 'party' | 'campaign' | 'institution' | 'unknown';

export interface Organisation {
  /** The fullest name the article gives ("New York Daily News", "the Clinton campaign"). */
  name: string;
  kind: OrgKind;
}

export interface OrgMention {
  start: number;
  end: number;
  org: Organisation;
}

/** Head words of organisation names, by the kind of body they name. */
const ORG_WORD_KIND: Record<string, OrgKind> = Object.fromEntries([
  ...('times post journal news tribune gazette herald register inquirer globe chronicle observer examiner sun bee ' +
    'insider beast magazine wire radio tv television press newspaper telegraph guardian mail express mirror ' +
    'broadcasting channel newsweek edition courier dispatch sentinel enquirer ledger bulletin').split(' ').map((w) => [w, 'media'] as const),
  ...('foundation association coalition alliance federation league club institute institution ' +
    'council committee fund pac project movement society trust union caucus group organization organisation ' +
    'watch forum initiative network orchestra').split(' ').map((w) => [w, 'group'] as const),
  ...('company co corp corporation inc ltd llc bank airlines holdings industries enterprises partners ' +
    'productions studios pictures records entertainment pharmaceuticals motors energy utilities systems technologies ' +
    'labs securities research foods rail railways airways logistics therapeutics health airport system ' +
    'management capital investments ventures').split(' ').map((w) => [w, 'company'] as const),
  ...('department agency administration ministry office board commission court bureau service authority customs ' +
    'government senate congress police constabulary treasury parliament cabinet rescue').split(' ').map((w) => [w, 'government'] as const),
  ...'college university school academy hospital infirmary clinic museum library cathedral unit'.split(' ').map((w) => [w, 'institution'] as const),
  ['party', 'party'],
  ['campaign', 'campaign'],
]);

/** What business a company is in: before its name ("planemaker Boeing") or as a description of it ("the supermarket"). */
const COMPANY_TRADE_WORDS = ('carmaker automaker planemaker chipmaker drugmaker manufacturer giant airline lender insurer bank ' +
  'supermarket chain startup conglomerate carrier').split(' ');

/** Words that, written next to a name, say what kind of body it is ("the website X", "X magazine"). */
const TYPE_NOUN_KIND: Record<string, OrgKind> = {
  newspaper: 'media', paper: 'media', tabloid: 'media', magazine: 'media', outlet: 'media', publication: 'media',
  network: 'media', station: 'media', channel: 'media', broadcaster: 'media', daily: 'media', weekly: 'media',
  website: 'company', site: 'company', company: 'company', firm: 'company', corporation: 'company', retailer: 'company',
  utility: 'company', operator: 'company', provider: 'company', brand: 'company',
  // What business a company is in, written before its name ("planemaker Boeing", "tech giant Google").
  ...Object.fromEntries(COMPANY_TRADE_WORDS.map((w) => [w, 'company'] as const)),
  group: 'group', organization: 'group', organisation: 'group', foundation: 'group', coalition: 'group', pac: 'group',
  nonprofit: 'group', charity: 'group', movement: 'group', association: 'group', union: 'group', tank: 'group',
  agency: 'government', department: 'government', ministry: 'government', commission: 'government',
  party: 'party', campaign: 'campaign',
  // The description heads that stand for one kind of body type a name beside them too: "financial
  // watchdog BaFin" is the body "the regulator" refers to, as "the airline" refers to "the carrier X".
  regulator: 'government', watchdog: 'government', authority: 'government', club: 'group', league: 'group', society: 'group',
};

/** Acronyms whose kind the news takes for granted; any other acronym is an organisation of unknown kind. */
const ACRONYM_KIND: Record<string, OrgKind> = {
  CNN: 'media', MSNBC: 'media', NBC: 'media', ABC: 'media', CBS: 'media', BBC: 'media', NPR: 'media', PBS: 'media',
  AP: 'media', AFP: 'media', UPI: 'media', CNBC: 'media', HBO: 'media', RT: 'media', WSJ: 'media',
  FBI: 'government', CIA: 'government', NSA: 'government', EPA: 'government', IRS: 'government', DOJ: 'government',
  DHS: 'government', FEC: 'government', FDA: 'government', NASA: 'government', UN: 'government', EU: 'government',
  DNC: 'party', RNC: 'party', GOP: 'party',
};
/** Capitalised abbreviations that are not organisations. */
const NOT_ORG_ACRONYM = new Set('US USA UK TV OK AM PM ET EST EDT GMT BST CEO CFO COO II III IV VI VII VIII IX XI LGBT LGBTQ ID DC NY LA'.split(' '));

/**
 * Capitalised runs, joined across "of", "for", "on", "and", "&" ("Center for Economic and Policy
 * Research"). A dot stays inside a word only before letters ("GunBroker.com"): "Justice. The" is
 * two sentences. Arguments are the contents of character classes.
 */
function orgRun(upper: string, letter: string, digit: string): RegExp {
  const word = String.raw`[${upper}][${letter}${digit}&'’-]*(?:\.[${letter}${digit}]+)*`;
  return new RegExp(String.raw`(?=[${upper}])${word}(?:[ \u00a0](?:(?:of|for|on|and|&|the)[ \u00a0])*${word})*`, 'gu');
}
const ORG_RUN = orgRun(String.raw`\p{Lu}`, String.raw`\p{L}`, String.raw`\p{N}`);
// The same runs in a text whose letters, marks and digits are all ASCII (most news in English):
// the Unicode classes cost a call per character tested, and the lookahead tests every one.
const ORG_RUN_ASCII = orgRun('A-Z', 'A-Za-z', '0-9');
// The lookahead lets the scan skip every position that cannot open a match (most of the text) cheaply.
const CAMPAIGN = /\b(?=[Tt]he[ \u00a0]|\p{Lu})(?:[Tt]he[ \u00a0]+)?((?:\p{Lu}[\p{L}.'’-]*[ \u00a0]){0,2}\p{Lu}[\p{L}'’-]+?)(?:['’]s?)?[ \u00a0]+(?:(?:presidential|reelection|re-election|Senate|senate|White[ \u00a0]House)[ \u00a0]+)?campaign\b/gu;

const kindCompatible: Record<string, OrgKind[]> = {
  media: ['media'],
  company: ['company', 'media'],
  group: ['group', 'party', 'campaign', 'unknown'],
  government: ['government'],
  // "the regulator", "the watchdog": a government body, or an independent one named as a group
  // ("the Financial Reporting Council").
  regulator: ['government', 'group', 'institution'],
  party: ['party'],
  campaign: ['campaign'],
  any: ['media', 'company', 'group', 'government', 'party', 'campaign', 'institution', 'unknown'],
};

/** Description heads that refer to an organisation, and the kinds of body each may refer to. */
const DESCRIPTION_HEAD: Record<string, keyof typeof kindCompatible> = {
  newspaper: 'media', paper: 'media', tabloid: 'media', magazine: 'media', outlet: 'media', publication: 'media',
  network: 'media', station: 'media', channel: 'media', broadcaster: 'media', daily: 'media', editors: 'media',
  company: 'company', firm: 'company', corporation: 'company', business: 'company', retailer: 'company',
  manufacturer: 'company', maker: 'company', website: 'company', site: 'company', bank: 'company',
  group: 'group', foundation: 'group', coalition: 'group', association: 'group', pac: 'group', nonprofit: 'group',
  charity: 'group', movement: 'group', union: 'group', club: 'group', institute: 'group', alliance: 'group',
  organization: 'any', organisation: 'any',
  agency: 'government', department: 'government', administration: 'government', ministry: 'government',
  government: 'government', commission: 'government', court: 'government', bureau: 'government', committee: 'any',
  board: 'any', party: 'party', campaign: 'campaign', force: 'government',
  // What business a company is in ("the supermarket", "the tech giant", "the airline").
  ...Object.fromEntries(COMPANY_TRADE_WORDS.map((w) => [w, 'company'] as const)),
  brand: 'company', operator: 'company', provider: 'company', publisher: 'company', studio: 'company',
  regulator: 'regulator', watchdog: 'regulator',
  council: 'any', university: 'any', college: 'any', school: 'any', academy: 'any', hospital: 'any', museum: 'any',
  band: 'group',
  // "the think tank", "the building society", "the league", "the transport authority", "the airport", "the orchestra".
  tank: 'group', society: 'group', league: 'group', authority: 'government', airport: 'any', orchestra: 'any',
  // "the trust", "the fund", "the center", "the service": a body whose own name says so.
  trust: 'any', fund: 'any', center: 'any', centre: 'any', service: 'any', unit: 'any', infirmary: 'any', clinic: 'any', library: 'any',
  // "the health system" for "Allegheny Crest Health System".
  system: 'any',
};

/**
 * Whether a description's head noun names a kind of organisation ("the newspaper", "the group",
 * "the editorial board"): the head's kind key, or null for any other noun.
 */
export function organisationHead(head: string): string | null {
  return DESCRIPTION_HEAD[head.toLowerCase()] ?? null;
}

/**
 * Whether a capitalised word ends the name of a group, a company or a government body ("Alliance",
 * "Trust", "Holdings", "Department"): the words of such a name may be joined by "and" ("the Food and
 * Drink Alliance"), where two names are two subjects ("Clinton and Sanders"). Not a newspaper's
 * word: "Trump and Fox News" are two.
 */
export function bodyNameEnd(word: string): boolean {
  const kind = ORG_WORD_KIND[word.toLowerCase()];
  return kind === 'group' || kind === 'company' || kind === 'government';
}

/** Whether a capitalised word ends the name of a body of any kind, a newspaper's included ("Gazette", "Council"). */
export function orgNameWord(word: string): boolean {
  return ORG_WORD_KIND[word.toLowerCase()] !== undefined;
}

/** Heads that fit only a body whose name holds the same word. */
const NAMED_KIND_HEAD = new Set(['system', 'council', 'university', 'college', 'school', 'academy', 'hospital', 'museum', 'airport', 'orchestra', 'trust', 'fund', 'center', 'centre', 'service', 'unit', 'infirmary', 'clinic', 'library']);

/**
 * Whether a description's head can name a body the organisation index may not know, such as a
 * company, a group, a club, a council or a regulator ("the supermarket", "the club"), which the
 * article named before by a name alone ("Tesco", "Leeds United"). Not media or government bodies,
 * which the index knows by their own words.
 */
export function namesAnyBody(head: string): boolean {
  const key = DESCRIPTION_HEAD[head.toLowerCase()];
  return key === 'group' || key === 'company' || NAMED_KIND_HEAD.has(head) || head === 'regulator' || head === 'watchdog';
}

/** Whether an organisation of this kind can be what a description with this head refers to. */
export function fitsHead(org: Organisation, head: string): boolean {
  const key = DESCRIPTION_HEAD[head.toLowerCase()];
  if (!key) return false;
  const namedSo = () => org.name.toLowerCase().split(/\s+/).includes(head);
  // "the board", "the committee", "the editorial board": a body whose own name says so, or any for an editorial board.
  if (head === 'board' || head === 'committee') return namedSo() || org.kind === 'government' || org.kind === 'media';
  // "the force" is a police force: "Avon and Somerset Police", "Durham Constabulary".
  // Not the Independent Office for Police Conduct, whose name only holds the word.
  if (head === 'force') return /\b(?:police|constabulary)(?:[ \u00a0](?:department|service|force))?$|\bforce$/i.test(org.name);
  // "the university", "the hospital", "the council": a body whose own name says so.
  if (NAMED_KIND_HEAD.has(head)) return namedSo();
  return kindCompatible[key]!.includes(org.kind);
}

/** A capitalised run as indexOrganisations reads it, or one part of a run split at a connector. */
interface Run {
  start: number;
  end: number;
  name: string;
  definite: boolean;
}

/**
 * Every organisation mention outside quotations, in text order, each with the fullest name the
 * article gives that body ("the Post" -> "Washington Post", "DNC" -> "Democratic National Committee").
 */
export function indexOrganisations(text: string, inQuote: (pos: number) => boolean): OrgMention[] {
  return new OrganisationIndex(text, inQuote).mentions;
}

/**
 * The organisations of one article, found only as far as a question needs. Quote attribution
 * asks of most named speakers whether a body is named there, and the answer is nearly always no:
 * that is told from the kinds of the few capitalised runs at the spot (and whether the text types
 * the same name elsewhere), without typing every run of the article and finding every body's
 * fullest name, which `mentions` does on first use. Same answers as indexOrganisations.
 */
export class OrganisationIndex {
  /** Lines read so far (the runs of each, split, and their kinds as asked), by the line's start. */
  private readonly lines = new Map<number, Line>();
  /** Name -> whether some part of that name is an organisation (a typed name counts wherever it recurs). */
  private readonly typedNames = new Map<string, boolean>();
  private campaignList?: Run[];
  private all?: OrgMention[];
  private pattern?: RegExp;

  constructor(
    private readonly text: string,
    private readonly inQuote: (pos: number) => boolean,
  ) {}

  /** ORG_RUN, or its ASCII twin when the text allows. */
  private get runPattern(): RegExp {
    return (this.pattern ??= hasOnlyAsciiWordChars(this.text) ? ORG_RUN_ASCII : ORG_RUN);
  }

  /** Every mention, as indexOrganisations returns them. */
  get mentions(): OrgMention[] {
    return (this.all ??= this.index());
  }

  /** The organisation mention that starts at pos, or covers it ("the Post" at "the"). */
  at(pos: number): Organisation | null {
    if (this.all === undefined && !this.mayCover(pos)) return null;
    for (const m of this.mentions) {
      if (m.start > pos + 4) break;
      if (m.end > pos && m.start <= pos + 4) return m.org;
    }
    return null;
  }

  /**
   * False only when no mention can cover [pos, pos + 4]: every mention is a run, a part of one
   * or a campaign, so it is enough that none there is an organisation. A run never holds a line
   * break, so the lines of those five characters hold every run that covers them.
   */
  private mayCover(pos: number): boolean {
    const covers = (r: Run) => r.end > pos && r.start <= pos + 4;
    let previous: Line | undefined;
    for (let at = Math.max(0, pos); at <= pos + 4 && at < this.text.length; at++) {
      if (this.text.charCodeAt(at) === 0x0a) continue;
      const line = this.lineAt(at);
      if (line === previous) continue;
      previous = line;
      for (let i = 0; i < line.runs.length; i++) {
        const run = line.runs[i]!;
        if (!covers(run)) continue;
        if (this.typedName(run.name)) return true;
        for (let j = 0; j < line.parts[i]!.length; j++) if (covers(line.parts[i]![j]!) && this.kindOf(line, i, j)) return true;
      }
    }
    return this.campaigns().some(covers);
  }

  /** The line (text between line breaks) that holds `at`, which is no line break. */
  private lineAt(at: number): Line {
    const start = this.text.lastIndexOf('\n', at) + 1;
    let line = this.lines.get(start);
    if (!line) {
      const end = this.text.indexOf('\n', at);
      const runs = orgRuns(this.text, this.inQuote, start, end < 0 ? this.text.length : end, this.runPattern);
      const parts = runs.map((r) => splitAtConnector(r, this.text));
      line = { runs, parts, kinds: parts.map((p) => new Array<OrgKind | null | undefined>(p.length)) };
      this.lines.set(start, line);
    }
    return line;
  }

  private kindOf(line: Line, run: number, part: number): OrgKind | null {
    let kind = line.kinds[run]![part];
    if (kind === undefined) {
      const p = line.parts[run]![part]!;
      kind = runKind(this.text, p.start, p.name, p.definite);
      line.kinds[run]![part] = kind;
    }
    return kind;
  }

  /** Whether a part named `name` anywhere in the text is an organisation: read only where the name is written. */
  private typedName(name: string): boolean {
    let typed = this.typedNames.get(name);
    if (typed === undefined) {
      typed = false;
      for (let at = this.text.indexOf(name); at >= 0 && !typed; at = this.text.indexOf(name, at + 1)) {
        const line = this.lineAt(at);
        for (let i = 0; i < line.parts.length && !typed; i++) {
          const parts = line.parts[i]!;
          for (let j = 0; j < parts.length && !typed; j++) typed = parts[j]!.start === at && parts[j]!.name === name && this.kindOf(line, i, j) !== null;
        }
      }
      this.typedNames.set(name, typed);
    }
    return typed;
  }

  private campaigns(): Run[] {
    if (this.campaignList) return this.campaignList;
    const found: Run[] = [];
    for (const m of campaignMatches(this.text)) {
      if (this.inQuote(m.start)) continue;
      if (NOT_A_NAME_START.has(firstWord(m.candidate))) continue;
      const surname = m.candidate.split(/[ \u00a0]+/).pop()!;
      found.push({ start: m.start, end: m.end, name: `the ${surname} campaign`, definite: true });
    }
    return (this.campaignList = found);
  }

  private index(): OrgMention[] {
    const { text } = this;
    const runs = orgRuns(text, this.inQuote, 0, text.length, this.runPattern);
    const found: Array<{ start: number; end: number; name: string; kind: OrgKind }> = [];
    for (const r of runs.flatMap((run) => splitAtConnector(run, this.text))) {
      const kind = runKind(text, r.start, r.name, r.definite);
      // "U.S. Customs and Border Protection", "the U.N. Office for ...": the country's or union's
      // abbreviation, whose dot ends a run, is part of a government body's name.
      const state = kind === 'government' ? STATE_ABBREVIATION_BEFORE.exec(text.slice(Math.max(0, r.start - 6), r.start)) : null;
      const start = state ? r.start - state[0].length : r.start;
      // One object shape for every entry (a spread copied the run's own fields too, a campaign had
      // fewer): an entry of another shape met late made V8 drop and recompile this code, pass after pass.
      if (kind) found.push({ start, end: r.end, name: state ? `${state[0]}${r.name}` : r.name, kind });
    }
    // A name the text typed once ("the editors of The Advocate") is an organisation wherever it recurs.
    const typed = new Map(found.map((f) => [f.name, f.kind] as const));
    const typedStarts = new Set(found.map((f) => f.start));
    for (const r of runs) {
      const kind = typed.get(r.name);
      if (kind && !typedStarts.has(r.start)) found.push({ start: r.start, end: r.end, name: r.name, kind });
    }
    for (const c of this.campaigns()) found.push({ start: c.start, end: c.end, name: c.name, kind: 'campaign' });
    found.sort((a, b) => a.start - b.start);
    return withFullestNames(found);
  }
}

/** "U.S. ", "U.N. " before a name (not after a word's end: "the ES.U.S. " is none). */
const STATE_ABBREVIATION_BEFORE = /(?<![\p{L}.])(?:U\.S\.|U\.N\.|U\.K\.|E\.U\.)[ \u00a0]$/u;

/** One line's capitalised runs, each run's parts (splitAtConnector), and the parts' kinds once asked (null: no body). */
interface Line {
  runs: Run[];
  parts: Run[][];
  kinds: Array<Array<OrgKind | null | undefined>>;
}

/**
 * The capitalised runs outside quotations that start in text[from, to), in text order, with
 * their name as the index reads it. `from` is 0 or just after a line break: no run holds one, so
 * the scan finds there the same runs as a scan of the whole text.
 */
function orgRuns(text: string, inQuote: (pos: number) => boolean, from: number, to: number, pattern: RegExp): Run[] {
  const runs: Run[] = [];
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text)) {
    if (inQuote(m.index)) continue;
    let run = m[0].replace(/[’'-]+$/, '');
    let start = m.index;
    // "Enter The Washington Post.": a word before an inner "The" is no part of the name ("of The
    // Nation" is one name; splitAtConnector reads it).
    // (For speed: INNER_THE cannot match without a "The", and most runs have none.)
    const inner = run.includes('The') ? INNER_THE.exec(run) : null;
    if (inner && !/[ \u00a0]?(?:of|for|on|and|&)[ \u00a0]$/.test(inner[0])) {
      run = run.slice(inner[0].length);
      start += inner[0].length;
    }
    const lead = /^The[ \u00a0]+/.exec(run);
    if (lead) {
      run = run.slice(lead[0].length);
      start += lead[0].length;
    }
    // "the pro-Christie Union Leader": the word glued to a prefix is not part of the name.
    if (text[start - 1] === '-' && run.includes(' ')) {
      const cut = run.search(/[ \u00a0]/);
      start += cut + 1;
      run = run.slice(cut + 1);
    }
    run = run.replace(/['’]s$/, '').replace(/(?:[ \u00a0](?:of|for|on|and|&|the))+$/, '');
    if (!run || NOT_A_NAME_START.has(firstWord(run))) continue;
    // "Department for Environment, Food and Rural Affairs", "Ministry of Economy, Trade and
    // Industry": a department's list of what it is for runs on across its commas.
    const list = text[start + run.length] === ',' && OFFICE_FOR.test(run) ? OFFICE_LIST_TAIL.exec(text.slice(start + run.length, start + run.length + 120)) : null;
    if (list) {
      run += list[0];
      pattern.lastIndex = start + run.length;
    }
    // "NutriPeak Labs of Orem", "Gulfway Logistics of Mobile": where a company is based is no part of
    // its name (a company's word that never takes "of" ends it; "Bank of America" does).
    const based = run.includes(' of ') ? COMPANY_OF_PLACE.exec(run) : null;
    if (based) run = based[1]!;
    // "Lumenfold Inc.": a company's abbreviation keeps its stop.
    if (text[start + run.length] === '.' && COMPANY_ABBREVIATION_AT_END.test(run)) run += '.';
    const definite = !!lead || /\bthe[ \u00a0]+$/i.test(text.slice(Math.max(0, start - 4), start));
    runs.push({ start, end: start + run.length, name: run, definite });
  }
  return runs;
}

/**
 * The words of a run before an inner "The" and a capital. A module constant: a Unicode-property
 * literal inside a function is compiled to `new RegExp(...)` on every call by esbuild (tsx and the
 * build target Node 20), a new regex object per run.
 */
const INNER_THE = /^(?:\S+[ \u00a0])*?\S+[ \u00a0](?=The[ \u00a0]+\p{Lu})/u;

/** A company's name, then "of" and where it is based: group 1 is the name. */
const COMPANY_OF_PLACE = /^(.+?[ \u00a0](?:Labs|Logistics|Inc\.?|Corp\.?|LLC|Ltd\.?|Holdings|Industries|Enterprises|Technologies|Systems|Foods|Motors|Therapeutics|Ventures|Securities))[ \u00a0]of[ \u00a0]\p{Lu}/u;

/** A government body named by what it is for: "Department for Culture", "Ministry of Economy". */
const OFFICE_FOR = /(?:^|[ \u00a0])(?:Department|Ministry|Office|Secretary|Secretariat|Commission|Committee|Minister)[ \u00a0](?:of|for)[ \u00a0]/;
/** The rest of such a name's list: ", Food and Rural Affairs", ", Trade and Industry", ", Food and the Marine". */
const OFFICE_LIST_TAIL = /^(?:,[ \u00a0]+\p{Lu}[\p{L}'’-]*(?:[ \u00a0]+\p{Lu}[\p{L}'’-]*)*){1,3},?[ \u00a0]+and[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu}[\p{L}'’-]*(?:[ \u00a0]+\p{Lu}[\p{L}'’-]*)*/u;

/** Characters a CAMPAIGN match is made of; a surrogate counts as one too (it may be half of a letter). */
const CAMPAIGN_CHAR = /[\p{L}.'’ \u00a0-]|[\ud800-\udfff]/u;

/**
 * The matches of CAMPAIGN, the same as text.matchAll(CAMPAIGN) but fast: a match is made of letters,
 * spaces and . ' ’ - only and ends in "campaign", so the regex runs only on the stretch of such
 * characters around each "campaign" (with one character either side for its \b), not over the text.
 */
function* campaignMatches(text: string): Generator<{ start: number; end: number; candidate: string }> {
  let scanned = 0;
  for (let at = text.indexOf('campaign'); at >= 0; at = text.indexOf('campaign', at + 1)) {
    if (at < scanned) continue;
    let from = at;
    while (from > scanned && CAMPAIGN_CHAR.test(text[from - 1]!)) from--;
    let to = at;
    while (to < text.length && CAMPAIGN_CHAR.test(text[to]!)) to++;
    const offset = Math.max(0, from - 1);
    for (const m of text.slice(offset, to + 1).matchAll(CAMPAIGN)) {
      yield { start: offset + m.index, end: offset + m.index + m[0].length, candidate: m[1]! };
    }
    scanned = to;
  }
}

/** The rest of a run after "and" that makes two places one body's: "Somerset Police", "Chelsea Council". */
const JOINT_AREA_BODY = /^\p{Lu}[\p{L}-]*[ \u00a0](?:Police|Constabulary|Council)$/u;

/**
 * "Party of Wyoming", "Center for American Progress" are one name; "Chris Wallace of Fox News" and
 * "Trump and Clinton" are two: a run is split at its first connector unless the words before it
 * end in an organisation word.
 */
function splitAtConnector(r: Run, text: string): Run[] {
  // "the Justice Department on Monday": a day or month after "on" is when, not part of the name.
  const dated = ON_A_DATE.exec(r.name);
  if (dated) return splitAtConnector({ ...r, end: r.start + dated.index, name: r.name.slice(0, dated.index) }, text);
  const m = /[ \u00a0](?:of|for|on|and|&)(?:[ \u00a0]the)?[ \u00a0]/.exec(r.name);
  if (!m) return [r];
  const before = r.name.slice(0, m.index);
  const head = before.split(/[ \u00a0]+/).pop()!.toLowerCase();
  const afterWords = r.name.slice(m.index + m[0].length).split(/[ \u00a0]+/);
  // "West Yorkshire Fire and Rescue Service and West Yorkshire Police": two bodies, each with its own
  // word, joined by "and" are two.
  // (Not one word before "and": "Securities and Exchange Commission" is one.)
  const twoBodies = /^[ \u00a0](?:and|&)(?:[ \u00a0]the)?[ \u00a0]$/.test(m[0]) && before.includes(' ') && afterWords.some((w) => ORG_WORD_KIND[w.toLowerCase()]);
  if ((ORG_WORD_KIND[head] || /^(?:center|centre)s?$/.test(head)) && !twoBodies) return [r];
  // "Harwood and Lane has stopped", "Fletcher and Daughters": two names with one verb in the
  // singular, or a family firm's word, are one firm.
  if (/^[ \u00a0](?:and|&)[ \u00a0]$/.test(m[0]) && !/[ \u00a0]/.test(before) && afterWords.length === 1 && (FIRM_PARTNERS.test(afterWords[0]!) || SINGULAR_VERB_AFTER.test(text.slice(r.end, r.end + 30)))) return [r];
  // "Avon and Somerset Police", "Kensington and Chelsea Council": two places that one force or council serves.
  if (/^[ \u00a0]and[ \u00a0]$/.test(m[0]) && !before.includes(' ') && JOINT_AREA_BODY.test(r.name.slice(m.index + m[0].length))) return [r];
  // "Food and Drink Alliance", "Department for Business and Trade": one capitalised word before
  // "and", then words that end in a body's own word, are one name.
  // So do a few such words before "and" when the first is no one's first name ("Kestrel Learning and
  // Education Trust", "Heat Pump and Renewable Heating Association"; not "Donald Trump and Clinton Foundation").
  const beforeWords = before.split(/[ \u00a0]+/);
  if (/^[ \u00a0](?:and|&)[ \u00a0]$/.test(m[0]) && beforeWords.length <= 3 && !afterWords.some((w) => w === 'and' || w === '&') && (beforeWords.length === 1 || !beforeWords.some((w) => ORG_WORD_KIND[w.toLowerCase()])) && (beforeWords.length === 1 || !newsFirstNameGender(beforeWords[0]!)) && bodyNameEnd(afterWords[afterWords.length - 1]!)) return [r];
  // "fan group Spirit of Shankly", "the charity Friends of the Earth": the type noun before the run
  // says the whole run is one body's name.
  const typeNoun = /^[ \u00a0](?:of|for)[ \u00a0]/.test(m[0]) ? lastLowerWord(text, Math.max(0, r.start - 16), r.start) : undefined;
  if (typeNoun && TYPE_NOUN_KIND[typeNoun] && typeNoun !== 'campaign' && typeNoun !== 'party') return [r];
  const after = r.name.slice(m.index + m[0].length);
  const afterStart = r.start + m.index + m[0].length;
  return [{ ...r, end: r.start + before.length, name: before }, ...splitAtConnector({ start: afterStart, end: r.end, name: after, definite: /the[ \u00a0]$/.test(m[0]) }, text)];
}

/** The word after "and" in a family firm's or partnership's name. */
const FIRM_PARTNERS = /^(?:Sons|Daughters|Partners|Associates|Co\.?|Company)$/;
const COMPANY_ABBREVIATION_AT_END = new RegExp(`[ \u00a0](?:${COMPANY_ABBREVIATIONS})$`);
/** A verb in the third person singular right after a name: "has", "is", "says" (a plural noun ends in s too). */
const SINGULAR_VERB_AFTER = /^[ \u00a0]+(?:also[ \u00a0]+|now[ \u00a0]+)?(?:has|is|was|says|does|wants|plans|denies|insists|warns|admits)\b/;
const ON_A_DATE = new RegExp(String.raw`[ \u00a0]on[ \u00a0](?:${WEEKDAYS}|${MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b`);

/** The first word of a run, up to its first space. */
function firstWord(run: string): string {
  const space = run.search(/[ \u00a0]/);
  return space < 0 ? run : run.slice(0, space);
}

/** Capitalised words that open sentences, not names. */
const NOT_A_NAME_START = new Set(
  ('The A An This That These Those It Its He She His Her They Their We Our I In On At As After Before But And Or If ' +
    'When While For From With Without By To Of Some Many Most More No Not So Then There Here What Who Why How Where ' +
    'Which Also Even Just Still Only All Any Each Every Both One Two Three Mr Mrs Ms Dr Sen Rep Gov').split(' '),
);

/** A one-word acronym ("FBI", "AT&T"); a module constant for speed, as INNER_THE. */
const ACRONYM_RUN = /^\p{Lu}[\p{Lu}\p{N}&]{1,5}$/u;

/** The kind of body a capitalised run names, or null when it is not an organisation. */
function runKind(text: string, start: number, run: string, definite: boolean): OrgKind | null {
  const words = run.split(/[ \u00a0]+/);
  // "Atlantic City Mayor Don Guardian": an office, then a first name, is a person, though a body's
  // word ("Guardian", "Times") ends the run.
  if (words.length >= 3 && words.some((w, i) => i < words.length - 2 && isTitleWord(w) && firstNameGender(words[i + 1]))) return null;
  if (words.length === 1 && ACRONYM_RUN.test(run)) {
    if (NOT_ORG_ACRONYM.has(run)) return null;
    return ACRONYM_KIND[run] ?? 'unknown';
  }
  // "Republican Party of Wyoming", "Board of Elections": the head comes before the first "of"/"for".
  // "Customs and Border Protection": a run kept whole across "and" (splitAtConnector) has its head before it too.
  const connector = words.findIndex((w) => w === 'of' || w === 'for' || w === 'on' || w === 'and' || w === '&');
  // Across "and" the last word comes first: "Securities and Exchange Commission" is a commission.
  const last = words[words.length - 1]!;
  const heads = connector > 0 ? (/^(?:and|&)$/.test(words[connector]!) ? [last, words[connector - 1]!] : [words[connector - 1]!, last]) : [last];
  for (const head of heads) {
    // "Center for American Progress" names a body; "Verizon Center" names a place.
    const lower = head.toLowerCase();
    const kind = ORG_WORD_KIND[lower.endsWith('.') ? lower.slice(0, -1) : lower] ?? (connector > 0 && head === heads[0] && /^(?:Center|Centre)s?$/.test(head) ? 'group' : undefined);
    // "The Post", "the Journal": one organisation word is a name only after "the".
    if (kind && (words.length > 1 || definite)) return kind;
  }
  if (run === 'White House' || run === 'Kremlin' || run === 'Pentagon') return 'government';
  // A run kept whole across "and" with no body's word in it (splitAtConnector): a firm.
  if (/[ \u00a0](?:and|&)[ \u00a0]/.test(run) && words.length === 3) return 'company';
  return typedByContext(text, start, start + run.length);
}

const TYPE_BEFORE = /(?:^|[\s(])(?:the|a|an)?[ \u00a0]?(?:[\p{Ll}-]+[ \u00a0]){0,2}([\p{Ll}]+)[ \u00a0]+$/u;
const TYPE_AFTER = /^[ \u00a0]+([\p{Ll}]+)\b/u;
/** "a firm ", "an Ohio company ": the type noun brought in by an indefinite article. */
const INDEFINITE_TYPE_BEFORE = /(?:^|[\s(])(?:a|an)[ \u00a0](?:[\p{L}-]+[ \u00a0]){0,2}?[\p{Ll}]+[ \u00a0]+$/u;
/** An auxiliary right after a name: " had represented", " has worked for". */
const CLAUSE_VERB_AFTER = /^[ \u00a0]+(?:had|has|have|was|is|once|still|later|previously)[ \u00a0]/;
const TYPE_APPOSITIVE = /^,[ \u00a0]+(?:a|an|the|\p{Lu}[\p{L}.'’ -]*?['’]s)[ \u00a0]+(?:[\p{L}-]+(?:['’]s)?[ \u00a0]+){0,4}?([\p{Ll}]+)[,.;]/u;

const AMONG_END = /(?:as|like|including)[ \u00a0]+(?:the[ \u00a0]+)?$/;
const AMONG = /\b(\p{Ll}+)[ \u00a0]+(?:such[ \u00a0]+as|like|including)[ \u00a0]+(?:the[ \u00a0]+)?$/u;
const PLURAL_TYPE_KIND: Record<string, OrgKind> = {
  companies: 'company', firms: 'company', employers: 'company', businesses: 'company', corporations: 'company', retailers: 'company',
  groups: 'group', organizations: 'group', organisations: 'group', charities: 'group', nonprofits: 'group',
  newspapers: 'media', outlets: 'media', publications: 'media', networks: 'media', agencies: 'government',
};

/**
 * The lower-case word that ends text[from, to) before one or more spaces, as
 * /(\p{Ll}+)[ \u00a0]+$/u finds it in that slice: a loop over ASCII letters, the regex only
 * when a letter outside ASCII may belong to the word.
 */
function lastLowerWord(text: string, from: number, to: number): string | undefined {
  let end = to;
  while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\u00a0')) end--;
  if (end === to) return undefined;
  let begin = end;
  while (begin > from && text.charCodeAt(begin - 1) >= 97 && text.charCodeAt(begin - 1) <= 122) begin--;
  if (begin > from && text.charCodeAt(begin - 1) > 127) return /(\p{Ll}+)[ \u00a0]+$/u.exec(text.slice(from, to))?.[1];
  return begin < end ? text.slice(begin, end) : undefined;
}

/** What the words around a name say it is: "the website X", "X magazine", "X, the state's largest newspaper,". */
function typedByContext(text: string, start: number, end: number): OrgKind | null {
  // Most names have no type noun right before them: look at the last word before running the regex.
  const lastWord = lastLowerWord(text, Math.max(0, start - 16), start);
  const before = lastWord && TYPE_NOUN_KIND[lastWord] ? TYPE_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1] : undefined;
  // Not "a firm Voss had represented": after "a firm", a name and its verb open a clause about the
  // firm, whose subject the name is ("the firm Accenture has said" does name it).
  if (before && TYPE_NOUN_KIND[before] && !(INDEFINITE_TYPE_BEFORE.test(text.slice(Math.max(0, start - 40), start)) && CLAUSE_VERB_AFTER.test(text.slice(end, end + 24)))) return TYPE_NOUN_KIND[before]!;
  if (/\beditors[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?$/i.test(text.slice(Math.max(0, start - 20), start))) return 'media';
  // "employers such as Monsanto", "groups including the NAACP" (the cheap test first: few names follow these words).
  const nearBefore = text.slice(Math.max(0, start - 60), start);
  const among = AMONG_END.test(nearBefore) ? AMONG.exec(nearBefore)?.[1] : undefined;
  if (among && PLURAL_TYPE_KIND[among]) return PLURAL_TYPE_KIND[among]!;
  const after = text.slice(end, end + 80);
  // "Time magazine" names the magazine; "the Baton Rouge newspaper" describes one by its city.
  const next = TYPE_AFTER.exec(after)?.[1];
  if (next && /^(?:magazine|newspaper)$/.test(next) && !/\b(?:the|a|an)[ \u00a0]+$/i.test(text.slice(Math.max(0, start - 4), start))) return 'media';
  if (/^['’]s?[ \u00a0]+editorial\b/.test(after)) return 'media';
  const appositive = TYPE_APPOSITIVE.exec(after)?.[1];
  if (appositive && TYPE_NOUN_KIND[appositive]) return TYPE_NOUN_KIND[appositive]!;
  return null;
}

/**
 * Names shortened later ("the Daily News", "the Post", "DNC") take the fullest name of the body:
 * a longer name of the same kind that ends with the same words, or whose initials the acronym is.
 */
const COUNTRY_ABBREVIATION = /^(?:U\.?S\.?|U\.?K\.?|EU)$/;

function withFullestNames(found: Array<{ start: number; end: number; name: string; kind: OrgKind }>): OrgMention[] {
  const orgs = new Map<string, Organisation>();
  // Each name's words, split once: a body is named many times, and every name is compared with every other.
  const others = found.map((o) => ({ name: o.name, kind: o.kind, words: o.name.split(/[ \u00a0]+/) }));
  const fullest = (name: string, kind: OrgKind): string => {
    const words = name.split(/[ \u00a0]+/);
    const joined = words.join(' ');
    const acronym = words.length === 1 && /^\p{Lu}{2,6}$/u.test(name);
    let best = name;
    for (const other of others) {
      if (other.name.length <= best.length) continue;
      const ow = other.words;
      const suffix = ow.length > words.length && ow.slice(-words.length).join(' ') === joined && (other.kind === kind || kind === 'unknown');
      // ("SEC" for "U.S. Securities and Exchange Commission": a country's abbreviation before the name
      // may be left out of the acronym.)
      const capitals = acronym ? ow.filter((w) => STARTS_UPPER.test(w)).map((w) => w[0]).join('') : '';
      const initials = acronym && (capitals === name || (COUNTRY_ABBREVIATION.test(ow[0]!) && capitals.slice(1) === name));
      if (suffix || initials) best = other.name;
    }
    return best;
  };
  const fullestByName = new Map<string, string>();
  return found.map((f) => {
    const key = `${f.kind} ${f.name}`;
    let name = fullestByName.get(key);
    if (name === undefined) {
      name = f.kind === 'campaign' ? f.name : fullest(f.name, f.kind);
      fullestByName.set(key, name);
    }
    let org = orgs.get(name);
    if (!org) {
      const kind = f.kind === 'unknown' ? found.find((o) => o.name === name && o.kind !== 'unknown')?.kind ?? 'unknown' : f.kind;
      org = { name, kind };
      orgs.set(name, org);
    }
    return { start: f.start, end: f.end, org };
  });
}
