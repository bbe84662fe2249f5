// Speakers on passages written blind (issue 12): realistic news passages from many kinds of outlet,
// each with the speaker of every quotation, written by people who read no code, no data and no
// tests (eval/quotes/README.md, "blind-tune.jsonl and blind-held.jsonl"). Our own data, in the
// repository. blind-tune was read item by item while writing the rules of stops 41 (sets A-I), 42
// (K, L), 43 (O, P, Q, T, U), 44 (W, X, Y, AA, AB) and 45 (AD, AE, AF, AG); blind-held (D, E, J of
// stop 41, M and N of stop 42, R, S and V of stop 43, Z and AC of stop 44, AH to AK of stop 45) never
// was: its items are never listed, whatever the flags say.
//
// Code path measured: extractQuotes (src/nlp/quotes.ts) with the article title, the call that
// analyseArticle makes for every article at ingest (`news-digest ingest`, `extract`), as
// eval/quotes.ts does.
//
// Per quotation (a span in double marks in the body, in order), against the expected speaker:
//   right      the same speaker (case, a leading article, a title such as Mr or Sen. and a final
//              's aside; an expected description also as its noun phrase before a comma, relative
//              clause or participle clause, as eval/quotes.ts judges descriptors), or no quotation
//              found where no one speaks
//   other      a speaker other than the expected one: another name, or a description where a
//              name or a fuller description is expected
//   missed     no speaker where one is expected
//   extra      a speaker where the passage says no one speaks (a title, a nickname, scare quotes)
//   unfound    no quotation found there, though someone speaks
// Then the key quotes a digest would show for each passage (prepareArticle, then composeStory, as a
// story of its own): how many are shown with a speaker, and how many of those with a wrong one.
// Run: npm run eval:blind [-- --verbose]   (--verbose lists blind-tune's misses)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_KEY_QUOTES } from '../src/digest/compose.ts';
import { prepareArticle } from '../src/ingest/prepare.ts';
import { extractQuotes } from '../src/nlp/quotes.ts';
import { keyQuotesShown } from './key-quotes-shown.ts';
import { projectRoot } from './polnear-events.ts';

interface Passage {
  set: string;
  title: string;
  text: string;
  speakers: Array<string | null>;
}

type Verdict = 'right' | 'other' | 'missed' | 'extra' | 'unfound';
const VERDICTS: Verdict[] = ['right', 'other', 'missed', 'extra', 'unfound'];

const verbose = process.argv.includes('--verbose');

function load(file: string): Passage[] {
  return readFileSync(join(projectRoot, 'eval', 'quotes', file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Passage);
}

/** A speaker as compared: lower case, curly apostrophes straightened, no leading article, title or final 's. */
function normalised(speaker: string | null): string | null {
  if (speaker === null) return null;
  return speaker
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/^(?:the|a|an) /, '')
    .replace(/\b(?:mr|mrs|ms|dr|sen|rep|gov|prof|sir|dame|lord|lady|president|senator)\.? /g, '')
    .replace(/'s$/, '')
    .trim();
}

/**
 * A description expected with a clause after its noun phrase, cut at a comma, a relative clause or
 * a participle clause, as eval/quotes.ts cuts a gold descriptor ("a senior Senate staffer who has
 * worked with both lawmakers" -> "a senior Senate staffer"): the product writes the noun phrase. A
 * name is left whole.
 */
function descriptionHead(speaker: string): string {
  if (!/^(?:a|an|the|one|another|some|two|three)\s/i.test(speaker)) return speaker;
  return speaker.split(/,|\s(?:who|whom|whose|which|that)\s|\s\p{Ll}+ing\s(?=(?:on|to|at|in|for|with|from|about|as|under|the|a|an|his|her|their|its)\b)/u)[0]!.trim();
}

/**
 * The double-quoted spans of a text, in order: [open, close). A paragraph whose last straight mark
 * opens a quotation that the next paragraph goes on with (news style leaves the mark unclosed at
 * the paragraph's end) holds a span to its end, as the passages' writers counted it.
 */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const paragraph of text.matchAll(/[^\n]+/g)) {
    for (const m of paragraph[0].matchAll(/"[^"]*"|“[^”]*”|"[^"]*$/g)) spans.push([paragraph.index + m.index, paragraph.index + m.index + m[0].length]);
  }
  return spans;
}

/** A shown speaker against the expected one, as judge() compares them. */
function sameSpeaker(got: string | null, want: string | null): boolean {
  return normalised(got) === normalised(want) || (want !== null && got !== null && normalised(got) === normalised(descriptionHead(want)));
}

/** What a reader sees of one passage's speakers: its key quotes, each shown with a speaker or none. */
interface KeyQuoteCounts {
  shown: number;
  withSpeaker: number;
  /** Shown with a speaker other than the expected one (or with one where no one speaks). */
  wrong: number;
  /** Of those, shown with a name (the misattribution a reader trusts least), not a description. */
  wrongName: number;
  /** Passages left out: the ingested text's quotations do not line up with the expected speakers. */
  unaligned: number;
}

/**
 * The key quotes a digest shows for the passage as a story of its own: the passage through
 * prepareArticle (the analysis ingest stores), then composeStory (which builds every story of
 * /summary and the daily digest), as eval/quotes.ts measures them on CNN/DM and PolNeAR.
 */
function judgeKeyQuotes(passage: Passage, counts: KeyQuoteCounts): void {
  const { draft, analysis } = prepareArticle({ title: passage.title, text: passage.text });
  const spans = quotedSpans(draft.text);
  if (spans.length !== passage.speakers.length) {
    counts.unaligned++;
    return;
  }
  for (const { shown, found: q } of keyQuotesShown(draft, analysis, analysis.quotes)) {
    const i = spans.findIndex(([open, close]) => q.start >= open && q.end <= close);
    counts.shown++;
    if (shown.speaker === null) continue;
    counts.withSpeaker++;
    if (i >= 0 && sameSpeaker(shown.speaker, passage.speakers[i] ?? null)) continue;
    counts.wrong++;
    if (kindOf(shown.speaker) === 'name') counts.wrongName++;
  }
}

function judge(passage: Passage): Array<{ verdict: Verdict; got: string | null; want: string | null; quote: string }> {
  const found = extractQuotes(passage.text, { title: passage.title });
  return quotedSpans(passage.text).map(([open, close], i) => {
    const want = passage.speakers[i] ?? null;
    const quote = found.find((q) => q.start >= open && q.end <= close);
    const got = quote ? (quote.speaker ?? null) : null;
    let verdict: Verdict;
    if (!quote) verdict = want === null ? 'right' : 'unfound';
    else if (sameSpeaker(got, want)) verdict = 'right';
    else if (want === null) verdict = 'extra';
    else if (got === null) verdict = 'missed';
    else verdict = 'other';
    return { verdict, got, want, quote: passage.text.slice(open, Math.min(close, open + 60)) };
  });
}

/** What a speaker string is: a description ("a senior aide", "the company") or a name ("Jane Doe", "Acme Corp."). */
function kindOf(speaker: string): 'description' | 'name' {
  return /^(?:a|an|the|one|another|some|two|three|several|his|her|their|its)\s/i.test(speaker) ? 'description' : 'name';
}

/**
 * The kinds of "other": a name shown for someone else named (the misattribution a reader trusts
 * least), a name shown for someone the article never names, a description shown for someone it
 * names, and two descriptions (often two fair ways to describe one unnamed person).
 */
const OTHER_KINDS = ['name for another name', 'name for an unnamed person', 'description for a named person', 'description for another description'] as const;
function otherKind(got: string, want: string): (typeof OTHER_KINDS)[number] {
  const g = kindOf(got);
  const w = kindOf(want);
  if (g === 'name') return w === 'name' ? 'name for another name' : 'name for an unnamed person';
  return w === 'name' ? 'description for a named person' : 'description for another description';
}

function report(file: string, held: boolean): void {
  const passages = load(file);
  const bySet = new Map<string, Record<Verdict, number>>();
  const others = new Map<string, number>(OTHER_KINDS.map((k) => [k, 0]));
  const keyQuotes: KeyQuoteCounts = { shown: 0, withSpeaker: 0, wrong: 0, wrongName: 0, unaligned: 0 };
  for (const passage of passages) {
    judgeKeyQuotes(passage, keyQuotes);
    const counts = bySet.get(passage.set) ?? { right: 0, other: 0, missed: 0, extra: 0, unfound: 0 };
    bySet.set(passage.set, counts);
    const judged = judge(passage);
    for (const j of judged) counts[j.verdict]++;
    for (const j of judged) if (j.verdict === 'other') others.set(otherKind(j.got!, j.want!), others.get(otherKind(j.got!, j.want!))! + 1);
    if (verbose && !held) {
      for (const j of judged) if (j.verdict !== 'right') console.log(`  [${passage.set}] ${passage.title.slice(0, 50)} | ${j.verdict} got ${JSON.stringify(j.got)} want ${JSON.stringify(j.want)} | ${j.quote}`);
    }
  }
  const total: Record<Verdict, number> = { right: 0, other: 0, missed: 0, extra: 0, unfound: 0 };
  console.log(`\n${file} (${held ? 'held out: never read item by item, items never listed' : 'tuned on at stops 41 (A-I), 42 (K, L), 43 (O-Q, T, U), 44 (W-Y, AA, AB) and 45 (AD-AG)'}), ${passages.length} passages`);
  console.log(`| set | quotations | ${VERDICTS.join(' | ')} | right share |`);
  console.log(`|---|---|${VERDICTS.map(() => '---|').join('')}---|`);
  for (const [set, counts] of [...bySet].sort(([a], [b]) => a.localeCompare(b))) {
    const n = VERDICTS.reduce((sum, v) => sum + counts[v], 0);
    for (const v of VERDICTS) total[v] += counts[v];
    console.log(`| ${set} | ${n} | ${VERDICTS.map((v) => counts[v]).join(' | ')} | ${(counts.right / n).toFixed(3)} |`);
  }
  const n = VERDICTS.reduce((sum, v) => sum + total[v], 0);
  console.log(`| **all** | ${n} | ${VERDICTS.map((v) => total[v]).join(' | ')} | **${(total.right / n).toFixed(3)}** |`);
  console.log(`"other", by kind: ${OTHER_KINDS.map((k) => `${k} ${others.get(k)}`).join('; ')}`);
  const share = keyQuotes.withSpeaker ? ((100 * keyQuotes.wrong) / keyQuotes.withSpeaker).toFixed(1) : 'n/a';
  console.log(
    `Key quotes (prepareArticle, then composeStory on each passage as a story of its own, at most ${MAX_KEY_QUOTES}): ${keyQuotes.shown} shown, ${keyQuotes.withSpeaker} with a speaker, **${keyQuotes.wrong} with a wrong one (${share}%)**, ${keyQuotes.wrongName} of them a name; passages left out (quotations not lined up after ingest's cleaning): ${keyQuotes.unaligned}`,
  );
}

console.log('Code path: extractQuotes with the title, as analyseArticle calls it at ingest; key quotes: prepareArticle and composeStory.');
report('blind-tune.jsonl', false);
report('blind-held.jsonl', true);
